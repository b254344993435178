#include "core/check/evaluate.hpp"
#include "core/check/metrics_catalog.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/error.hpp"
#include "core/render/values.hpp"
#include "core/util/suggest.hpp"

namespace convstat::core::check {
namespace {

using render::NumberStyle;

// "FILE:LINE: message" for a rule from a file; the message alone for --rule.
std::string located(const Rule& rule, const std::string& message) {
  return rule.where == "--rule" ? message : rule.where + ": " + message;
}

// Every path of `node` under `prefix`: object keys with '.', list items as `[]`.
void collect_paths(const Node& node, const std::string& prefix, std::vector<std::string>& out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.as_object()) {
      const std::string path = prefix + "." + key;
      out.push_back(path);
      collect_paths(value, path, out);
    }
  } else if (node.is_list()) {
    const std::string path = prefix + "[]";
    out.push_back(path);
    for (const Node& item : node.as_list()) collect_paths(item, path, out);
  }
}

// The valid paths for a rule on `key`: its Result's paths, then every documented metric path.
std::vector<std::string> shape_paths(const std::string& key, const Result& result,
                                     const std::vector<KpiDefinition>& registry) {
  std::vector<std::string> paths;
  collect_paths(result.root, key, paths);
  for (const MetricEntry& entry : metric_catalog(registry)) paths.push_back(entry.path);
  std::set<std::string> seen;
  std::vector<std::string> unique;
  for (auto& p : paths)
    if (seen.insert(p).second) unique.push_back(std::move(p));
  return unique;
}

// `candidate` with its `[]` replaced by the rule's selectors, when they are as many.
std::string with_selectors(const std::string& candidate, const Rule& rule) {
  std::vector<std::string> selectors;
  for (const PathStep& s : rule.steps) {
    if (s.kind == PathStep::Kind::select) selectors.push_back("[" + s.key + "=" + s.value + "]");
    if (s.kind == PathStep::Kind::index) selectors.push_back("[" + std::to_string(s.index) + "]");
  }
  std::string out;
  std::size_t used = 0;
  for (std::size_t i = 0; i < candidate.size(); ++i) {
    if (candidate.compare(i, 2, "[]") == 0 && used < selectors.size()) {
      out += selectors[used++];
      ++i;
    } else {
      out += candidate[i];
    }
  }
  const auto holes = static_cast<std::size_t>(std::count(candidate.begin(), candidate.end(), '['));
  return holes == selectors.size() ? out : candidate;
}

void check_path_exists(const Rule& rule, const std::vector<std::string>& shape) {
  const std::string wanted = generic_path(rule);
  if (std::find(shape.begin(), shape.end(), wanted) != shape.end()) return;
  std::string message = "unknown metric path '" + rule.path + "'";
  if (const auto best = nearest(wanted, shape)) message += " (did you mean '" + with_selectors(*best, rule) + "'?)";
  throw UsageError(located(rule, message), "`convstat metrics` lists every metric path");
}

// The item of `list` whose `key` prints as `value`, or nullptr.
const Node* select_item(const Node& list, const PathStep& step) {
  for (const Node& item : list.as_list()) {
    const Node* cell = item.find(step.key);
    if (!cell) continue;
    const auto text = render::cell_text(cell, NumberStyle::machine);
    if (text.value_or("null") == step.value) return &item;
  }
  return nullptr;
}

// The node the rule's steps reach from `root`, or nullptr (a missing key or item).
const Node* lookup(const Node& root, const Rule& rule) {
  const Node* node = &root;
  for (const PathStep& step : rule.steps) {
    if (step.kind == PathStep::Kind::key) {
      node = node->find(step.key);
    } else if (!node->is_list()) {
      node = nullptr;
    } else if (step.kind == PathStep::Kind::select) {
      node = select_item(*node, step);
    } else {
      node = step.index < node->as_list().size() ? &node->as_list()[step.index] : nullptr;
    }
    if (!node) return nullptr;
  }
  return node;
}

// The actual value as printed (rounded by unit), or null.
Node printed_value(const Rule& rule, const Node* node) {
  if (!node || node->is_null()) return Node::null();
  if (!node->is_integer() && !node->is_number()) {
    const char* what = node->is_object() ? "an object" : node->is_list() ? "a list" : "not a number";
    throw UsageError(located(rule, "metric path '" + rule.path + "' is " + what + "; a rule compares a number"),
                     "`convstat metrics` lists every metric path");
  }
  if (node->is_integer()) return *node;
  const auto text = render::format_number(*node, NumberStyle::machine);
  if (!text) return Node::null();  // NaN or infinity print as null
  return Node::number(std::stod(*text), node->unit());
}

RuleOutcome judge(const Rule& rule, Node actual, const CheckOptions& options) {
  RuleOutcome outcome{rule, std::move(actual), "null", Status::fail};
  if (outcome.actual.is_null()) {
    outcome.status = options.allow_missing ? Status::skip : Status::fail;
    return outcome;
  }
  outcome.actual_text = render::format_number(outcome.actual, NumberStyle::machine).value_or("null");
  const double value = outcome.actual.is_integer() ? static_cast<double>(outcome.actual.as_integer())
                                                   : outcome.actual.as_number();
  outcome.status = compare(value, rule.op, rule.threshold) ? Status::pass : Status::fail;
  return outcome;
}

}  // namespace

std::string_view status_text(Status status) {
  switch (status) {
    case Status::pass: return "PASS";
    case Status::fail: return "FAIL";
    case Status::skip: return "SKIP";
  }
  return "?";
}

std::vector<const KpiDefinition*> resolve_commands(const std::vector<Rule>& rules,
                                                   const std::vector<KpiDefinition>& registry) {
  std::vector<std::string> keys;  // the runnable commands; group words are not
  std::vector<const KpiDefinition*> runnable;
  for (const KpiDefinition& kpi : registry)
    if (!kpi.is_group()) {
      keys.push_back(command_key(kpi.name));
      runnable.push_back(&kpi);
    }
  std::vector<const KpiDefinition*> out;
  for (const Rule& rule : rules) {
    const auto it = std::find(keys.begin(), keys.end(), rule.command);
    if (it == keys.end())
      throw UsageError(located(rule, "unknown command '" + rule.command + "' in rule '" + rule.text + "'" +
                                         did_you_mean(rule.command, keys)),
                       "a rule's path starts with a KPI command; nested ones join words with '_' (csat_responses)");
    const KpiDefinition& kpi = *runnable[static_cast<std::size_t>(it - keys.begin())];
    if (kpi.writes_cache)
      throw UsageError(located(rule, "command '" + kpi.name + "' writes to the cache and cannot be checked"));
    for (const KpiOption& o : kpi.options)
      if (o.required)
        throw UsageError(located(rule, "command '" + kpi.name + "' needs " + (o.positional ? o.name : "--" + o.name) +
                                           " and cannot be checked"),
                         "check runs each command with the range and filters only");
    out.push_back(&kpi);
  }
  return out;
}

CheckReport evaluate(const std::vector<Rule>& rules, const std::vector<KpiDefinition>& registry,
                     const ComputeCommand& compute, const CheckOptions& options) {
  const auto commands = resolve_commands(rules, registry);
  std::map<const KpiDefinition*, Result> results;  // each command computed once
  for (const KpiDefinition* kpi : commands)
    if (!results.count(kpi)) results.emplace(kpi, compute(*kpi));
  std::vector<Node> actuals;
  for (std::size_t i = 0; i < rules.size(); ++i) {  // every path checked before any verdict
    const Result& result = results.at(commands[i]);
    check_path_exists(rules[i], shape_paths(rules[i].command, result, registry));
    actuals.push_back(printed_value(rules[i], lookup(result.root, rules[i])));
  }
  CheckReport report;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    report.outcomes.push_back(judge(rules[i], std::move(actuals[i]), options));
    const Status s = report.outcomes.back().status;
    (s == Status::pass ? report.passed : s == Status::fail ? report.failed : report.skipped) += 1;
  }
  return report;
}

Result report_result(const CheckReport& report) {
  Result result{"check", "Check", Node::object(), "rules"};
  Node rules = Node::list();
  for (const RuleOutcome& o : report.outcomes)
    rules.push(Node::object()
                   .set("rule", Node::string(o.rule.text))
                   .set("path", Node::string(o.rule.path))
                   .set("op", Node::string(std::string(op_text(o.rule.op))))
                   .set("threshold", Node::number(o.rule.threshold, Unit::raw))
                   .set("actual", o.actual)
                   .set("status", Node::string(std::string(status_text(o.status)))));
  const auto count = [](std::size_t n) { return Node::integer(static_cast<std::int64_t>(n)); };
  result.root.set("rules", std::move(rules))
      .set("summary", Node::object()
                          .set("passed", count(report.passed))
                          .set("failed", count(report.failed))
                          .set("skipped", count(report.skipped))
                          .set("total", count(report.outcomes.size())));
  return result;
}

Filters filters_for(const Filters& all, const std::vector<std::string>& names) {
  const auto takes = [&](const char* name) { return std::find(names.begin(), names.end(), name) != names.end(); };
  Filters f;
  f.tenant = all.tenant;
  if (takes("channel")) f.channel = all.channel;
  if (takes("bot")) f.bot = all.bot;
  if (takes("team")) f.team = all.team;
  if (takes("assignee")) f.assignee = all.assignee;
  if (takes("priority")) f.priority = all.priority;
  if (takes("outcome")) f.outcome = all.outcome;
  return f;
}

}  // namespace convstat::core::check
