#include "core/kpi/overview.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "core/kpi/breakdown.hpp"
#include "core/kpi/stats.hpp"

namespace convstat::core {
namespace {

}  // namespace

Result compute_overview(const std::vector<ConversationRow>& conversations,
                        const std::vector<CsatResponseRow>& csat_responses) {
  OverviewTotals t;
  std::unordered_set<std::string> contacts;
  for (const auto& c : conversations) {
    if (has_time(c.resolved_at)) {
      if (c.resolved_by == ResolvedBy::ai) ++t.ai_resolved;
      if (c.resolved_by == ResolvedBy::human) ++t.human_resolved;
      t.resolution_minutes.push_back(minutes_between(c.started_at, c.resolved_at));
    }
    if (has_time(c.escalated_at)) ++t.escalated;
    if (has_time(c.first_response_at)) t.first_response.add(c.started_at, c.first_response_at);
    if (has_time(c.ended_at)) t.duration.add(c.started_at, c.ended_at);
    if (c.contact_id) contacts.insert(c.tenant + '\x1f' + *c.contact_id);
    ++t.channels[c.channel];
  }
  t.total = static_cast<std::int64_t>(conversations.size());
  t.unique_contacts = static_cast<std::int64_t>(contacts.size());
  for (const auto& r : csat_responses)
    if (r.rating) t.csat_rating.add(*r.rating);
  return overview_result(std::move(t));
}

Result overview_result(OverviewTotals t) {
  Result result{"overview", "Conversation overview", Node::object(), "channel_distribution"};
  result.root.set("total_conversations", Node::integer(t.total))
      .set("ai_resolved_count", Node::integer(t.ai_resolved))
      .set("ai_resolution_rate", Node::number(percent(t.ai_resolved, t.total), Unit::percent))
      .set("human_resolved_count", Node::integer(t.human_resolved))
      .set("escalation_rate", Node::number(percent(t.escalated, t.total), Unit::percent))
      .set("first_response_minutes_avg", Node::number(t.first_response.value(), Unit::decimal1))
      .set("resolution_minutes_median", Node::number(median(t.resolution_minutes), Unit::decimal1))
      .set("channel_distribution", count_breakdown(t.channels, "channel", "conversation_count"))
      .set("unique_contacts", Node::integer(t.unique_contacts))
      .set("avg_duration_minutes", Node::number(t.duration.value(), Unit::decimal1))
      .set("csat_avg", Node::number(t.csat_rating.value(), Unit::decimal1));
  return result;
}

Result compute_resolution(const std::vector<ConversationRow>& conversations) {
  struct Bucket { std::int64_t total = 0, resolved = 0, ai = 0, human = 0; };
  Bucket all;
  std::map<Priority, Bucket> by_priority;  // Priority's enum order is the fixed order
  for (const auto& c : conversations) {
    for (Bucket* b : {&all, &by_priority[c.priority]}) {
      ++b->total;
      if (!has_time(c.resolved_at)) continue;
      ++b->resolved;
      if (c.resolved_by == ResolvedBy::ai) ++b->ai;
      if (c.resolved_by == ResolvedBy::human) ++b->human;
    }
  }
  Node priorities = Node::list();
  for (const auto& [priority, b] : by_priority)
    priorities.push(Node::object()
                        .set("priority", Node::string(priority_name(priority)))
                        .set("total", Node::integer(b.total))
                        .set("resolved", Node::integer(b.resolved))
                        .set("ai_resolved", Node::integer(b.ai))
                        .set("human_resolved", Node::integer(b.human))
                        .set("resolution_rate", Node::number(percent(b.resolved, b.total), Unit::percent)));
  Result result{"resolution", "Resolution rates", Node::object(), "by_priority"};
  result.root.set("total_conversations", Node::integer(all.total))
      .set("resolved_count", Node::integer(all.resolved))
      .set("ai_resolved_count", Node::integer(all.ai))
      .set("human_resolved_count", Node::integer(all.human))
      .set("ai_resolution_rate", Node::number(percent(all.ai, all.total), Unit::percent))
      .set("human_resolution_rate", Node::number(percent(all.human, all.total), Unit::percent))
      .set("resolution_rate", Node::number(percent(all.resolved, all.total), Unit::percent))
      .set("by_priority", std::move(priorities));
  return result;
}

}  // namespace convstat::core
