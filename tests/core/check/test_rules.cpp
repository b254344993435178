#include <catch2/catch.hpp>

#include <fstream>

#include "core/check/rules.hpp"
#include "core/error.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::core;
using namespace convstat::core::check;

TEST_CASE("a rule is PATH OP NUMBER with optional spaces around OP", "[check]") {
  const Rule r = parse_rule("overview.escalation_rate <= 15");
  CHECK(r.command == "overview");
  REQUIRE(r.steps.size() == 1);
  CHECK(r.steps[0].kind == PathStep::Kind::key);
  CHECK(r.steps[0].key == "escalation_rate");
  CHECK(r.op == Op::le);
  CHECK(r.threshold == 15.0);
  CHECK(r.text == "overview.escalation_rate <= 15");

  const Rule tight = parse_rule("  overview.escalation_rate<=15.50  ");
  CHECK(tight.text == "overview.escalation_rate <= 15.50");
  CHECK(tight.threshold == 15.5);

  CHECK(parse_rule("a.b<1").op == Op::lt);
  CHECK(parse_rule("a.b>1").op == Op::gt);
  CHECK(parse_rule("a.b>=1").op == Op::ge);
  CHECK(parse_rule("a.b==1").op == Op::eq);
  CHECK(parse_rule("a.b != 1").op == Op::ne);
  CHECK(parse_rule("a.b > -2.5").threshold == -2.5);
  CHECK(parse_rule("a.b > .5").threshold == 0.5);
  CHECK(parse_rule("a.b > +3").threshold == 3.0);
}

TEST_CASE("paths take key selectors and indexes; the operator may appear inside a selector", "[check]") {
  const Rule r = parse_rule("sla.by_priority[priority=urgent].compliance_rate >= 90");
  CHECK(r.command == "sla");
  REQUIRE(r.steps.size() == 3);
  CHECK(r.steps[1].kind == PathStep::Kind::select);
  CHECK(r.steps[1].key == "priority");
  CHECK(r.steps[1].value == "urgent");
  CHECK(generic_path(r) == "sla.by_priority[].compliance_rate");
  CHECK(r.path == "sla.by_priority[priority=urgent].compliance_rate");

  const Rule idx = parse_rule("resolution.by_priority[2].resolution_rate > 1");
  CHECK(idx.steps[1].kind == PathStep::Kind::index);
  CHECK(idx.steps[1].index == 2);

  const Rule odd = parse_rule("x.list[name=a<b].v == 1");
  CHECK(odd.steps[1].value == "a<b");
  CHECK(odd.op == Op::eq);

  CHECK(parse_rule("csat_responses.count >= 1").command == "csat_responses");
}

TEST_CASE("bad rules are usage errors saying what is wrong", "[check]") {
  CHECK_THROWS_AS(parse_rule("overview.escalation_rate"), UsageError);
  CHECK_THROWS_WITH(parse_rule("overview.escalation_rate 15"),
                    "--rule: invalid rule 'overview.escalation_rate 15': no operator (expected < <= > >= == !=)");
  CHECK_THROWS_WITH(parse_rule("overview.escalation_rate = 15"),
                    "--rule: invalid rule 'overview.escalation_rate = 15': unknown operator '=' (expected < <= > >= == !=)");
  CHECK_THROWS_WITH(parse_rule("a.b =< 1"), Catch::Contains("unknown operator '=<'"));
  CHECK_THROWS_WITH(parse_rule("a.b <= ten"), Catch::Contains("'ten' is not a number"));
  CHECK_THROWS_WITH(parse_rule("a.b <= 1e3"), Catch::Contains("'1e3' is not a number"));
  CHECK_THROWS_WITH(parse_rule("a.b <= 1.2.3"), Catch::Contains("is not a number"));
  CHECK_THROWS_WITH(parse_rule("a.b <= -"), Catch::Contains("'-' is not a number"));
  CHECK_THROWS_WITH(parse_rule("a.b <="), Catch::Contains("no number after the operator"));
  CHECK_THROWS_WITH(parse_rule(">= 3"), Catch::Contains("no metric path"));
  CHECK_THROWS_WITH(parse_rule("overview >= 3"), Catch::Contains("names no metric"));
  CHECK_THROWS_WITH(parse_rule("a..b >= 3"), Catch::Contains("bad path 'a..b'"));
  CHECK_THROWS_WITH(parse_rule("a.b[x >= 3"), Catch::Contains("no operator"));
  CHECK_THROWS_WITH(parse_rule("a.b[] >= 3"), Catch::Contains("bad selector '[]'"));
  CHECK_THROWS_WITH(parse_rule("a.b[=x] >= 3"), Catch::Contains("bad selector"));
  CHECK_THROWS_WITH(parse_rule("a b >= 3"), Catch::Contains("bad path 'a b'"));
}

TEST_CASE("a rules document skips comments and blank lines; errors name file:line", "[check]") {
  const auto rules = parse_rules("# gate\n\noverview.escalation_rate <= 15\n  resolution.resolution_rate > 50  # trailing\n",
                                 "gate.rules");
  REQUIRE(rules.size() == 2);
  CHECK(rules[0].where == "gate.rules:3");
  CHECK(rules[1].where == "gate.rules:4");
  CHECK(rules[1].text == "resolution.resolution_rate > 50");
  CHECK(parse_rules("x.list[id=#1].v > 0", "f")[0].steps[1].value == "#1");
  CHECK_THROWS_WITH(parse_rules("# ok\n\noverview.x >> 1\n", "gate.rules"),
                    Catch::StartsWith("gate.rules:3: invalid rule 'overview.x >> 1': unknown operator '>>'"));
  CHECK(parse_rules("", "f").empty());
}

TEST_CASE("a rules file is read whole; a missing one is a usage error", "[check]") {
  const convstat::testing::TempDir dir;
  const std::string path = dir.file("gate.rules");
  std::ofstream(path) << "# comment\noverview.escalation_rate <= 15\n";
  const auto rules = parse_rules_file(path);
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].where == path + ":2");
  const std::string missing = dir.file("missing.rules");
  CHECK_THROWS_WITH(parse_rules_file(missing), "cannot read rules file '" + missing + "'");
}

TEST_CASE("compare applies the operator; command_key joins nested names with '_'", "[check]") {
  CHECK(compare(95.0, Op::ge, 95.0));
  CHECK_FALSE(compare(94.9, Op::ge, 95.0));
  CHECK(compare(1, Op::lt, 2));
  CHECK_FALSE(compare(2, Op::lt, 2));
  CHECK(compare(2, Op::le, 2));
  CHECK(compare(3, Op::gt, 2));
  CHECK(compare(2, Op::eq, 2));
  CHECK(compare(2, Op::ne, 3));
  CHECK_FALSE(compare(3, Op::ne, 3));
  CHECK(command_key("csat responses") == "csat_responses");
  CHECK(command_key("overview") == "overview");
  CHECK(op_text(Op::ne) == "!=");
}
