#pragma once
// engagement (kpis.md [001 User Engagement]): a pure function from contact
// activity, CSAT responses and thumbs to a Result.
#include <cstdint>
#include <vector>

#include "core/query/conversations.hpp"
#include "core/query/daily.hpp"
#include "core/query/engagement.hpp"
#include "core/result.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

struct EngagementInputs {
  // Conversations with a contact from the range start to retention_end_ms(range, tz).
  std::vector<ContactActivityRow> activity;
  std::vector<CsatResponseRow> csat;  // responses in range
  ThumbsCounts thumbs;                // thumbs in range
};

// The end of the activity engagement needs: local midnight starting the fifth
// ISO week after the week of the range's last day (cohort week 4 of the last cohort).
std::int64_t retention_end_ms(const TimeRange& range, const TimeZone& tz);

// {active_users, new_users, returning_users, avg_conversations_per_user,
//  retention: [{cohort_week, users, week_1 .. week_4}], satisfaction: {csat_avg, positive_rate, thumbs_up_rate}}:
// - active = distinct contacts of the range's conversations; new = those first
//   seen on or after the range start; returning = active - new;
//   avg_conversations_per_user = range conversations with a contact / active;
// - a cohort = the contacts first seen in the range, by the ISO week (in tz) of
//   their first conversation, oldest first; week_k = % of the cohort with a
//   conversation in the ISO week k weeks later, null until that week has ended
//   at range.as_of_ms;
// - csat_avg = mean rating, positive_rate = ratings >= 4 / rated, %;
//   thumbs_up_rate = up / (up + down), %.
// Main list: retention.
Result compute_engagement(const EngagementInputs& inputs, const TimeRange& range, const TimeZone& tz);

}  // namespace convstat::core
