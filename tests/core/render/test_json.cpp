// JSON renderer: the result tree as one pretty-printed document, numbers rounded per unit.
#include <catch2/catch.hpp>

#include <limits>

#include <nlohmann/json.hpp>

#include "core/render/render.hpp"
#include "core/render/values.hpp"
#include "fixtures.hpp"

using namespace convstat::core;

namespace {

std::string to_json(const Result& result) {
  RenderOptions options;
  options.format = Format::json;
  return render_to_string(result, options);
}

}  // namespace

TEST_CASE("json: overview, exact", "[render]") {
  CHECK(to_json(test::overview_result()) ==
        "{\n"
        "  \"total_conversations\": 285,\n"
        "  \"ai_resolution_rate\": 41.4,\n"
        "  \"resolution_minutes_median\": 252.0,\n"
        "  \"first_response_minutes_avg\": null,\n"
        "  \"channel_distribution\": [\n"
        "    {\n"
        "      \"channel\": \"email\",\n"
        "      \"conversation_count\": 145\n"
        "    },\n"
        "    {\n"
        "      \"channel\": \"chat\",\n"
        "      \"conversation_count\": 80\n"
        "    }\n"
        "  ]\n"
        "}\n");
}

TEST_CASE("json: nested objects, empty containers, booleans, every unit", "[render]") {
  Result result;
  result.root.set("first_response", test::object_of({{"tracked", Node::integer(285)},
                                                     {"compliance_rate", Node::number(96.4912, Unit::percent)}}))
      .set("breakdown_by_service", Node::object())
      .set("by_team", Node::list())
      .set("target_met", Node::boolean(false))
      .set("cache_hit_rate", Node::number(0.12345, Unit::ratio4))
      .set("total_cost_usd", Node::number(0.0000005, Unit::usd))
      .set("sentiment", Node::number(-0.35, Unit::raw));
  CHECK(to_json(result) ==
        "{\n"
        "  \"first_response\": {\n"
        "    \"tracked\": 285,\n"
        "    \"compliance_rate\": 96.5\n"
        "  },\n"
        "  \"breakdown_by_service\": {},\n"
        "  \"by_team\": [],\n"
        "  \"target_met\": false,\n"
        "  \"cache_hit_rate\": 0.1235,\n"
        "  \"total_cost_usd\": 0.000001,\n"
        "  \"sentiment\": -0.35\n"
        "}\n");
}

TEST_CASE("json: strings stay UTF-8, controls and quotes are escaped, bad UTF-8 replaced", "[render]") {
  Result result;
  result.root.set("name", Node::string(test::k_devanagari_name))
      .set("comment", Node::string("say \"hi\"\\\n\t\x01"))
      .set("broken", Node::string("a\xff" "b"));
  CHECK(to_json(result) ==
        "{\n"
        "  \"name\": \"" + test::k_devanagari_name + "\",\n"
        "  \"comment\": \"say \\\"hi\\\"\\\\\\n\\t\\u0001\",\n"
        "  \"broken\": \"a\xef\xbf\xbd" "b\"\n"
        "}\n");
}

TEST_CASE("json: non-finite numbers print as null", "[render]") {
  Result result;
  result.root.set("rate", Node::number(std::numeric_limits<double>::quiet_NaN(), Unit::percent));
  CHECK(to_json(result) == "{\n  \"rate\": null\n}\n");
}

TEST_CASE("json: the output is what nlohmann::json parses and prints back", "[render]") {
  const std::string text = to_json(test::sla_result());
  const auto parsed = nlohmann::ordered_json::parse(text);
  CHECK(parsed.dump(2) + "\n" == text);
  CHECK(parsed["first_response"]["compliance_rate"].get<double>() == 96.5);
  CHECK(parsed["by_priority"][1]["compliance_rate"].is_null());
}

TEST_CASE("json: compact form for cells", "[render]") {
  const Node node = test::object_of({{"a", Node::list()}, {"b", Node::number(0.25, Unit::ratio4)}});
  CHECK(render::compact_json(node) == "{\"a\":[],\"b\":0.25}");
}
