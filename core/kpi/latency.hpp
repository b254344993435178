#pragma once
// latency (kpis.md, beyond the seeds): stage latency percentiles of turns.
#include <optional>
#include <string>
#include <vector>

#include "core/query/latency.hpp"
#include "core/result.hpp"

namespace convstat::core {

// One stage's {count, avg_ms, p50_ms, p90_ms, p95_ms, p99_ms, max_ms} over
// `values` (count 0: the rest null); percentiles interpolate linearly
// (stats.hpp). Sorts `values`.
Node stage_latency(std::vector<double>& values);

// Without `by`: {asr, llm, translation, tts, total} over every group's turns.
// With `by` ("language", "optimization_level"): {by, groups: [{key, turns,
// asr, llm, translation, tts, total}]}, groups by turns desc, then key (null
// first). Main list: groups (with `by`), else the summary.
Result compute_latency(std::vector<LatencyGroup> groups, const std::optional<std::string>& by);

}  // namespace convstat::core
