#pragma once
// calls, calls resolution, calls search (kpis.md [002 Call Metrics, v1
// Resolution Rates, Phone Number Search]): pure functions from call rows.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/query/calls.hpp"
#include "core/result.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// {total_calls, completed_calls, failed_calls, avg_duration_seconds (mean
// over completed calls), first_call_resolution_rate (%), tickets_created,
// escalation_count} — the kpis block without its period fields (unified's
// voice block).
Node call_kpis(const std::vector<CallRow>& calls);

// {kpis (+ period_start, period_end: inclusive local dates), call_volume
// (zero-filled per local day), outcome_breakdown (null outcome included; count
// desc, then outcome with null first), peak_hours (non-empty (local hour, ISO
// weekday) cells; call_count desc, then day_of_week, hour)}. `calls` are the
// range's calls. Tables draw peak_hours as a 7x24 heatmap.
Result compute_calls(const std::vector<CallRow>& calls, const TimeRange& range, const TimeZone& tz);

// The previous period of `calls resolution --compare previous`.
struct PreviousCalls {
  TimeRange range;
  std::vector<CallRow> calls;
};

// {fcr_trend [{date, total_calls, fcr_rate}] zero-filled (null rate on empty
// days), resolution_by_category [{category, total_calls, resolved,
// resolution_rate}] (resolved = effective first_call_resolution; the null
// category is a group; total_calls desc, then category with null first),
// avg_resolution_time_seconds (mean resolution_seconds of calls with one),
// period_comparison (null without `previous`)}.
Result compute_calls_resolution(const std::vector<CallRow>& calls, const TimeRange& range, const TimeZone& tz,
                                const std::optional<PreviousCalls>& previous);

// The --phone and --limit of calls search: at least 4 digits once non-digits
// are dropped (UsageError otherwise, without echoing the number); limit 1-100,
// default 50.
struct PhoneSearch {
  std::string digits;
  std::int64_t limit = 50;
};
PhoneSearch phone_search(const std::map<std::string, std::string>& options);

// {results: the first `limit` matches [{call_id, phone_number_redacted,
// start_time, duration_seconds, outcome, status}], total_count: every match,
// search_term_redacted}.
Result compute_calls_search(const std::vector<PhoneMatch>& matches, const PhoneSearch& search);

}  // namespace convstat::core
