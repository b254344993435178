#pragma once
// Reading what `usage` and `usage daily|monthly` count out of the cache,
// reduced to small per-row values or aggregated in SQL where that is exact.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"
#include "core/query/filters.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// The range's conversations (filters applied), by started_at: each one's start
// and its contact as an index into the distinct (tenant, contact_id) pairs seen.
struct ConversationStarts {
  std::vector<std::int64_t> started_at;
  std::vector<std::int32_t> contact;  // parallel to started_at; -1: no contact_id
  std::int32_t contact_count = 0;     // distinct (tenant, contact_id) indices handed out
};
ConversationStarts load_conversation_starts(Cache& cache, const TimeRange& range, const Filters& filters);

// started_at of the range's calls: --tenant, --bot and --outcome apply (the
// other filters are about conversations).
std::vector<std::int64_t> load_call_starts(Cache& cache, const TimeRange& range, const Filters& filters);

// `at` of the range's messages, in the joined-record scope (record_scope.hpp).
std::vector<std::int64_t> load_message_instants(Cache& cache, const TimeRange& range, const Filters& filters);

// Usage records with service `llm` of one provider (and model, when grouped by model).
struct LlmUsageGroup {
  std::string provider;
  std::optional<std::string> model;  // grouped by model only; null model is its own group
  std::int64_t requests = 0, input_tokens = 0, output_tokens = 0, error_count = 0;  // absent tokens count 0
  double cost_usd = 0;
  std::vector<double> latencies_ms;  // of the entries carrying latency_ms
};
// The range's llm usage records in the joined-record scope, one group per
// provider (and model when `by_model`), in no particular order.
std::vector<LlmUsageGroup> load_llm_usage(Cache& cache, const TimeRange& range, const Filters& filters, bool by_model);

// Tokens (input + output) of the range's usage records carrying a call_id, and
// the distinct (tenant, call_id) among them; joined-record scope.
struct CallTokens {
  std::int64_t tokens = 0;
  std::int64_t calls = 0;
};
CallTokens load_call_tokens(Cache& cache, const TimeRange& range, const Filters& filters);

// API requests among the range's events (kind api_request or api_error) of
// `tenant` when given: errors = kind api_error or status_code >= 500.
struct ApiEvents {
  std::int64_t requests = 0, errors = 0;
  std::vector<double> latencies_ms;  // of the requests carrying latency_ms
};
ApiEvents load_api_events(Cache& cache, const TimeRange& range, const std::optional<std::string>& tenant);

}  // namespace convstat::core
