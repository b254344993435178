#include "core/query/teams.hpp"

#include <SQLiteCpp/Statement.h>

namespace convstat::core {

std::vector<TeamSightingRow> load_team_sightings(Cache& cache, const std::optional<std::string>& tenant) {
  std::string sql = "SELECT team_id, team_name, started_at, id FROM conversations WHERE team_id IS NOT NULL";
  if (tenant) sql += " AND tenant = ?";
  SQLite::Statement q(cache.db(), sql + " ORDER BY started_at, tenant, id");
  if (tenant) q.bind(1, *tenant);
  std::vector<TeamSightingRow> rows;
  while (q.executeStep()) {
    TeamSightingRow r;
    r.team_id = q.getColumn(0).getString();
    if (!q.getColumn(1).isNull()) r.team_name = q.getColumn(1).getString();
    r.started_at = q.getColumn(2).getInt64();
    r.conversation_id = q.getColumn(3).getString();
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace convstat::core
