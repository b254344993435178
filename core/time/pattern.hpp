#pragma once
// Output file name patterns for cron jobs: `-o reports/support-%G-W%V.pdf`.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/time/time.hpp"

namespace convstat::core {

// Expands the strftime-style conversions of `pattern` for the instant `at_ms`
// read in `tz`: %Y year, %y two-digit year, %m month, %d day, %e day padded
// with a space, %j day of the year, %H %M %S, %F (%Y-%m-%d), %G ISO week-year,
// %V ISO week, %u ISO weekday (1 = Monday), %% a '%'. Any other conversion, or
// a trailing '%', is a UsageError naming it; the rest is copied as is.
std::string expand_time_pattern(std::string_view pattern, std::int64_t at_ms, const TimeZone& tz);

}  // namespace convstat::core
