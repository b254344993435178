#include "core/query/conversation_detail.hpp"
#include "core/query/columns.hpp"

#include <SQLiteCpp/Statement.h>

namespace convstat::core {
namespace {

std::vector<MessageRow> load_messages(Cache& cache, const std::string& tenant, const std::string& id) {
  SQLite::Statement q(cache.db(),
                      "SELECT at, direction, author FROM messages WHERE tenant = ? AND conversation_id = ? "
                      "ORDER BY at, id");
  q.bind(1, tenant);
  q.bind(2, id);
  std::vector<MessageRow> rows;
  while (q.executeStep()) {
    MessageRow m;
    m.at = q.getColumn(0).getInt64();
    m.direction = q.getColumn(1).getString() == "outbound" ? Direction::outbound : Direction::inbound;
    m.author = text_or_none(q.getColumn(2));
    rows.push_back(std::move(m));
  }
  return rows;
}

std::vector<CsatRatingRow> load_csat(Cache& cache, const std::string& tenant, const std::string& id) {
  SQLite::Statement q(cache.db(),
                      "SELECT id, responded_at, rating FROM csat WHERE tenant = ? AND conversation_id = ? ORDER BY id");
  q.bind(1, tenant);
  q.bind(2, id);
  std::vector<CsatRatingRow> rows;
  while (q.executeStep()) {
    CsatRatingRow r;
    r.id = q.getColumn(0).getString();
    r.responded_at = time_or_none(q.getColumn(1));
    if (!q.getColumn(2).isNull()) r.rating = q.getColumn(2).getInt();
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace

std::optional<ConversationDetail> load_conversation_detail(Cache& cache, const std::string& id,
                                                           const std::optional<std::string>& tenant) {
  std::string sql =
      "SELECT id, tenant, channel, started_at, ended_at, escalated_at, topics, sentiment, resolved_by "
      "FROM conversations WHERE id = ?";
  if (tenant) sql += " AND tenant = ?";
  SQLite::Statement q(cache.db(), sql + " ORDER BY tenant LIMIT 1");
  q.bind(1, id);
  if (tenant) q.bind(2, *tenant);
  if (!q.executeStep()) return std::nullopt;
  ConversationDetail d;
  d.id = q.getColumn(0).getString();
  d.tenant = q.getColumn(1).getString();
  d.channel = q.getColumn(2).isNull() ? "chat" : q.getColumn(2).getString();
  d.started_at = q.getColumn(3).getInt64();
  d.ended_at = time_or_none(q.getColumn(4));
  d.escalated_at = time_or_none(q.getColumn(5));
  d.topics = string_list_of(q.getColumn(6));
  d.sentiment = number_or_none(q.getColumn(7));
  d.resolved_by = text_or_none(q.getColumn(8));
  d.messages = load_messages(cache, d.tenant, d.id);
  d.csat = load_csat(cache, d.tenant, d.id);
  return d;
}

}  // namespace convstat::core
