#pragma once
// overview and resolution (kpis.md): pure functions from rows to a Result.
#include <vector>

#include "core/query/conversations.hpp"
#include "core/result.hpp"

namespace convstat::core {

// overview [002 Conversation Overview] with the extras unique_contacts,
// avg_duration_minutes and csat_avg (mean rating of the responses given).
Result compute_overview(const std::vector<ConversationRow>& conversations,
                        const std::vector<CsatResponseRow>& csat_responses);

// resolution [002 Resolution Rates (CS)]: rates over total_conversations and
// by_priority in the fixed order urgent, high, medium, low, unset (present ones only).
Result compute_resolution(const std::vector<ConversationRow>& conversations);

}  // namespace convstat::core
