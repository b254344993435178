#pragma once
// search (kpis.md [000 Search]): the request from the command's options and a
// pure function from the hits to a Result.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/query/search.hpp"
#include "core/result.hpp"

namespace convstat::core {

struct SearchRequest {
  std::string query;         // FTS5 syntax
  std::int64_t limit = 10;   // 1..50
};

// From the options "query" (required, not blank) and "limit" (absent: 10).
// Throws UsageError for a missing or blank query and for a limit that is not
// an integer from 1 to 50.
SearchRequest search_request(const std::map<std::string, std::string>& options);

// search: {results: [{conversation_id, score (ratio4), snippet, started_at
// (UTC, null when the conversation is absent), channel}]} in the hits' order;
// main list results.
Result compute_search(const std::vector<SearchHit>& hits);

}  // namespace convstat::core
