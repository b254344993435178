#pragma once
// csat and csat responses (kpis.md): pure functions from csat rows to a Result.
// csat_block is reused by insights.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/kpi/agents.hpp"
#include "core/kpi/stats.hpp"
#include "core/query/csat.hpp"
#include "core/result.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// The csat object [002 CSAT Analytics] over the records of `range`:
// total_responses (responded_at in range, comment-only included),
// rated_responses, avg_rating (decimal1), positive_responses (rating >= 4),
// positive_rate (% of rated), distribution [{rating, response_count}] 5..1
// with zeros, trend [{day, count, avg_rating}] of rated responses per local
// day of `tz`, zero-filled, per_agent [{assignee_user_id, assignee_name,
// response_count, avg_rating, positive_rate}] of rated responses by the
// conversation's assignee (none: left out), by response_count descending then
// id; extras surveys_sent (sent_at in range) and response_rate (% of those
// surveys having any responded_at). Records outside the range are ignored.
Node csat_block(const std::vector<CsatRecordRow>& records, const TimeRange& range, const TimeZone& tz);

// Rated responses: their count, mean and positive count (rating >= 4).
struct CsatRatings {
  MeanAccumulator mean;
  std::int64_t positive = 0;
  void add(int rating) {
    mean.add(rating);
    if (rating >= 4) ++positive;
  }
  std::int64_t count() const { return mean.count; }
};

// One assignee of per_agent.
struct CsatAgent {
  LatestName name;
  CsatRatings ratings;
};

// What the csat object reports, summed over the records of a range.
struct CsatTotals {
  std::int64_t total = 0;                 // responses in range
  std::int64_t sent = 0, sent_answered = 0;  // surveys sent in range; those with a response
  CsatRatings ratings;
  std::array<std::int64_t, 6> counts{};   // rated responses by rating 1..5
  std::vector<MeanAccumulator> trend_days;  // ratings per day of the DayBuckets
  std::map<std::string, CsatAgent> per_agent;
  // A rated response: ratings and counts (not the day or the agent).
  void add_rating(int rating);
};

// The csat object of `totals` over the days of `buckets` (see csat_block).
Node csat_totals_block(const CsatTotals& totals, const DayBuckets& buckets);

// csat: csat_block as the root; main list trend.
Result compute_csat(const std::vector<CsatRecordRow>& records, const TimeRange& range, const TimeZone& tz);

// The page of `csat responses`.
struct CsatPage {
  std::int64_t limit = 50;  // 1..200
  std::int64_t offset = 0;  // >= 0
};

// The page from the options "limit" and "offset" (absent: the defaults).
// Throws UsageError for a value that is not an integer or is out of bounds.
CsatPage csat_page(const std::map<std::string, std::string>& options);

// csat responses [002 CSAT Responses]: {items, total, limit, offset} over the
// responses with responded_at in range (comment-only included), ordered by
// responded_at descending then id; total counts them all; an offset past the
// end gives empty items. Main list items.
Result compute_csat_responses(const std::vector<CsatRecordRow>& records, const TimeRange& range,
                              const CsatPage& page);

}  // namespace convstat::core
