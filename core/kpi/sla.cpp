#include "core/kpi/sla.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "core/kpi/stats.hpp"

namespace convstat::core {
namespace {

// {tracked, met, breached, pending, compliance_rate} appended to `object`.
Node& set_tally(Node& object, const SlaTally& t) {
  return object.set("tracked", Node::integer(t.tracked()))
      .set("met", Node::integer(t.met))
      .set("breached", Node::integer(t.breached))
      .set("pending", Node::integer(t.pending))
      .set("compliance_rate", Node::number(percent(t.met, t.tracked()), Unit::percent));
}

struct TeamBucket {
  SlaTally tally;
  std::optional<std::string> name;
  std::int64_t name_started_at = 0;
};

// The team name of the latest-started conversation carrying one, per team id.
void note_team_name(TeamBucket& bucket, const ConversationRow& c) {
  if (!c.team_name) return;
  if (bucket.name && c.started_at < bucket.name_started_at) return;
  bucket.name = c.team_name;
  bucket.name_started_at = c.started_at;
}

std::map<std::string, SlaTeam> by_team(const std::vector<ConversationRow>& conversations, std::int64_t as_of_ms) {
  std::map<std::string, TeamBucket> teams;
  for (const auto& c : conversations) {
    if (!c.team_id) continue;
    const SlaOutcome outcome = judge_sla_conversation(c, as_of_ms);
    if (outcome != SlaOutcome::none) teams[*c.team_id].tally.add(outcome);
  }
  for (const auto& c : conversations)  // names may come from conversations without targets
    if (c.team_id)
      if (auto it = teams.find(*c.team_id); it != teams.end()) note_team_name(it->second, c);
  std::map<std::string, SlaTeam> out;
  for (auto& [id, bucket] : teams) out[id] = SlaTeam{bucket.tally, std::move(bucket.name)};
  return out;
}

Node by_team_list(const std::map<std::string, SlaTeam>& teams) {
  std::vector<std::pair<std::string, SlaTeam>> sorted(teams.begin(), teams.end());  // by team_id
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second.tally.tracked() > b.second.tally.tracked(); });
  Node list = Node::list();
  for (const auto& [team_id, team] : sorted) {
    Node item = Node::object();
    item.set("team_id", Node::string(team_id)).set("team_name", Node::string(team.name));
    list.push(std::move(set_tally(item, team.tally)));
  }
  return list;
}

}  // namespace

SlaOutcome judge_sla_target(std::int64_t due_at_ms, std::int64_t actual_at_ms, std::int64_t as_of_ms) {
  if (!has_time(due_at_ms)) return SlaOutcome::none;
  if (has_time(actual_at_ms)) return actual_at_ms <= due_at_ms ? SlaOutcome::met : SlaOutcome::breached;
  return as_of_ms > due_at_ms ? SlaOutcome::breached : SlaOutcome::pending;
}

SlaOutcome judge_sla_conversation(const ConversationRow& c, std::int64_t as_of_ms) {
  const SlaOutcome first = judge_sla_target(c.first_response_due_at, c.first_response_at, as_of_ms);
  const SlaOutcome resolution = judge_sla_target(c.resolution_due_at, c.resolved_at, as_of_ms);
  return combine_sla_outcomes(first, resolution);
}

SlaOutcome combine_sla_outcomes(SlaOutcome first, SlaOutcome resolution) {
  if (first == SlaOutcome::breached || resolution == SlaOutcome::breached) return SlaOutcome::breached;
  if (first == SlaOutcome::pending || resolution == SlaOutcome::pending) return SlaOutcome::pending;
  if (first == SlaOutcome::met || resolution == SlaOutcome::met) return SlaOutcome::met;
  return SlaOutcome::none;
}

Result compute_sla(const std::vector<ConversationRow>& conversations, std::int64_t as_of_ms) {
  SlaTotals t;
  for (const auto& c : conversations) {
    t.first_response.add(judge_sla_target(c.first_response_due_at, c.first_response_at, as_of_ms));
    t.resolution.add(judge_sla_target(c.resolution_due_at, c.resolved_at, as_of_ms));
    const SlaOutcome outcome = judge_sla_conversation(c, as_of_ms);
    if (outcome != SlaOutcome::none) t.by_priority[c.priority].add(outcome);
  }
  t.by_team = by_team(conversations, as_of_ms);
  return sla_result(t);
}

Result sla_result(const SlaTotals& t) {
  Node priorities = Node::list();
  for (const auto& [priority, tally] : t.by_priority) {
    Node item = Node::object();
    item.set("priority", Node::string(priority_name(priority)));
    priorities.push(std::move(set_tally(item, tally)));
  }
  Node first_block = Node::object(), resolution_block = Node::object();
  set_tally(first_block, t.first_response);
  set_tally(resolution_block, t.resolution);
  Result result{"sla", "SLA compliance", Node::object(), "by_priority"};
  result.root.set("first_response", std::move(first_block))
      .set("resolution", std::move(resolution_block))
      .set("by_priority", std::move(priorities))
      .set("by_team", by_team_list(t.by_team));
  return result;
}

}  // namespace convstat::core
