// Table renderer: aligned columns for humans, width-aware for UTF-8, fitted to the terminal.
#include <catch2/catch.hpp>

#include "core/render/render.hpp"
#include "fixtures.hpp"

using namespace convstat::core;

namespace {

std::string to_table(const Result& result, int width = 100, bool color = false) {
  RenderOptions options;
  options.width = width;
  options.color = color;
  return render_to_string(result, options);
}

}  // namespace

TEST_CASE("table: overview, exact", "[render]") {
  CHECK(to_table(test::overview_result()) ==
        "Conversation overview\n"
        "\n"
        "summary\n"
        "metric                      value\n"
        "--------------------------  -----\n"
        "total_conversations           285\n"
        "ai_resolution_rate           41.4\n"
        "resolution_minutes_median   252.0\n"
        "first_response_minutes_avg      –\n"
        "\n"
        "channel_distribution\n"
        "channel  conversation_count\n"
        "-------  ------------------\n"
        "email                   145\n"
        "chat                     80\n");
}

TEST_CASE("table: nested objects as dotted metrics, null in a numeric column", "[render]") {
  CHECK(to_table(test::sla_result()) ==
        "SLA compliance\n"
        "\n"
        "summary\n"
        "metric                          value\n"
        "------------------------------  -----\n"
        "first_response.tracked            285\n"
        "first_response.met                275\n"
        "first_response.compliance_rate   96.5\n"
        "\n"
        "by_priority\n"
        "priority  tracked  compliance_rate\n"
        "--------  -------  ---------------\n"
        "urgent         25             88.0\n"
        "unset           0                –\n");
}

TEST_CASE("table: a --compare result has previous and change columns and a comparison section", "[render]") {
  Result result = test::sla_result();
  const Node previous = test::object_of(
      {{"first_response", test::object_of({{"tracked", Node::integer(250)},
                                           {"met", Node::integer(250)},
                                           {"compliance_rate", Node::number(100.0, Unit::percent)}})}});
  const Node change = test::object_of(
      {{"first_response", test::object_of({{"tracked", Node::number(14.0, Unit::percent)},   // (285 - 250) / 250
                                           {"met", Node::number(10.0, Unit::percent)},       // (275 - 250) / 250
                                           {"compliance_rate", Node::number(275.0 / 285.0 * 100.0 - 100.0,
                                                                            Unit::decimal1)}})}});  // -3.5 points
  result.root.set("comparison", test::object_of({{"previous_start", Node::string("2026-03-01")},
                                                 {"previous_end", Node::string("2026-03-07")},
                                                 {"previous", previous},
                                                 {"change", change}}));
  CHECK(to_table(result) ==
        "SLA compliance\n"
        "\n"
        "summary\n"
        "metric                          value  previous  change\n"
        "------------------------------  -----  --------  ------\n"
        "first_response.tracked            285       250    14.0\n"
        "first_response.met                275       250    10.0\n"
        "first_response.compliance_rate   96.5     100.0    -3.5\n"
        "\n"
        "by_priority\n"
        "priority  tracked  compliance_rate\n"
        "--------  -------  ---------------\n"
        "urgent         25             88.0\n"
        "unset           0                –\n"
        "\n"
        "comparison\n"
        "previous_start  previous_end\n"
        "--------------  ------------\n"
        "2026-03-01      2026-03-07\n");
}

TEST_CASE("table: mixed values; text left, numbers right; usd four decimals", "[render]") {
  Result result;
  result.root.set("profile", Node::string("complete"))
      .set("total_cost_usd", Node::number(0.0000005, Unit::usd))
      .set("cache_hit_rate", Node::number(0.5, Unit::ratio4))
      .set("target_met", Node::boolean(true));
  CHECK(to_table(result) ==
        "summary\n"
        "metric          value\n"
        "--------------  --------\n"
        "profile         complete\n"
        "total_cost_usd    0.0000\n"
        "cache_hit_rate    0.5000\n"
        "target_met      true\n");
}

TEST_CASE("table: columns align by display width (combining marks 0, CJK 2)", "[render]") {
  // Names take 7, 10 and 6 columns; the column is as wide as its header (13), so
  // 13 - width + 2 + 12 spaces precede the right-aligned count (20, 18 and 22).
  CHECK(to_table(test::agents_result()) ==
        "Agents\n"
        "\n"
        "agent_performance\n"
        "assignee_name  assigned_count\n"
        "-------------  --------------\n" +
            test::k_devanagari_name + "                    12\n" +
            test::k_accented_name + "                  7\n" +
            test::k_cjk_name + "                      3\n");
}

TEST_CASE("table: the widest text column is truncated with … to fit the width", "[render]") {
  Result result;
  Node items = Node::list();
  items.push(test::object_of({{"subject", Node::string("Refund for order 1234 not received yet")},
                              {"channel", Node::string("email")},
                              {"messages", Node::integer(12)}}));
  items.push(test::object_of({{"subject", Node::string(test::k_devanagari_name + " wants a callback")},
                              {"channel", Node::string("whatsapp")},
                              {"messages", Node::integer(3)}}));
  result.root.set("items", items);
  // Natural widths 38 + 8 + 8 and two gaps of 2 = 58; fit into 40 by narrowing subject to 20.
  CHECK(to_table(result, 40) ==
        "items\n"
        "subject               channel   messages\n"
        "--------------------  --------  --------\n"
        "Refund for order 12…  email           12\n" +
            test::k_devanagari_name + " wants a cal…  whatsapp         3\n");
  // Without a limit nothing is cut.
  CHECK(to_table(result, 0).find("Refund for order 1234 not received yet  email") != std::string::npos);
}

TEST_CASE("table: text columns never shrink below six columns; numbers never shrink", "[render]") {
  Result result;
  Node items = Node::list();
  items.push(test::object_of({{"name", Node::string("Alexandra")}, {"count", Node::integer(123456)}}));
  result.root.set("items", items);
  CHECK(to_table(result, 5) ==
        "items\n"
        "name     count\n"
        "------  ------\n"
        "Alexa…  123456\n");
}

TEST_CASE("table: colour only when asked: bold headings, dim nulls", "[render]") {
  const std::string plain = to_table(test::overview_result());
  CHECK(plain.find('\x1b') == std::string::npos);
  const std::string coloured = to_table(test::overview_result(), 100, true);
  CHECK(coloured.rfind("\x1b[1mConversation overview\x1b[0m\n\n\x1b[1msummary\x1b[0m\n"
                       "\x1b[1mmetric\x1b[0m                      \x1b[1mvalue\x1b[0m\n",
                       0) == 0);
  CHECK(coloured.find("first_response_minutes_avg      \x1b[2m–\x1b[0m\n") != std::string::npos);
}

TEST_CASE("table: control characters in text cannot reach the terminal", "[render]") {
  Result result;
  result.root.set("comment", Node::string("line1\nline2\x1b[31m"));
  CHECK(to_table(result) ==
        "summary\n"
        "metric   value\n"
        "-------  ----------------\n"
        "comment  line1 line2\xef\xbf\xbd[31m\n");
}

TEST_CASE("table: an empty list prints its name and (no rows)", "[render]") {
  Result result;
  result.title = "Teams";
  result.root.set("teams", Node::list());
  CHECK(to_table(result) == "Teams\n\nteams\n(no rows)\n");
  CHECK(to_table(Result{}) == "\n");
}

TEST_CASE("table: a sparkline line under the title, levels round((v - min) / (max - min) * 7)", "[render]") {
  Result result;
  result.title = "Trend";
  result.sparkline = Sparkline{"days", "n", "n/day"};
  Node days = Node::list();
  for (const int n : {0, 1, 2, 4, 8}) days.push(test::object_of({{"n", Node::integer(n)}}));
  result.root.set("days", days);
  // 0 -> 0, 1 -> 0.875 -> 1, 2 -> 1.75 -> 2, 4 -> 3.5 -> 4 (half away from zero), 8 -> 7.
  CHECK(to_table(result) ==
        "Trend\n"
        "n/day \u2581\u2582\u2583\u2585\u2588\n"
        "\n"
        "days\n"
        "n\n"
        "-\n"
        "0\n"
        "1\n"
        "2\n"
        "4\n"
        "8\n");
  Result flat;
  flat.sparkline = Sparkline{"days", "n", "flat"};
  Node same = Node::list();
  for (int i = 0; i < 3; ++i) same.push(test::object_of({{"n", Node::number(2.5, Unit::decimal1)}}));
  flat.root.set("days", same);
  CHECK(to_table(flat).rfind("flat \u2581\u2581\u2581\n\ndays\n", 0) == 0);
  RenderOptions md;
  md.format = Format::md;
  CHECK(render_to_string(result, md).find("\u2581") == std::string::npos);
}

TEST_CASE("table: a heatmap replaces its list's section; shades by share of the busiest cell", "[render]") {
  Result r{"calls", "Calls", Node::object(), ""};
  Node cells = Node::list();
  // Mon 00: 4 (█), Mon 01: 1 (░, 4 * 1 / 4), Sun 23: 2 (▒, 4 * 2 / 4 = 2), Tue 05: 3 (▓); max 4.
  const auto cell = [](int day, int hour, int count) {
    return Node::object()
        .set("hour", Node::integer(hour))
        .set("day_of_week", Node::integer(day))
        .set("call_count", Node::integer(count));
  };
  cells.push(cell(1, 0, 4)).push(cell(1, 1, 1)).push(cell(7, 23, 2)).push(cell(2, 5, 3));
  r.root.set("total", Node::integer(10)).set("peak_hours", std::move(cells));
  r.heatmap = Heatmap{"peak_hours", "day_of_week", "hour", "call_count", "calls by weekday and hour (UTC)"};
  const std::string dot = "\u00b7 ";
  std::string empty_row;
  for (int h = 0; h < 24; ++h) empty_row += dot;
  const auto row = [&](const char* day, std::vector<std::pair<int, const char*>> shaded) {
    std::string line = std::string(day) + "  ";
    for (int h = 0; h < 24; ++h) {
      std::string cellText = dot;
      for (const auto& [hour, shade] : shaded)
        if (hour == h) cellText = std::string(shade) + shade;
      line += cellText;
    }
    line.erase(line.find_last_not_of(' ') + 1);
    return line + "\n";
  };
  const std::string expected =
      "Calls\n"
      "\n"
      "summary\n"
      "metric  value\n"
      "------  -----\n"
      "total      10\n"
      "\n"
      "peak_hours: calls by weekday and hour (UTC)\n"
      "     00    03    06    09    12    15    18    21\n" +
      row("Mon", {{0, "\u2588"}, {1, "\u2591"}}) + row("Tue", {{5, "\u2593"}}) + row("Wed", {}) + row("Thu", {}) +
      row("Fri", {}) + row("Sat", {}) + row("Sun", {{23, "\u2592"}}) +
      "scale: \u00b7 0  \u2591 \u22641  \u2592 \u22642  \u2593 \u22643  \u2588 \u22644\n";
  CHECK(to_table(r) == expected);
  // JSON and the other renderers print the list itself.
  RenderOptions json;
  json.format = Format::json;
  CHECK(render_to_string(r, json).find("\"call_count\": 4") != std::string::npos);
}
