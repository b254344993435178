#pragma once
// The scope of records that join their conversation (message, turn, usage,
// feedback) for one range and filter set (kpis.md "Filters"): the tenant is the
// record's own; with a conversation filter the record joins its conversation
// by (tenant, conversation_id) and drops out when that conversation is absent
// or filtered out.
#include <SQLiteCpp/Statement.h>

#include <string>
#include <vector>

#include "core/query/filters.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// " FROM <table> r [JOIN conversations c …] WHERE r.<at> >= ? AND r.<at> < ?
// [AND r.tenant = ?] [conversation conditions on c.]" and the parameters that
// follow the two range bounds. Columns are read as r.<name>.
struct RecordScope {
  std::string sql;
  std::vector<std::string> params;
};

RecordScope joined_record_scope(const std::string& table, const std::string& at, const Filters& filters);

// Binds range.from_ms and range.to_ms as parameters 1 and 2, then `params`.
void bind_scope(SQLite::Statement& q, const TimeRange& range, const std::vector<std::string>& params);

}  // namespace convstat::core
