// Number formatting per unit (spec/kpis.md "Rounding"): half away from zero,
// machine style for JSON/CSV, human style for table/Markdown.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "core/render/values.hpp"

using namespace convstat::core;
using render::format_number;
using render::NumberStyle;

namespace {

std::string machine(double value, Unit unit) {
  return format_number(Node::number(value, unit), NumberStyle::machine).value();
}
std::string human(double value, Unit unit) {
  return format_number(Node::number(value, unit), NumberStyle::human).value();
}

}  // namespace

TEST_CASE("percent and decimal1 round half away from zero to one decimal", "[render]") {
  CHECK(machine(41.40350877, Unit::percent) == "41.4");
  CHECK(machine(0.05, Unit::percent) == "0.1");
  CHECK(machine(-0.05, Unit::percent) == "-0.1");
  CHECK(machine(0.04, Unit::percent) == "0.0");
  CHECK(machine(-0.04, Unit::percent) == "0.0");  // never "-0.0"
  CHECK(machine(2.675, Unit::percent) == "2.7");
  CHECK(machine(1.25, Unit::decimal1) == "1.3");
  CHECK(machine(-1.25, Unit::decimal1) == "-1.3");
  CHECK(machine(252.0, Unit::decimal1) == "252.0");
  CHECK(machine(100.0, Unit::percent) == "100.0");
  CHECK(human(252.0, Unit::decimal1) == "252.0");
  CHECK(human(0.05, Unit::percent) == "0.1");
}

TEST_CASE("ratio4 rounds to four decimals; human style keeps all four", "[render]") {
  CHECK(machine(0.12345, Unit::ratio4) == "0.1235");
  CHECK(machine(-0.12345, Unit::ratio4) == "-0.1235");
  CHECK(machine(2.675, Unit::ratio4) == "2.675");
  CHECK(machine(0.5, Unit::ratio4) == "0.5");
  CHECK(human(0.5, Unit::ratio4) == "0.5000");
  CHECK(human(2.675, Unit::ratio4) == "2.6750");
  CHECK(machine(1.0 / 3.0, Unit::ratio4) == "0.3333");
}

TEST_CASE("usd has six decimals for machines and four for humans", "[render]") {
  CHECK(machine(0.0000005, Unit::usd) == "0.000001");
  CHECK(human(0.0000005, Unit::usd) == "0.0000");
  CHECK(machine(-0.0000005, Unit::usd) == "-0.000001");
  CHECK(human(-0.0000005, Unit::usd) == "0.0000");  // never "-0.0000"
  CHECK(machine(12.3456789, Unit::usd) == "12.345679");
  CHECK(human(12.3456789, Unit::usd) == "12.3457");
  CHECK(human(0.00005, Unit::usd) == "0.0001");
  CHECK(machine(3.0, Unit::usd) == "3.0");
  CHECK(human(3.0, Unit::usd) == "3.0000");
}

TEST_CASE("raw numbers print as stored, counts as integers", "[render]") {
  CHECK(machine(-0.35, Unit::raw) == "-0.35");
  CHECK(machine(0.1 + 0.2, Unit::raw) == "0.30000000000000004");
  CHECK(human(123.456789, Unit::raw) == "123.456789");
  CHECK(machine(120.0, Unit::raw) == "120.0");
  CHECK(machine(0.000001, Unit::raw) == "0.000001");  // fixed notation, never 1e-06
  CHECK(machine(42.5, Unit::count) == "43");
  CHECK(human(7.0, Unit::count) == "7");
  CHECK(format_number(Node::integer(-285), NumberStyle::machine) == "-285");
}

TEST_CASE("non-finite numbers have no text (printed as null)", "[render]") {
  CHECK_FALSE(format_number(Node::number(std::nan(""), Unit::percent), NumberStyle::machine));
  CHECK_FALSE(format_number(Node::number(std::numeric_limits<double>::infinity(), Unit::usd), NumberStyle::human));
  CHECK_FALSE(render::is_numeric(nullptr));
  const Node one = Node::integer(1);
  const Node nan = Node::number(std::nan(""), Unit::raw);
  CHECK(render::is_numeric(&one));
  CHECK_FALSE(render::is_numeric(&nan));
}

TEST_CASE("cell_text: booleans, strings, nulls and nested values", "[render]") {
  const Node yes = Node::boolean(true);
  const Node text = Node::string("a,b");
  const Node null = Node::null();
  Node list = Node::list();
  list.push(Node::integer(1)).push(Node::number(0.25, Unit::percent));
  CHECK(render::cell_text(&yes, NumberStyle::machine) == "true");
  CHECK(render::cell_text(&text, NumberStyle::human) == "a,b");
  CHECK_FALSE(render::cell_text(&null, NumberStyle::machine));
  CHECK_FALSE(render::cell_text(nullptr, NumberStyle::machine));
  CHECK(render::cell_text(&list, NumberStyle::human) == "[1,0.3]");
}
