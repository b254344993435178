// make_sections: the flattening shared by table, CSV and Markdown (spec/cli.md "csv").
#include <catch2/catch.hpp>

#include "core/render/render.hpp"
#include "core/render/values.hpp"
#include "fixtures.hpp"

using namespace convstat::core;

namespace {

std::vector<std::string> names(const std::vector<Section>& sections) {
  std::vector<std::string> out;
  for (const auto& section : sections) out.push_back(section.name);
  return out;
}

// Every cell of a section as machine text, "null" for null.
std::vector<std::vector<std::string>> cells(const Section& section) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : section.rows) {
    out.emplace_back();
    for (const Node* cell : row)
      out.back().push_back(render::cell_text(cell, render::NumberStyle::machine).value_or("null"));
  }
  return out;
}

using Rows = std::vector<std::vector<std::string>>;
using Columns = std::vector<std::string>;

}  // namespace

TEST_CASE("sections: summary first, then each list in key order", "[render]") {
  const Result result = test::overview_result();
  const auto sections = make_sections(result);
  REQUIRE(names(sections) == Columns{"summary", "channel_distribution"});
  CHECK(sections[0].key_value);
  CHECK(sections[0].columns == Columns{"metric", "value"});
  CHECK(cells(sections[0]) == Rows{{"total_conversations", "285"},
                                   {"ai_resolution_rate", "41.4"},
                                   {"resolution_minutes_median", "252.0"},
                                   {"first_response_minutes_avg", "null"}});
  CHECK_FALSE(sections[1].key_value);
  CHECK(sections[1].columns == Columns{"channel", "conversation_count"});
  CHECK(cells(sections[1]) == Rows{{"email", "145"}, {"chat", "80"}});
}

TEST_CASE("sections: objects flatten into dotted names, their lists become parent.child", "[render]") {
  Result result;
  Node articles = Node::list();
  articles.push(test::object_of({{"title", Node::string("Reset password")}, {"view_count", Node::integer(40)}}));
  result.root.set("by_team", Node::list())
      .set("help_center_deflection", test::object_of({{"article_count", Node::integer(3)},
                                                       {"top_articles", articles},
                                                       {"flags", test::object_of({{"too_slow", Node::integer(1)}})}}))
      .set("status", Node::string("SUCCESS"));
  const auto sections = make_sections(result);
  REQUIRE(names(sections) == Columns{"summary", "by_team", "help_center_deflection.top_articles"});
  CHECK(cells(sections[0]) == Rows{{"help_center_deflection.article_count", "3"},
                                   {"help_center_deflection.flags.too_slow", "1"},
                                   {"status", "SUCCESS"}});
  CHECK(sections[1].columns.empty());
  CHECK(sections[1].rows.empty());
  CHECK(sections[2].columns == Columns{"title", "view_count"});
}

TEST_CASE("sections: no summary without scalars; a null object is a scalar", "[render]") {
  Result result;
  result.root.set("teams", Node::list());
  CHECK(names(make_sections(result)) == Columns{"teams"});
  result.root.set("period_comparison", Node::null());
  const auto sections = make_sections(result);
  REQUIRE(names(sections) == Columns{"summary", "teams"});
  CHECK(cells(sections[0]) == Rows{{"period_comparison", "null"}});
}

TEST_CASE("sections: item columns are the union of keys in first-seen order, nested objects dotted", "[render]") {
  Result result;
  Node groups = Node::list();
  groups.push(test::object_of({{"key", Node::string("en")},
                               {"asr", test::object_of({{"count", Node::integer(2)}, {"p95_ms", Node::null()}})}}));
  Node tags = Node::list();
  tags.push(Node::string("a"));
  groups.push(test::object_of(
      {{"key", Node::string("hi")}, {"tags", tags}, {"asr", test::object_of({{"count", Node::integer(0)}})}}));
  result.root.set("groups", groups);
  const auto sections = make_sections(result);
  REQUIRE(sections.size() == 1);
  CHECK(sections[0].columns == Columns{"key", "asr.count", "asr.p95_ms", "tags"});
  CHECK(cells(sections[0]) == Rows{{"en", "2", "null", "null"}, {"hi", "0", "null", "[\"a\"]"}});
  REQUIRE(sections[0].rows[0][3] == nullptr);  // missing key
}

TEST_CASE("sections: a list of scalars has the column value; a root list is one section", "[render]") {
  Result result;
  Node topics = Node::list();
  topics.push(Node::string("billing")).push(Node::integer(2));
  result.root.set("topics", topics);
  const auto sections = make_sections(result);
  REQUIRE(sections.size() == 1);
  CHECK(sections[0].columns == Columns{"value"});
  CHECK(cells(sections[0]) == Rows{{"billing"}, {"2"}});

  Result list_result;
  list_result.root = Node::list();
  list_result.root.push(test::object_of({{"session_id", Node::string("s1")}}));
  list_result.main_section = "sessions";
  CHECK(names(make_sections(list_result)) == Columns{"sessions"});
  list_result.main_section.clear();
  CHECK(names(make_sections(list_result)) == Columns{"items"});
}

TEST_CASE("sections: copies keep valid metric names", "[render]") {
  const Result result = test::overview_result();
  std::vector<Section> copies;
  {
    auto sections = make_sections(result);
    copies = sections;
  }
  CHECK(cells(copies[0])[0] == std::vector<std::string>{"total_conversations", "285"});
}

TEST_CASE("sections: a comparison adds previous and change cells by path and is not flattened", "[render]") {
  Result result = test::overview_result();
  result.root.set("comparison",
                  test::object_of({{"previous_start", Node::string("2026-03-01")},
                                   {"previous_end", Node::string("2026-03-07")},
                                   {"previous", test::object_of({{"total_conversations", Node::integer(200)}})},
                                   {"change", test::object_of({{"total_conversations",
                                                                Node::number(42.5, Unit::percent)}})}}));
  const auto sections = make_sections(result);
  REQUIRE(names(sections) == Columns{"summary", "channel_distribution", "comparison"});
  CHECK(sections[0].columns == Columns{"metric", "value", "previous", "change"});
  CHECK(cells(sections[0]) == Rows{{"total_conversations", "285", "200", "42.5"},
                                   {"ai_resolution_rate", "41.4", "null", "null"},
                                   {"resolution_minutes_median", "252.0", "null", "null"},
                                   {"first_response_minutes_avg", "null", "null", "null"}});
  CHECK(sections[2].columns == Columns{"previous_start", "previous_end"});
  CHECK(cells(sections[2]) == Rows{{"2026-03-01", "2026-03-07"}});
}
