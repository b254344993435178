// --compare previous (core/kpi/compare.hpp): changes worked out by hand.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "core/kpi/compare.hpp"

using namespace convstat::core;

namespace {

Node object_of(std::initializer_list<std::pair<std::string, Node>> entries) {
  Node node = Node::object();
  for (const auto& [key, value] : entries) node.set(key, value);
  return node;
}

Result result_of(Node root) {
  Result r{"sla", "SLA compliance", std::move(root), "by_priority"};
  return r;
}

TimeRange date_range(const char* from, const char* to, const TimeZone& tz) {
  RangeRequest request;
  request.from = from;
  request.to = to;
  request.as_of = "2026-03-31T12:00:00Z";
  return resolve_range(request, tz);
}

// current: 12 conversations, 4 of them resolved (33.3 %), mean 6.0 min; previous: 8, 2 (25.0 %), 4.0 min.
Result current_result() {
  Node items = Node::list();
  items.push(object_of({{"priority", Node::string("high")}, {"tracked", Node::integer(3)}}));
  return result_of(object_of(
      {{"total_conversations", Node::integer(12)},
       {"resolution_rate", Node::number(100.0 * 4 / 12, Unit::percent)},
       {"first_response_minutes_avg", Node::number(6.0, Unit::decimal1)},
       {"csat_avg", Node::number(std::optional<double>{}, Unit::decimal1)},
       {"label", Node::string("now")},
       {"by_priority", items},
       {"first_response", object_of({{"tracked", Node::integer(5)},
                                     {"compliance_rate", Node::number(100.0 * 3 / 5, Unit::percent)},
                                     {"by_day", Node::list()}})},
       {"lists_only", object_of({{"days", Node::list()}})}}));
}

Result previous_result() {
  return result_of(object_of(
      {{"total_conversations", Node::integer(8)},
       {"resolution_rate", Node::number(100.0 * 2 / 8, Unit::percent)},
       {"first_response_minutes_avg", Node::number(4.0, Unit::decimal1)},
       {"csat_avg", Node::number(4.5, Unit::decimal1)},
       {"label", Node::string("before")},
       {"by_priority", Node::list()},
       {"first_response", object_of({{"tracked", Node::integer(0)},
                                     {"compliance_rate", Node::number(std::optional<double>{}, Unit::percent)},
                                     {"by_day", Node::list()}})},
       {"lists_only", object_of({{"days", Node::list()}})}}));
}

std::vector<std::string> keys_of(const Node& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.as_object()) keys.push_back(key);
  return keys;
}

using Keys = std::vector<std::string>;

}  // namespace

TEST_CASE("compare: the current result is kept, comparison appended last", "[kpi][compare]") {
  const TimeZone tz = TimeZone::utc();
  const TimeRange previous = previous_range(date_range("2026-03-08", "2026-03-14", tz), tz);
  const Result r = compare_results(current_result(), previous_result(), previous, tz);
  CHECK(r.command == "sla");
  CHECK(r.main_section == "by_priority");
  CHECK(keys_of(r.root) == Keys{"total_conversations", "resolution_rate", "first_response_minutes_avg", "csat_avg",
                                "label", "by_priority", "first_response", "lists_only", "comparison"});
  CHECK(r.root.find("total_conversations")->as_integer() == 12);
  const Node& c = *r.root.find("comparison");
  CHECK(keys_of(c) == Keys{"previous_start", "previous_end", "previous", "change"});
  CHECK(c.find("previous_start")->as_string() == "2026-03-01");  // 7 days ending the day before 03-08
  CHECK(c.find("previous_end")->as_string() == "2026-03-07");
}

TEST_CASE("compare: previous holds the scalars by path, lists left out", "[kpi][compare]") {
  const TimeZone tz = TimeZone::utc();
  const TimeRange previous = previous_range(date_range("2026-03-08", "2026-03-14", tz), tz);
  const Result r = compare_results(current_result(), previous_result(), previous, tz);
  const Node& p = *r.root.find("comparison")->find("previous");
  CHECK(keys_of(p) == Keys{"total_conversations", "resolution_rate", "first_response_minutes_avg", "csat_avg", "label",
                           "first_response"});  // no by_priority, and lists_only is left empty so dropped
  CHECK(p.find("total_conversations")->as_integer() == 8);
  CHECK(p.find("label")->as_string() == "before");
  CHECK(keys_of(*p.find("first_response")) == Keys{"tracked", "compliance_rate"});
  CHECK(p.find("first_response")->find("compliance_rate")->is_null());
}

TEST_CASE("compare: points for percent metrics, % change for other numbers, null when undefined", "[kpi][compare]") {
  const TimeZone tz = TimeZone::utc();
  const TimeRange previous = previous_range(date_range("2026-03-08", "2026-03-14", tz), tz);
  const Result r = compare_results(current_result(), previous_result(), previous, tz);
  const Node& ch = *r.root.find("comparison")->find("change");
  CHECK(keys_of(ch) == Keys{"total_conversations", "resolution_rate", "first_response_minutes_avg", "csat_avg",
                            "first_response"});  // strings have no change
  const Node& total = *ch.find("total_conversations");  // (12 - 8) / 8 = +50 %
  CHECK(total.as_number() == Approx(50.0));
  CHECK(total.unit() == Unit::percent);
  const Node& rate = *ch.find("resolution_rate");  // 33.333... - 25.0 = 8.333... points, from unrounded values
  CHECK(rate.as_number() == Approx(100.0 / 3 - 25.0));
  CHECK(rate.unit() == Unit::decimal1);
  CHECK(ch.find("first_response_minutes_avg")->as_number() == Approx(50.0));  // (6 - 4) / 4
  CHECK(ch.find("first_response_minutes_avg")->unit() == Unit::percent);
  CHECK(ch.find("csat_avg")->is_null());                                  // current null
  CHECK(ch.find("first_response")->find("tracked")->is_null());           // previous 0
  CHECK(ch.find("first_response")->find("compliance_rate")->is_null());   // previous null
}

TEST_CASE("compare: a decrease is negative; equal counts 0 %", "[kpi][compare]") {
  const TimeZone tz = TimeZone::utc();
  const TimeRange previous = previous_range(date_range("2026-03-08", "2026-03-14", tz), tz);
  const Result now = result_of(object_of({{"n", Node::integer(6)}, {"same", Node::integer(3)},
                                          {"rate", Node::number(40.0, Unit::percent)}}));
  const Result before = result_of(object_of({{"n", Node::integer(8)}, {"same", Node::integer(3)},
                                             {"rate", Node::number(55.5, Unit::percent)}}));
  const Result r = compare_results(now, before, previous, tz);
  const Node& ch = *r.root.find("comparison")->find("change");
  CHECK(ch.find("n")->as_number() == Approx(-25.0));  // (6 - 8) / 8
  CHECK(ch.find("same")->as_number() == 0.0);
  CHECK(ch.find("rate")->as_number() == Approx(-15.5));
}

TEST_CASE("compare: a datetime range prints its instants with the zone's offset", "[kpi][compare]") {
  const TimeZone tz("Europe/Paris");
  RangeRequest request;
  request.from = "2026-03-29T00:00:00Z";
  request.to = "2026-03-29T12:00:00Z";
  request.as_of = "2026-03-31T12:00:00Z";
  const TimeRange previous = previous_range(resolve_range(request, tz), tz);  // [03-28 12:00Z, 03-29 00:00Z)
  const Result r = compare_results(current_result(), previous_result(), previous, tz);
  const Node& c = *r.root.find("comparison");
  CHECK(c.find("previous_start")->as_string() == "2026-03-28T13:00:00+01:00");
  CHECK(c.find("previous_end")->as_string() == "2026-03-29T01:00:00+01:00");
}
