#include "core/query/insights.hpp"
#include "core/query/columns.hpp"

#include <SQLiteCpp/Statement.h>

namespace convstat::core {
namespace {

std::int64_t count_or_zero(const SQLite::Column& c) { return c.isNull() ? 0 : c.getInt64(); }

}  // namespace

std::vector<KbArticleRow> load_kb_articles(Cache& cache, const std::optional<std::string>& tenant) {
  std::string sql = "SELECT id, tenant, title, slug, published, views, helpful, not_helpful FROM kb_articles";
  if (tenant) sql += " WHERE tenant = ?";
  sql += " ORDER BY tenant, id";
  SQLite::Statement q(cache.db(), sql);
  if (tenant) q.bind(1, *tenant);
  std::vector<KbArticleRow> rows;
  while (q.executeStep()) {
    KbArticleRow r;
    r.id = q.getColumn(0).getString();
    r.tenant = q.getColumn(1).getString();
    r.title = text_or_none(q.getColumn(2));
    r.slug = text_or_none(q.getColumn(3));
    r.published = q.getColumn(4).isNull() || q.getColumn(4).getInt64() != 0;  // default true
    r.views = count_or_zero(q.getColumn(5));
    r.helpful = count_or_zero(q.getColumn(6));
    r.not_helpful = count_or_zero(q.getColumn(7));
    rows.push_back(std::move(r));
  }
  return rows;
}

EmailMessageCounts count_email_messages(Cache& cache, const TimeRange& range, const Filters& filters) {
  std::vector<std::string> params;
  std::string sql =
      "SELECT m.direction, COUNT(*) FROM messages m"
      " JOIN conversations c ON c.tenant = m.tenant AND c.id = m.conversation_id"
      " WHERE m.at >= ? AND m.at < ? AND c.channel = 'email'";
  if (filters.tenant) {
    sql += " AND m.tenant = ?";
    params.push_back(*filters.tenant);
  }
  sql += conversation_conditions(filters, "c.", false, params) + " GROUP BY m.direction";
  SQLite::Statement q(cache.db(), sql);
  q.bind(1, static_cast<std::int64_t>(range.from_ms));
  q.bind(2, static_cast<std::int64_t>(range.to_ms));
  int i = 3;
  for (const auto& p : params) q.bind(i++, p);
  EmailMessageCounts counts;
  while (q.executeStep()) {
    const std::string direction = q.getColumn(0).getString();
    if (direction == "inbound") counts.inbound = q.getColumn(1).getInt64();
    else if (direction == "outbound") counts.outbound = q.getColumn(1).getInt64();
  }
  return counts;
}

}  // namespace convstat::core
