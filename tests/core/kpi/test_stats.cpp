#include <catch2/catch.hpp>

#include "core/kpi/stats.hpp"

using namespace convstat::core;

TEST_CASE("rates and means over nothing are null, never 0", "[kpi][stats]") {
  CHECK_FALSE(percent(0, 0).has_value());
  CHECK_FALSE(ratio(3.0, 0).has_value());
  CHECK_FALSE(mean({}).has_value());
  std::vector<double> empty;
  CHECK_FALSE(median(empty).has_value());
  CHECK(*percent(1, 3) == Approx(33.3333333));
}

TEST_CASE("median of an even count is the mean of the two middle values", "[kpi][stats]") {
  std::vector<double> odd = {5, 1, 3};
  CHECK(*median(odd) == 3.0);
  std::vector<double> even = {120, 30, 90, 60};
  CHECK(*median(even) == 75.0);
}

TEST_CASE("percentiles interpolate linearly between closest ranks", "[kpi][stats]") {
  // numpy.percentile([1, 2, 3, 4], 90) = 3.7: rank 0.9 * 3 = 2.7, between 3 and 4.
  std::vector<double> four = {4, 1, 3, 2};
  CHECK(*percentile(four, 90) == Approx(3.7));
  CHECK(*percentile(four, 50) == Approx(2.5));
  CHECK(*percentile(four, 0) == 1.0);
  CHECK(*percentile(four, 100) == 4.0);
  // 1..10, p95: rank 8.55 -> 9 + 0.55 * (10 - 9) = 9.55; p99: rank 8.91 -> 9.91.
  std::vector<double> ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  CHECK(*percentile(ten, 95) == Approx(9.55));
  CHECK(*percentile(ten, 99) == Approx(9.91));
  std::vector<double> one = {7};
  CHECK(*percentile(one, 99) == 7.0);
}
