#include "core/kpi/overview.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "core/kpi/breakdown.hpp"
#include "core/kpi/stats.hpp"

namespace convstat::core {
namespace {

constexpr double k_ms_per_minute = 60000.0;

double minutes_between(std::int64_t from_ms, std::int64_t to_ms) {
  return static_cast<double>(to_ms - from_ms) / k_ms_per_minute;
}

// [{channel, conversation_count}] by count descending, then channel ascending.
Node channel_distribution(const std::vector<ConversationRow>& conversations) {
  std::map<std::string, std::int64_t> counts;
  for (const auto& c : conversations) ++counts[c.channel];
  return count_breakdown(counts, "channel", "conversation_count");
}

std::optional<double> mean_rating(const std::vector<CsatResponseRow>& responses) {
  MeanAccumulator acc;
  for (const auto& r : responses)
    if (r.rating) acc.add(*r.rating);
  return acc.value();
}

}  // namespace

Result compute_overview(const std::vector<ConversationRow>& conversations,
                        const std::vector<CsatResponseRow>& csat_responses) {
  std::int64_t ai = 0, human = 0, escalated = 0;
  MeanAccumulator first_response, duration;
  std::vector<double> resolution_minutes;
  std::unordered_set<std::string> contacts;
  for (const auto& c : conversations) {
    if (has_time(c.resolved_at)) {
      if (c.resolved_by == ResolvedBy::ai) ++ai;
      if (c.resolved_by == ResolvedBy::human) ++human;
      resolution_minutes.push_back(minutes_between(c.started_at, c.resolved_at));
    }
    if (has_time(c.escalated_at)) ++escalated;
    if (has_time(c.first_response_at)) first_response.add(minutes_between(c.started_at, c.first_response_at));
    if (has_time(c.ended_at)) duration.add(minutes_between(c.started_at, c.ended_at));
    if (c.contact_id) contacts.insert(c.tenant + '\x1f' + *c.contact_id);
  }
  const auto total = static_cast<std::int64_t>(conversations.size());
  Result result{"overview", "Conversation overview", Node::object(), "channel_distribution"};
  result.root.set("total_conversations", Node::integer(total))
      .set("ai_resolved_count", Node::integer(ai))
      .set("ai_resolution_rate", Node::number(percent(ai, total), Unit::percent))
      .set("human_resolved_count", Node::integer(human))
      .set("escalation_rate", Node::number(percent(escalated, total), Unit::percent))
      .set("first_response_minutes_avg", Node::number(first_response.value(), Unit::decimal1))
      .set("resolution_minutes_median", Node::number(median(resolution_minutes), Unit::decimal1))
      .set("channel_distribution", channel_distribution(conversations))
      .set("unique_contacts", Node::integer(static_cast<std::int64_t>(contacts.size())))
      .set("avg_duration_minutes", Node::number(duration.value(), Unit::decimal1))
      .set("csat_avg", Node::number(mean_rating(csat_responses), Unit::decimal1));
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
