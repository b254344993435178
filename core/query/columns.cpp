#include "core/query/columns.hpp"

#include <nlohmann/json.hpp>

namespace convstat::core {

std::int64_t time_or_none(const SQLite::Column& c) { return c.isNull() ? k_no_time : c.getInt64(); }

std::optional<double> number_or_none(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getDouble();
}

std::optional<std::string> text_or_none(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : std::optional<std::string>(c.getString());
}

std::vector<std::string> string_list_of(const SQLite::Column& c) {
  if (c.isNull()) return {};
  return string_list_of(c.getString());
}

std::vector<std::string> string_list_of(const std::string& json_text) {
  std::vector<std::string> items;
  const auto parsed = nlohmann::json::parse(json_text, nullptr, false);
  if (!parsed.is_array()) return items;
  for (const auto& item : parsed)
    if (item.is_string()) items.push_back(item.get<std::string>());
  return items;
}

void append_text_params(std::vector<SqlParam>& params, const std::vector<std::string>& texts) {
  params.insert(params.end(), texts.begin(), texts.end());
}

SQLite::Statement bound_statement(Cache& cache, const std::string& sql, const std::vector<SqlParam>& params) {
  SQLite::Statement q(cache.db(), sql);
  int i = 1;
  for (const SqlParam& p : params) {
    if (const auto* n = std::get_if<std::int64_t>(&p)) q.bind(i++, *n);
    else q.bind(i++, std::get<std::string>(p));
  }
  return q;
}

}  // namespace convstat::core
