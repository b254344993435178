// CSV renderer: one section, RFC 4180 (CRLF line ends, quoting), null as an empty field.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/render/render.hpp"
#include "fixtures.hpp"

using namespace convstat::core;

namespace {

std::string to_csv(const Result& result, std::optional<std::string> section = std::nullopt) {
  RenderOptions options;
  options.format = Format::csv;
  options.section = std::move(section);
  return render_to_string(result, options);
}

}  // namespace

TEST_CASE("csv: the default section is the main list", "[render]") {
  CHECK(to_csv(test::overview_result()) ==
        "channel,conversation_count\r\n"
        "email,145\r\n"
        "chat,80\r\n");
}

TEST_CASE("csv: --section summary gives metric,value rows with null empty", "[render]") {
  CHECK(to_csv(test::overview_result(), "summary") ==
        "metric,value\r\n"
        "total_conversations,285\r\n"
        "ai_resolution_rate,41.4\r\n"
        "resolution_minutes_median,252.0\r\n"
        "first_response_minutes_avg,\r\n");
}

TEST_CASE("csv: without a main section the default is summary", "[render]") {
  Result result = test::overview_result();
  result.main_section.clear();
  CHECK(to_csv(result).rfind("metric,value\r\ntotal_conversations,285\r\n", 0) == 0);
}

TEST_CASE("csv: nested objects flatten into dotted summary metrics", "[render]") {
  CHECK(to_csv(test::sla_result(), "summary") ==
        "metric,value\r\n"
        "first_response.tracked,285\r\n"
        "first_response.met,275\r\n"
        "first_response.compliance_rate,96.5\r\n");
  CHECK(to_csv(test::sla_result()) ==
        "priority,tracked,compliance_rate\r\n"
        "urgent,25,88.0\r\n"
        "unset,0,\r\n");
}

TEST_CASE("csv: an unknown section is a usage error listing the sections", "[render]") {
  try {
    to_csv(test::overview_result(), "sumary");
    FAIL("no error");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()) == "unknown section 'sumary' (available: summary, channel_distribution)");
    CHECK(e.hint() == "did you mean 'summary'?");
    CHECK(e.code() == ExitCode::usage);
  }
  try {
    to_csv(test::overview_result(), "xyz");
    FAIL("no error");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()) == "unknown section 'xyz' (available: summary, channel_distribution)");
    CHECK(e.hint().empty());
  }
}

TEST_CASE("csv: fields with comma, quote, CR or LF are quoted; UTF-8 kept", "[render]") {
  Result result;
  result.main_section = "items";
  Node items = Node::list();
  const auto item = [](std::string text) {
    return test::object_of({{"text", Node::string(std::move(text))}, {"ok", Node::boolean(true)}});
  };
  items.push(item("plain")).push(item("a,b")).push(item("say \"hi\"")).push(item("line1\nline2"));
  items.push(item("cr\rhere")).push(item(test::k_devanagari_name)).push(item(" spaced "));
  result.root.set("items", items);
  CHECK(to_csv(result) ==
        "text,ok\r\n"
        "plain,true\r\n"
        "\"a,b\",true\r\n"
        "\"say \"\"hi\"\"\",true\r\n"
        "\"line1\nline2\",true\r\n"
        "\"cr\rhere\",true\r\n" +
            test::k_devanagari_name + ",true\r\n"
        " spaced ,true\r\n");
}

TEST_CASE("csv: usd keeps six decimals; item keys union; nested values", "[render]") {
  Result result;
  result.main_section = "sessions";
  Node sessions = Node::list();
  sessions.push(test::object_of({{"session_id", Node::string("s1")},
                                 {"total_cost_usd", Node::number(0.0000005, Unit::usd)},
                                 {"asr", test::object_of({{"count", Node::integer(2)}})}}));
  Node tags = Node::list();
  tags.push(Node::string("x")).push(Node::integer(1));
  sessions.push(test::object_of({{"session_id", Node::string("s2")}, {"tags", tags}}));
  result.root.set("sessions", sessions);
  CHECK(to_csv(result) ==
        "session_id,total_cost_usd,asr.count,tags\r\n"
        "s1,0.000001,2,\r\n"
        "s2,,,\"[\"\"x\"\",1]\"\r\n");
}

TEST_CASE("csv: a list of scalars has one column `value`, an empty list prints nothing", "[render]") {
  Result result;
  Node topics = Node::list();
  topics.push(Node::string("billing")).push(Node::null());
  result.root.set("topics", topics).set("by_team", Node::list());
  CHECK(to_csv(result, "topics") == "value\r\nbilling\r\n\"\"\r\n");  // null: quoted empty, not a blank line
  CHECK(to_csv(result, "by_team").empty());
}
