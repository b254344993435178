#pragma once
// realtime (kpis.md [001 Real-time Metrics]): the window before as-of.
#include <cstdint>
#include <map>
#include <string>

#include "core/query/engagement.hpp"
#include "core/result.hpp"

namespace convstat::core {

// --window in minutes, 1-1440 (absent: 5); anything else is a UsageError.
std::int64_t realtime_window_minutes(const std::map<std::string, std::string>& options);

// {active_sessions, messages_per_minute, active_calls, window_minutes, data_as_of}:
// messages_per_minute = messages in the window / window_minutes (ratio, four
// decimals); data_as_of printed in UTC with Z (null for an empty scope).
Result compute_realtime(const RealtimeCounts& counts, std::int64_t window_minutes);

}  // namespace convstat::core
