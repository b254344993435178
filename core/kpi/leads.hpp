#pragma once
// leads (kpis.md [000 Lead Analytics]): a pure function from the range's leads to a Result.
#include <map>
#include <string>
#include <vector>

#include "core/query/leads.hpp"
#include "core/result.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

enum class LeadGrouping { day, week, month };

// --group-by day|week|month (absent: week); anything else is a UsageError.
LeadGrouping lead_grouping(const std::map<std::string, std::string>& options);

// {total_leads, converted, conversion_rate, funnel, sources, growth, growth_rate}
// over the leads of `range` (rows outside it are ignored):
// - converted = leads at stage converted; conversion_rate = converted / total, %;
// - funnel [{stage, count, conversion_from_previous, conversion_from_start}] for
//   new, contacted, qualified, converted: a lead counts in every stage up to the
//   furthest it reached; a lost lead in `new` only, or up to its lost_at_stage;
//   `new` is 100.0 from the previous (null when there are no leads);
// - sources [{source, leads, converted, conversion_rate}] by leads desc, then source;
// - growth [{period, leads, converted}] per day (YYYY-MM-DD), ISO week (GGGG-Www)
//   or month (YYYY-MM) of created_at in `tz`, every period the range touches;
// - growth_rate = (total - previous_total) / previous_total, % (null when 0).
// Main list: growth.
Result compute_leads(const std::vector<LeadRow>& rows, std::int64_t previous_total, const TimeRange& range,
                     const TimeZone& tz, LeadGrouping grouping);

}  // namespace convstat::core
