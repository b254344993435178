#pragma once
// Full-text search over conversation subjects and message texts (the cache's
// FTS5 table search_index, schema version 2). KPI code works on these rows.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"

namespace convstat::core {

// The best hit of one conversation. The conversation fields are absent when
// only its messages are in the cache.
struct SearchHit {
  std::string conversation_id, tenant;
  double score = 0;     // -bm25: higher is better
  std::string snippet;  // the matching subject or text, terms in [ ], "…" where cut (about 10 tokens)
  std::optional<std::int64_t> started_at;
  std::optional<std::string> channel;
};

// The `limit` best conversations for the FTS5 `query` (all time; of `tenant`
// when given, else all tenants): each (tenant, conversation_id) once, with
// its best-scoring subject or message, ordered by score descending, then
// conversation_id, then tenant. Throws UsageError with SQLite's reason for a
// malformed query, LocalError when the cache has no search index (a cache of
// schema version 1 opened read-only).
std::vector<SearchHit> search_conversations(Cache& cache, const std::string& query,
                                            const std::optional<std::string>& tenant, std::int64_t limit);

}  // namespace convstat::core
