#include "core/query/csat.hpp"
#include "core/query/columns.hpp"

#include <SQLiteCpp/Statement.h>

namespace convstat::core {
namespace {

CsatRecordRow read_row(SQLite::Statement& q) {
  CsatRecordRow r;
  r.id = q.getColumn(0).getString();
  r.tenant = q.getColumn(1).getString();
  r.conversation_id = q.getColumn(2).getString();
  r.sent_at = q.getColumn(3).getInt64();
  r.responded_at = time_or_none(q.getColumn(4));
  if (!q.getColumn(5).isNull()) r.rating = q.getColumn(5).getInt();
  r.comment = text_or_none(q.getColumn(6));
  r.followup_answer = text_or_none(q.getColumn(7));
  r.channel = text_or_none(q.getColumn(8));
  r.contact_id = text_or_none(q.getColumn(9));
  r.subject = text_or_none(q.getColumn(10));
  r.assignee_id = text_or_none(q.getColumn(11));
  r.assignee_name = text_or_none(q.getColumn(12));
  r.team_id = text_or_none(q.getColumn(13));
  r.team_name = text_or_none(q.getColumn(14));
  r.conversation_started_at = time_or_none(q.getColumn(15));
  return r;
}

}  // namespace

std::vector<CsatRecordRow> load_csat_records(Cache& cache, const TimeRange& range, const Filters& filters) {
  // A conversation present without a channel has the default channel chat.
  std::string sql =
      "SELECT s.id, s.tenant, s.conversation_id, s.sent_at, s.responded_at, s.rating, s.comment, "
      "s.followup_answer, COALESCE(s.channel, CASE WHEN c.id IS NULL THEN NULL ELSE COALESCE(c.channel, 'chat') END), "
      "c.contact_id, c.subject, c.assignee_id, c.assignee_name, c.team_id, c.team_name, c.started_at FROM csat s ";
  sql += filters.narrows_conversations() ? "JOIN" : "LEFT JOIN";
  sql += " conversations c ON c.tenant = s.tenant AND c.id = s.conversation_id"
         " WHERE ((s.responded_at >= ? AND s.responded_at < ?) OR (s.sent_at >= ? AND s.sent_at < ?))";
  std::vector<std::string> params;
  if (filters.tenant) {
    sql += " AND +s.tenant = ?";  // +: walk the instants' indexes, not the tenant's (all its CSAT)
    params.push_back(*filters.tenant);
  }
  sql += conversation_conditions(filters, "c.", false, params) + " ORDER BY s.tenant, s.id";
  SQLite::Statement q(cache.db(), sql);
  int i = 1;
  for (int k = 0; k < 2; ++k) {
    q.bind(i++, static_cast<std::int64_t>(range.from_ms));
    q.bind(i++, static_cast<std::int64_t>(range.to_ms));
  }
  for (const auto& p : params) q.bind(i++, p);
  std::vector<CsatRecordRow> rows;
  while (q.executeStep()) rows.push_back(read_row(q));
  return rows;
}

}  // namespace convstat::core
