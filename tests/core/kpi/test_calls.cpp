// calls, calls resolution and calls search on hand-built rows around the Paris
// DST day (2026-03-29 has 23 hours); every expected number is counted in the
// comments.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/kpi/calls.hpp"
#include "tests/support/fixtures.hpp"

using namespace convstat::core;

namespace {

TimeRange days(const char* from, const char* to, const TimeZone& tz) {
  return convstat::testing::date_range(from, to, tz, "2026-04-10T00:00:00Z");
}

std::int64_t at(const char* rfc3339) { return convstat::testing::instant(rfc3339); }

CallRow call(const char* started, bool completed, double duration, std::optional<std::string> outcome, bool fcr,
             std::int64_t tickets, bool escalated, std::optional<std::string> category,
             std::optional<double> resolution_seconds) {
  CallRow c;
  c.started_at = at(started);
  c.completed = completed;
  c.duration_seconds = duration;
  c.outcome = std::move(outcome);
  c.first_call_resolution = fcr;
  c.tickets_created = tickets;
  c.escalated = escalated;
  c.category = std::move(category);
  c.resolution_seconds = resolution_seconds;
  return c;
}

// Paris 03-28..03-30 = [2026-03-27T23:00Z, 2026-03-30T22:00Z).
//        local (Paris)       weekday hour  status     dur  outcome         fcr tickets esc category  res_s
// c1     03-28 00:30 CET     6 (Sat)  0    completed  100  resolved        yes 0       no  billing   60
// c2     03-28 10:15 CET     6        10   completed  200  ticket_created  yes 1       no  billing   120
// c3     03-29 10:00 CEST    7 (Sun)  10   failed       0  abandoned       no  0       no  -         -
// c4     03-29 10:30 CEST    7        10   completed    0  escalated       no  0       yes tech      -
// c5     03-29 23:30 CEST    7        23   completed  300  -               no  2       no  tech      300
// c6     03-30 09:00 CEST    1 (Mon)  9    completed   50  resolved        yes 0       no  billing   -
std::vector<CallRow> paris_calls() {
  return {call("2026-03-27T23:30:00Z", true, 100, "resolved", true, 0, false, "billing", 60.0),
          call("2026-03-28T09:15:00Z", true, 200, "ticket_created", true, 1, false, "billing", 120.0),
          call("2026-03-29T08:00:00Z", false, 0, "abandoned", false, 0, false, std::nullopt, std::nullopt),
          call("2026-03-29T08:30:00Z", true, 0, "escalated", false, 0, true, "tech", std::nullopt),
          call("2026-03-29T21:30:00Z", true, 300, std::nullopt, false, 2, false, "tech", 300.0),
          call("2026-03-30T07:00:00Z", true, 50, "resolved", true, 0, false, "billing", std::nullopt)};
}

const Node& at_path(const Node& root, std::initializer_list<const char*> keys) {
  const Node* n = &root;
  for (const char* k : keys) {
    n = n->find(k);
    REQUIRE(n != nullptr);
  }
  return *n;
}

std::int64_t integer(const Node& root, std::initializer_list<const char*> keys) {
  return at_path(root, keys).as_integer();
}

double number(const Node& root, std::initializer_list<const char*> keys) { return at_path(root, keys).as_number(); }

}  // namespace

TEST_CASE("calls kpis: totals, completed-only mean duration, FCR, tickets, escalations", "[calls]") {
  const TimeZone paris("Europe/Paris");
  const Result r = compute_calls(paris_calls(), days("2026-03-28", "2026-03-30", paris), paris);
  CHECK(r.main_section == "call_volume");
  const Node& root = r.root;
  CHECK(integer(root, {"kpis", "total_calls"}) == 6);
  CHECK(integer(root, {"kpis", "completed_calls"}) == 5);
  CHECK(integer(root, {"kpis", "failed_calls"}) == 1);
  CHECK(number(root, {"kpis", "avg_duration_seconds"}) == Approx(130.0));  // (100+200+0+300+50)/5, c4's 0 counts
  CHECK(number(root, {"kpis", "first_call_resolution_rate"}) == Approx(50.0));  // c1 c2 c6 of 6
  CHECK(integer(root, {"kpis", "tickets_created"}) == 3);                       // c2 1 + c5 2
  CHECK(integer(root, {"kpis", "escalation_count"}) == 1);                      // c4
  CHECK(at_path(root, {"kpis", "period_start"}).as_string() == "2026-03-28");
  CHECK(at_path(root, {"kpis", "period_end"}).as_string() == "2026-03-30");
}

TEST_CASE("calls call_volume: per Paris day, zero-filled, the 23-hour day included", "[calls]") {
  const TimeZone paris("Europe/Paris");
  const Result r = compute_calls(paris_calls(), days("2026-03-27", "2026-03-30", paris), paris);
  const auto& volume = r.root.find("call_volume")->as_list();
  REQUIRE(volume.size() == 4);
  const std::vector<std::tuple<const char*, int, int, int>> expected = {
      {"2026-03-27", 0, 0, 0}, {"2026-03-28", 2, 2, 0}, {"2026-03-29", 3, 2, 1}, {"2026-03-30", 1, 1, 0}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& [date, total, completed, failed] = expected[i];
    CHECK(volume[i].find("date")->as_string() == date);
    CHECK(volume[i].find("total_calls")->as_integer() == total);
    CHECK(volume[i].find("completed_calls")->as_integer() == completed);
    CHECK(volume[i].find("failed_calls")->as_integer() == failed);
  }
}

TEST_CASE("calls outcome_breakdown: count desc, ties by outcome with null first", "[calls]") {
  const TimeZone paris("Europe/Paris");
  const Result r = compute_calls(paris_calls(), days("2026-03-28", "2026-03-30", paris), paris);
  const auto& outcomes = r.root.find("outcome_breakdown")->as_list();
  REQUIRE(outcomes.size() == 5);
  CHECK(outcomes[0].find("outcome")->as_string() == "resolved");
  CHECK(outcomes[0].find("count")->as_integer() == 2);
  CHECK(outcomes[0].find("percentage")->as_number() == Approx(100.0 / 3));  // 2 of 6 -> 33.3
  CHECK(outcomes[1].find("outcome")->is_null());
  CHECK(outcomes[1].find("percentage")->as_number() == Approx(100.0 / 6));  // 16.7
  CHECK(outcomes[2].find("outcome")->as_string() == "abandoned");
  CHECK(outcomes[3].find("outcome")->as_string() == "escalated");
  CHECK(outcomes[4].find("outcome")->as_string() == "ticket_created");
}

TEST_CASE("calls peak_hours: local hour and ISO weekday cells, count desc then day, hour", "[calls]") {
  const TimeZone paris("Europe/Paris");
  const Result r = compute_calls(paris_calls(), days("2026-03-28", "2026-03-30", paris), paris);
  REQUIRE(r.heatmap);
  CHECK(r.heatmap->list == "peak_hours");
  const auto& cells = r.root.find("peak_hours")->as_list();
  // (Sun 10) = c3 c4; then single calls: (Mon 9) c6, (Sat 0) c1, (Sat 10) c2, (Sun 23) c5.
  const std::vector<std::tuple<int, int, int>> expected = {{7, 10, 2}, {1, 9, 1}, {6, 0, 1}, {6, 10, 1}, {7, 23, 1}};
  REQUIRE(cells.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& [day, hour, count] = expected[i];
    CHECK(cells[i].find("day_of_week")->as_integer() == day);
    CHECK(cells[i].find("hour")->as_integer() == hour);
    CHECK(cells[i].find("call_count")->as_integer() == count);
  }
}

TEST_CASE("calls over no calls: counts 0, means and rates null, empty lists, days still listed", "[calls]") {
  const TimeZone utc = TimeZone::utc();
  const Result r = compute_calls({}, days("2026-03-01", "2026-03-02", utc), utc);
  CHECK(integer(r.root, {"kpis", "total_calls"}) == 0);
  CHECK(at_path(r.root, {"kpis", "avg_duration_seconds"}).is_null());
  CHECK(at_path(r.root, {"kpis", "first_call_resolution_rate"}).is_null());
  CHECK(r.root.find("outcome_breakdown")->as_list().empty());
  CHECK(r.root.find("peak_hours")->as_list().empty());
  CHECK(r.root.find("call_volume")->as_list().size() == 2);
}

TEST_CASE("calls resolution: FCR trend with null rates, categories, mean resolution time", "[calls]") {
  const TimeZone paris("Europe/Paris");
  const Result r =
      compute_calls_resolution(paris_calls(), days("2026-03-28", "2026-03-31", paris), paris, std::nullopt);
  CHECK(r.main_section == "fcr_trend");
  const auto& trend = r.root.find("fcr_trend")->as_list();
  REQUIRE(trend.size() == 4);
  CHECK(trend[0].find("total_calls")->as_integer() == 2);  // 03-28: c1 c2, both resolved
  CHECK(trend[0].find("fcr_rate")->as_number() == Approx(100.0));
  CHECK(trend[1].find("total_calls")->as_integer() == 3);  // 03-29: c3 c4 c5, none
  CHECK(trend[1].find("fcr_rate")->as_number() == Approx(0.0));
  CHECK(trend[2].find("fcr_rate")->as_number() == Approx(100.0));  // 03-30: c6
  CHECK(trend[3].find("total_calls")->as_integer() == 0);          // 03-31: empty
  CHECK(trend[3].find("fcr_rate")->is_null());
  const auto& categories = r.root.find("resolution_by_category")->as_list();
  REQUIRE(categories.size() == 3);  // billing 3 (all resolved), tech 2 (none), null 1 (none)
  CHECK(categories[0].find("category")->as_string() == "billing");
  CHECK(categories[0].find("total_calls")->as_integer() == 3);
  CHECK(categories[0].find("resolved")->as_integer() == 3);
  CHECK(categories[0].find("resolution_rate")->as_number() == Approx(100.0));
  CHECK(categories[1].find("category")->as_string() == "tech");
  CHECK(categories[1].find("resolution_rate")->as_number() == Approx(0.0));
  CHECK(categories[2].find("category")->is_null());
  CHECK(categories[2].find("total_calls")->as_integer() == 1);
  CHECK(r.root.find("avg_resolution_time_seconds")->as_number() == Approx(160.0));  // (60+120+300)/3
  CHECK(r.root.find("period_comparison")->is_null());
}

TEST_CASE("calls resolution --compare: the previous equally long range and the changes", "[calls]") {
  const TimeZone paris("Europe/Paris");
  const TimeRange range = days("2026-03-28", "2026-03-31", paris);
  PreviousCalls previous{previous_range(range, paris), {}};
  // 3 calls before, 1 first-call resolved: 33.3 %.
  previous.calls = {call("2026-03-24T10:00:00Z", true, 10, "resolved", true, 0, false, std::nullopt, std::nullopt),
                    call("2026-03-25T10:00:00Z", true, 10, "escalated", false, 0, true, std::nullopt, std::nullopt),
                    call("2026-03-26T10:00:00Z", false, 0, "abandoned", false, 0, false, std::nullopt, std::nullopt)};
  const Result r = compute_calls_resolution(paris_calls(), range, paris, previous);
  const Node& c = *r.root.find("period_comparison");
  CHECK(c.find("previous_start")->as_string() == "2026-03-24");
  CHECK(c.find("previous_end")->as_string() == "2026-03-27");
  CHECK(c.find("total_calls")->as_integer() == 3);
  CHECK(c.find("first_call_resolution_rate")->as_number() == Approx(100.0 / 3));
  CHECK(c.find("total_calls_change_pct")->as_number() == Approx(100.0));        // (6 - 3) / 3
  CHECK(c.find("fcr_rate_change_points")->as_number() == Approx(50.0 - 100.0 / 3));  // 16.7 points

  previous.calls.clear();  // nothing before: no % change, no points
  const Result empty = compute_calls_resolution(paris_calls(), range, paris, previous);
  CHECK(empty.root.find("period_comparison")->find("total_calls_change_pct")->is_null());
  CHECK(empty.root.find("period_comparison")->find("fcr_rate_change_points")->is_null());
}

TEST_CASE("calls search options: at least 4 digits, non-digits ignored, limit 1-100", "[calls]") {
  CHECK(phone_search({{"phone", "+33 (6) 12-34"}}).digits == "3361234");
  CHECK(phone_search({{"phone", "5678"}}).limit == 50);
  CHECK(phone_search({{"phone", "5678"}, {"limit", "100"}}).limit == 100);
  CHECK_THROWS_AS(phone_search({{"phone", "12"}}), UsageError);
  CHECK_THROWS_AS(phone_search({{"phone", "+1-2-3"}}), UsageError);  // 3 digits
  CHECK_THROWS_AS(phone_search({}), UsageError);
  CHECK_THROWS_AS(phone_search({{"phone", "5678"}, {"limit", "0"}}), UsageError);
  CHECK_THROWS_AS(phone_search({{"phone", "5678"}, {"limit", "101"}}), UsageError);
  try {
    phone_search({{"phone", "+1 23"}});
    FAIL("expected a usage error");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()).find("123") == std::string::npos);  // the number is never echoed
  }
}

TEST_CASE("calls search result: the first --limit matches, every match counted, terms redacted", "[calls]") {
  std::vector<PhoneMatch> matches = {
      {"k2", "***-***-5678", at("2026-03-02T09:15:00Z"), 245.0, "ticket_created", "completed"},
      {"k1", "***-***-9999", at("2026-03-01T09:15:00Z"), std::nullopt, std::nullopt, "failed"},
  };
  const Result r = compute_calls_search(matches, {"612345678", 1});
  CHECK(r.root.find("total_count")->as_integer() == 2);
  CHECK(r.root.find("search_term_redacted")->as_string() == "***-***-5678");
  const auto& results = r.root.find("results")->as_list();
  REQUIRE(results.size() == 1);
  CHECK(results[0].find("call_id")->as_string() == "k2");
  CHECK(results[0].find("phone_number_redacted")->as_string() == "***-***-5678");
  CHECK(results[0].find("start_time")->as_string() == "2026-03-02T09:15:00Z");
  CHECK(results[0].find("duration_seconds")->as_number() == 245.0);
  CHECK(results[0].find("status")->as_string() == "completed");
}
