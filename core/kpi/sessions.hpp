#pragma once
// sessions costs|metrics|list [003]: pure functions from the rows of
// core/query/sessions.hpp to Results.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/query/sessions.hpp"
#include "core/result.hpp"

namespace convstat::core {

// {total_cost_usd, breakdown_by_service, breakdown_by_provider (cost per key,
// keys in alphabetical order), total_entries, cache_savings_usd (50 % of the
// cost of cached entries), optimization_level}.
Result compute_session_costs(const SessionRecords& session);

// {total_turns, successful_turns, failed_turns, interrupted_turns,
// avg_<stage>_latency_ms (over the turns carrying the stage), cache_hit_rate
// ((llm + tts hits) / (llm + tts hits and misses), 0-1), llm/tts cache hits and
// misses, guardrail_violations (sum), guardrail_blocks (blocked turns),
// total_cost_usd, optimization_level, language_code (the latest turn's carrying
// one, else the conversation's language)}.
Result compute_session_metrics(const SessionRecords& session);

// The optimization_level of the latest turn or usage entry carrying one (by
// at; a turn wins a tie with an entry), or nullopt.
std::optional<std::string> latest_optimization_level(const SessionRecords& session);

enum class SessionSort { cost, latency, failures };

// [--sort cost|latency|failures] -> SessionSort; anything else is a UsageError.
SessionSort session_sort(const std::map<std::string, std::string>& options);

// A root list [{session_id, turns, failed_turns, total_cost_usd,
// avg_total_latency_ms}] (CSV section "sessions"): descending by the sort key (a null latency last),
// ties by session_id ascending, the first `limit`.
Result compute_session_list(std::vector<SessionSummaryRow> rows, SessionSort sort, std::int64_t limit);

}  // namespace convstat::core
