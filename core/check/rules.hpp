#pragma once
// Threshold rules of `convstat check` (spec/cli.md "check — the CI gate"):
// `PATH OP NUMBER`, PATH = a command's key then the JSON path of its output.
//
// - The command key is the registry name with spaces as '_'
//   ("csat responses" -> "csat_responses"); commands that need an argument
//   (`bot ID`) cannot be targeted.
// - Then '.'-separated object keys; a list item is selected by key
//   (`by_priority[priority=urgent]`, the first item whose `priority` prints as
//   `urgent`) or by index (`by_priority[0]`).
// - OP is one of < <= > >= == != (whitespace around it optional); NUMBER a
//   decimal, optionally signed (`-1.5`, `.5`, `95`), no exponent.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace convstat::core::check {

enum class Op { lt, le, gt, ge, eq, ne };

// The spelling of `op` ("<=").
std::string_view op_text(Op op);
// `actual OP threshold`.
bool compare(double actual, Op op, double threshold);

// One step of a path after the command key.
struct PathStep {
  enum class Kind { key, select, index };
  Kind kind = Kind::key;
  std::string key;    // key: the object key; select: the item key compared
  std::string value;  // select: the value wanted
  std::size_t index = 0;
};

struct Rule {
  std::string text;       // canonical form: "PATH OP NUMBER" with single spaces, NUMBER as written
  std::string where;      // "--rule" or "FILE:LINE", for messages
  std::string command;    // the command key: "overview", "csat_responses"
  std::string path;       // the full PATH as written: "resolution.by_priority[priority=urgent].resolution_rate"
  std::vector<PathStep> steps;  // after the command key
  Op op = Op::ge;
  double threshold = 0;
  std::string threshold_text;  // as written: "95", "-0.5"
};

// Parses one rule. Throws UsageError("WHERE: invalid rule 'TEXT': REASON") on
// bad syntax (empty path, unknown operator, malformed number or selector).
Rule parse_rule(std::string_view text, const std::string& where = "--rule");

// Parses a rules document, one rule a line; from a '#' (outside a selector's
// brackets) to the end of the line is a comment; blank lines are skipped.
// Errors name `name:LINE`.
std::vector<Rule> parse_rules(std::string_view text, const std::string& name);
// parse_rules on the file's content. Throws UsageError("cannot read rules file 'PATH'") when unreadable.
std::vector<Rule> parse_rules_file(const std::string& path);

// The path with every selector written `[]` ("resolution.by_priority[].resolution_rate"),
// the form of MetricDoc paths.
std::string generic_path(const Rule& rule);

// The key a rule uses for a registry command name: spaces become '_'.
std::string command_key(std::string_view registry_name);

}  // namespace convstat::core::check
