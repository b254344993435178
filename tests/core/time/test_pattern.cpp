// Output file name patterns: strftime conversions at an instant in a zone.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/time/pattern.hpp"

using namespace convstat::core;

namespace {
std::int64_t at(const char* rfc3339) { return *parse_timestamp(rfc3339, nullptr, nullptr); }
}  // namespace

TEST_CASE("expand_time_pattern: date, time and ISO week fields in the zone", "[pattern]") {
  const TimeZone paris("Europe/Paris");
  // 2026-03-29T22:30Z is Monday 2026-03-30 00:30 CEST: day 89 of 2026, ISO week 14.
  const std::int64_t t = at("2026-03-29T22:30:05Z");
  CHECK(expand_time_pattern("r/%Y-%m-%d_%H%M%S.pdf", t, paris) == "r/2026-03-30_003005.pdf");
  CHECK(expand_time_pattern("%F %y %e %j %u", t, paris) == "2026-03-30 26 30 089 1");
  CHECK(expand_time_pattern("support-%G-W%V.pdf", t, paris) == "support-2026-W14.pdf");
  CHECK(expand_time_pattern("%F", t, TimeZone::utc()) == "2026-03-29");  // still Sunday in UTC
  CHECK(expand_time_pattern("100%% r\u00e9sum\u00e9", t, paris) == "100% r\u00e9sum\u00e9");
  CHECK(expand_time_pattern("plain.csv", t, paris) == "plain.csv");
}

TEST_CASE("expand_time_pattern: the ISO week-year differs from the year around New Year", "[pattern]") {
  const TimeZone utc = TimeZone::utc();
  CHECK(expand_time_pattern("%Y %G-W%V %u", at("2027-01-01T12:00:00Z"), utc) == "2027 2026-W53 5");
  CHECK(expand_time_pattern("%Y %G-W%V %e", at("2024-12-30T12:00:00Z"), utc) == "2024 2025-W01 30");
  CHECK(expand_time_pattern("%e", at("2024-12-05T12:00:00Z"), utc) == " 5");
}

TEST_CASE("expand_time_pattern: unknown conversions and a lone % are usage errors", "[pattern]") {
  const TimeZone utc = TimeZone::utc();
  CHECK_THROWS_AS(expand_time_pattern("r-%Q.csv", 0, utc), UsageError);
  CHECK_THROWS_AS(expand_time_pattern("r-%", 0, utc), UsageError);
  CHECK_THROWS_WITH(expand_time_pattern("r-%Q.csv", 0, utc), Catch::Contains("'%Q'"));
}
