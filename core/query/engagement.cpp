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

// The newer of two optional instants.
std::optional<std::int64_t> newer(std::optional<std::int64_t> a, std::optional<std::int64_t> b) {
  if (!a || !b) return a ? a : b;
  return std::max(*a, *b);
}

// The newest value of each column of `table` in scope (filters.tenant, else every tenant).
// `indexed`: each column has an index, read backwards (one row each); `scanned`: one MAX scan for all.
std::optional<std::int64_t> newest(Cache& cache, const std::string& table, const std::vector<std::string>& indexed,
                                   const std::vector<std::string>& scanned, const Filters& filters) {
  std::vector<SqlParam> params;
  if (filters.tenant) params.emplace_back(*filters.tenant);
  const std::string tenant = filters.tenant ? " AND +tenant = ?" : "";  // +: walk the instant's index, not the tenant's
  std::optional<std::int64_t> out;
  for (const std::string& column : indexed) {
    SQLite::Statement q = bound_statement(cache, "SELECT " + column + " FROM " + table + " WHERE " + column +
                                                     " IS NOT NULL" + tenant + " ORDER BY " + column + " DESC LIMIT 1",
                                          params);
    if (q.executeStep()) out = newer(out, q.getColumn(0).getInt64());
  }
  if (scanned.empty()) return out;
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < scanned.size(); ++i) sql += (i ? ", MAX(" : "MAX(") + scanned[i] + ")";
  SQLite::Statement q = bound_statement(cache, sql + " FROM " + table + " WHERE 1" + tenant, params);
  q.executeStep();
  for (int i = 0; i < static_cast<int>(scanned.size()); ++i)
    if (!q.getColumn(i).isNull()) out = newer(out, q.getColumn(i).getInt64());
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
  std::vector<std::string> texts;
  const std::string calls_sql =
      "SELECT COUNT(*) FROM calls WHERE started_at <= ? AND started_at + COALESCE(duration_seconds, 0) * 1000 > ?" +
      own_conditions(filters, "", {true, false}, texts);
  params = {as_of_ms, as_of_ms};
  append_text_params(params, texts);
  SQLite::Statement calls = bound_statement(cache, calls_sql, params);
  calls.executeStep();
  counts.active_calls = calls.getColumn(0).getInt64();
  // Every record type's own instants; the ones with an index are read from its end.
  struct Instants {
    const char* table;
    std::vector<std::string> indexed, scanned;
  };
  const std::vector<Instants> instants = {
      {"conversations", {"started_at"},
       {"ended_at", "first_response_at", "resolved_at", "escalated_at", "handover_requested_at"}},
      {"messages", {"at"}, {}}, {"csat", {"sent_at", "responded_at"}, {}}, {"calls", {"started_at"}, {}},
      {"turns", {"at"}, {}}, {"usage", {"at"}, {}}, {"feedback", {"created_at"}, {}},
      {"leads", {"created_at"}, {"converted_at"}}, {"events", {"at"}, {}}};
  for (const Instants& i : instants)
    counts.data_as_of = newer(counts.data_as_of, newest(cache, i.table, i.indexed, i.scanned, filters));
  return counts;
}

}  // namespace convstat::core
