#pragma once
// Evaluates check rules against the KPI registry: each command named by a
// rule is computed once, each rule's path looked up in its Result.
//
// - The actual value is compared AS PRINTED by `--format json`: rounded by its
//   Unit (percent and minutes one decimal, ratios four, USD six, counts exact),
//   so a compliance of 94.96 % is 95.0 and passes `>= 95`.
// - A path must exist in the command's shape: the paths of its Result (list
//   items as `[]`) or its documented MetricDoc paths; otherwise UsageError
//   naming the nearest valid path.
// - An actual value of null (a rate over nothing, a selector that matches no
//   item, an index past the end) FAILs the rule, or is SKIPped (neither passed
//   nor failed) with allow_missing.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/check/rules.hpp"
#include "core/kpi/registry.hpp"
#include "core/query/filters.hpp"
#include "core/result.hpp"

namespace convstat::core::check {

enum class Status { pass, fail, skip };
// "PASS", "FAIL" or "SKIP".
std::string_view status_text(Status status);

struct RuleOutcome {
  Rule rule;
  Node actual;              // null, or the number as printed (with its unit)
  std::string actual_text;  // as printed: "33.3", "null"
  Status status = Status::fail;
};

struct CheckReport {
  std::vector<RuleOutcome> outcomes;  // in the order of the rules
  std::size_t passed = 0, failed = 0, skipped = 0;
};

struct CheckOptions {
  bool allow_missing = false;  // a null actual value is SKIP, not FAIL
};

// Computes one command's Result (the caller builds the KpiRequest: one range,
// zone and filter set for every command).
using ComputeCommand = std::function<Result(const KpiDefinition&)>;

// The registry entry of each rule's command, in rule order. Throws UsageError
// for an unknown command key (with the nearest one) and for a command that
// needs an argument (`bot ID`) or a required option.
std::vector<const KpiDefinition*> resolve_commands(const std::vector<Rule>& rules,
                                                   const std::vector<KpiDefinition>& registry);

// Resolves the commands (as resolve_commands), computes each once, and
// evaluates every rule. Throws UsageError for an unknown path ("unknown metric
// path 'P' (did you mean 'Q'?)") or a path to something that is not a number;
// throws what `compute` throws.
CheckReport evaluate(const std::vector<Rule>& rules, const std::vector<KpiDefinition>& registry,
                     const ComputeCommand& compute, const CheckOptions& options);

// The report as a Result (command "check", main section "rules"):
// {rules: [{rule, path, op, threshold, actual, status}], summary: {passed, failed, skipped, total}}.
Result report_result(const CheckReport& report);

// `all` with the filters a command does not take (not in `names`) cleared;
// the tenant is kept.
Filters filters_for(const Filters& all, const std::vector<std::string>& names);

}  // namespace convstat::core::check
