#pragma once
// --compare previous (kpis.md "The equally long range just before"), generic
// over any KPI Result: the current result plus a `comparison` object.
#include "core/result.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// `current` with one more top-level key, "comparison":
//   {"previous_start", "previous_end", "previous": {...}, "change": {...}}
// - previous_start / previous_end: the previous range's first and last local
//   day ("YYYY-MM-DD", inclusive) for a date range; for a datetime range its
//   start and exclusive end instants in `tz` (RFC 3339 with offset);
// - previous: the scalars of `previous` at the paths they have in the root,
//   nested objects kept; lists are left out (lists are not compared);
// - change: for each key present in both whose values are numbers or null:
//   a Unit::percent metric -> current - previous in points (Unit::decimal1);
//   any other number -> (current - previous) / previous * 100 (Unit::percent),
//   null when previous is 0; null when either side is null. Strings and
//   booleans have no change. Computed from unrounded values.
// Objects left without any key are dropped from previous and change.
Result compare_results(const Result& current, const Result& previous, const TimeRange& previous_range,
                       const TimeZone& tz);

}  // namespace convstat::core
