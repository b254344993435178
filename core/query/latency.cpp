#include "core/query/latency.hpp"

#include <SQLiteCpp/Statement.h>

#include <map>
#include <utility>

#include "core/query/record_scope.hpp"

namespace convstat::core {

std::vector<LatencyGroup> load_latency_groups(Cache& cache, const TimeRange& range, const Filters& filters,
                                              const std::string& group_column) {
  const RecordScope scope = joined_record_scope("turns", "at", filters);
  std::string columns;
  for (const char* c : k_stage_columns) columns += std::string("r.") + c + ", ";
  columns += group_column.empty() ? "NULL" : "r." + group_column;
  SQLite::Statement q(cache.db(), "SELECT " + columns + scope.sql);
  bind_scope(q, range, scope.params);
  std::map<std::optional<std::string>, LatencyGroup> groups;
  LatencyGroup* last = nullptr;  // consecutive rows often share a group
  while (q.executeStep()) {
    const SQLite::Column key = q.getColumn(static_cast<int>(k_stage_columns.size()));
    const bool same = last != nullptr && (key.isNull() ? !last->key : (last->key && *last->key == key.getText()));
    if (!same) {
      std::optional<std::string> k;
      if (!key.isNull()) k = key.getString();
      auto [it, inserted] = groups.try_emplace(k);
      if (inserted) it->second.key = k;
      last = &it->second;
    }
    ++last->turns;
    for (std::size_t s = 0; s < k_stage_columns.size(); ++s) {
      const SQLite::Column v = q.getColumn(static_cast<int>(s));
      if (!v.isNull()) last->stages[s].push_back(v.getDouble());
    }
  }
  std::vector<LatencyGroup> out;
  for (auto& [k, group] : groups) out.push_back(std::move(group));
  return out;
}

}  // namespace convstat::core
