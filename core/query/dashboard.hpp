#pragma once
// Reading what `dashboard` counts out of the cache: the range's conversations,
// messages, leads and calls, reduced to the columns it needs.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// A conversation or call of the range: who it belongs to and when it started.
struct ActivityRow {
  std::string tenant;
  std::int64_t started_at = 0;
  std::optional<std::string> bot_id, contact_id;  // contact_id: conversations only
};

struct DashboardRows {
  std::vector<ActivityRow> conversations;  // started_at in range, by started_at
  std::vector<ActivityRow> calls;          // started_at in range, by started_at
  std::vector<std::int64_t> message_at;    // messages with at in range, by at
  std::vector<std::int64_t> lead_created_at;  // leads with created_at in range
};

// Every record of the four types whose own timestamp is in [range.from_ms,
// range.to_ms), of `tenant` when given (else all tenants).
DashboardRows load_dashboard_rows(Cache& cache, const TimeRange& range, const std::optional<std::string>& tenant);

}  // namespace convstat::core
