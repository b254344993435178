#include "core/query/record_scope.hpp"

namespace convstat::core {

RecordScope joined_record_scope(const std::string& table, const std::string& at, const Filters& filters) {
  RecordScope scope;
  scope.sql = " FROM " + table + " r";
  std::string where = " WHERE r." + at + " >= ? AND r." + at + " < ?";
  if (filters.tenant) {
    where += " AND r.tenant = ?";
    scope.params.push_back(*filters.tenant);
  }
  if (filters.narrows_conversations()) {
    scope.sql += " JOIN conversations c ON c.tenant = r.tenant AND c.id = r.conversation_id";
    where += conversation_conditions(filters, "c.", false, scope.params);
  }
  scope.sql += where;
  return scope;
}

void bind_scope(SQLite::Statement& q, const TimeRange& range, const std::vector<std::string>& params) {
  q.bind(1, static_cast<std::int64_t>(range.from_ms));
  q.bind(2, static_cast<std::int64_t>(range.to_ms));
  int i = 3;
  for (const auto& p : params) q.bind(i++, p);
}

}  // namespace convstat::core
