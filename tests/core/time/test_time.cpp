// Tests for core/time/time.cpp. Every expected instant and day number was worked
// out independently of the code under test (by hand and with `date -u -d ... +%s`
// / Python's zoneinfo), never by running convstat. Range tests compare printed
// instants for readability; the printers themselves are pinned against raw epoch
// milliseconds first ("format_instant_utc ...").
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "core/error.hpp"
#include "core/time/time.hpp"

using namespace convstat::core;

namespace {

// Epoch milliseconds of a few instants (from `date -u -d <instant> +%s`).
constexpr std::int64_t k_2026_03_02_0915z = 1772442900000;     // 2026-03-02T09:15:00Z
constexpr std::int64_t k_2026_03_28_2300z = 1774738800000;     // Paris midnight starting 2026-03-29
constexpr std::int64_t k_2026_03_29_2200z = 1774821600000;     // Paris midnight starting 2026-03-30
constexpr std::int64_t k_2026_10_24_2200z = 1792879200000;     // Paris midnight starting 2026-10-25
constexpr std::int64_t k_2026_10_25_2300z = 1792969200000;     // Paris midnight starting 2026-10-26
constexpr std::int64_t k_2026_03_29_0130z = 1774747800000;     // 2026-03-29T01:30:00Z
constexpr std::int64_t k_2026_10_25_0030z = 1792888200000;     // 2026-10-25T00:30:00Z
constexpr std::int64_t k_2026_07_01_1200z = 1782907200000;     // 2026-07-01T12:00:00Z
constexpr std::int64_t k_2026_03_10_1200z = 1773144000000;     // 2026-03-10T12:00:00Z
constexpr std::int64_t k_hour_ms = 3'600'000;

// Local day numbers (days since 1970-01-01).
constexpr std::int32_t k_day_2026_03_02 = 20514;  // a Monday
constexpr std::int32_t k_day_2026_03_04 = 20516;  // a Wednesday
constexpr std::int32_t k_day_2026_03_28 = 20540;
constexpr std::int32_t k_day_2026_03_29 = 20541;  // Paris spring forward (23 h)
constexpr std::int32_t k_day_2026_03_30 = 20542;
constexpr std::int32_t k_day_2026_10_25 = 20751;  // Paris fall back (25 h)

struct Caught {
  bool thrown = false;
  std::string message;
  std::string hint;
  ExitCode code = ExitCode::ok;
};

// Runs `f` and records the UsageError it throws (thrown = false when none).
template <class F>
Caught catch_usage(F&& f) {
  Caught caught;
  try {
    f();
  } catch (const UsageError& e) {
    caught = {true, e.what(), e.hint(), e.code()};
  }
  return caught;
}

RangeRequest as_of(const char* instant) {
  RangeRequest request;
  request.as_of = instant;
  return request;
}

std::string utc(std::int64_t ms) { return format_instant_utc(ms); }

}  // namespace

// ---------------------------------------------------------------------------
// TimeZone

TEST_CASE("TimeZone rejects unknown names as a usage error", "[time]") {
  const Caught unknown = catch_usage([] { TimeZone tz("Mars/Base"); });
  REQUIRE(unknown.thrown);
  CHECK(unknown.message == "unknown time zone 'Mars/Base'");
  CHECK(unknown.hint == "use an IANA name such as Europe/Paris or UTC");
  CHECK(unknown.code == ExitCode::usage);

  const Caught wrong_case = catch_usage([] { TimeZone tz("europe/paris"); });
  REQUIRE(wrong_case.thrown);
  CHECK(wrong_case.message == "unknown time zone 'europe/paris'");
  CHECK(wrong_case.hint == "did you mean 'Europe/Paris'?");

  CHECK(catch_usage([] { TimeZone tz(""); }).thrown);
  CHECK_FALSE(catch_usage([] { TimeZone tz("Etc/UTC"); }).thrown);
  CHECK(TimeZone("Europe/Paris").name() == "Europe/Paris");
  CHECK(TimeZone::utc().name() == "UTC");
}

TEST_CASE("TimeZone offsets follow Europe/Paris DST transitions", "[time]") {
  const TimeZone paris("Europe/Paris");
  CHECK(paris.offset_seconds(1768478400000) == 3600);        // 2026-01-15T12:00Z, CET
  CHECK(paris.offset_seconds(k_2026_07_01_1200z) == 7200);   // CEST
  CHECK(paris.offset_seconds(1774745999999) == 3600);        // 2026-03-29T00:59:59.999Z
  CHECK(paris.offset_seconds(1774746000000) == 7200);        // 2026-03-29T01:00:00Z
  CHECK(paris.offset_seconds(1792889999999) == 7200);        // 2026-10-25T00:59:59.999Z
  CHECK(paris.offset_seconds(1792890000000) == 3600);        // 2026-10-25T01:00:00Z
  // Jumping back and forth must not reuse a stale cached period.
  CHECK(paris.offset_seconds(1768478400000) == 3600);
  CHECK(paris.offset_seconds(k_2026_07_01_1200z) == 7200);
  CHECK(paris.offset_seconds(0) == 3600);                    // 1970-01-01, CET
  CHECK(TimeZone::utc().offset_seconds(k_2026_07_01_1200z) == 0);
  CHECK(TimeZone("Asia/Kolkata").offset_seconds(k_2026_07_01_1200z) == 19800);
  CHECK(TimeZone("America/New_York").offset_seconds(1768478400000) == -18000);
}

TEST_CASE("TimeZone local days and hours around DST", "[time]") {
  const TimeZone paris("Europe/Paris");
  CHECK(paris.local_day(k_2026_03_28_2300z - 1) == k_day_2026_03_28);
  CHECK(paris.local_day(k_2026_03_28_2300z) == k_day_2026_03_29);
  CHECK(paris.local_day(k_2026_03_29_2200z - 1) == k_day_2026_03_29);
  CHECK(paris.local_day(k_2026_03_29_2200z) == k_day_2026_03_30);
  CHECK(paris.local_hour(1774745999999) == 1);               // 01:59:59.999 CET
  CHECK(paris.local_hour(1774746000000) == 3);               // 03:00 CEST: hour 2 is skipped
  CHECK(paris.local_hour(k_2026_10_25_0030z) == 2);          // 02:30 CEST
  CHECK(paris.local_hour(1792891800000) == 2);               // 01:30Z = 02:30 CET, hour 2 again
  CHECK(paris.local_hour(k_2026_10_25_2300z - 1) == 23);

  const TimeZone utc = TimeZone::utc();
  CHECK(utc.local_day(0) == 0);
  CHECK(utc.local_day(-1) == -1);                            // 1969-12-31T23:59:59.999Z
  CHECK(utc.local_hour(-1) == 23);
  CHECK(utc.local_hour(k_2026_03_02_0915z) == 9);
}

TEST_CASE("TimeZone day starts make DST days 23 and 25 hours long", "[time]") {
  const TimeZone paris("Europe/Paris");
  CHECK(paris.day_start_ms(k_day_2026_03_29) == k_2026_03_28_2300z);
  CHECK(paris.day_start_ms(k_day_2026_03_30) == k_2026_03_29_2200z);
  CHECK(paris.day_start_ms(k_day_2026_03_30) - paris.day_start_ms(k_day_2026_03_29) == 23 * k_hour_ms);
  CHECK(paris.day_start_ms(k_day_2026_10_25) == k_2026_10_24_2200z);
  CHECK(paris.day_start_ms(k_day_2026_10_25 + 1) == k_2026_10_25_2300z);
  CHECK(paris.day_start_ms(k_day_2026_10_25 + 1) - paris.day_start_ms(k_day_2026_10_25) == 25 * k_hour_ms);
  CHECK(TimeZone::utc().day_start_ms(k_day_2026_03_04) == 1772582400000);

  // Santiago springs forward at local midnight: 2026-09-06 starts at 01:00 -03 (04:00Z).
  const TimeZone santiago("America/Santiago");
  CHECK(santiago.day_start_ms(20702) == 1788667200000);
  CHECK(santiago.day_start_ms(20701) == 1788580800000);      // 2026-09-05 00:00 -04
}

TEST_CASE("TimeZone local_to_utc_ms resolves gaps and overlaps", "[time]") {
  const TimeZone paris("Europe/Paris");
  const std::int64_t two_thirty = 2 * k_hour_ms + 30 * 60'000;
  CHECK(paris.local_to_utc_ms(k_day_2026_03_02, 10 * k_hour_ms + 15 * 60'000) == k_2026_03_02_0915z);
  // 02:30 does not exist on 2026-03-29: shifted forward by the 1 h gap to 03:30 CEST.
  CHECK(paris.local_to_utc_ms(k_day_2026_03_29, two_thirty) == k_2026_03_29_0130z);
  // 02:30 happens twice on 2026-10-25: the earlier instant (CEST).
  CHECK(paris.local_to_utc_ms(k_day_2026_10_25, two_thirty) == k_2026_10_25_0030z);

  SECTION("a cache warmed in a neighbouring period does not change the answer") {
    CHECK(paris.offset_seconds(1794744000000) == 3600);      // 2026-11-15, after the overlap
    CHECK(paris.local_to_utc_ms(k_day_2026_10_25, two_thirty) == k_2026_10_25_0030z);
    CHECK(paris.offset_seconds(k_2026_07_01_1200z) == 7200);  // summer, before the overlap
    CHECK(paris.local_to_utc_ms(k_day_2026_10_25, two_thirty) == k_2026_10_25_0030z);
    CHECK(paris.offset_seconds(1768478400000) == 3600);      // winter, before the gap
    CHECK(paris.local_to_utc_ms(k_day_2026_03_29, two_thirty) == k_2026_03_29_0130z);
    CHECK(paris.local_to_utc_ms(k_day_2026_03_02, 10 * k_hour_ms + 15 * 60'000) == k_2026_03_02_0915z);
  }
  SECTION("New York's gap at 02:00") {
    const TimeZone new_york("America/New_York");
    CHECK(new_york.local_to_utc_ms(20520, two_thirty) == 1772955000000);  // 2026-03-08 -> 07:30Z
    CHECK(new_york.day_start_ms(20520) == 1772946000000);                 // 05:00Z
    CHECK(new_york.day_start_ms(20521) == 1773028800000);                 // 04:00Z
  }
}

// ---------------------------------------------------------------------------
// parse_timestamp

TEST_CASE("parse_timestamp reads RFC 3339 instants with offsets", "[time]") {
  const auto parse = [](const char* text) { return parse_timestamp(text, nullptr, nullptr); };
  CHECK(parse("2026-03-02T09:15:00Z") == k_2026_03_02_0915z);
  CHECK(parse("2026-03-02T09:15:00z") == k_2026_03_02_0915z);
  CHECK(parse("2026-03-02t09:15:00Z") == k_2026_03_02_0915z);
  CHECK(parse("2026-03-02 09:15:00Z") == k_2026_03_02_0915z);
  CHECK(parse("2026-03-02T10:15:00+01:00") == k_2026_03_02_0915z);
  CHECK(parse("2026-03-02T10:15:00+0100") == k_2026_03_02_0915z);
  CHECK(parse("2026-03-02T10:15:00+01") == k_2026_03_02_0915z);
  CHECK(parse("2026-03-02T14:45:00+05:30") == k_2026_03_02_0915z);
  CHECK(parse("2026-03-02T06:15:00-03:00") == k_2026_03_02_0915z);
  CHECK(parse("2026-03-01T23:15:00-10:00") == k_2026_03_02_0915z);  // crosses midnight
  CHECK(parse("2026-03-02T09:15:00-00:00") == k_2026_03_02_0915z);
  CHECK(parse("1970-01-01T00:00:00Z") == 0);
  CHECK(parse("1969-12-31T23:59:59.999Z") == -1);
  CHECK(parse("2000-02-29T00:00:00Z") == 951782400000);
  CHECK(parse("2028-02-29T00:00:00Z") == 1835395200000);
  CHECK(parse("9999-12-31T23:59:59.999Z") == 253402300799999);
}

TEST_CASE("parse_timestamp truncates fractional seconds to milliseconds", "[time]") {
  const auto parse = [](const char* text) { return parse_timestamp(text, nullptr, nullptr); };
  CHECK(parse("2026-03-02T09:15:00.1Z") == k_2026_03_02_0915z + 100);
  CHECK(parse("2026-03-02T09:15:00.12Z") == k_2026_03_02_0915z + 120);
  CHECK(parse("2026-03-02T09:15:00.250+01:00") == k_2026_03_02_0915z - k_hour_ms + 250);
  CHECK(parse("2026-03-02T09:15:00.123456Z") == k_2026_03_02_0915z + 123);
  CHECK(parse("2026-03-02T09:15:00.999999999Z") == k_2026_03_02_0915z + 999);
  CHECK(parse("2026-03-02T09:15:00.000Z") == k_2026_03_02_0915z);
  CHECK(parse("1969-12-31T23:59:59.5Z") == -500);
}

TEST_CASE("parse_timestamp without offset needs an assumed zone", "[time]") {
  std::string error;
  CHECK_FALSE(parse_timestamp("2026-03-02T09:15:00", nullptr, &error).has_value());
  CHECK(error == "timestamp has no UTC offset (use --assume-tz ZONE)");

  const TimeZone paris("Europe/Paris");
  const TimeZone utc = TimeZone::utc();
  CHECK(parse_timestamp("2026-03-02T10:15:00", &paris, nullptr) == k_2026_03_02_0915z);
  CHECK(parse_timestamp("2026-03-02 09:15:00", &utc, nullptr) == k_2026_03_02_0915z);
  CHECK(parse_timestamp("2026-03-29T02:30:00", &paris, nullptr) == k_2026_03_29_0130z);  // gap
  CHECK(parse_timestamp("2026-10-25T02:30:00", &paris, nullptr) == k_2026_10_25_0030z);  // overlap
  CHECK(parse_timestamp("2026-10-25T02:30:00.5", &paris, nullptr) == k_2026_10_25_0030z + 500);
  // An explicit offset wins over the assumed zone.
  CHECK(parse_timestamp("2026-03-02T09:15:00Z", &paris, nullptr) == k_2026_03_02_0915z);
}

TEST_CASE("parse_timestamp rejects malformed and out-of-range text", "[time]") {
  const auto reason = [](const char* text) {
    std::string error;
    const std::optional<std::int64_t> ms = parse_timestamp(text, nullptr, &error);
    return ms ? std::string("parsed") : error;
  };
  CHECK(reason("2026-03-02") == "expected a date and time");
  CHECK(reason("2026-02-29T00:00:00Z") == "day out of range for the month");
  CHECK(reason("2100-02-29T00:00:00Z") == "day out of range for the month");
  CHECK(reason("2026-04-31T00:00:00Z") == "day out of range for the month");
  CHECK(reason("2026-03-00T00:00:00Z") == "day out of range for the month");
  CHECK(reason("2026-13-01T00:00:00Z") == "month out of range");
  CHECK(reason("2026-00-01T00:00:00Z") == "month out of range");
  CHECK(reason("2026-03-02T24:00:00Z") == "hour out of range");
  CHECK(reason("2026-03-02T09:60:00Z") == "minute out of range");
  CHECK(reason("2026-03-02T09:15:60Z") == "second out of range");
  CHECK(reason("2026-03-02T09:15:00+24:00") == "UTC offset out of range");
  CHECK(reason("2026-03-02T09:15:00+01:60") == "UTC offset out of range");

  for (const char* garbage :
       {"", "garbage", "2026-3-02T09:15:00Z", "2026-03-2T09:15:00Z", "26-03-02T09:15:00Z", "2026/03/02T09:15:00Z",
        "2026-03-02T9:15:00Z", "2026-03-02T09:15Z", "2026-03-02X09:15:00Z", "2026-03-02T09:15:00.Z",
        "2026-03-02T09:15:00Zjunk", "2026-03-02T09:15:00+01:00 ", " 2026-03-02T09:15:00Z", "2026-03-02T09:15:00+1",
        "2026-03-02T09:15:00+01:", "2026-03-02T09:15:00+01:0", "2026-03-02T09:15:00 Z", "2026-03-02T",
        "2026-03-02T09:15:00.12a", "2026-03-02TT09:15:00Z", "+026-03-02T09:15:00Z"}) {
    INFO(garbage);
    std::string error;
    CHECK_FALSE(parse_timestamp(garbage, nullptr, &error).has_value());
    CHECK_FALSE(error.empty());
  }
  // A null error pointer is allowed.
  CHECK_FALSE(parse_timestamp("garbage", nullptr, nullptr).has_value());
}

// ---------------------------------------------------------------------------
// Dates, weeks, months

TEST_CASE("parse_date and format_date round civil dates", "[time]") {
  CHECK(parse_date("1970-01-01") == 0);
  CHECK(parse_date("2026-03-04") == k_day_2026_03_04);
  CHECK(parse_date("1969-12-31") == -1);
  CHECK(parse_date("2028-02-29") == 21243);
  CHECK_FALSE(parse_date("2026-02-29").has_value());
  CHECK_FALSE(parse_date("2026-3-4").has_value());
  CHECK_FALSE(parse_date("2026-03-04T00:00:00Z").has_value());
  CHECK_FALSE(parse_date("2026-03-04 ").has_value());
  CHECK_FALSE(parse_date("").has_value());

  CHECK(format_date(0) == "1970-01-01");
  CHECK(format_date(-1) == "1969-12-31");
  CHECK(format_date(k_day_2026_03_04) == "2026-03-04");
  CHECK(format_date(21243) == "2028-02-29");
}

TEST_CASE("iso_weekday, format_iso_week and format_month", "[time]") {
  CHECK(iso_weekday(0) == 4);                    // 1970-01-01 was a Thursday
  CHECK(iso_weekday(-1) == 3);
  CHECK(iso_weekday(k_day_2026_03_02) == 1);
  CHECK(iso_weekday(k_day_2026_03_04) == 3);
  CHECK(iso_weekday(k_day_2026_03_29) == 7);

  // 2026-01-01 is a Thursday, so its week is 2026-W01 and 2026 has 53 weeks;
  // 2027-01-01 (Friday) shares the week of Thursday 2026-12-31.
  CHECK(format_iso_week(20454) == "2026-W01");  // 2026-01-01
  CHECK(format_iso_week(20819) == "2026-W53");  // 2027-01-01
  CHECK(format_iso_week(20087) == "2025-W01");  // Monday 2024-12-30
  CHECK(format_iso_week(18630) == "2020-W53");  // Sunday 2021-01-03
  CHECK(format_iso_week(k_day_2026_03_29) == "2026-W13");
  CHECK(format_iso_week(k_day_2026_03_02) == "2026-W10");

  CHECK(format_month(k_day_2026_03_04) == "2026-03");
  CHECK(format_month(-1) == "1969-12");
  CHECK(format_month(20819) == "2027-01");
}

// ---------------------------------------------------------------------------
// Printed instants

TEST_CASE("format_instant_utc prints milliseconds only when not zero", "[time]") {
  CHECK(format_instant_utc(k_2026_03_02_0915z) == "2026-03-02T09:15:00Z");
  CHECK(format_instant_utc(k_2026_03_02_0915z + 250) == "2026-03-02T09:15:00.250Z");
  CHECK(format_instant_utc(k_2026_03_02_0915z + 5) == "2026-03-02T09:15:00.005Z");
  CHECK(format_instant_utc(0) == "1970-01-01T00:00:00Z");
  CHECK(format_instant_utc(-1) == "1969-12-31T23:59:59.999Z");
  CHECK(format_instant_utc(-1000) == "1969-12-31T23:59:59Z");
  CHECK(format_instant_utc(253402300799999) == "9999-12-31T23:59:59.999Z");
}

TEST_CASE("format_instant_local prints the zone's offset", "[time]") {
  const TimeZone paris("Europe/Paris");
  CHECK(format_instant_local(k_2026_03_02_0915z, paris) == "2026-03-02T10:15:00+01:00");
  CHECK(format_instant_local(k_2026_03_02_0915z + 250, paris) == "2026-03-02T10:15:00.250+01:00");
  CHECK(format_instant_local(k_2026_07_01_1200z, paris) == "2026-07-01T14:00:00+02:00");
  CHECK(format_instant_local(1774745999999, paris) == "2026-03-29T01:59:59.999+01:00");
  CHECK(format_instant_local(1774746000000, paris) == "2026-03-29T03:00:00+02:00");
  CHECK(format_instant_local(k_2026_03_28_2300z, paris) == "2026-03-29T00:00:00+01:00");
  CHECK(format_instant_local(k_2026_03_02_0915z, TimeZone::utc()) == "2026-03-02T09:15:00+00:00");
  CHECK(format_instant_local(k_2026_03_02_0915z, TimeZone("Asia/Kolkata")) == "2026-03-02T14:45:00+05:30");
  CHECK(format_instant_local(k_2026_03_02_0915z, TimeZone("America/Sao_Paulo")) == "2026-03-02T06:15:00-03:00");
  CHECK(format_instant_local(-1, TimeZone::utc()) == "1969-12-31T23:59:59.999+00:00");
}

TEST_CASE("now_ms reads the system clock", "[time]") {
  using namespace std::chrono;
  const auto clock_ms = [] { return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count(); };
  const std::int64_t before = clock_ms();
  const std::int64_t now = now_ms();
  const std::int64_t after = clock_ms();
  CHECK(before <= now);
  CHECK(now <= after);
}

// ---------------------------------------------------------------------------
// resolve_range

TEST_CASE("resolve_range: --from/--to dates are whole local days", "[time]") {
  const TimeZone paris("Europe/Paris");
  RangeRequest request = as_of("2026-04-10T12:00:00Z");
  request.from = "2026-03-29";
  request.to = "2026-03-29";
  const TimeRange range = resolve_range(request, paris);
  CHECK(range.from_ms == k_2026_03_28_2300z);
  CHECK(range.to_ms == k_2026_03_29_2200z);
  CHECK(range.first_day == k_day_2026_03_29);
  CHECK(range.last_day == k_day_2026_03_29);
  CHECK(range.day_count() == 1);
  CHECK(range.date_based);
  CHECK(range.as_of_ms == 1775822400000);  // 2026-04-10T12:00:00Z
  CHECK(range.contains(k_2026_03_28_2300z));
  CHECK_FALSE(range.contains(k_2026_03_29_2200z));
  CHECK_FALSE(range.contains(k_2026_03_28_2300z - 1));
}

TEST_CASE("resolve_range: --days N ends with today in --tz", "[time]") {
  SECTION("UTC") {
    RangeRequest request = as_of("2026-03-10T12:00:00Z");
    request.days = 7;
    const TimeRange range = resolve_range(request, TimeZone::utc());
    CHECK(range.from_ms == 1772582400000);  // 2026-03-04T00:00:00Z
    CHECK(range.to_ms == 1773187200000);    // 2026-03-11T00:00:00Z
    CHECK(range.first_day == k_day_2026_03_04);
    CHECK(range.last_day == 20522);         // 2026-03-10
    CHECK(range.day_count() == 7);
    CHECK(range.date_based);
    CHECK(range.as_of_ms == k_2026_03_10_1200z);
  }
  SECTION("today is the local date of as-of") {
    RangeRequest request = as_of("2026-03-10T23:30:00Z");  // 00:30 on 2026-03-11 in Paris
    request.days = 1;
    const TimeRange range = resolve_range(request, TimeZone("Europe/Paris"));
    CHECK(utc(range.from_ms) == "2026-03-10T23:00:00Z");
    CHECK(utc(range.to_ms) == "2026-03-11T23:00:00Z");
    CHECK(format_date(range.first_day) == "2026-03-11");
  }
  SECTION("the default is --days 30") {
    const TimeRange range = resolve_range(as_of("2026-03-10T12:00:00Z"), TimeZone::utc());
    CHECK(range.from_ms == 1770595200000);  // 2026-02-09T00:00:00Z
    CHECK(range.to_ms == 1773187200000);
    CHECK(range.day_count() == 30);
    CHECK(range.date_based);
  }
  SECTION("N must be at least 1") {
    for (int days : {0, -3, 100001}) {
      RangeRequest request = as_of("2026-03-10T12:00:00Z");
      request.days = days;
      const Caught caught = catch_usage([&] { resolve_range(request, TimeZone::utc()); });
      CHECK(caught.thrown);
      CHECK(caught.message.find("--days") != std::string::npos);
    }
  }
}

TEST_CASE("resolve_range: --period calendar periods", "[time]") {
  // 2026-03-04 is a Wednesday; its ISO week runs Monday 03-02 to Sunday 03-08.
  const auto period = [](const char* name, const char* instant = "2026-03-04T12:00:00Z") {
    RangeRequest request = as_of(instant);
    request.period = name;
    const TimeRange range = resolve_range(request, TimeZone::utc());
    CHECK(range.date_based);
    CHECK(range.from_ms == TimeZone::utc().day_start_ms(range.first_day));
    CHECK(range.to_ms == TimeZone::utc().day_start_ms(range.last_day + 1));
    return format_date(range.first_day) + " " + format_date(range.last_day);
  };
  CHECK(period("today") == "2026-03-04 2026-03-04");
  CHECK(period("yesterday") == "2026-03-03 2026-03-03");
  CHECK(period("week") == "2026-03-02 2026-03-08");
  CHECK(period("last-week") == "2026-02-23 2026-03-01");
  CHECK(period("month") == "2026-03-01 2026-03-31");
  CHECK(period("last-month") == "2026-02-01 2026-02-28");
  CHECK(period("year") == "2026-01-01 2026-12-31");
  CHECK(period("last-year") == "2025-01-01 2025-12-31");
  // Edges: Sunday and Monday belong to the same week; January's last month is
  // December; a leap February has 29 days; 1 January's yesterday is last year.
  CHECK(period("week", "2026-03-08T23:59:59Z") == "2026-03-02 2026-03-08");
  CHECK(period("week", "2026-03-02T00:00:00Z") == "2026-03-02 2026-03-08");
  CHECK(period("last-month", "2026-01-15T00:00:00Z") == "2025-12-01 2025-12-31");
  CHECK(period("month", "2028-02-10T00:00:00Z") == "2028-02-01 2028-02-29");
  CHECK(period("yesterday", "2026-01-01T00:00:00Z") == "2025-12-31 2025-12-31");
  CHECK(period("last-week", "2026-01-01T00:00:00Z") == "2025-12-22 2025-12-28");

  SECTION("a week spanning the spring-forward day in Paris") {
    RangeRequest request = as_of("2026-03-27T12:00:00Z");
    request.period = "week";
    const TimeRange range = resolve_range(request, TimeZone("Europe/Paris"));
    CHECK(utc(range.from_ms) == "2026-03-22T23:00:00Z");  // Monday 03-23 00:00 CET
    CHECK(utc(range.to_ms) == "2026-03-29T22:00:00Z");    // Monday 03-30 00:00 CEST
    CHECK(range.day_count() == 7);
  }
  SECTION("an unknown period names the valid ones") {
    RangeRequest request = as_of("2026-03-04T12:00:00Z");
    request.period = "fortnight";
    const Caught caught = catch_usage([&] { resolve_range(request, TimeZone::utc()); });
    REQUIRE(caught.thrown);
    CHECK(caught.message.find("'fortnight'") != std::string::npos);
    CHECK((caught.message + caught.hint)
              .find("today, yesterday, week, month, year, last-week, last-month, last-year") != std::string::npos);
  }
}

TEST_CASE("resolve_range: datetime ranges are half-open instants", "[time]") {
  const TimeZone paris("Europe/Paris");
  RangeRequest request = as_of("2026-03-10T12:00:00Z");
  request.from = "2026-03-02T10:00:00+01:00";
  request.to = "2026-03-04T06:30:00Z";
  const TimeRange range = resolve_range(request, paris);
  CHECK(range.from_ms == 1772442000000);  // 2026-03-02T09:00:00Z
  CHECK(range.to_ms == 1772605800000);    // 2026-03-04T06:30:00Z
  CHECK_FALSE(range.date_based);
  CHECK(range.first_day == k_day_2026_03_02);
  CHECK(range.last_day == k_day_2026_03_04);  // 07:29:59.999 local on 03-04
  CHECK(range.day_count() == 3);

  SECTION("a --to at local midnight does not touch the next day") {
    request.from = "2026-03-02T00:00:00+01:00";
    request.to = "2026-03-04T00:00:00+01:00";
    const TimeRange midnight = resolve_range(request, paris);
    CHECK(format_date(midnight.first_day) == "2026-03-02");
    CHECK(format_date(midnight.last_day) == "2026-03-03");
    CHECK_FALSE(midnight.date_based);
  }
  SECTION("a date --from with a datetime --to is datetime-based") {
    request.from = "2026-03-02";
    request.to = "2026-03-02T12:00:00Z";
    const TimeRange mixed = resolve_range(request, TimeZone::utc());
    CHECK(mixed.from_ms == 1772409600000);  // 2026-03-02T00:00:00Z
    CHECK(mixed.to_ms == 1772452800000);    // 2026-03-02T12:00:00Z
    CHECK_FALSE(mixed.date_based);
    CHECK(mixed.day_count() == 1);
  }
  SECTION("a datetime without offset is read in --tz") {
    request.from = "2026-03-02T10:00:00";
    request.to = "2026-03-04T07:30:00";
    const TimeRange local = resolve_range(request, paris);
    CHECK(local.from_ms == 1772442000000);
    CHECK(local.to_ms == 1772605800000);
  }
  SECTION("--from equal to a datetime --to is an empty range") {
    request.from = "2026-03-02T12:00:00Z";
    request.to = "2026-03-02T13:00:00+01:00";
    const TimeRange empty = resolve_range(request, paris);
    CHECK(empty.from_ms == 1772452800000);
    CHECK(empty.to_ms == 1772452800000);
    CHECK(empty.first_day == k_day_2026_03_02);
    CHECK(empty.last_day < empty.first_day);
    CHECK(empty.day_count() == 0);
    CHECK_FALSE(empty.contains(1772452800000));
  }
}

TEST_CASE("resolve_range: a --from or --to alone", "[time]") {
  const TimeZone utc_zone = TimeZone::utc();
  RangeRequest request = as_of("2026-03-10T12:00:00Z");
  SECTION("--from date runs to the end of today") {
    request.from = "2026-03-01";
    const TimeRange range = resolve_range(request, utc_zone);
    CHECK(utc(range.from_ms) == "2026-03-01T00:00:00Z");
    CHECK(utc(range.to_ms) == "2026-03-11T00:00:00Z");
    CHECK(range.day_count() == 10);
    CHECK(range.date_based);
  }
  SECTION("--from datetime runs to the end of today") {
    request.from = "2026-03-09T12:00:00Z";
    const TimeRange range = resolve_range(request, utc_zone);
    CHECK(utc(range.from_ms) == "2026-03-09T12:00:00Z");
    CHECK(utc(range.to_ms) == "2026-03-11T00:00:00Z");
    CHECK(range.day_count() == 2);
    CHECK_FALSE(range.date_based);
  }
  SECTION("--from after today") {
    request.from = "2026-03-20";
    const Caught caught = catch_usage([&] { resolve_range(request, utc_zone); });
    CHECK(caught.thrown);
    CHECK(caught.message == "--from 2026-03-20 is after today (2026-03-10)");
  }
  SECTION("--to date starts 29 days before it") {
    request.to = "2026-03-10";
    const TimeRange range = resolve_range(request, utc_zone);
    CHECK(utc(range.from_ms) == "2026-02-09T00:00:00Z");
    CHECK(utc(range.to_ms) == "2026-03-11T00:00:00Z");
    CHECK(range.day_count() == 30);
    CHECK(range.date_based);
  }
  SECTION("--to datetime covers 30 local days") {
    request.to = "2026-03-10T12:00:00Z";
    const TimeRange range = resolve_range(request, utc_zone);
    CHECK(utc(range.from_ms) == "2026-02-09T00:00:00Z");
    CHECK(utc(range.to_ms) == "2026-03-10T12:00:00Z");
    CHECK(range.day_count() == 30);
    CHECK_FALSE(range.date_based);
  }
}

TEST_CASE("resolve_range: usage errors", "[time]") {
  const TimeZone utc_zone = TimeZone::utc();
  const auto error_of = [&](const RangeRequest& request) {
    return catch_usage([&] { resolve_range(request, utc_zone); });
  };
  RangeRequest request = as_of("2026-03-10T12:00:00Z");

  SECTION("--from after --to") {
    request.from = "2026-03-10";
    request.to = "2026-03-01";
    const Caught caught = error_of(request);
    CHECK(caught.message == "--from 2026-03-10 is after --to 2026-03-01");
    CHECK(caught.code == ExitCode::usage);
    request.from = "2026-03-02T13:00:00Z";
    request.to = "2026-03-02T12:00:00Z";
    CHECK(error_of(request).message == "--from 2026-03-02T13:00:00Z is after --to 2026-03-02T12:00:00Z");
  }
  SECTION("bad dates") {
    request.from = "2026-02-30";
    request.to = "2026-03-01";
    CHECK(error_of(request).message ==
          "invalid date '2026-02-30' for --from (expected YYYY-MM-DD or an RFC 3339 datetime)");
    request.from = "2026-02-01";
    request.to = "last tuesday";
    CHECK(error_of(request).message ==
          "invalid date 'last tuesday' for --to (expected YYYY-MM-DD or an RFC 3339 datetime)");
  }
  SECTION("options that cannot be combined") {
    RangeRequest days_from = request;
    days_from.days = 7;
    days_from.from = "2026-03-01";
    CHECK(error_of(days_from).thrown);
    RangeRequest period_to = request;
    period_to.period = "week";
    period_to.to = "2026-03-01";
    CHECK(error_of(period_to).thrown);
    RangeRequest days_period = request;
    days_period.days = 7;
    days_period.period = "week";
    CHECK(error_of(days_period).thrown);
  }
  SECTION("bad --as-of") {
    for (const char* bad : {"yesterday", "2026-03-10", "2026-03-10T12:00:00", "2026-03-10T25:00:00Z"}) {
      INFO(bad);
      const Caught caught = error_of(as_of(bad));
      CHECK(caught.thrown);
      CHECK(caught.message.find("--as-of") != std::string::npos);
    }
  }
}

TEST_CASE("resolve_range without --as-of uses the clock", "[time]") {
  const std::int64_t before = now_ms();
  const TimeRange range = resolve_range(RangeRequest{}, TimeZone::utc());
  const std::int64_t after = now_ms();
  CHECK(range.as_of_ms >= before);
  CHECK(range.as_of_ms <= after);
  CHECK(range.day_count() == 30);
  CHECK(range.contains(range.as_of_ms));
}

// ---------------------------------------------------------------------------
// previous_range

TEST_CASE("previous_range of a date range counts calendar days", "[time]") {
  const TimeZone paris("Europe/Paris");
  RangeRequest request = as_of("2026-04-10T12:00:00Z");

  SECTION("a range containing the 23-hour day") {
    request.from = "2026-03-28";
    request.to = "2026-03-30";
    const TimeRange range = resolve_range(request, paris);
    CHECK(range.from_ms == 1774652400000);  // 2026-03-27T23:00:00Z
    CHECK(range.to_ms == 1774908000000);    // 2026-03-30T22:00:00Z (71 hours)
    const TimeRange previous = previous_range(range, paris);
    CHECK(previous.from_ms == 1774393200000);  // 2026-03-24T23:00:00Z
    CHECK(previous.to_ms == 1774652400000);    // 72 hours
    CHECK(format_date(previous.first_day) == "2026-03-25");
    CHECK(format_date(previous.last_day) == "2026-03-27");
    CHECK(previous.date_based);
    CHECK(previous.as_of_ms == range.as_of_ms);
  }
  SECTION("a previous range containing the 23-hour day") {
    request.from = "2026-03-30";
    request.to = "2026-04-01";
    const TimeRange previous = previous_range(resolve_range(request, paris), paris);
    // 03-27 .. 03-29, not "72 hours before 2026-03-29T22:00Z" (which would start at 22:00Z).
    CHECK(previous.from_ms == 1774566000000);  // 2026-03-26T23:00:00Z
    CHECK(previous.to_ms == k_2026_03_29_2200z);
    CHECK(previous.day_count() == 3);
  }
  SECTION("a month is followed back by as many days, not by the previous month") {
    request.period = "month";
    request.as_of = "2026-03-04T12:00:00Z";
    const TimeRange previous = previous_range(resolve_range(request, TimeZone::utc()), TimeZone::utc());
    CHECK(format_date(previous.first_day) == "2026-01-29");
    CHECK(format_date(previous.last_day) == "2026-02-28");
    CHECK(previous.day_count() == 31);
  }
}

TEST_CASE("previous_range of a datetime range has the same duration", "[time]") {
  const TimeZone paris("Europe/Paris");
  RangeRequest request = as_of("2026-03-10T12:00:00Z");
  request.from = "2026-03-02T10:00:00+01:00";
  request.to = "2026-03-04T06:30:00Z";
  const TimeRange previous = previous_range(resolve_range(request, paris), paris);
  // Duration 1 day 21:30; it ends where the range starts.
  CHECK(previous.from_ms == 1772278200000);  // 2026-02-28T11:30:00Z
  CHECK(previous.to_ms == 1772442000000);    // 2026-03-02T09:00:00Z
  CHECK_FALSE(previous.date_based);
  CHECK(format_date(previous.first_day) == "2026-02-28");
  CHECK(format_date(previous.last_day) == "2026-03-02");  // 09:59:59.999 local

  SECTION("of an empty range is empty") {
    request.from = "2026-03-02T12:00:00Z";
    request.to = "2026-03-02T12:00:00Z";
    const TimeRange empty = previous_range(resolve_range(request, paris), paris);
    CHECK(empty.from_ms == 1772452800000);
    CHECK(empty.to_ms == 1772452800000);
    CHECK(empty.day_count() == 0);
  }
}

// ---------------------------------------------------------------------------
// DayBuckets

TEST_CASE("DayBuckets map instants to local days across DST", "[time]") {
  const TimeZone paris("Europe/Paris");
  RangeRequest request = as_of("2026-04-10T12:00:00Z");
  request.from = "2026-03-28";
  request.to = "2026-03-30";
  const DayBuckets buckets(resolve_range(request, paris), paris);
  REQUIRE(buckets.size() == 3);
  CHECK(buckets.day(0) == k_day_2026_03_28);
  CHECK(buckets.day(1) == k_day_2026_03_29);
  CHECK(buckets.day(2) == k_day_2026_03_30);
  CHECK(buckets.start_ms(0) == 1774652400000);        // 2026-03-27T23:00:00Z
  CHECK(buckets.start_ms(1) == k_2026_03_28_2300z);
  CHECK(buckets.start_ms(2) == k_2026_03_29_2200z);
  CHECK(buckets.start_ms(3) == 1774908000000);        // end boundary, 2026-03-30T22:00:00Z

  CHECK(buckets.index(1774652400000 - 1) == -1);
  CHECK(buckets.index(1774652400000) == 0);
  CHECK(buckets.index(k_2026_03_28_2300z - 1) == 0);
  CHECK(buckets.index(k_2026_03_28_2300z) == 1);
  CHECK(buckets.index(k_2026_03_29_0130z) == 1);      // 03:30 CEST
  CHECK(buckets.index(k_2026_03_29_2200z - 1) == 1);  // 23:59:59.999 CEST
  CHECK(buckets.index(k_2026_03_29_2200z) == 2);
  CHECK(buckets.index(1774908000000 - 1) == 2);
  CHECK(buckets.index(1774908000000) == -1);
}

TEST_CASE("DayBuckets of the 25-hour day", "[time]") {
  const TimeZone paris("Europe/Paris");
  RangeRequest request = as_of("2026-11-10T12:00:00Z");
  request.from = "2026-10-25";
  request.to = "2026-10-25";
  const DayBuckets buckets(resolve_range(request, paris), paris);
  REQUIRE(buckets.size() == 1);
  CHECK(buckets.index(k_2026_10_24_2200z) == 0);
  CHECK(buckets.index(k_2026_10_25_0030z) == 0);      // 02:30 CEST
  CHECK(buckets.index(1792891800000) == 0);           // 02:30 CET
  CHECK(buckets.index(1792969199999) == 0);           // 23:59:59.999 CET
  CHECK(buckets.index(k_2026_10_25_2300z) == -1);
  CHECK(buckets.index(k_2026_10_24_2200z - 1) == -1);
}

TEST_CASE("DayBuckets of a datetime range list partial days", "[time]") {
  const TimeZone paris("Europe/Paris");
  RangeRequest request = as_of("2026-03-10T12:00:00Z");
  request.from = "2026-03-02T10:00:00+01:00";  // 09:00Z
  request.to = "2026-03-04T06:30:00Z";
  const DayBuckets buckets(resolve_range(request, paris), paris);
  REQUIRE(buckets.size() == 3);
  CHECK(buckets.start_ms(0) == 1772406000000);        // 2026-03-01T23:00:00Z, local midnight
  CHECK(buckets.index(1772442000000 - 1) == -1);      // same local day, before --from
  CHECK(buckets.index(1772442000000) == 0);
  CHECK(buckets.index(1772492400000) == 1);           // 2026-03-02T23:00:00Z = 03-03 00:00
  CHECK(buckets.index(1772578800000) == 2);           // 2026-03-03T23:00:00Z = 03-04 00:00
  CHECK(buckets.index(1772605800000 - 1) == 2);
  CHECK(buckets.index(1772605800000) == -1);          // --to is exclusive

  SECTION("an empty range has no buckets") {
    request.from = "2026-03-02T12:00:00Z";
    request.to = "2026-03-02T12:00:00Z";
    const DayBuckets empty(resolve_range(request, paris), paris);
    CHECK(empty.size() == 0);
    CHECK(empty.index(1772452800000) == -1);
  }
}
