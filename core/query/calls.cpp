#include "core/query/calls.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "core/query/columns.hpp"
#include "core/util/redact.hpp"

namespace convstat::core {
namespace {

// "SELECT <columns> FROM calls WHERE <range, tenant, bot, outcome> ORDER BY started_at, tenant, id", bound.
SQLite::Statement calls_query(Cache& cache, const std::string& columns, const TimeRange& range,
                              const Filters& filters) {
  std::vector<std::string> params;
  const std::string sql = "SELECT " + columns + " FROM calls WHERE started_at >= ? AND started_at < ?" +
                          own_conditions(filters, "", {true, true}, params);
  SQLite::Statement q(cache.db(), sql + " ORDER BY started_at, tenant, id");
  q.bind(1, static_cast<std::int64_t>(range.from_ms));
  q.bind(2, static_cast<std::int64_t>(range.to_ms));
  int index = 3;
  for (const auto& p : params) q.bind(index++, p);
  return q;
}

}  // namespace

std::vector<CallRow> load_calls(Cache& cache, const TimeRange& range, const Filters& filters) {
  // The data-model defaults, for rows stored without them.
  SQLite::Statement q = calls_query(
      cache,
      "started_at, coalesce(duration_seconds, 0), status = 'completed', "
      "coalesce(first_call_resolution, outcome IN ('resolved', 'ticket_created'), 0), "
      "coalesce(escalated, outcome = 'escalated', 0), "
      "coalesce(tickets_created, CASE WHEN outcome = 'ticket_created' THEN 1 ELSE 0 END), "
      "outcome, category, resolution_seconds",
      range, filters);
  std::vector<CallRow> rows;
  while (q.executeStep()) {
    CallRow r;
    r.started_at = q.getColumn(0).getInt64();
    r.duration_seconds = q.getColumn(1).getDouble();
    r.completed = q.getColumn(2).getInt() != 0;
    r.first_call_resolution = q.getColumn(3).getInt() != 0;
    r.escalated = q.getColumn(4).getInt() != 0;
    r.tickets_created = q.getColumn(5).getInt64();
    r.outcome = text_or_none(q.getColumn(6));
    r.category = text_or_none(q.getColumn(7));
    r.resolution_seconds = number_or_none(q.getColumn(8));
    rows.push_back(std::move(r));
  }
  return rows;
}

std::vector<PhoneMatch> find_calls_by_phone(Cache& cache, const TimeRange& range, const Filters& filters,
                                            const std::string& digits) {
  SQLite::Statement q =
      calls_query(cache, "id, phone, started_at, duration_seconds, outcome, status", range, filters);
  std::vector<PhoneMatch> matches;
  while (q.executeStep()) {
    const SQLite::Column phone = q.getColumn(1);
    if (phone.isNull()) continue;
    const std::string number = phone.getString();
    if (digits_of(number).find(digits) == std::string::npos) continue;
    matches.push_back({q.getColumn(0).getString(), redact_phone(number), q.getColumn(2).getInt64(),
                       number_or_none(q.getColumn(3)), text_or_none(q.getColumn(4)), q.getColumn(5).getString()});
  }
  std::sort(matches.begin(), matches.end(), [](const PhoneMatch& a, const PhoneMatch& b) {
    if (a.started_at != b.started_at) return a.started_at > b.started_at;
    return a.call_id < b.call_id;
  });
  return matches;
}

}  // namespace convstat::core
