#pragma once
// Reading nullable cache columns into the row types of core/query.
#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/query/conversations.hpp"

namespace convstat::core {

// A timestamp column: epoch ms, or k_no_time for NULL.
std::int64_t time_or_none(const SQLite::Column& c);
// A text column: its text, or nullopt for NULL.
std::optional<std::string> text_or_none(const SQLite::Column& c);
// A number column: its value, or nullopt for NULL.
std::optional<double> number_or_none(const SQLite::Column& c);
// A stored JSON list of strings (topics): its strings; none for NULL or
// anything that is not such a list.
std::vector<std::string> string_list_of(const SQLite::Column& c);
// The same of a stored text.
std::vector<std::string> string_list_of(const std::string& json_text);

// A positional SQL parameter: an instant or count, or a text.
using SqlParam = std::variant<std::int64_t, std::string>;
// Appends the parameters of a conversation_conditions fragment (all text) to `params`.
void append_text_params(std::vector<SqlParam>& params, const std::vector<std::string>& texts);
// `sql` prepared on the cache with `params` bound in order.
SQLite::Statement bound_statement(Cache& cache, const std::string& sql, const std::vector<SqlParam>& params);

}  // namespace convstat::core
