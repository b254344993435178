#include "core/query/daily.hpp"

#include <unordered_map>

#include "core/query/columns.hpp"

namespace convstat::core {
namespace {

// The range bounds as the first two parameters.
std::vector<SqlParam> range_params(std::int64_t from_ms, std::int64_t to_ms) { return {from_ms, to_ms}; }

// One timestamp column of the conversations matching the filters, in range.
std::vector<std::int64_t> conversation_instants(Cache& cache, const std::string& column, const TimeRange& range,
                                                const Filters& filters) {
  std::vector<std::string> texts;
  const std::string sql = "SELECT " + column + " FROM conversations WHERE " + column + " >= ? AND " + column +
                          " < ?" + conversation_conditions(filters, "", true, texts) + " ORDER BY " + column;
  auto params = range_params(range.from_ms, range.to_ms);
  append_text_params(params, texts);
  SQLite::Statement q = bound_statement(cache, sql, params);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

}  // namespace

DailyMessageRows load_daily_messages(Cache& cache, const TimeRange& range, const Filters& filters) {
  std::string sql = "SELECT m.at, m.direction, m.feedback FROM messages m";
  std::string where = " WHERE m.at >= ? AND m.at < ?";
  auto params = range_params(range.from_ms, range.to_ms);
  if (filters.tenant) {
    where += " AND m.tenant = ?";
    params.emplace_back(*filters.tenant);
  }
  if (filters.narrows_conversations()) {
    std::vector<std::string> texts;
    sql += " JOIN conversations c ON c.tenant = m.tenant AND c.id = m.conversation_id";
    where += conversation_conditions(filters, "c.", false, texts);
    append_text_params(params, texts);
  }
  SQLite::Statement q = bound_statement(cache, sql + where, params);
  DailyMessageRows rows;
  while (q.executeStep()) {
    DailyMessageRow m;
    m.at = q.getColumn(0).getInt64();
    m.inbound = *q.getColumn(1).getText() == 'i';  // inbound | outbound, without a string per row
    if (!q.getColumn(2).isNull()) m.feedback = *q.getColumn(2).getText() == 'p' ? 1 : -1;  // positive | negative
    rows.messages.push_back(m);
  }
  rows.handover_requested_at = conversation_instants(cache, "handover_requested_at", range, filters);
  rows.escalated_at = conversation_instants(cache, "escalated_at", range, filters);
  return rows;
}

std::vector<std::int64_t> load_conversation_start_instants(Cache& cache, const TimeRange& range, const Filters& filters) {
  return conversation_instants(cache, "started_at", range, filters);
}

std::vector<AiQualityRow> load_ai_quality(Cache& cache, const TimeRange& range, const Filters& filters) {
  std::vector<std::string> texts;
  const std::string sql =
      "SELECT started_at, ai_quality FROM conversations WHERE started_at >= ? AND started_at < ?"
      " AND ai_quality IS NOT NULL" + conversation_conditions(filters, "", true, texts) + " ORDER BY started_at";
  auto params = range_params(range.from_ms, range.to_ms);
  append_text_params(params, texts);
  SQLite::Statement q = bound_statement(cache, sql, params);
  std::vector<AiQualityRow> rows;
  while (q.executeStep()) rows.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getDouble()});
  return rows;
}

std::vector<std::int64_t> load_api_errors(Cache& cache, const TimeRange& range, const Filters& filters) {
  std::string sql = "SELECT at FROM events WHERE at >= ? AND at < ? AND kind = 'api_error'";
  auto params = range_params(range.from_ms, range.to_ms);
  if (filters.tenant) {
    sql += " AND tenant = ?";
    params.emplace_back(*filters.tenant);
  }
  SQLite::Statement q = bound_statement(cache, sql + " ORDER BY at", params);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<ContactActivityRow> load_contact_activity(Cache& cache, std::int64_t from_ms, std::int64_t to_ms,
                                                      const Filters& filters) {
  std::vector<SqlParam> params;
  std::string sql =
      "WITH f AS (SELECT tenant, contact_id, MIN(started_at) AS first_seen FROM conversations"
      " WHERE contact_id IS NOT NULL";
  if (filters.tenant) {
    sql += " AND tenant = ?";
    params.emplace_back(*filters.tenant);
  }
  std::vector<std::string> texts;
  // CROSS JOIN keeps the range scan of c outside and finds f by an automatic index.
  sql += " GROUP BY tenant, contact_id)"
         " SELECT c.started_at, f.first_seen, c.tenant, c.contact_id FROM conversations c CROSS JOIN f"
         " ON f.tenant = c.tenant AND f.contact_id = c.contact_id"
         " WHERE c.started_at >= ? AND c.started_at < ?" +
         conversation_conditions(filters, "c.", true, texts) + " ORDER BY c.started_at";
  params.emplace_back(from_ms);
  params.emplace_back(to_ms);
  append_text_params(params, texts);
  SQLite::Statement q = bound_statement(cache, sql, params);
  std::unordered_map<std::string, std::int32_t> contacts;
  std::vector<ContactActivityRow> rows;
  std::string key;
  while (q.executeStep()) {
    key = q.getColumn(2).getString();
    key += '\x1f';
    key += q.getColumn(3).getString();
    const auto next = static_cast<std::int32_t>(contacts.size());
    const std::int32_t contact = contacts.emplace(key, next).first->second;
    rows.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), contact});
  }
  return rows;
}

}  // namespace convstat::core
