#include <catch2/catch.hpp>

#include <map>

#include "core/check/evaluate.hpp"
#include "core/check/junit.hpp"
#include "core/error.hpp"
#include "core/render/render.hpp"

using namespace convstat::core;
using namespace convstat::core::check;

namespace {

Result no_compute(const KpiRequest&) { return {}; }

// A registry like the real one: a nested command, one that needs an argument,
// one whose list is empty in this range but documented.
std::vector<KpiDefinition> test_registry() {
  return {
      {"sla", "SLA", {"channel", "priority"}, no_compute,
       {{"first_response.compliance_rate", "share within target, %"},
        {"by_priority[].compliance_rate", "per priority, %"}}},
      {"csat responses", "CSAT responses", {}, no_compute, {{"count", "responses"}}},
      {"bot", "One bot", {}, no_compute, {{"conversations", "its conversations"}},
       {{"id", "the bot", true, true}}},
      {"empty", "Empty lists", {}, no_compute, {{"by_priority[].compliance_rate", "per priority, %"}}},
      {"x", "Odd text", {}, no_compute, {}},
  };
}

Result sla_result(double compliance) {
  Result r{"sla", "SLA", Node::object(), "by_priority"};
  r.root.set("first_response", Node::object()
                                   .set("compliance_rate", Node::number(compliance, Unit::percent))
                                   .set("tracked", Node::integer(10)));
  r.root.set("by_priority", Node::list()
                                .push(Node::object()
                                          .set("priority", Node::string("urgent"))
                                          .set("compliance_rate", Node::number(80.0, Unit::percent)))
                                .push(Node::object()
                                          .set("priority", Node::string("high"))
                                          .set("compliance_rate", Node::number(std::nullopt, Unit::percent))));
  return r;
}

// Computes from fixed results, counting the calls per command.
struct FakeCompute {
  double compliance = 94.96;
  std::map<std::string, int> calls;
  ComputeCommand fn() {
    return [this](const KpiDefinition& kpi) {
      ++calls[kpi.name];
      if (kpi.name == "sla") return sla_result(compliance);
      Result r{kpi.name, kpi.name, Node::object(), ""};
      if (kpi.name == "csat responses") r.root.set("count", Node::integer(3));
      if (kpi.name == "empty") r.root.set("by_priority", Node::list());
      if (kpi.name == "x")
        r.root.set("items", Node::list().push(
                                Node::object().set("name", Node::string("a&b<'\"")).set("v", Node::integer(7))));
      return r;
    };
  }
};

std::vector<Rule> rules(std::initializer_list<const char*> texts) {
  std::vector<Rule> out;
  for (const char* t : texts) out.push_back(parse_rule(t));
  return out;
}

CheckReport run(std::initializer_list<const char*> texts, bool allow_missing = false, double compliance = 94.96) {
  FakeCompute fake{compliance, {}};
  return evaluate(rules(texts), test_registry(), fake.fn(), {allow_missing});
}

}  // namespace

TEST_CASE("the value compared is the value as printed (rounded by its unit)", "[check]") {
  const auto pass = run({"sla.first_response.compliance_rate >= 95"}, false, 94.96);
  CHECK(pass.outcomes[0].status == Status::pass);
  CHECK(pass.outcomes[0].actual_text == "95.0");
  const auto fail = run({"sla.first_response.compliance_rate >= 95"}, false, 94.94);
  CHECK(fail.outcomes[0].status == Status::fail);
  CHECK(fail.outcomes[0].actual_text == "94.9");
  const auto count = run({"csat_responses.count == 3", "sla.first_response.tracked < 10"});
  CHECK(count.outcomes[0].status == Status::pass);
  CHECK(count.outcomes[0].actual_text == "3");
  CHECK(count.outcomes[1].status == Status::fail);
  CHECK(count.passed == 1);
  CHECK(count.failed == 1);
}

TEST_CASE("selectors pick list items by key or index; no match is null", "[check]") {
  const auto r = run({"sla.by_priority[priority=urgent].compliance_rate >= 90",
                      "sla.by_priority[1].compliance_rate >= 0", "sla.by_priority[priority=low].compliance_rate >= 0",
                      "sla.by_priority[0].compliance_rate == 80", "sla.by_priority[9].compliance_rate > 0"});
  CHECK(r.outcomes[0].status == Status::fail);
  CHECK(r.outcomes[0].actual_text == "80.0");
  CHECK(r.outcomes[1].actual.is_null());  // high: a rate over nothing
  CHECK(r.outcomes[2].actual.is_null());  // no low item
  CHECK(r.outcomes[3].status == Status::pass);
  CHECK(r.outcomes[4].actual.is_null());
  CHECK(r.outcomes[4].actual_text == "null");
  CHECK(r.failed == 4);
}

TEST_CASE("a null actual fails unless allow_missing, which skips it", "[check]") {
  const char* rule = "sla.by_priority[priority=low].compliance_rate >= 90";
  CHECK(run({rule}).outcomes[0].status == Status::fail);
  const auto skipped = run({rule, "csat_responses.count > 1"}, true);
  CHECK(skipped.outcomes[0].status == Status::skip);
  CHECK(skipped.skipped == 1);
  CHECK(skipped.passed == 1);
  CHECK(skipped.failed == 0);
  // A documented path over a list that is empty in this range: null, not a usage error.
  CHECK(run({"empty.by_priority[priority=urgent].compliance_rate >= 1"}).outcomes[0].status == Status::fail);
}

TEST_CASE("each command is computed once for all its rules", "[check]") {
  FakeCompute fake;
  evaluate(rules({"sla.first_response.compliance_rate >= 95", "sla.first_response.tracked > 1",
                  "csat_responses.count > 0"}),
           test_registry(), fake.fn(), {});
  CHECK(fake.calls == std::map<std::string, int>{{"sla", 1}, {"csat responses", 1}});
}

TEST_CASE("unknown paths and commands are usage errors naming the nearest valid one", "[check]") {
  CHECK_THROWS_WITH(run({"sla.first_respons.compliance_rate >= 95"}),
                    "unknown metric path 'sla.first_respons.compliance_rate' "
                    "(did you mean 'sla.first_response.compliance_rate'?)");
  CHECK_THROWS_WITH(run({"sla.by_priorty[priority=urgent].compliance_rate >= 95"}),
                    "unknown metric path 'sla.by_priorty[priority=urgent].compliance_rate' "
                    "(did you mean 'sla.by_priority[priority=urgent].compliance_rate'?)");
  CHECK_THROWS_WITH(run({"sla.nothing_like_it_at_all >= 1"}), "unknown metric path 'sla.nothing_like_it_at_all'");
  CHECK_THROWS_AS(run({"sla.first_response.compliance_rate[0] >= 1"}), UsageError);
  CHECK_THROWS_WITH(run({"sla.first_response >= 1"}), Catch::Contains("is an object"));
  CHECK_THROWS_WITH(run({"sla.by_priority[0].priority >= 1"}), Catch::Contains("is not a number"));

  FakeCompute fake;
  CHECK_THROWS_WITH(evaluate(rules({"sla.first_response.tracked > 1", "slq.x >= 1"}), test_registry(), fake.fn(), {}),
                    "unknown command 'slq' in rule 'slq.x >= 1' (did you mean 'sla'?)");
  CHECK(fake.calls.empty());  // commands are resolved before anything is computed
  CHECK_THROWS_WITH(run({"csat_respnses.count >= 1"}),
                    "unknown command 'csat_respnses' in rule 'csat_respnses.count >= 1' (did you mean 'csat_responses'?)");
  CHECK_THROWS_WITH(run({"bot.conversations >= 1"}), "command 'bot' needs id and cannot be checked");
  const auto from_file = parse_rules("\nslq.x >= 1\n", "gate.rules");
  CHECK_THROWS_WITH(resolve_commands(from_file, test_registry()), Catch::StartsWith("gate.rules:2: unknown command 'slq'"));
}

TEST_CASE("the report is a Result with rules and a summary", "[check]") {
  const auto report = run({"sla.first_response.compliance_rate >= 95", "csat_responses.count > 5"});
  RenderOptions json;
  json.format = Format::json;
  CHECK(render_to_string(report_result(report), json) ==
        R"({
  "rules": [
    {
      "rule": "sla.first_response.compliance_rate >= 95",
      "path": "sla.first_response.compliance_rate",
      "op": ">=",
      "threshold": 95.0,
      "actual": 95.0,
      "status": "PASS"
    },
    {
      "rule": "csat_responses.count > 5",
      "path": "csat_responses.count",
      "op": ">",
      "threshold": 5.0,
      "actual": 3,
      "status": "FAIL"
    }
  ],
  "summary": {
    "passed": 1,
    "failed": 1,
    "skipped": 0,
    "total": 2
  }
}
)");
}

TEST_CASE("JUnit XML escapes every special character", "[check]") {
  const auto report = run({"x.items[name=a&b<'\"].v < 5", "csat_responses.count == 3",
                           "sla.by_priority[priority=low].compliance_rate >= 1"},
                          true);
  CHECK(render_junit(report) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites tests=\"3\" failures=\"1\" skipped=\"1\">\n"
        "  <testsuite name=\"convstat check\" tests=\"3\" failures=\"1\" skipped=\"1\">\n"
        "    <testcase name=\"x.items[name=a&amp;b&lt;&apos;&quot;].v &lt; 5\" classname=\"convstat.check.x\">\n"
        "      <failure message=\"actual 7\">x.items[name=a&amp;b&lt;&apos;&quot;].v is 7, expected &lt; 5</failure>\n"
        "    </testcase>\n"
        "    <testcase name=\"csat_responses.count == 3\" classname=\"convstat.check.csat_responses\"/>\n"
        "    <testcase name=\"sla.by_priority[priority=low].compliance_rate &gt;= 1\" classname=\"convstat.check.sla\">\n"
        "      <skipped message=\"actual null\"/>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n");
  CHECK(xml_escape("a\x01\tb>") == "a\tb&gt;");
}

TEST_CASE("filters_for keeps only the filters a command takes, and the tenant", "[check]") {
  Filters all;
  all.tenant = "acme";
  all.channel = "email";
  all.outcome = "completed";
  const Filters f = filters_for(all, {"channel", "priority"});
  CHECK(f.tenant == "acme");
  CHECK(f.channel == "email");
  CHECK_FALSE(f.outcome.has_value());
}
