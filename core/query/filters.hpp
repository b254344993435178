#pragma once
// The common KPI filters (kpis.md "Filters") and the SQL they add.
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"

namespace convstat::core {

struct Filters {
  std::optional<std::string> tenant;
  std::optional<std::string> channel;   // lower-cased on match
  std::optional<std::string> bot;
  std::optional<std::string> team;      // team_id or team_name
  std::optional<std::string> assignee;  // assignee_id or assignee_name
  std::optional<std::string> priority;  // urgent|high|medium|low|unset
  std::optional<std::string> outcome;   // calls only

  // True when a filter narrows conversations (so records joined to a
  // conversation drop out when their conversation is absent).
  bool narrows_conversations() const { return channel || bot || team || assignee || priority; }
  // Throws UsageError for a priority outside urgent|high|medium|low|unset.
  void validate() const;
};

// A WHERE fragment (" AND …") over conversation columns with prefix `alias`
// ("" or "c.") and its positional parameters, appended to `params`. The
// tenant condition is included only when `with_tenant`.
std::string conversation_conditions(const Filters& filters, const std::string& alias, bool with_tenant,
                                    std::vector<std::string>& params);

// Which of a record's own filters apply beyond --tenant.
struct OwnFilters {
  bool bot = false;      // calls, leads, realtime's calls
  bool outcome = false;  // calls
};

// " AND <alias>tenant = ? [AND <alias>bot_id = ?] [AND <alias>outcome = ?]"
// for the filters that are set and apply (`which`), their values appended to
// `params`: the conditions of records that carry their own bot_id or outcome
// (calls, leads) rather than joining a conversation.
std::string own_conditions(const Filters& filters, const std::string& alias, OwnFilters which,
                           std::vector<std::string>& params);

// True when `table` ("calls") holds any record of the tenant scope (every
// tenant when none), at any time.
bool scope_has_records(Cache& cache, const std::string& table, const std::optional<std::string>& tenant);

}  // namespace convstat::core
