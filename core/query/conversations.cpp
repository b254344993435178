#include "core/query/conversations.hpp"
#include "core/query/columns.hpp"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <algorithm>
#include <future>
#include <iterator>

namespace convstat::core {
namespace {

Priority priority_of(const SQLite::Column& c) {
  if (c.isNull()) return Priority::unset;
  const std::string p = c.getString();
  if (p == "urgent") return Priority::urgent;
  if (p == "high") return Priority::high;
  if (p == "medium") return Priority::medium;
  return p == "low" ? Priority::low : Priority::unset;
}

ResolvedBy resolved_by_of(const SQLite::Column& c) {
  if (c.isNull()) return ResolvedBy::none;
  return c.getString() == "ai" ? ResolvedBy::ai : ResolvedBy::human;
}

void bind_all(SQLite::Statement& q, const TimeRange& range, const std::vector<std::string>& params) {
  q.bind(1, static_cast<std::int64_t>(range.from_ms));
  q.bind(2, static_cast<std::int64_t>(range.to_ms));
  int i = 3;
  for (const auto& p : params) q.bind(i++, p);
}

}  // namespace

const char* priority_name(Priority p) {
  static const char* names[] = {"urgent", "high", "medium", "low", "unset"};
  return names[static_cast<int>(p)];
}

namespace {

// The rows of [from_ms, to_ms), by started_at.
std::vector<ConversationRow> conversations_between(Cache& cache, std::int64_t from_ms, std::int64_t to_ms,
                                                   const Filters& filters, bool with_topics) {
  TimeRange range;
  range.from_ms = from_ms;
  range.to_ms = to_ms;
  std::vector<std::string> params;
  const std::string sql =
      "SELECT id, tenant, channel, bot_id, team_id, team_name, assignee_id, assignee_name, contact_id, "
      "started_at, ended_at, first_response_at, resolved_at, escalated_at, handover_requested_at, "
      "first_response_due_at, resolution_due_at, resolved_by, priority" + std::string(with_topics ? ", topics" : "") +
      " FROM conversations "
      "WHERE started_at >= ? AND started_at < ?" + conversation_conditions(filters, "", true, params) +
      " ORDER BY started_at";  // the index order: no sort step
  SQLite::Statement q(cache.db(), sql);
  bind_all(q, range, params);
  std::vector<ConversationRow> rows;
  while (q.executeStep()) {
    ConversationRow r;
    r.id = q.getColumn(0).getString();
    r.tenant = q.getColumn(1).getString();
    r.channel = q.getColumn(2).isNull() ? "chat" : q.getColumn(2).getString();
    r.bot_id = text_or_none(q.getColumn(3));
    r.team_id = text_or_none(q.getColumn(4));
    r.team_name = text_or_none(q.getColumn(5));
    r.assignee_id = text_or_none(q.getColumn(6));
    r.assignee_name = text_or_none(q.getColumn(7));
    r.contact_id = text_or_none(q.getColumn(8));
    r.started_at = q.getColumn(9).getInt64();
    r.ended_at = time_or_none(q.getColumn(10));
    r.first_response_at = time_or_none(q.getColumn(11));
    r.resolved_at = time_or_none(q.getColumn(12));
    r.escalated_at = time_or_none(q.getColumn(13));
    r.handover_requested_at = time_or_none(q.getColumn(14));
    r.first_response_due_at = time_or_none(q.getColumn(15));
    r.resolution_due_at = time_or_none(q.getColumn(16));
    r.resolved_by = resolved_by_of(q.getColumn(17));
    r.priority = priority_of(q.getColumn(18));
    if (with_topics) r.topics = string_list_of(q.getColumn(19));
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace

// A long range over a file cache is read by two threads, each on its own
// read-only connection, the earlier half here and the later one there, then
// joined: the rows and their order are those of one scan. Reading rows is
// most of a KPI's time (bench/scale), and SQLite serves concurrent readers of
// a WAL file. Not inside a transaction (another connection would not see
// what it changed), not for an in-memory cache, not for short ranges.
std::vector<ConversationRow> load_conversations(Cache& cache, const TimeRange& range, const Filters& filters,
                                                bool with_topics) {
  constexpr std::int64_t k_split_span_ms = 7LL * 24 * 3600 * 1000;
  const bool splittable = range.to_ms - range.from_ms >= k_split_span_ms && !cache.path().empty() &&
                          cache.path() != ":memory:" && cache.path().rfind("file:", 0) != 0 &&
                          sqlite3_get_autocommit(cache.db().getHandle()) != 0;
  if (!splittable) return conversations_between(cache, range.from_ms, range.to_ms, filters, with_topics);
  const std::int64_t middle = range.from_ms + (range.to_ms - range.from_ms) / 2;
  auto later = std::async(std::launch::async, [&] {
    Cache reader(cache.path(), OpenMode::read_only);
    return conversations_between(reader, middle, range.to_ms, filters, with_topics);
  });
  std::vector<ConversationRow> rows;
  try {
    rows = conversations_between(cache, range.from_ms, middle, filters, with_topics);
  } catch (...) {
    later.wait();  // never leave the thread running past its references
    throw;
  }
  std::vector<ConversationRow> rest = later.get();
  rows.reserve(rows.size() + rest.size());
  std::move(rest.begin(), rest.end(), std::back_inserter(rows));
  return rows;
}

std::vector<CsatResponseRow> load_csat_responses(Cache& cache, const TimeRange& range, const Filters& filters) {
  std::vector<std::string> params;
  std::string sql = "SELECT s.responded_at, s.rating FROM csat s";
  std::string where = " WHERE s.responded_at >= ? AND s.responded_at < ?";
  if (filters.tenant) {
    where += " AND s.tenant = ?";
    params.push_back(*filters.tenant);
  }
  if (filters.narrows_conversations()) {
    sql += " JOIN conversations c ON c.tenant = s.tenant AND c.id = s.conversation_id";
    where += conversation_conditions(filters, "c.", false, params);
  }
  SQLite::Statement q(cache.db(), sql + where);
  bind_all(q, range, params);
  std::vector<CsatResponseRow> rows;
  while (q.executeStep()) {
    CsatResponseRow r;
    r.responded_at = q.getColumn(0).getInt64();
    if (!q.getColumn(1).isNull()) r.rating = q.getColumn(1).getInt();
    rows.push_back(r);
  }
  return rows;
}

}  // namespace convstat::core
