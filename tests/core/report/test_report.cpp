// Reports: presets (built-in and from the config), sections computed through
// the registry, the four renderings, and saving / loading with units intact.
#include <catch2/catch.hpp>

#include "core/config/config.hpp"
#include "core/error.hpp"
#include "core/report/report.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::core;
using convstat::testing::TempDir;

namespace {

// A stand-in for the KPI commands: each section's result names its command
// and carries a percentage (41.44 %), a count and a null.
Result fake(const KpiDefinition& kpi) {
  Result r{kpi.name, "Title of " + kpi.name, Node::object(), "rows"};
  Node rows = Node::list();
  rows.push(Node::object().set("key", Node::string("a")).set("count", Node::integer(2)));
  r.root.set("rate", Node::number(41.44, Unit::percent)).set("missing", Node::null()).set("rows", std::move(rows));
  return r;
}

ReportHeader header() { return {"voice", "Voice report", std::nullopt, "2026-03-01", "2026-03-07", "UTC", 0}; }

}  // namespace

TEST_CASE("report presets: built-in, from the config, and errors", "[report]") {
  CHECK(resolve_preset("support", {}).sections ==
        std::vector<std::string>{"overview", "sla", "csat", "resolution", "agents", "insights"});
  CHECK(resolve_preset("voice", {}).sections == std::vector<std::string>{"calls", "calls resolution", "usage"});
  CHECK(resolve_preset("ai", {}).sections == std::vector<std::string>{"usage", "latency", "sessions list", "feedback"});
  CHECK(resolve_preset("executive", {}).sections == std::vector<std::string>{"unified", "dashboard", "leads"});
  const Config config = parse_config(
      "[report.weekly]\npreset = \"voice\"\ntitle = \"Weekly\"\n"
      "[report.mine]\nsections = [\"overview\", \"calls resolution\"]\n"
      "[report.bad]\nsections = [\"overveiw\"]\n"
      "[report.writes]\nsections = [\"feedback add\"]\n",
      "config.toml");
  const ReportPreset weekly = resolve_preset("weekly", config.reports);
  CHECK(weekly.title == "Weekly");
  CHECK(weekly.sections.size() == 3);
  CHECK(resolve_preset("mine", config.reports).sections == std::vector<std::string>{"overview", "calls resolution"});
  CHECK_THROWS_WITH(resolve_preset("bad", config.reports), Catch::Contains("did you mean 'overview'"));
  CHECK_THROWS_WITH(resolve_preset("writes", config.reports), Catch::Contains("writes to the cache"));
  CHECK_THROWS_AS(resolve_preset("suport", {}), UsageError);
}

TEST_CASE("report renderings: json object of sections, tidy csv, headed table and md", "[report]") {
  const Report report = compute_report(resolve_preset("voice", {}), header(), fake);
  REQUIRE(report.sections.size() == 3);
  CHECK(report.sections[1].first == "calls resolution");
  CHECK(report.sections[1].second.command == "calls resolution");

  RenderOptions json;
  json.format = Format::json;
  const std::string j = render_report(report, json);
  CHECK(j.find("\"report\": {") != std::string::npos);
  CHECK(j.find("\"calls_resolution\": {") != std::string::npos);
  CHECK(j.find("\"rate\": 41.4") != std::string::npos);

  RenderOptions csv;
  csv.format = Format::csv;
  const std::string c = render_report(report, csv);
  CHECK(c.rfind("section,path,value\r\nreport,preset,voice\r\n", 0) == 0);
  CHECK(c.find("calls_resolution,rate,41.4\r\n") != std::string::npos);
  CHECK(c.find("calls_resolution,missing,\r\n") != std::string::npos);
  CHECK(c.find("usage,rows[0].count,2\r\n") != std::string::npos);

  RenderOptions md;
  md.format = Format::md;
  const std::string m = render_report(report, md);
  CHECK(m.rfind("# Voice report\n", 0) == 0);
  CHECK(m.find("## calls resolution \u2014 Title of calls resolution\n") != std::string::npos);

  const std::string t = render_report(report, RenderOptions{});
  CHECK(t.find("== usage ==\nTitle of usage\n") != std::string::npos);
}

TEST_CASE("a saved report loads back with its units and renders the same", "[report]") {
  TempDir dir;
  Cache cache(dir.file("cache.db"), OpenMode::read_write);
  const Report report = compute_report(resolve_preset("executive", {}), header(), fake);
  const std::int64_t id = save_report(cache, report);
  CHECK(id == 1);
  const auto loaded = load_report(cache, id);
  REQUIRE(loaded);
  for (const Format f : {Format::table, Format::json, Format::csv, Format::md}) {
    RenderOptions o;
    o.format = f;
    CHECK(render_report(*loaded, o) == render_report(report, o));
  }
  CHECK_FALSE(load_report(cache, 2));
  const Result list = report_list_result(cache);
  REQUIRE(list.root.find("reports")->as_list().size() == 1);
  CHECK(list.root.find("reports")->as_list()[0].find("preset")->as_string() == "voice");
}
