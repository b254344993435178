// The PDF document: a valid file, its metadata, pagination and determinism.
// Its text is read back with pdftotext by tests/e2e/test_pdf.sh.
#include <catch2/catch.hpp>

#include <regex>

#include "core/pdf/pdf.hpp"
#include "core/render/render.hpp"
#include "tests/core/render/fixtures.hpp"

using namespace convstat::core;
using convstat::core::test::object_of;

namespace {

constexpr std::int64_t k_created = 1795000000;  // 2026-11-18T11:06:40Z

ReportHeader header() { return {"support", "Support report", std::string("acme"), "2026-03-01", "2026-03-31", "Europe/Paris", 0}; }

// A result with a list of `rows` agents.
Result long_table(int rows) {
  Result r{"agents", "Agents", Node::object(), "agent_performance"};
  Node list = Node::list();
  for (int i = 0; i < rows; ++i)
    list.push(object_of({{"assignee_name", Node::string("agent " + std::to_string(i))}, {"assigned_count", Node::integer(i)}}));
  r.root.set("agent_performance", list);
  return r;
}

int page_count(const std::string& pdf) {
  std::smatch m;
  REQUIRE(std::regex_search(pdf, m, std::regex("/Type /Pages\\s*/Kids \\[[^\\]]*\\]\\s*/Count (\\d+)")));
  return std::stoi(m[1]);
}

}  // namespace

TEST_CASE("render_pdf: a PDF document with its title and creation date", "[pdf]") {
  const Report report{header(), {{"overview", test::overview_result()}}};
  const std::string pdf = pdf::render_pdf(report, k_created);
  CHECK(pdf.rfind("%PDF-1.", 0) == 0);
  CHECK(pdf.find("%%EOF") != std::string::npos);
  CHECK(pdf.find("/Title (Support report)") != std::string::npos);
  CHECK(pdf.find("/Creator (convstat " CONVSTAT_VERSION ")") != std::string::npos);
  CHECK(pdf.find("/CreationDate (20261118110640Z)") != std::string::npos);
  CHECK(pdf.find("/ModDate (20261118110640Z)") != std::string::npos);
  CHECK(page_count(pdf) == 1);
}

TEST_CASE("render_pdf: the same report and date give the same bytes; the date changes only the date", "[pdf]") {
  const Report report{header(), {{"overview", test::overview_result()}, {"sla", test::sla_result()}}};
  const std::string a = pdf::render_pdf(report, k_created);
  CHECK(a == pdf::render_pdf(report, k_created));
  const std::string b = pdf::render_pdf(report, k_created + 86400);
  CHECK(a != b);
  CHECK(b.find("/CreationDate (20261119110640Z)") != std::string::npos);
}

TEST_CASE("render_pdf: a long table runs onto more pages", "[pdf]") {
  const int short_pages = page_count(pdf::render_pdf(Report{header(), {{"agents", long_table(10)}}}, k_created));
  const int long_pages = page_count(pdf::render_pdf(Report{header(), {{"agents", long_table(400)}}}, k_created));
  CHECK(short_pages == 1);
  // 400 rows of about 15 pt on pages of about 740 pt: at least 8 pages.
  CHECK(long_pages >= 8);
  CHECK(long_pages <= 12);
}

TEST_CASE("render_report: pdf goes through render_pdf, dated by created_s or the generation time", "[pdf]") {
  ReportHeader h = header();
  h.generated_at_ms = k_created * 1000 + 999;
  const Report report{h, {{"overview", test::overview_result()}}};
  RenderOptions options;
  options.format = Format::pdf;
  CHECK(render_report(report, options) == pdf::render_pdf(report, k_created));
  options.created_s = 0;
  CHECK(render_report(report, options).find("/CreationDate (19700101000000Z)") != std::string::npos);
}

TEST_CASE("render_pdf: empty results and every chart kind draw without error", "[pdf]") {
  Result empty{"feedback", "Feedback", Node::object(), ""};
  Result calls{"calls", "Calls", Node::object(), ""};
  Node peaks = Node::list();
  peaks.push(object_of({{"hour", Node::integer(9)}, {"day_of_week", Node::integer(1)}, {"call_count", Node::integer(3)}}));
  calls.root.set("peak_hours", peaks);
  calls.heatmap = Heatmap{"peak_hours", "day_of_week", "hour", "call_count", "calls"};
  Node days = Node::list();
  days.push(object_of({{"date", Node::string("2026-03-01")}, {"count", Node::integer(2)}}));
  days.push(object_of({{"date", Node::string("2026-03-02")}, {"count", Node::null()}}));
  days.push(object_of({{"date", Node::string("2026-03-03")}, {"count", Node::integer(7)}}));
  calls.root.set("call_volume", days);
  calls.root.set("llm", object_of({{"p50_ms", Node::number(1.0, Unit::decimal1)}, {"p99_ms", Node::number(9.0, Unit::decimal1)}}));
  const std::string pdf = pdf::render_pdf(Report{header(), {{"feedback", empty}, {"calls", calls}, {"agents", test::agents_result()}}}, k_created);
  CHECK(page_count(pdf) >= 1);
}
