#include "core/kpi/search.hpp"

#include "core/error.hpp"
#include "core/kpi/options.hpp"
#include "core/time/time.hpp"
#include "core/util/redact.hpp"

namespace convstat::core {
namespace {

constexpr std::int64_t k_max_limit = 50;

}  // namespace

SearchRequest search_request(const std::map<std::string, std::string>& options) {
  SearchRequest request;
  const auto query = options.find("query");
  if (query == options.end() || query->second.find_first_not_of(" \t\r\n") == std::string::npos)
    throw UsageError("search needs a QUERY", "for example: convstat search 'refund AND late'");
  if (options.count("bot"))
    throw UsageError("--bot searches an agent's documents on a backend: give --backend NAME (kind analytic)",
                     "without --backend, search covers every conversation in the cache");
  request.query = query->second;
  request.limit = bounded_option(options, "limit", request.limit, 1, k_max_limit, "an integer from 1 to 50");
  return request;
}

Result compute_search(const std::vector<SearchHit>& hits) {
  Node results = Node::list();
  for (const auto& hit : hits) {
    results.push(Node::object()
                     .set("conversation_id", Node::string(hit.conversation_id))
                     .set("score", Node::number(hit.score, Unit::ratio4))
                     .set("snippet", Node::string(redact_text(hit.snippet)))
                     .set("started_at", hit.started_at ? Node::string(format_instant_utc(*hit.started_at)) : Node())
                     .set("channel", Node::string(hit.channel)));
  }
  Result result{"search", "Search", Node::object(), "results"};
  result.root.set("results", std::move(results));
  return result;
}

}  // namespace convstat::core
