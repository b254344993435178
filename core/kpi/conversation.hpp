#pragma once
// `conversation ID` (kpis.md "conversation ID"): one conversation's message
// statistics, duration, topics, sentiment, resolution, escalation and CSAT.
#include <optional>
#include <vector>

#include "core/query/conversation_detail.hpp"
#include "core/result.hpp"

namespace convstat::core {

// Mean delay in seconds from each inbound message to the first outbound one at
// or after it (inbound messages never answered are left out); nullopt when no
// inbound message is answered. `messages` in any order.
std::optional<double> avg_response_seconds(const std::vector<MessageRow>& messages);

// The rating of the latest rated response (by responded_at, then id), or nullopt.
std::optional<int> latest_csat_rating(const std::vector<CsatRatingRow>& csat);

// The drill-down result of one conversation (main section: the summary).
Result compute_conversation(const ConversationDetail& conversation);

}  // namespace convstat::core
