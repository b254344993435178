#pragma once
// Reading the teams that conversations carry, all time (teams ignores the range).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"

namespace convstat::core {

// One conversation carrying a team_id: the team as that conversation names it.
struct TeamSightingRow {
  std::string team_id;
  std::optional<std::string> team_name;
  std::int64_t started_at = 0;
  std::string conversation_id;
};

// Every conversation with a team_id (of `tenant` when given, else all tenants), any start.
std::vector<TeamSightingRow> load_team_sightings(Cache& cache, const std::optional<std::string>& tenant);

}  // namespace convstat::core
