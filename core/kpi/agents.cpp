#include "core/kpi/agents.hpp"

#include <algorithm>
#include <map>

#include "core/kpi/stats.hpp"

namespace convstat::core {
namespace {

void add_to(Performance& p, const ConversationRow& c, const std::optional<std::string>& conversation_name) {
  p.name.offer(conversation_name, c.started_at, c.id);
  ++p.assigned;
  if (has_time(c.first_response_at)) p.first_response_minutes.add(c.started_at, c.first_response_at);
  if (has_time(c.resolved_at)) {
    ++p.resolved;
    p.resolution_minutes.add(c.started_at, c.resolved_at);
  }
}

// The groups by assigned descending, then id ascending (byte order = code point order for UTF-8).
std::vector<std::pair<std::string, Performance>> sorted(std::map<std::string, Performance>&& groups) {
  std::vector<std::pair<std::string, Performance>> out(std::make_move_iterator(groups.begin()),
                                                       std::make_move_iterator(groups.end()));
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second.assigned > b.second.assigned; });
  return out;
}

}  // namespace

void LatestName::offer(const std::optional<std::string>& name, std::int64_t started_at,
                       const std::string& conversation_id) {
  if (!name) return;
  if (m_name && (started_at < m_started_at || (started_at == m_started_at && conversation_id <= m_conversation_id)))
    return;
  m_name = name;
  m_started_at = started_at;
  m_conversation_id = conversation_id;
}

Node agent_performance_block(const std::vector<ConversationRow>& conversations) {
  std::map<std::string, Performance> groups;
  for (const auto& c : conversations)
    if (c.assignee_id) add_to(groups[*c.assignee_id], c, c.assignee_name);
  return agent_performance_list(std::move(groups));
}

Node agent_performance_list(std::map<std::string, Performance> groups) {
  Node list = Node::list();
  for (const auto& [id, p] : sorted(std::move(groups)))
    list.push(Node::object()
                  .set("assignee_user_id", Node::string(id))
                  .set("assignee_name", Node::string(p.name.name()))
                  .set("assigned_count", Node::integer(p.assigned))
                  .set("resolved_count", Node::integer(p.resolved))
                  .set("resolution_rate", Node::number(percent(p.resolved, p.assigned), Unit::percent))
                  .set("avg_first_response_minutes", Node::number(p.first_response_minutes.value(), Unit::decimal1))
                  .set("avg_resolution_minutes", Node::number(p.resolution_minutes.value(), Unit::decimal1)));
  return list;
}

Node team_performance_block(const std::vector<ConversationRow>& conversations) {
  std::map<std::string, Performance> groups;
  for (const auto& c : conversations)
    if (c.team_id) add_to(groups[*c.team_id], c, c.team_name);
  return team_performance_list(std::move(groups));
}

Node team_performance_list(std::map<std::string, Performance> groups) {
  Node list = Node::list();
  for (const auto& [id, p] : sorted(std::move(groups)))
    list.push(Node::object()
                  .set("team_id", Node::string(id))
                  .set("team_name", Node::string(p.name.name()))
                  .set("assigned_count", Node::integer(p.assigned))
                  .set("resolved_count", Node::integer(p.resolved))
                  .set("resolution_rate", Node::number(percent(p.resolved, p.assigned), Unit::percent))
                  .set("avg_resolution_minutes", Node::number(p.resolution_minutes.value(), Unit::decimal1)));
  return list;
}

Result compute_agents(const std::vector<ConversationRow>& conversations) {
  Result result{"agents", "Agent and team performance", Node::object(), "agent_performance"};
  result.root.set("agent_performance", agent_performance_block(conversations))
      .set("team_performance", team_performance_block(conversations));
  return result;
}

Result compute_teams(const std::vector<TeamSightingRow>& sightings) {
  std::map<std::string, LatestName> names;
  for (const auto& s : sightings) names[s.team_id].offer(s.team_name, s.started_at, s.conversation_id);
  std::vector<std::pair<std::optional<std::string>, std::string>> teams;  // (name, id); nullopt sorts first
  for (const auto& [id, name] : names) teams.emplace_back(name.name(), id);
  std::sort(teams.begin(), teams.end());
  Node list = Node::list();
  for (const auto& [name, id] : teams)
    list.push(Node::object().set("team_id", Node::string(id)).set("team_name", Node::string(name)));
  Result result{"teams", "Teams", Node::object(), "teams"};
  result.root.set("teams", std::move(list));
  return result;
}

}  // namespace convstat::core
