#pragma once
// usage [002 Usage Patterns, 000 Usage, 001 Usage] and usage daily|monthly
// [001]: pure functions from the rows of core/query/usage.hpp to Results.
#include "core/query/usage.hpp"
#include "core/result.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

struct UsageInputs {
  ConversationStarts conversations;
  std::vector<std::int64_t> call_starts;
  std::vector<LlmUsageGroup> llm;
  CallTokens call_tokens;
  ApiEvents api;
};

// {total_conversations, active_users, total_calls, hourly_distribution (24
// local hours), weekly_distribution (ISO days 1-7), monthly_trends (every
// month the range touches), llm_usage, avg_tokens_per_call, api}.
// Distributions count conversations + calls started in range (rows outside
// it are ignored); active_users = distinct contacts of the range's
// conversations; llm_usage by total_requests desc, then provider, then model
// (null first), with a "model" key when `by_model`; avg_tokens_per_call =
// tokens / calls (null without calls); api error_rate = errors / requests, %.
// Main list llm_usage. Sorts the latency samples in place.
Result compute_usage(UsageInputs inputs, const TimeRange& range, const TimeZone& tz, bool by_model);

enum class SeriesStep { day, month };

// {data: [{date|month, conversations, messages, active_users}]} for every local
// day (or month) of the range in `tz`, zero-filled: conversations started,
// messages by `at`, distinct contacts of the bucket's conversations.
Result compute_usage_series(const ConversationStarts& conversations, const std::vector<std::int64_t>& message_at,
                            const TimeRange& range, const TimeZone& tz, SeriesStep step);

}  // namespace convstat::core
