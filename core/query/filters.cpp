#include "core/query/filters.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "core/util/suggest.hpp"

namespace convstat::core {

void Filters::validate() const {
  static const std::vector<std::string> priorities = {"urgent", "high", "medium", "low", "unset"};
  if (priority && std::find(priorities.begin(), priorities.end(), *priority) == priorities.end())
    throw UsageError("invalid --priority '" + *priority + "' (expected urgent, high, medium, low or unset)" +
                     did_you_mean(*priority, priorities));
}

std::string conversation_conditions(const Filters& f, const std::string& alias, bool with_tenant,
                                    std::vector<std::string>& params) {
  std::string sql;
  auto add = [&](const std::string& condition, std::initializer_list<std::string> values) {
    sql += " AND " + condition;
    params.insert(params.end(), values);
  };
  if (with_tenant && f.tenant) add(alias + "tenant = ?", {*f.tenant});
  if (f.channel) {
    std::string lower = *f.channel;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    add(alias + "channel = ?", {lower});
  }
  if (f.bot) add(alias + "bot_id = ?", {*f.bot});
  if (f.team) add("(" + alias + "team_id = ? OR " + alias + "team_name = ?)", {*f.team, *f.team});
  if (f.assignee) add("(" + alias + "assignee_id = ? OR " + alias + "assignee_name = ?)", {*f.assignee, *f.assignee});
  if (f.priority) {
    if (*f.priority == "unset") sql += " AND " + alias + "id IS NOT NULL AND " + alias + "priority IS NULL";
    else add(alias + "priority = ?", {*f.priority});
  }
  return sql;
}

std::string own_conditions(const Filters& f, const std::string& alias, OwnFilters which,
                           std::vector<std::string>& params) {
  std::string sql;
  const auto add = [&](const char* column, const std::optional<std::string>& value) {
    if (!value) return;
    sql += " AND " + alias + column + " = ?";
    params.push_back(*value);
  };
  add("tenant", f.tenant);
  if (which.bot) add("bot_id", f.bot);
  if (which.outcome) add("outcome", f.outcome);
  return sql;
}

bool scope_has_records(Cache& cache, const std::string& table, const std::optional<std::string>& tenant) {
  SQLite::Statement q(cache.db(), "SELECT EXISTS (SELECT 1 FROM " + table + (tenant ? " WHERE tenant = ?)" : ")"));
  if (tenant) q.bind(1, *tenant);
  q.executeStep();
  return q.getColumn(0).getInt() != 0;
}

}  // namespace convstat::core
