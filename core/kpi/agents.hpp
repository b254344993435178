#pragma once
// agents and teams (kpis.md): pure functions from rows to a Result. The
// agent_performance and team_performance blocks are reused by insights.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/kpi/stats.hpp"
#include "core/query/conversations.hpp"
#include "core/query/teams.hpp"
#include "core/result.hpp"

namespace convstat::core {

// The naming rule of kpis.md: when records disagree on an id's name, the name
// on the latest-started conversation carrying one wins (equal starts: the
// greater conversation id). Conversations without a name are ignored.
class LatestName {
public:
  void offer(const std::optional<std::string>& name, std::int64_t started_at, const std::string& conversation_id);
  // The winning name, or nullopt when no conversation carried one.
  const std::optional<std::string>& name() const { return m_name; }

private:
  std::optional<std::string> m_name;
  std::int64_t m_started_at = 0;
  std::string m_conversation_id;
};

// What one agent or team accumulates over its conversations.
struct Performance {
  LatestName name;
  std::int64_t assigned = 0, resolved = 0;
  MinutesMean first_response_minutes, resolution_minutes;  // from started_at
};

// The agent_performance list of agents by assignee_id (see agent_performance_block).
Node agent_performance_list(std::map<std::string, Performance> agents);
// The team_performance list of teams by team_id (see team_performance_block).
Node team_performance_list(std::map<std::string, Performance> teams);

// [{assignee_user_id, assignee_name, assigned_count, resolved_count,
// resolution_rate (%), avg_first_response_minutes, avg_resolution_minutes}]
// over the conversations with an assignee_id, by assigned_count descending,
// then assignee_user_id (code points).
Node agent_performance_block(const std::vector<ConversationRow>& conversations);

// [{team_id, team_name, assigned_count, resolved_count, resolution_rate (%),
// avg_resolution_minutes}] over the conversations with a team_id, by
// assigned_count descending, then team_id.
Node team_performance_block(const std::vector<ConversationRow>& conversations);

// agents [002 insights agent/team_performance]: both blocks; main list agent_performance.
Result compute_agents(const std::vector<ConversationRow>& conversations);

// teams [002 Teams]: {"teams": [{team_id, team_name}]}, distinct team_id, the
// name by LatestName, sorted by team_name (null first, code points), then team_id.
Result compute_teams(const std::vector<TeamSightingRow>& sightings);

}  // namespace convstat::core
