#include "core/query/search.hpp"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "core/error.hpp"

namespace convstat::core {
namespace {

// Hits of the index, the best per (tenant, conversation), joined to their conversation.
std::string search_sql(bool with_tenant) {
  return "WITH hits AS ("
         " SELECT conversation_id, tenant, -bm25(search_index) AS score,"
         " snippet(search_index, 3, '[', ']', '\u2026', 10) AS snippet"
         " FROM search_index WHERE search_index MATCH ?1" +
         std::string(with_tenant ? " AND tenant = ?3" : "") +
         "), best AS ("
         " SELECT *, row_number() OVER (PARTITION BY tenant, conversation_id"
         " ORDER BY score DESC, snippet) AS n FROM hits)"
         " SELECT b.conversation_id, b.tenant, b.score, b.snippet, c.started_at, c.channel"
         " FROM best b LEFT JOIN conversations c ON c.tenant = b.tenant AND c.id = b.conversation_id"
         " WHERE b.n = 1 ORDER BY b.score DESC, b.conversation_id, b.tenant LIMIT ?2";
}

SearchHit read_hit(SQLite::Statement& q) {
  SearchHit hit;
  hit.conversation_id = q.getColumn(0).getString();
  hit.tenant = q.getColumn(1).getString();
  hit.score = q.getColumn(2).getDouble();
  hit.snippet = q.getColumn(3).getString();
  if (!q.getColumn(4).isNull()) hit.started_at = q.getColumn(4).getInt64();
  if (!q.getColumn(5).isNull()) hit.channel = q.getColumn(5).getString();
  return hit;
}

}  // namespace

std::vector<SearchHit> search_conversations(Cache& cache, const std::string& query,
                                            const std::optional<std::string>& tenant, std::int64_t limit) {
  if (!cache.db().tableExists("search_index"))
    throw LocalError("the cache '" + cache.path() + "' has no search index (schema version " +
                         std::to_string(cache.schema_version()) + ")",
                     "upgrade it by opening it for writing once, e.g. `convstat import` of any file");
  std::vector<SearchHit> hits;
  try {
    SQLite::Statement q(cache.db(), search_sql(tenant.has_value()));
    q.bind(1, query);
    q.bind(2, static_cast<std::int64_t>(limit));
    if (tenant) q.bind(3, *tenant);
    while (q.executeStep()) hits.push_back(read_hit(q));
  } catch (const SQLite::Exception& e) {
    // A malformed FTS5 query is a plain SQLITE_ERROR; busy, locked or corrupt are not.
    if (e.getErrorCode() != SQLITE_ERROR) throw;
    throw UsageError("invalid search query '" + query + "': " + e.what(),
                     "FTS5 syntax: words, \"a phrase\", prefix*, AND, OR, NOT, NEAR(a b); quote special characters");
  }
  return hits;
}

}  // namespace convstat::core
