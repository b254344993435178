// Markdown renderer: GitHub-flavoured tables, one per section.
#include <catch2/catch.hpp>

#include "core/render/render.hpp"
#include "fixtures.hpp"

using namespace convstat::core;

namespace {

std::string to_md(const Result& result) {
  RenderOptions options;
  options.format = Format::md;
  return render_to_string(result, options);
}

}  // namespace

TEST_CASE("md: overview, exact", "[render]") {
  CHECK(to_md(test::overview_result()) ==
        "## Conversation overview\n"
        "\n"
        "### summary\n"
        "\n"
        "| metric | value |\n"
        "| --- | ---: |\n"
        "| total_conversations | 285 |\n"
        "| ai_resolution_rate | 41.4 |\n"
        "| resolution_minutes_median | 252.0 |\n"
        "| first_response_minutes_avg | – |\n"
        "\n"
        "### channel_distribution\n"
        "\n"
        "| channel | conversation_count |\n"
        "| --- | ---: |\n"
        "| email | 145 |\n"
        "| chat | 80 |\n");
}

TEST_CASE("md: cells escape pipes and backslashes, line breaks become <br>", "[render]") {
  Result result;
  result.title = "Responses";
  result.root.set("comment", Node::string("a|b\\c\r\nd\ne"))
      .set("profile", Node::string("complete"))
      .set("total_cost_usd", Node::number(0.0000005, Unit::usd));
  CHECK(to_md(result) ==
        "## Responses\n"
        "\n"
        "### summary\n"
        "\n"
        "| metric | value |\n"
        "| --- | --- |\n"
        "| comment | a\\|b\\\\c<br>d<br>e |\n"
        "| profile | complete |\n"
        "| total_cost_usd | 0.0000 |\n");
}

TEST_CASE("md: an empty list prints its heading and (no rows); no title, no heading", "[render]") {
  Result result;
  result.root.set("by_team", Node::list());
  CHECK(to_md(result) == "### by_team\n\n(no rows)\n");
  CHECK(to_md(Result{}) == "\n");
}
