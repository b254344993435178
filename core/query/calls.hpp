#pragma once
// Voice calls of a range (kpis.md calls): the columns the call KPIs read, with
// the data-model defaults applied, and the phone search, which redacts every
// number before it leaves this module.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"
#include "core/query/filters.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

struct CallRow {
  std::int64_t started_at = 0;
  double duration_seconds = 0;             // 0 when absent
  bool completed = false;                  // status completed (else failed)
  bool first_call_resolution = false;      // effective: absent -> outcome resolved or ticket_created
  bool escalated = false;                  // effective: absent -> outcome escalated
  std::int64_t tickets_created = 0;        // effective: absent -> 1 for outcome ticket_created
  std::optional<std::string> outcome;
  std::optional<std::string> category;
  std::optional<double> resolution_seconds;
};

// Calls started in the range, narrowed by --tenant, --bot and --outcome
// (the other filters do not apply to calls), by started_at.
std::vector<CallRow> load_calls(Cache& cache, const TimeRange& range, const Filters& filters);

struct PhoneMatch {
  std::string call_id;
  std::string phone_redacted;  // "***-***-5678"; the number itself never leaves load
  std::int64_t started_at = 0;
  std::optional<double> duration_seconds;  // as stored
  std::optional<std::string> outcome;
  std::string status;
};

// Calls started in the range (same filters as load_calls) whose phone's digits
// contain `digits` (the query's digits, already stripped), newest first, ties
// by call_id.
std::vector<PhoneMatch> find_calls_by_phone(Cache& cache, const TimeRange& range, const Filters& filters,
                                            const std::string& digits);

}  // namespace convstat::core
