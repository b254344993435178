// Format names, the renderer factory and render_to_string.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/render/render.hpp"
#include "fixtures.hpp"

using namespace convstat::core;

TEST_CASE("parse_format and format_name round-trip every format", "[render]") {
  for (const Format format : {Format::table, Format::json, Format::csv, Format::md, Format::pdf})
    CHECK(parse_format(format_name(format)) == format);
  CHECK(format_name(Format::md) == "md");
}

TEST_CASE("parse_format rejects other names with a usage error", "[render]") {
  try {
    parse_format("jsno");
    FAIL("no error");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()) == "unknown format 'jsno' (expected table, json, csv, md or pdf)");
    CHECK(e.hint() == "did you mean 'json'?");
  }
  CHECK_THROWS_AS(parse_format("JSON"), UsageError);
  CHECK_THROWS_WITH(parse_format("xlsx"), "unknown format 'xlsx' (expected table, json, csv, md or pdf)");
}

TEST_CASE("make_renderer: pdf needs a report heading (render_report makes it)", "[render]") {
  RenderOptions options;
  options.format = Format::pdf;
  CHECK_THROWS_AS(make_renderer(options), UsageError);
  CHECK_THROWS_WITH(render_to_string(test::overview_result(), options), "PDF is a report format: it needs the report heading");
}

TEST_CASE("render_to_string uses the renderer of the format; output ends with a newline", "[render]") {
  const Result result = test::overview_result();
  for (const Format format : {Format::table, Format::json, Format::csv, Format::md}) {
    RenderOptions options;
    options.format = format;
    const std::string text = render_to_string(result, options);
    REQUIRE_FALSE(text.empty());
    CHECK(text.back() == '\n');
  }
  RenderOptions json;
  json.format = Format::json;
  CHECK(render_to_string(result, json).rfind("{\n", 0) == 0);
  CHECK(render_to_string(result, RenderOptions{}).rfind("Conversation overview\n", 0) == 0);
}
