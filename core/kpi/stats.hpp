#pragma once
// Small statistics with the empty-denominator rule of kpis.md: a rate or mean
// over nothing is std::nullopt (null), never 0 or NaN.
#include <cstdint>
#include <optional>
#include <vector>

namespace convstat::core {

// part / whole * 100, or nullopt when whole is 0.
std::optional<double> percent(std::int64_t part, std::int64_t whole);
// part / whole, or nullopt when whole is 0.
std::optional<double> ratio(double part, std::int64_t whole);
// Arithmetic mean, or nullopt for no values.
std::optional<double> mean(const std::vector<double>& values);
// Median (mean of the two middle values for an even count); reorders `values`.
std::optional<double> median(std::vector<double>& values);
// Percentile p in [0, 100], linear interpolation between closest ranks
// (numpy's default, DuckDB's quantile_cont); reorders `values`.
std::optional<double> percentile(std::vector<double>& values, double p);
// The same over values already sorted ascending (no copy, no sort): for
// several percentiles of one large sample.
std::optional<double> sorted_percentile(const std::vector<double>& sorted, double p);

// Running mean without storing values.
struct MeanAccumulator {
  double sum = 0;
  std::int64_t count = 0;
  void add(double v) { sum += v; ++count; }
  std::optional<double> value() const { return ratio(sum, count); }
};

// The minutes from one instant (epoch ms) to another.
inline double minutes_between(std::int64_t from_ms, std::int64_t to_ms) {
  return static_cast<double>(to_ms - from_ms) / 60000.0;
}

// Running mean of durations in minutes, kept as whole milliseconds: exact, so
// the same whatever order (or threads) the durations come in.
struct MinutesMean {
  std::int64_t sum_ms = 0;
  std::int64_t count = 0;
  void add(std::int64_t from_ms, std::int64_t to_ms) { sum_ms += to_ms - from_ms; ++count; }
  void merge(const MinutesMean& other) { sum_ms += other.sum_ms; count += other.count; }
  std::optional<double> value() const { return ratio(static_cast<double>(sum_ms) / 60000.0, count); }
};

}  // namespace convstat::core
