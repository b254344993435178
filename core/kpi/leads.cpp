#include "core/kpi/leads.hpp"

#include <algorithm>
#include <array>

#include "core/error.hpp"
#include "core/kpi/stats.hpp"

namespace convstat::core {
namespace {

constexpr std::array<const char*, 4> k_stage_names = {"new", "contacted", "qualified", "converted"};

// The index (0-3) of the furthest funnel stage a lead counts in.
std::size_t furthest_stage(const LeadRow& lead) {
  if (lead.stage != LeadStage::lost) return static_cast<std::size_t>(lead.stage);
  if (lead.lost_at_stage && *lead.lost_at_stage != LeadStage::lost)
    return static_cast<std::size_t>(*lead.lost_at_stage);
  return 0;
}

std::string period_of(std::int32_t day, LeadGrouping grouping) {
  switch (grouping) {
    case LeadGrouping::day: return format_date(day);
    case LeadGrouping::week: return format_iso_week(day);
    default: return format_month(day);
  }
}

Node funnel(const std::vector<const LeadRow*>& leads) {
  std::array<std::int64_t, 4> counts{};
  for (const LeadRow* lead : leads)
    for (std::size_t s = 0; s <= furthest_stage(*lead); ++s) ++counts[s];
  Node list = Node::list();
  for (std::size_t s = 0; s < counts.size(); ++s) {
    const std::int64_t previous = s == 0 ? counts[0] : counts[s - 1];
    list.push(Node::object()
                  .set("stage", Node::string(k_stage_names[s]))
                  .set("count", Node::integer(counts[s]))
                  .set("conversion_from_previous", Node::number(percent(counts[s], previous), Unit::percent))
                  .set("conversion_from_start", Node::number(percent(counts[s], counts[0]), Unit::percent)));
  }
  return list;
}

struct Tally {
  std::int64_t leads = 0, converted = 0;
  void add(const LeadRow& lead) {
    ++leads;
    converted += lead.stage == LeadStage::converted ? 1 : 0;
  }
};

Node sources(const std::vector<const LeadRow*>& leads) {
  std::map<std::string, Tally> by_source;
  for (const LeadRow* lead : leads) by_source[lead->source].add(*lead);
  std::vector<std::pair<std::string, Tally>> sorted(by_source.begin(), by_source.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second.leads > b.second.leads; });
  Node list = Node::list();
  for (const auto& [source, tally] : sorted)
    list.push(Node::object()
                  .set("source", Node::string(source))
                  .set("leads", Node::integer(tally.leads))
                  .set("converted", Node::integer(tally.converted))
                  .set("conversion_rate", Node::number(percent(tally.converted, tally.leads), Unit::percent)));
  return list;
}

Node growth(const std::vector<const LeadRow*>& leads, const TimeRange& range, const TimeZone& tz,
            LeadGrouping grouping) {
  const DayBuckets buckets(range, tz);
  std::vector<std::string> periods;   // in order, each once
  std::vector<std::size_t> period_of_day(static_cast<std::size_t>(buckets.size()));
  for (int i = 0; i < buckets.size(); ++i) {
    std::string period = period_of(buckets.day(i), grouping);
    if (periods.empty() || periods.back() != period) periods.push_back(std::move(period));
    period_of_day[static_cast<std::size_t>(i)] = periods.size() - 1;
  }
  std::vector<Tally> tallies(periods.size());
  for (const LeadRow* lead : leads) {
    const int day = buckets.index(lead->created_at);
    if (day >= 0) tallies[period_of_day[static_cast<std::size_t>(day)]].add(*lead);
  }
  Node list = Node::list();
  for (std::size_t p = 0; p < periods.size(); ++p)
    list.push(Node::object()
                  .set("period", Node::string(periods[p]))
                  .set("leads", Node::integer(tallies[p].leads))
                  .set("converted", Node::integer(tallies[p].converted)));
  return list;
}

}  // namespace

LeadGrouping lead_grouping(const std::map<std::string, std::string>& options) {
  const auto it = options.find("group-by");
  if (it == options.end() || it->second == "week") return LeadGrouping::week;
  if (it->second == "day") return LeadGrouping::day;
  if (it->second == "month") return LeadGrouping::month;
  throw UsageError("invalid --group-by '" + it->second + "' (expected day, week or month)");
}

Result compute_leads(const std::vector<LeadRow>& rows, std::int64_t previous_total, const TimeRange& range,
                     const TimeZone& tz, LeadGrouping grouping) {
  std::vector<const LeadRow*> leads;
  Tally total;
  for (const LeadRow& lead : rows) {
    if (!range.contains(lead.created_at)) continue;
    leads.push_back(&lead);
    total.add(lead);
  }
  Result result{"leads", "Lead analytics", Node::object(), "growth"};
  result.root.set("total_leads", Node::integer(total.leads))
      .set("converted", Node::integer(total.converted))
      .set("conversion_rate", Node::number(percent(total.converted, total.leads), Unit::percent))
      .set("funnel", funnel(leads))
      .set("sources", sources(leads))
      .set("growth", growth(leads, range, tz, grouping))
      .set("growth_rate", Node::number(percent(total.leads - previous_total, previous_total), Unit::percent));
  return result;
}

}  // namespace convstat::core
