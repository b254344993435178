#include "core/kpi/stats.hpp"

#include <algorithm>
#include <cmath>

namespace convstat::core {

std::optional<double> percent(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) * 100.0 / static_cast<double>(whole);
}

std::optional<double> ratio(double part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  return part / static_cast<double>(whole);
}

std::optional<double> mean(const std::vector<double>& values) {
  double sum = 0;
  for (double v : values) sum += v;
  return ratio(sum, static_cast<std::int64_t>(values.size()));
}

std::optional<double> median(std::vector<double>& values) { return percentile(values, 50.0); }

std::optional<double> percentile(std::vector<double>& values, double p) {
  if (values.empty()) return std::nullopt;
  // The two closest ranks by selection, not a sort: the same values, in linear time.
  const double rank = p / 100.0 * static_cast<double>(values.size() - 1);
  const auto lower = static_cast<std::size_t>(std::floor(rank));
  const auto at = values.begin() + static_cast<std::ptrdiff_t>(lower);
  std::nth_element(values.begin(), at, values.end());
  const double low = *at;
  const double high = lower + 1 < values.size() ? *std::min_element(at + 1, values.end()) : low;
  const double fraction = rank - static_cast<double>(lower);
  return low + (high - low) * fraction;
}

std::optional<double> sorted_percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return std::nullopt;
  const double rank = p / 100.0 * static_cast<double>(sorted.size() - 1);
  const auto lower = static_cast<std::size_t>(std::floor(rank));
  const std::size_t upper = std::min(lower + 1, sorted.size() - 1);
  const double fraction = rank - static_cast<double>(lower);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
}

}  // namespace convstat::core
