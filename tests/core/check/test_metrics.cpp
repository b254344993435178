#include <catch2/catch.hpp>

#include "core/check/metrics_catalog.hpp"
#include "core/check/rules.hpp"
#include "core/error.hpp"
#include "core/render/render.hpp"

using namespace convstat::core;
using namespace convstat::core::check;

namespace {

Result no_compute(const KpiRequest&) { return {}; }

std::vector<KpiDefinition> test_registry() {
  return {
      {"overview", "Overview", {}, no_compute,
       {{"escalation_rate", "escalated / total, %"}, {"channel_distribution[].conversation_count", "per channel"}}},
      {"csat responses", "CSAT responses", {}, no_compute, {{"count", "responses given"}}},
  };
}

}  // namespace

TEST_CASE("the catalog prefixes each documented path with its command key", "[metrics]") {
  const auto catalog = metric_catalog(test_registry());
  REQUIRE(catalog.size() == 3);
  CHECK(catalog[0].path == "overview.escalation_rate");
  CHECK(catalog[1].path == "overview.channel_distribution[].conversation_count");
  CHECK(catalog[2].path == "csat_responses.count");
  CHECK(catalog[2].definition == "responses given");
}

TEST_CASE("the catalog renders as a list of {path, definition}", "[metrics]") {
  RenderOptions csv;
  csv.format = Format::csv;
  CHECK(render_to_string(catalog_result(metric_catalog(test_registry())), csv) ==
        "path,definition\r\n"
        "overview.escalation_rate,\"escalated / total, %\"\r\n"
        "overview.channel_distribution[].conversation_count,per channel\r\n"
        "csat_responses.count,responses given\r\n");
}

TEST_CASE("explain finds a path, with or without selectors, and suggests for a typo", "[metrics]") {
  const auto catalog = metric_catalog(test_registry());
  CHECK(find_metric(catalog, "overview.escalation_rate").definition == "escalated / total, %");
  CHECK(find_metric(catalog, "overview.channel_distribution[channel=email].conversation_count").definition ==
        "per channel");
  CHECK(find_metric(catalog, "overview.channel_distribution[].conversation_count").definition == "per channel");
  CHECK_THROWS_WITH(find_metric(catalog, "overview.escalaton_rate"),
                    "unknown metric path 'overview.escalaton_rate' (did you mean 'overview.escalation_rate'?)");
  CHECK_THROWS_AS(find_metric(catalog, "nothing.like.it.at.all"), UsageError);
  const Result explained = explain_result(catalog[0]);
  CHECK(explained.root.find("definition")->as_string() == "escalated / total, %");
}

TEST_CASE("every metric of the real registry is listed under a command key", "[metrics]") {
  const auto catalog = metric_catalog(kpi_registry());
  CHECK(find_metric(catalog, "overview.ai_resolution_rate").definition.find('%') != std::string::npos);
  CHECK(find_metric(catalog, "resolution.by_priority[priority=urgent].resolution_rate").path ==
        "resolution.by_priority[].resolution_rate");
  CHECK(find_metric(catalog, "sessions_list[session_id=s1].turns").path == "sessions_list[].turns");
  for (const MetricEntry& e : catalog) {
    const std::string key = e.path.substr(0, e.path.find_first_of(".["));  // "sessions_list[].turns": a root list
    bool known = false;
    for (const KpiDefinition& kpi : kpi_registry()) known = known || command_key(kpi.name) == key;
    CHECK(known);
  }
}
