#include "core/kpi/engagement.hpp"

#include <array>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/kpi/stats.hpp"

namespace convstat::core {
namespace {

constexpr int k_retention_weeks = 4;

// The local day of the Monday of the ISO week containing `day`.
std::int32_t monday_of(std::int32_t day) { return day - (iso_weekday(day) - 1); }

struct Cohort {
  std::unordered_set<std::int32_t> users;
  std::array<std::unordered_set<std::int32_t>, k_retention_weeks> returned;  // per week k-1
};

Node retention(const std::vector<ContactActivityRow>& activity, const TimeRange& range, const TimeZone& tz) {
  std::map<std::int32_t, Cohort> cohorts;            // by Monday
  std::unordered_map<std::int32_t, std::int32_t> monday_of_contact;
  for (const ContactActivityRow& r : activity) {
    if (!range.contains(r.first_seen_at)) continue;
    const std::int32_t cohort = monday_of(tz.local_day(r.first_seen_at));
    monday_of_contact[r.contact] = cohort;
    cohorts[cohort].users.insert(r.contact);
  }
  for (const ContactActivityRow& r : activity) {
    const auto it = monday_of_contact.find(r.contact);
    if (it == monday_of_contact.end()) continue;
    const std::int32_t weeks = (monday_of(tz.local_day(r.started_at)) - it->second) / 7;
    if (weeks >= 1 && weeks <= k_retention_weeks)
      cohorts[it->second].returned[static_cast<std::size_t>(weeks - 1)].insert(r.contact);
  }
  Node list = Node::list();
  for (const auto& [monday, cohort] : cohorts) {
    const auto users = static_cast<std::int64_t>(cohort.users.size());
    Node item = Node::object();
    item.set("cohort_week", Node::string(format_iso_week(monday))).set("users", Node::integer(users));
    for (int k = 1; k <= k_retention_weeks; ++k) {
      const bool over = tz.day_start_ms(monday + 7 * (k + 1)) <= range.as_of_ms;
      const auto returned = static_cast<std::int64_t>(cohort.returned[static_cast<std::size_t>(k - 1)].size());
      item.set("week_" + std::to_string(k),
               Node::number(over ? percent(returned, users) : std::nullopt, Unit::percent));
    }
    list.push(std::move(item));
  }
  return list;
}

Node satisfaction(const EngagementInputs& inputs) {
  MeanAccumulator ratings;
  std::int64_t positive = 0;
  for (const CsatResponseRow& r : inputs.csat) {
    if (!r.rating) continue;
    ratings.add(*r.rating);
    positive += *r.rating >= 4 ? 1 : 0;
  }
  return Node::object()
      .set("csat_avg", Node::number(ratings.value(), Unit::decimal1))
      .set("positive_rate", Node::number(percent(positive, ratings.count), Unit::percent))
      .set("thumbs_up_rate",
           Node::number(percent(inputs.thumbs.up, inputs.thumbs.up + inputs.thumbs.down), Unit::percent));
}

}  // namespace

std::int64_t retention_end_ms(const TimeRange& range, const TimeZone& tz) {
  if (range.day_count() == 0) return range.to_ms;
  return std::max(range.to_ms, tz.day_start_ms(monday_of(range.last_day) + 7 * (k_retention_weeks + 1)));
}

Result compute_engagement(const EngagementInputs& inputs, const TimeRange& range, const TimeZone& tz) {
  std::unordered_set<std::int32_t> active, fresh;
  std::int64_t conversations = 0;
  for (const ContactActivityRow& r : inputs.activity) {
    if (!range.contains(r.started_at)) continue;
    ++conversations;
    active.insert(r.contact);
    if (r.first_seen_at >= range.from_ms) fresh.insert(r.contact);
  }
  const auto active_users = static_cast<std::int64_t>(active.size());
  const auto new_users = static_cast<std::int64_t>(fresh.size());
  Result result{"engagement", "User engagement", Node::object(), "retention"};
  result.root.set("active_users", Node::integer(active_users))
      .set("new_users", Node::integer(new_users))
      .set("returning_users", Node::integer(active_users - new_users))
      .set("avg_conversations_per_user",
           Node::number(ratio(static_cast<double>(conversations), active_users), Unit::ratio4))
      .set("retention", retention(inputs.activity, range, tz))
      .set("satisfaction", satisfaction(inputs));
  return result;
}

}  // namespace convstat::core
