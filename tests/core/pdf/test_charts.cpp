// Which charts the PDF draws, chosen from the data's shape (core/pdf/charts).
#include <catch2/catch.hpp>

#include "core/pdf/charts.hpp"
#include "tests/core/render/fixtures.hpp"

using namespace convstat::core;
using namespace convstat::core::pdf;
using convstat::core::test::object_of;

namespace {

std::vector<Chart> charts_of(const Result& result) { return pick_charts(result, make_sections(result)); }

std::vector<std::optional<double>> values(std::initializer_list<std::optional<double>> v) { return v; }

Result series_result(std::initializer_list<std::pair<const char*, std::int64_t>> days) {
  Result r{"daily chats", "Conversations per day", Node::object(), "data"};
  Node data = Node::list();
  for (const auto& [date, count] : days)
    data.push(object_of({{"date", Node::string(date)}, {"count", Node::integer(count)}, {"avg_rating", Node::number(4.5, Unit::decimal1)}}));
  r.root.set("data", std::move(data));
  return r;
}

}  // namespace

TEST_CASE("humanize: words, a capital first, acronyms", "[pdf]") {
  CHECK(humanize("channel_distribution") == "Channel distribution");
  CHECK(humanize("first_response.compliance_rate") == "First response compliance rate");
  CHECK(humanize("ai_resolution_rate") == "AI resolution rate");
  CHECK(humanize("csat.avg_rating") == "CSAT avg rating");
  CHECK(humanize("assignee_user_id") == "Assignee user ID");
  CHECK(humanize("p95_ms") == "p95 ms");
  CHECK(humanize("") == "");
}

TEST_CASE("nice_ticks: 1, 2 or 5 times a power of ten, up to at least the maximum", "[pdf]") {
  CHECK(nice_ticks(622, 4) == std::vector<double>{0, 200, 400, 600, 800});  // 155.5 a step → 200
  CHECK(nice_ticks(100, 4) == std::vector<double>{0, 50, 100});            // 25 → 50
  CHECK(nice_ticks(7, 4) == std::vector<double>{0, 2, 4, 6, 8});           // 1.75 → 2
  CHECK(nice_ticks(0.3, 3) == std::vector<double>{0, 0.1, 0.2, 0.30000000000000004});
  CHECK(nice_ticks(0, 4) == std::vector<double>{0, 1});
  CHECK(nice_ticks(-5, 4) == std::vector<double>{0, 1});
}

TEST_CASE("pick_charts: a label list gives bars of its count (channel mix)", "[pdf]") {
  const auto charts = charts_of(test::overview_result());
  REQUIRE(charts.size() == 1);
  const Chart& c = charts.front();
  CHECK(c.kind == ChartKind::bars);
  CHECK(c.section == "channel_distribution");
  CHECK(c.title == "Channel distribution \u2014 Conversation count");
  CHECK(c.labels == std::vector<std::string>{"email", "chat"});
  REQUIRE(c.series.size() == 1);
  CHECK(c.series[0].values == values({145.0, 80.0}));
  CHECK_FALSE(c.percent);
}

TEST_CASE("pick_charts: a rate column wins over counts, on a 0-100 scale (SLA by priority)", "[pdf]") {
  const auto charts = charts_of(test::sla_result());
  REQUIRE(charts.size() == 1);
  const Chart& c = charts.front();
  CHECK(c.section == "by_priority");
  CHECK(c.labels == std::vector<std::string>{"urgent", "unset"});
  CHECK(c.series[0].name == "Compliance rate");
  CHECK(c.series[0].values == values({88.0, std::nullopt}));  // 22 of 25; unset has no rate
  CHECK(c.percent);
}

TEST_CASE("pick_charts: a name column labels the bars, not the id (agents)", "[pdf]") {
  const auto charts = charts_of(test::agents_result());
  REQUIRE(charts.size() == 1);
  CHECK(charts[0].labels == std::vector<std::string>{test::k_devanagari_name, test::k_accented_name, test::k_cjk_name});
  CHECK(charts[0].series[0].values == values({12.0, 7.0, 3.0}));
}

TEST_CASE("pick_charts: a dated list gives a line of its counts", "[pdf]") {
  const auto charts = charts_of(series_result({{"2026-03-01", 4}, {"2026-03-02", 0}, {"2026-03-03", 9}}));
  REQUIRE(charts.size() == 1);
  const Chart& c = charts.front();
  CHECK(c.kind == ChartKind::line);
  CHECK(c.labels == std::vector<std::string>{"2026-03-01", "2026-03-02", "2026-03-03"});
  REQUIRE(c.series.size() == 1);  // count only: avg_rating is not a count
  CHECK(c.series[0].values == values({4.0, 0.0, 9.0}));
  CHECK(c.title == "Data \u2014 Count");
}

TEST_CASE("pick_charts: no chart for one day, repeated days, only zeros, or too many bars", "[pdf]") {
  CHECK(charts_of(series_result({{"2026-03-01", 4}})).empty());
  CHECK(charts_of(series_result({{"2026-03-01", 4}, {"2026-03-01", 5}})).empty());
  CHECK(charts_of(series_result({{"2026-03-01", 0}, {"2026-03-02", 0}})).empty());
  Result many{"x", "X", Node::object(), "rows"};
  Node rows = Node::list();
  for (int i = 0; i < 41; ++i) rows.push(object_of({{"name", Node::string("n" + std::to_string(i))}, {"count", Node::integer(i + 1)}}));
  many.root.set("rows", rows);
  CHECK(charts_of(many).empty());
  rows.as_list().pop_back();  // 40 bars are drawn
  many.root = Node::object().set("rows", rows);
  CHECK(charts_of(many).size() == 1);
}

TEST_CASE("pick_charts: GROUP.pNN_UNIT summary numbers give grouped percentile bars (latency)", "[pdf]") {
  Result r{"latency", "Latency", Node::object(), ""};
  r.root.set("llm", object_of({{"count", Node::integer(4)},
                               {"p50_ms", Node::number(250.0, Unit::decimal1)},
                               {"p95_ms", Node::number(970.5, Unit::decimal1)},
                               {"max_ms", Node::number(1000.0, Unit::decimal1)}}));
  r.root.set("asr", object_of({{"p50_ms", Node::number(80.0, Unit::decimal1)}, {"p95_ms", Node::null()}}));
  const auto charts = charts_of(r);
  REQUIRE(charts.size() == 1);
  const Chart& c = charts.front();
  CHECK(c.kind == ChartKind::grouped_bars);
  CHECK(c.labels == std::vector<std::string>{"llm", "asr"});
  REQUIRE(c.series.size() == 2);
  CHECK(c.series[0].name == "p50");
  CHECK(c.series[0].values == values({250.0, 80.0}));
  CHECK(c.series[1].name == "p95");
  CHECK(c.series[1].values == values({970.5, std::nullopt}));  // a null percentile is no bar
  CHECK(c.unit == "ms");
  CHECK(c.title == "Percentiles (ms)");
}

TEST_CASE("pick_charts: the result's heatmap becomes a weekday × hour grid", "[pdf]") {
  Result r{"calls", "Calls", Node::object(), ""};
  Node peaks = Node::list();
  peaks.push(object_of({{"hour", Node::integer(9)}, {"day_of_week", Node::integer(1)}, {"call_count", Node::integer(3)}}));
  peaks.push(object_of({{"hour", Node::integer(23)}, {"day_of_week", Node::integer(7)}, {"call_count", Node::integer(5)}}));
  r.root.set("peak_hours", peaks);
  r.heatmap = Heatmap{"peak_hours", "day_of_week", "hour", "call_count", "calls by weekday and hour (UTC)"};
  const auto charts = charts_of(r);
  REQUIRE(charts.size() == 1);
  const Chart& c = charts.front();
  CHECK(c.kind == ChartKind::heatmap);
  CHECK(c.title == "Calls by weekday and hour (UTC)");
  CHECK(c.labels.size() == 24);
  REQUIRE(c.series.size() == 7);
  CHECK(c.series[0].name == "Mon");
  CHECK(c.series[0].values[9] == 3.0);
  CHECK(c.series[6].values[23] == 5.0);
  CHECK_FALSE(c.series[0].values[10].has_value());
}
