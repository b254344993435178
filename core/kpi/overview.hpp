#pragma once
// overview and resolution (kpis.md): pure functions from rows to a Result.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/query/conversations.hpp"
#include "core/kpi/stats.hpp"
#include "core/result.hpp"

namespace convstat::core {

// overview [002 Conversation Overview] with the extras unique_contacts,
// avg_duration_minutes and csat_avg (mean rating of the responses given).
Result compute_overview(const std::vector<ConversationRow>& conversations,
                        const std::vector<CsatResponseRow>& csat_responses);

// What overview reports, summed over the conversations of the range (and the
// ratings of its CSAT responses) by whichever path read them.
struct OverviewTotals {
  std::int64_t total = 0, ai_resolved = 0, human_resolved = 0, escalated = 0;
  MinutesMean first_response, duration;         // started_at to first_response_at / ended_at
  std::vector<double> resolution_minutes;       // one per resolved conversation
  std::map<std::string, std::int64_t> channels; // conversations per channel
  std::int64_t unique_contacts = 0;             // distinct (tenant, contact_id)
  MeanAccumulator csat_rating;
};

// The overview result of `totals` (see compute_overview).
Result overview_result(OverviewTotals totals);

// resolution [002 Resolution Rates (CS)]: rates over total_conversations and
// by_priority in the fixed order urgent, high, medium, low, unset (present ones only).
Result compute_resolution(const std::vector<ConversationRow>& conversations);

}  // namespace convstat::core
