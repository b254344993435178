#include "core/query/conversations.hpp"
#include "core/query/columns.hpp"
#include "core/cache/raw_statement.hpp"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <algorithm>
#include <future>
#include <iterator>
#include <memory>
#include <optional>

namespace convstat::core {
namespace {

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

Priority priority_named(std::string_view p) {
  if (p == "urgent") return Priority::urgent;
  if (p == "high") return Priority::high;
  if (p == "medium") return Priority::medium;
  return p == "low" ? Priority::low : Priority::unset;
}

namespace {

// How many conversations [from_ms, to_ms) holds for `filters`, when only the
// tenant narrows them (a covering index answers: ~20 ms for 250k rows), else
// nullopt (counting would read the rows twice). Rows reserved up front are
// never moved, and their memory is never held twice while a vector grows.
std::optional<std::size_t> quick_count(Cache& cache, std::int64_t from_ms, std::int64_t to_ms, const Filters& filters) {
  if (filters.narrows_conversations()) return std::nullopt;
  std::vector<std::string> params;
  SQLite::Statement q(cache.db(), "SELECT count(*) FROM conversations WHERE started_at >= ? AND started_at < ?" +
                                      conversation_conditions(filters, "", true, params));
  q.bind(1, static_cast<std::int64_t>(from_ms));
  q.bind(2, static_cast<std::int64_t>(to_ms));
  for (std::size_t i = 0; i < params.size(); ++i) q.bind(static_cast<int>(i) + 3, params[i]);
  return q.executeStep() ? std::optional<std::size_t>(static_cast<std::size_t>(q.getColumn(0).getInt64()))
                         : std::nullopt;
}

// The rows of [from_ms, to_ms), by started_at: into rows[*next], rows[*next + 1]
// … up to rows[end - 1] (slots made ahead by the caller), then appended to
// `overflow`. *next ends past the last slot filled.
void conversations_between(Cache& cache, std::int64_t from_ms, std::int64_t to_ms, const Filters& filters,
                           bool with_topics, std::vector<ConversationRow>& rows, std::size_t* next, std::size_t end,
                           std::vector<ConversationRow>& overflow) {
  std::vector<std::string> params;
  const std::string sql =
      "SELECT id, tenant, channel, bot_id, team_id, team_name, assignee_id, assignee_name, contact_id, "
      "started_at, ended_at, first_response_at, resolved_at, escalated_at, handover_requested_at, "
      "first_response_due_at, resolution_due_at, resolved_by, priority" + std::string(with_topics ? ", topics" : "") +
      " FROM conversations "
      "WHERE started_at >= ? AND started_at < ?" + conversation_conditions(filters, "", true, params) +
      " ORDER BY started_at";  // the index order: no sort step
  RawStatement q(cache.db().getHandle(), sql);
  q.bind(1, from_ms);
  q.bind(2, to_ms);
  for (std::size_t i = 0; i < params.size(); ++i) q.bind_no_copy(static_cast<int>(i) + 3, params[i]);
  const auto optional_text = [&q](int i) {
    return q.null(i) ? std::nullopt : std::optional<std::string>(std::string(q.text(i)));
  };
  const auto time = [&q](int i) { return q.null(i) ? k_no_time : q.integer(i); };
  while (q.step()) {
    ConversationRow& r = *next < end ? rows[(*next)++] : overflow.emplace_back();
    r.id = q.text(0);
    r.tenant = q.text(1);
    r.channel = q.null(2) ? std::string_view("chat") : q.text(2);
    r.bot_id = optional_text(3);
    r.team_id = optional_text(4);
    r.team_name = optional_text(5);
    r.assignee_id = optional_text(6);
    r.assignee_name = optional_text(7);
    r.contact_id = optional_text(8);
    r.started_at = q.integer(9);
    r.ended_at = time(10);
    r.first_response_at = time(11);
    r.resolved_at = time(12);
    r.escalated_at = time(13);
    r.handover_requested_at = time(14);
    r.first_response_due_at = time(15);
    r.resolution_due_at = time(16);
    r.resolved_by = q.null(17) ? ResolvedBy::none : q.text(17) == "ai" ? ResolvedBy::ai : ResolvedBy::human;
    r.priority = q.null(18) ? Priority::unset : priority_named(q.text(18));
    if (with_topics && !q.null(19)) r.topics = string_list_of(std::string(q.text(19)));
  }
}

}  // namespace

// A long range over a file cache is read by two threads, each on its own
// read-only connection, the earlier half here and the later one there, then
// joined: the rows and their order are those of one scan (each half reads its
// own snapshot, so a sync committing in between may show in one half only). Reading rows is
// most of a KPI's time (bench/scale), and SQLite serves concurrent readers of
// a WAL file. Not inside a transaction (another connection would not see
// what it changed), not for an in-memory cache, not for short ranges.
std::vector<ConversationRow> load_conversations(Cache& cache, const TimeRange& range, const Filters& filters,
                                                bool with_topics) {
  constexpr std::int64_t k_split_span_ms = 7LL * 24 * 3600 * 1000;
  const bool splittable = range.to_ms - range.from_ms >= k_split_span_ms && !cache.path().empty() &&
                          cache.path() != ":memory:" && cache.path().rfind("file:", 0) != 0 &&
                          sqlite3_get_autocommit(cache.db().getHandle()) != 0;
  std::vector<ConversationRow> rows, overflow;
  if (!splittable) {
    if (const auto count = quick_count(cache, range.from_ms, range.to_ms, filters)) rows.reserve(*count);
    std::size_t next = 0;
    conversations_between(cache, range.from_ms, range.to_ms, filters, with_topics, rows, &next, 0, rows);
    return rows;
  }
  // Both halves write into one vector sized ahead by their counts (no copy,
  // no second buffer); rows beyond a count (written meanwhile) overflow and
  // are joined after, slots left over (rows deleted meanwhile) are dropped.
  const std::int64_t middle = range.from_ms + (range.to_ms - range.from_ms) / 2;
  const std::size_t first_count = quick_count(cache, range.from_ms, middle, filters).value_or(0);
  const std::size_t later_count = quick_count(cache, middle, range.to_ms, filters).value_or(0);
  rows.resize(first_count + later_count);
  std::size_t first_next = 0, later_next = first_count;
  std::vector<ConversationRow> later_overflow;
  auto later = std::async(std::launch::async, [&] {
    Cache reader(cache.path(), OpenMode::read_only);
    conversations_between(reader, middle, range.to_ms, filters, with_topics, rows, &later_next, rows.size(),
                          later_overflow);
  });
  try {
    conversations_between(cache, range.from_ms, middle, filters, with_topics, rows, &first_next, first_count,
                          overflow);
  } catch (...) {
    later.wait();  // never leave the thread running past its references
    throw;
  }
  later.get();
  if (first_next == first_count && later_next == rows.size() && overflow.empty() && later_overflow.empty())
    return rows;
  std::vector<ConversationRow> joined;  // the counts were off: join the parts in order
  joined.reserve(first_next + overflow.size() + (later_next - first_count) + later_overflow.size());
  const auto take = [&joined](auto from, auto to) { joined.insert(joined.end(), std::make_move_iterator(from), std::make_move_iterator(to)); };
  take(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(first_next));
  take(overflow.begin(), overflow.end());
  take(rows.begin() + static_cast<std::ptrdiff_t>(first_count), rows.begin() + static_cast<std::ptrdiff_t>(later_next));
  take(later_overflow.begin(), later_overflow.end());
  return joined;
  return rows;
}

std::vector<CsatResponseRow> load_csat_responses(Cache& cache, const TimeRange& range, const Filters& filters) {
  std::vector<std::string> params;
  std::string sql = "SELECT s.responded_at, s.rating FROM csat s";
  std::string where = " WHERE s.responded_at >= ? AND s.responded_at < ?";
  if (filters.tenant) {
    where += " AND +s.tenant = ?";  // +: walk the responded_at index, not the tenant's (all its CSAT)
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
