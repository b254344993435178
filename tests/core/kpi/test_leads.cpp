// leads [000 Lead Analytics] on hand-built leads; every expected number is
// counted in the comments.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/kpi/leads.hpp"
#include "tests/support/fixtures.hpp"

using namespace convstat::core;

namespace {

TimeRange days(const char* from, const char* to, const TimeZone& tz) {
  return convstat::testing::date_range(from, to, tz, "2026-04-30T00:00:00Z");
}

std::int64_t at(const char* rfc3339) { return convstat::testing::instant(rfc3339); }

LeadRow lead(const char* created, const char* source, LeadStage stage,
             std::optional<LeadStage> lost_at = std::nullopt) {
  return {at(created), source, stage, lost_at};
}

// 2026-03-02 (Mon) .. 2026-03-15 (Sun) in UTC: ISO weeks W10 and W11.
std::vector<LeadRow> rows() {
  return {
      lead("2026-03-01T23:59:00Z", "web", LeadStage::converted),  // before the range: out
      lead("2026-03-02T08:00:00Z", "web", LeadStage::converted),  // W10
      lead("2026-03-03T08:00:00Z", "web", LeadStage::qualified),  // W10
      lead("2026-03-04T08:00:00Z", "ads", LeadStage::lost),       // W10, lost: new only
      lead("2026-03-10T08:00:00Z", "ads", LeadStage::lost, LeadStage::qualified),  // W11, new..qualified
      lead("2026-03-11T08:00:00Z", "unknown", LeadStage::contacted),               // W11
      lead("2026-03-15T23:00:00Z", "ads", LeadStage::new_lead),                    // W11 (Sunday)
      lead("2026-03-16T00:00:00Z", "web", LeadStage::converted),  // the exclusive end: out
  };
}

const Node& item(const Result& r, const char* list, std::size_t i) { return r.root.find(list)->as_list().at(i); }
double number(const Node& n, const char* key) { return n.find(key)->as_number(); }
std::int64_t integer(const Node& n, const char* key) { return n.find(key)->as_integer(); }

}  // namespace

TEST_CASE("leads counts conversions, the funnel with lost leads, and sources", "[leads]") {
  const Result r = compute_leads(rows(), 4, days("2026-03-02", "2026-03-15", TimeZone::utc()), TimeZone::utc(),
                                 LeadGrouping::week);
  CHECK(r.main_section == "growth");
  CHECK(r.root.find("total_leads")->as_integer() == 6);
  CHECK(r.root.find("converted")->as_integer() == 1);
  CHECK(r.root.find("conversion_rate")->as_number() == Approx(100.0 / 6));  // 16.7
  // new: all 6; contacted: converted, qualified, lost@qualified, contacted = 4;
  // qualified: converted, qualified, lost@qualified = 3; converted: 1.
  const std::vector<std::int64_t> counts = {6, 4, 3, 1};
  const std::vector<const char*> stages = {"new", "contacted", "qualified", "converted"};
  for (std::size_t s = 0; s < 4; ++s) {
    CHECK(item(r, "funnel", s).find("stage")->as_string() == stages[s]);
    CHECK(integer(item(r, "funnel", s), "count") == counts[s]);
  }
  CHECK(number(item(r, "funnel", 0), "conversion_from_previous") == Approx(100.0));
  CHECK(number(item(r, "funnel", 0), "conversion_from_start") == Approx(100.0));
  CHECK(number(item(r, "funnel", 1), "conversion_from_previous") == Approx(400.0 / 6));  // 4 / 6
  CHECK(number(item(r, "funnel", 2), "conversion_from_previous") == Approx(75.0));       // 3 / 4
  CHECK(number(item(r, "funnel", 3), "conversion_from_previous") == Approx(100.0 / 3));  // 1 / 3
  CHECK(number(item(r, "funnel", 3), "conversion_from_start") == Approx(100.0 / 6));     // 1 / 6
  // ads 3 and web 2 by count; unknown 1.
  CHECK(item(r, "sources", 0).find("source")->as_string() == "ads");
  CHECK(integer(item(r, "sources", 0), "leads") == 3);
  CHECK(integer(item(r, "sources", 0), "converted") == 0);
  CHECK(number(item(r, "sources", 0), "conversion_rate") == Approx(0.0));
  CHECK(item(r, "sources", 1).find("source")->as_string() == "web");
  CHECK(number(item(r, "sources", 1), "conversion_rate") == Approx(50.0));
  CHECK(item(r, "sources", 2).find("source")->as_string() == "unknown");
  // growth: W10 3 leads (1 converted), W11 3 leads (0); previous range 4 leads: (6 - 4) / 4 = 50 %.
  const List& growth = r.root.find("growth")->as_list();
  REQUIRE(growth.size() == 2);
  CHECK(growth[0].find("period")->as_string() == "2026-W10");
  CHECK(integer(growth[0], "leads") == 3);
  CHECK(integer(growth[0], "converted") == 1);
  CHECK(growth[1].find("period")->as_string() == "2026-W11");
  CHECK(integer(growth[1], "leads") == 3);
  CHECK(r.root.find("growth_rate")->as_number() == Approx(50.0));
}

TEST_CASE("leads sources tie on the source name", "[leads]") {
  const std::vector<LeadRow> tied = {lead("2026-03-02T08:00:00Z", "web", LeadStage::new_lead),
                                     lead("2026-03-02T09:00:00Z", "ads", LeadStage::new_lead)};
  const Result r = compute_leads(tied, 0, days("2026-03-02", "2026-03-02", TimeZone::utc()), TimeZone::utc(),
                                 LeadGrouping::day);
  CHECK(item(r, "sources", 0).find("source")->as_string() == "ads");  // 1 each: ads before web
  CHECK(item(r, "sources", 1).find("source")->as_string() == "web");
  CHECK(r.root.find("growth_rate")->is_null());  // previous range empty
}

TEST_CASE("leads growth is zero-filled per day and month, in the zone", "[leads]") {
  const TimeZone paris("Europe/Paris");
  // Paris 2026-03-28..2026-04-01; 2026-03-28T23:30Z is 03-29 00:30 in Paris (the 23-hour day).
  const std::vector<LeadRow> paris_rows = {lead("2026-03-28T23:30:00Z", "web", LeadStage::converted),
                                           lead("2026-03-31T22:30:00Z", "web", LeadStage::new_lead)};  // 04-01
  const TimeRange range = days("2026-03-28", "2026-04-01", paris);
  const Result by_day = compute_leads(paris_rows, 0, range, paris, LeadGrouping::day);
  const List& growth = by_day.root.find("growth")->as_list();
  REQUIRE(growth.size() == 5);  // 03-28, 03-29, 03-30, 03-31, 04-01
  CHECK(growth[0].find("period")->as_string() == "2026-03-28");
  CHECK(integer(growth[0], "leads") == 0);
  CHECK(integer(growth[1], "leads") == 1);
  CHECK(integer(growth[1], "converted") == 1);
  CHECK(integer(growth[4], "leads") == 1);
  const Result by_month = compute_leads(paris_rows, 0, range, paris, LeadGrouping::month);
  const List& months = by_month.root.find("growth")->as_list();
  REQUIRE(months.size() == 2);
  CHECK(months[0].find("period")->as_string() == "2026-03");
  CHECK(integer(months[0], "leads") == 1);
  CHECK(months[1].find("period")->as_string() == "2026-04");
  CHECK(integer(months[1], "leads") == 1);
}

TEST_CASE("leads over an empty range has nulls and zeros", "[leads]") {
  const Result r = compute_leads({}, 0, days("2026-03-02", "2026-03-03", TimeZone::utc()), TimeZone::utc(),
                                 LeadGrouping::day);
  CHECK(r.root.find("total_leads")->as_integer() == 0);
  CHECK(r.root.find("conversion_rate")->is_null());
  CHECK(item(r, "funnel", 0).find("conversion_from_previous")->is_null());
  CHECK(item(r, "funnel", 2).find("conversion_from_start")->is_null());
  CHECK(r.root.find("sources")->as_list().empty());
  CHECK(r.root.find("growth")->as_list().size() == 2);
  CHECK(r.root.find("growth_rate")->is_null());
}

TEST_CASE("leads --group-by takes day, week or month", "[leads]") {
  CHECK(lead_grouping({}) == LeadGrouping::week);
  CHECK(lead_grouping({{"group-by", "month"}}) == LeadGrouping::month);
  CHECK_THROWS_AS(lead_grouping({{"group-by", "year"}}), UsageError);
}
