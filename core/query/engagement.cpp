#include "core/query/engagement.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "core/query/columns.hpp"

namespace convstat::core {
namespace {

// " FROM <table> x [JOIN conversations c …] WHERE x.<at> >= ? AND x.<at> < ? [tenant] [filters]" with its
// parameters: the records of `table` in [from_ms, to_ms) following their conversation.
std::string joined_from(const std::string& table, const std::string& at, std::int64_t from_ms, std::int64_t to_ms,
                        const Filters& filters, std::vector<SqlParam>& params) {
  std::string sql = " FROM " + table + " x";
  std::string where = " WHERE x." + at + " >= ? AND x." + at + " < ?";
  params.emplace_back(from_ms);
  params.emplace_back(to_ms);
  if (filters.tenant) {
    where += " AND x.tenant = ?";
    params.emplace_back(*filters.tenant);
  }
  if (filters.narrows_conversations()) {
    std::vector<std::string> texts;
    sql += " JOIN conversations c ON c.tenant = x.tenant AND c.id = x.conversation_id";
    where += conversation_conditions(filters, "c.", false, texts);
    append_text_params(params, texts);
  }
  return sql + where;
}

// MAX of each column of `table` in scope; the newest of them (none when all are NULL).
std::optional<std::int64_t> newest(Cache& cache, const std::string& table, const std::vector<std::string>& columns,
                                   const Filters& filters) {
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", MAX(" : "MAX(") + columns[i] + ")";
  sql += " FROM " + table;
  std::vector<SqlParam> params;
  if (filters.tenant) {
    sql += " WHERE tenant = ?";
    params.emplace_back(*filters.tenant);
  }
  SQLite::Statement q = bound_statement(cache, sql, params);
  q.executeStep();
  std::optional<std::int64_t> out;
  for (int i = 0; i < static_cast<int>(columns.size()); ++i)
    if (!q.getColumn(i).isNull()) out = std::max(out.value_or(q.getColumn(i).getInt64()), q.getColumn(i).getInt64());
  return out;
}

}  // namespace

ThumbsCounts load_thumbs(Cache& cache, const TimeRange& range, const Filters& filters) {
  ThumbsCounts counts;
  std::vector<SqlParam> params;
  const std::string from_messages = joined_from("messages", "at", range.from_ms, range.to_ms, filters, params);
  SQLite::Statement messages = bound_statement(
      cache, "SELECT x.feedback, COUNT(*)" + from_messages + " AND x.feedback IS NOT NULL GROUP BY x.feedback", params);
  while (messages.executeStep())
    (messages.getColumn(0).getString() == "positive" ? counts.up : counts.down) += messages.getColumn(1).getInt64();
  params.clear();
  SQLite::Statement feedback = bound_statement(
      cache, "SELECT x.rating, COUNT(*)" +
                 joined_from("feedback", "created_at", range.from_ms, range.to_ms, filters, params) +
                 " AND x.rating_type = 'thumbs' GROUP BY x.rating",
      params);
  while (feedback.executeStep()) {
    const std::int64_t rating = feedback.getColumn(0).getInt64();
    if (rating == 1) counts.up += feedback.getColumn(1).getInt64();
    if (rating == -1) counts.down += feedback.getColumn(1).getInt64();
  }
  return counts;
}

RealtimeCounts load_realtime(Cache& cache, std::int64_t as_of_ms, std::int64_t window_ms, const Filters& filters) {
  RealtimeCounts counts;
  std::vector<SqlParam> params;
  SQLite::Statement messages = bound_statement(
      cache, "SELECT COUNT(*), COUNT(DISTINCT x.tenant || char(31) || x.conversation_id)" +
                 joined_from("messages", "at", as_of_ms - window_ms, as_of_ms, filters, params),
      params);
  messages.executeStep();
  counts.messages = messages.getColumn(0).getInt64();
  counts.active_sessions = messages.getColumn(1).getInt64();
  std::string calls_sql =
      "SELECT COUNT(*) FROM calls WHERE started_at <= ? AND started_at + COALESCE(duration_seconds, 0) * 1000 > ?";
  params = {as_of_ms, as_of_ms};
  if (filters.tenant) {
    calls_sql += " AND tenant = ?";
    params.emplace_back(*filters.tenant);
  }
  if (filters.bot) {
    calls_sql += " AND bot_id = ?";
    params.emplace_back(*filters.bot);
  }
  SQLite::Statement calls = bound_statement(cache, calls_sql, params);
  calls.executeStep();
  counts.active_calls = calls.getColumn(0).getInt64();
  const std::vector<std::pair<std::string, std::vector<std::string>>> instants = {
      {"conversations", {"started_at", "ended_at", "first_response_at", "resolved_at", "escalated_at",
                         "handover_requested_at"}},
      {"messages", {"at"}}, {"csat", {"sent_at", "responded_at"}}, {"calls", {"started_at"}},
      {"turns", {"at"}}, {"usage", {"at"}}, {"feedback", {"created_at"}},
      {"leads", {"created_at", "converted_at"}}, {"events", {"at"}}};
  for (const auto& [table, columns] : instants)
    if (const auto at = newest(cache, table, columns, filters))
      counts.data_as_of = std::max(counts.data_as_of.value_or(*at), *at);
  return counts;
}

}  // namespace convstat::core
