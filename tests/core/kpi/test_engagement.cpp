// engagement [001] and realtime [001] on hand-built rows; counts in the comments.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/kpi/engagement.hpp"
#include "core/kpi/realtime.hpp"

using namespace convstat::core;

namespace {

TimeRange days(const char* from, const char* to, const char* as_of, const TimeZone& tz) {
  RangeRequest r;
  r.from = from;
  r.to = to;
  r.as_of = as_of;
  return resolve_range(r, tz);
}

std::int64_t at(const char* rfc3339) { return *parse_timestamp(rfc3339, nullptr, nullptr); }

ContactActivityRow conv(const char* started, const char* first_seen, std::int32_t contact) {
  return {at(started), at(first_seen), contact};
}

// Range 2026-03-02 (Mon, W10) .. 2026-03-15 (Sun, W11) in UTC, as-of Wednesday 2026-04-01 (W14).
EngagementInputs inputs() {
  EngagementInputs in;
  in.activity = {
      conv("2026-03-02T09:00:00Z", "2026-03-02T09:00:00Z", 1),  // c1 first, W10
      conv("2026-03-03T09:00:00Z", "2026-02-10T09:00:00Z", 0),  // c0 seen in February: returning
      conv("2026-03-04T09:00:00Z", "2026-03-04T09:00:00Z", 2),  // c2 first, W10
      conv("2026-03-10T09:00:00Z", "2026-03-02T09:00:00Z", 1),  // c1 in W11: week 1
      conv("2026-03-12T09:00:00Z", "2026-03-12T09:00:00Z", 3),  // c3 first, W11
      conv("2026-03-17T09:00:00Z", "2026-03-02T09:00:00Z", 1),  // c1 in W12: week 2 (after the range)
      conv("2026-03-24T09:00:00Z", "2026-03-04T09:00:00Z", 2),  // c2 in W13: week 3
      conv("2026-03-31T09:00:00Z", "2026-03-02T09:00:00Z", 1),  // c1 in W14: week 4, not over at as-of
  };
  in.csat = {{at("2026-03-05T10:00:00Z"), 5}, {at("2026-03-06T10:00:00Z"), 3},
             {at("2026-03-07T10:00:00Z"), std::nullopt}};
  in.thumbs = {3, 1};
  return in;
}

const Node& cohort(const Result& r, std::size_t i) { return r.root.find("retention")->as_list().at(i); }

}  // namespace

TEST_CASE("engagement counts active, new and returning users", "[engagement]") {
  const TimeZone utc = TimeZone::utc();
  const TimeRange range = days("2026-03-02", "2026-03-15", "2026-04-01T00:00:00Z", utc);
  const Result r = compute_engagement(inputs(), range, utc);
  CHECK(r.main_section == "retention");
  CHECK(r.root.find("active_users")->as_integer() == 4);     // c0 c1 c2 c3
  CHECK(r.root.find("new_users")->as_integer() == 3);        // c1 c2 c3
  CHECK(r.root.find("returning_users")->as_integer() == 1);  // c0
  CHECK(r.root.find("avg_conversations_per_user")->as_number() == Approx(1.25));  // 5 in range / 4
  const Node& s = *r.root.find("satisfaction");
  CHECK(s.find("csat_avg")->as_number() == Approx(4.0));        // (5 + 3) / 2
  CHECK(s.find("positive_rate")->as_number() == Approx(50.0));  // the 5
  CHECK(s.find("thumbs_up_rate")->as_number() == Approx(75.0)); // 3 / 4
}

TEST_CASE("engagement retention by ISO week cohort, null until the week is over", "[engagement]") {
  const TimeZone utc = TimeZone::utc();
  const TimeRange range = days("2026-03-02", "2026-03-15", "2026-04-01T00:00:00Z", utc);
  const Result r = compute_engagement(inputs(), range, utc);
  REQUIRE(r.root.find("retention")->as_list().size() == 2);
  // W10: c1 c2. week 1 (W11) c1, week 2 (W12) c1, week 3 (W13) c2, week 4 (W14) ends 04-06: null.
  CHECK(cohort(r, 0).find("cohort_week")->as_string() == "2026-W10");
  CHECK(cohort(r, 0).find("users")->as_integer() == 2);
  CHECK(cohort(r, 0).find("week_1")->as_number() == Approx(50.0));
  CHECK(cohort(r, 0).find("week_2")->as_number() == Approx(50.0));
  CHECK(cohort(r, 0).find("week_3")->as_number() == Approx(50.0));
  CHECK(cohort(r, 0).find("week_4")->is_null());
  // W11: c3 alone, never back. W12 and W13 are over (0 %), W14 and W15 are not.
  CHECK(cohort(r, 1).find("cohort_week")->as_string() == "2026-W11");
  CHECK(cohort(r, 1).find("users")->as_integer() == 1);
  CHECK(cohort(r, 1).find("week_1")->as_number() == Approx(0.0));
  CHECK(cohort(r, 1).find("week_2")->as_number() == Approx(0.0));
  CHECK(cohort(r, 1).find("week_3")->is_null());
  CHECK(cohort(r, 1).find("week_4")->is_null());
  // As of the end of W14 (Monday 04-06 00:00), W10's week 4 is over: c1 was back on 03-31.
  const TimeRange later = days("2026-03-02", "2026-03-15", "2026-04-06T00:00:00Z", utc);
  CHECK(cohort(compute_engagement(inputs(), later, utc), 0).find("week_4")->as_number() == Approx(50.0));
}

TEST_CASE("engagement cohorts use the ISO week in the zone", "[engagement]") {
  // 2026-03-08T23:30Z is Sunday 03-08 in UTC (W10) but Monday 03-09 00:30 in Paris (W11).
  const TimeZone paris("Europe/Paris");
  EngagementInputs in;
  in.activity = {conv("2026-03-08T23:30:00Z", "2026-03-08T23:30:00Z", 0)};
  const Result r = compute_engagement(in, days("2026-03-02", "2026-03-15", "2026-04-30T00:00:00Z", paris), paris);
  CHECK(cohort(r, 0).find("cohort_week")->as_string() == "2026-W11");
  const Result u = compute_engagement(in, days("2026-03-02", "2026-03-15", "2026-04-30T00:00:00Z", TimeZone::utc()),
                                      TimeZone::utc());
  CHECK(cohort(u, 0).find("cohort_week")->as_string() == "2026-W10");
}

TEST_CASE("engagement over nothing: zeros, nulls, no cohorts", "[engagement]") {
  const TimeZone utc = TimeZone::utc();
  const Result r = compute_engagement({}, days("2026-03-02", "2026-03-15", "2026-04-01T00:00:00Z", utc), utc);
  CHECK(r.root.find("active_users")->as_integer() == 0);
  CHECK(r.root.find("avg_conversations_per_user")->is_null());
  CHECK(r.root.find("retention")->as_list().empty());
  CHECK(r.root.find("satisfaction")->find("csat_avg")->is_null());
  CHECK(r.root.find("satisfaction")->find("thumbs_up_rate")->is_null());
}

TEST_CASE("engagement loads activity through the fifth week after the range's last week", "[engagement]") {
  const TimeZone utc = TimeZone::utc();
  // Last day Sunday 03-15 (W11): W12..W15 follow, so up to Monday 04-13 00:00.
  CHECK(retention_end_ms(days("2026-03-02", "2026-03-15", "2026-04-01T00:00:00Z", utc), utc) ==
        at("2026-04-13T00:00:00Z"));
}

TEST_CASE("realtime divides the window's messages by its minutes", "[realtime]") {
  RealtimeCounts counts;
  counts.messages = 7;
  counts.active_sessions = 3;
  counts.active_calls = 1;
  counts.data_as_of = at("2026-03-10T09:15:00.250Z");
  const Result r = compute_realtime(counts, 5);
  CHECK(r.root.find("messages_per_minute")->as_number() == Approx(1.4));  // 7 / 5
  CHECK(r.root.find("active_sessions")->as_integer() == 3);
  CHECK(r.root.find("window_minutes")->as_integer() == 5);
  CHECK(r.root.find("data_as_of")->as_string() == "2026-03-10T09:15:00.250Z");
  CHECK(compute_realtime({}, 1).root.find("data_as_of")->is_null());
  CHECK(realtime_window_minutes({}) == 5);
  CHECK(realtime_window_minutes({{"window", "1440"}}) == 1440);
  CHECK_THROWS_AS(realtime_window_minutes({{"window", "0"}}), UsageError);
  CHECK_THROWS_AS(realtime_window_minutes({{"window", "1441"}}), UsageError);
  CHECK_THROWS_AS(realtime_window_minutes({{"window", "5m"}}), UsageError);
}
