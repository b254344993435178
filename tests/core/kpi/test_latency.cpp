// latency (kpis.md): stage percentiles by linear interpolation, worked out by
// hand on small arrays in the comments.
#include <catch2/catch.hpp>

#include "core/kpi/latency.hpp"
#include "core/kpi/stats.hpp"
#include "tests/support/render_json.hpp"

using namespace convstat::core;
using convstat::testing::json_of;
using convstat::testing::rendered_json;

namespace {

LatencyGroup group(std::optional<std::string> key, std::int64_t turns, std::vector<double> total) {
  LatencyGroup g;
  g.key = std::move(key);
  g.turns = turns;
  g.stages[4] = std::move(total);
  return g;
}

}  // namespace

TEST_CASE("stage latency: count, mean, interpolated percentiles, max", "[latency]") {
  // sorted 150 650 700 800 1000: mean 3300 / 5 = 660; p50 rank 2 -> 700; p90 rank 3.6 -> 800 + 200 x 0.6 = 920;
  // p95 rank 3.8 -> 960; p99 rank 3.96 -> 992.
  std::vector<double> total = {650, 700, 150, 800, 1000};
  CHECK(rendered_json(Result{"t", "", stage_latency(total), ""}) ==
        json_of(R"({"count":5,"avg_ms":660.0,"p50_ms":700.0,"p90_ms":920.0,"p95_ms":960.0,"p99_ms":992.0,
            "max_ms":1000.0})"));
  // 80 90 100 120: p50 rank 1.5 -> 95; p90 rank 2.7 -> 100 + 20 x 0.7 = 114; p99 rank 2.97 -> 119.4.
  std::vector<double> asr = {100, 120, 80, 90};
  CHECK(rendered_json(Result{"t", "", stage_latency(asr), ""}) ==
        json_of(R"({"count":4,"avg_ms":97.5,"p50_ms":95.0,"p90_ms":114.0,"p95_ms":117.0,"p99_ms":119.4,
            "max_ms":120.0})"));
  std::vector<double> none;
  CHECK(rendered_json(Result{"t", "", stage_latency(none), ""}) ==
        json_of(R"({"count":0,"avg_ms":null,"p50_ms":null,"p90_ms":null,"p95_ms":null,"p99_ms":null,
            "max_ms":null})"));
}

TEST_CASE("latency without --by pools every group's turns per stage", "[latency]") {
  std::vector<LatencyGroup> groups;
  groups.push_back(group(std::string("a"), 2, {100, 300}));
  groups.push_back(group(std::nullopt, 1, {200}));
  groups[1].stages[0] = {40};  // asr only in the second group
  const nlohmann::json d = rendered_json(compute_latency(std::move(groups), std::nullopt));
  CHECK(d.size() == 5);
  CHECK(d["total"]["count"] == 3);
  CHECK(d["total"]["p50_ms"] == 200.0);
  CHECK(d["total"]["avg_ms"] == 200.0);
  CHECK(d["asr"]["count"] == 1);
  CHECK(d["asr"]["max_ms"] == 40.0);
  CHECK(d["llm"]["count"] == 0);
  CHECK(d["llm"]["avg_ms"].is_null());
}

TEST_CASE("latency --by: groups by turns desc, then key with null first", "[latency]") {
  std::vector<LatencyGroup> groups;
  groups.push_back(group(std::string("speed"), 1, {700}));
  groups.push_back(group(std::string("balanced"), 2, {650, 800}));
  groups.push_back(group(std::nullopt, 2, {150, 1000}));
  const Result r = compute_latency(std::move(groups), std::string("optimization_level"));
  CHECK(r.main_section == "groups");
  const nlohmann::json d = rendered_json(r);
  CHECK(d["by"] == "optimization_level");
  REQUIRE(d["groups"].size() == 3);
  CHECK(d["groups"][0]["key"].is_null());
  CHECK(d["groups"][0]["turns"] == 2);
  CHECK(d["groups"][0]["total"]["p90_ms"] == 915.0);  // 150 + 850 x 0.9
  CHECK(d["groups"][1]["key"] == "balanced");
  CHECK(d["groups"][1]["total"]["avg_ms"] == 725.0);
  CHECK(d["groups"][2]["key"] == "speed");
  CHECK(d["groups"][2]["asr"]["count"] == 0);
}

TEST_CASE("sorted_percentile reads an ascending sample without sorting it", "[latency][stats]") {
  const std::vector<double> sorted = {10, 20, 30, 40};
  CHECK(*sorted_percentile(sorted, 0) == 10.0);
  CHECK(*sorted_percentile(sorted, 100) == 40.0);
  CHECK(*sorted_percentile(sorted, 50) == Approx(25.0));   // rank 1.5
  CHECK(*sorted_percentile(sorted, 90) == Approx(37.0));   // rank 2.7
  CHECK_FALSE(sorted_percentile({}, 50).has_value());
}
