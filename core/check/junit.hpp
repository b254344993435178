#pragma once
// `convstat check --format junit`: the report as JUnit XML for CI systems.
#include <string>
#include <string_view>

#include "core/check/evaluate.hpp"

namespace convstat::core::check {

// The report as a JUnit XML document (ends with a newline):
// <testsuites tests= failures= skipped=><testsuite name="convstat check" ...>
// with one <testcase name="RULE" classname="convstat.check.COMMAND"> per rule,
// holding <failure message="actual X"> or <skipped message="actual null"/>.
std::string render_junit(const CheckReport& report);

// `text` escaped for XML attributes and text: & < > " ' as entities; control
// characters other than tab, newline and carriage return dropped.
std::string xml_escape(std::string_view text);

}  // namespace convstat::core::check
