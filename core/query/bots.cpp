#include "core/query/bots.hpp"

#include <SQLiteCpp/Statement.h>

#include "core/query/columns.hpp"

namespace convstat::core {

bool bot_exists(Cache& cache, const std::string& bot_id, const std::optional<std::string>& tenant) {
  SQLite::Statement q(cache.db(), std::string("SELECT 1 FROM conversations WHERE bot_id = ?") +
                                      (tenant ? " AND tenant = ?" : "") + " LIMIT 1");
  q.bind(1, bot_id);
  if (tenant) q.bind(2, *tenant);
  return q.executeStep();
}

std::vector<ConversationActivityRow> load_conversation_activity(Cache& cache, const TimeRange& range,
                                                                const Filters& filters) {
  std::vector<std::string> params;
  const std::string sql =
      "SELECT c.tenant, c.id, c.bot_id, c.ai_quality, "
      "(SELECT COUNT(*) FROM messages m WHERE m.tenant = c.tenant AND m.conversation_id = c.id), "
      "(SELECT COUNT(*) FROM messages m WHERE m.tenant = c.tenant AND m.conversation_id = c.id "
      "AND m.feedback = 'positive'), "
      "(SELECT COUNT(*) FROM messages m WHERE m.tenant = c.tenant AND m.conversation_id = c.id "
      "AND m.feedback = 'negative'), "
      "COALESCE(f.up, 0), COALESCE(f.down, 0) FROM conversations c "
      "LEFT JOIN (SELECT tenant, conversation_id, SUM(rating = 1) AS up, SUM(rating = -1) AS down FROM feedback "
      "WHERE rating_type = 'thumbs' GROUP BY tenant, conversation_id) f "
      "ON f.tenant = c.tenant AND f.conversation_id = c.id "
      "WHERE c.started_at >= ? AND c.started_at < ?" +
      conversation_conditions(filters, "c.", true, params);
  SQLite::Statement q(cache.db(), sql);
  q.bind(1, static_cast<std::int64_t>(range.from_ms));
  q.bind(2, static_cast<std::int64_t>(range.to_ms));
  int i = 3;
  for (const auto& p : params) q.bind(i++, p);
  std::vector<ConversationActivityRow> rows;
  while (q.executeStep()) {
    ConversationActivityRow r;
    r.tenant = q.getColumn(0).getString();
    r.id = q.getColumn(1).getString();
    if (!q.getColumn(2).isNull()) r.bot_id = q.getColumn(2).getString();
    r.ai_quality = number_or_none(q.getColumn(3));
    r.messages = q.getColumn(4).getInt64();
    r.thumbs_up = q.getColumn(5).getInt64() + q.getColumn(7).getInt64();
    r.thumbs_down = q.getColumn(6).getInt64() + q.getColumn(8).getInt64();
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace convstat::core
