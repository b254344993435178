#pragma once
// Reading the stage latencies of the range's turns, grouped, for `latency`.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"
#include "core/query/filters.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// The pipeline stages of a turn, in output order, and their turn columns.
inline constexpr std::array<const char*, 5> k_stage_names = {"asr", "llm", "translation", "tts", "total"};
inline constexpr std::array<const char*, 5> k_stage_columns = {"asr_ms", "llm_ms", "translation_ms", "tts_ms",
                                                               "total_ms"};

// The turns of one group: how many, and each stage's latencies (ms) over the
// turns that carry that stage.
struct LatencyGroup {
  std::optional<std::string> key;  // the group's value; null: turns without one (or no grouping)
  std::int64_t turns = 0;
  std::array<std::vector<double>, 5> stages;  // k_stage_names order
};

// The range's turns (every status) in the joined-record scope, one group per
// distinct value of `group_column` ("language_code", "optimization_level"), or
// one group with a null key when `group_column` is empty. No particular order.
std::vector<LatencyGroup> load_latency_groups(Cache& cache, const TimeRange& range, const Filters& filters,
                                              const std::string& group_column);

}  // namespace convstat::core
