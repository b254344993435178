#include "core/check/rules.hpp"

#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace convstat::core::check {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool is_op_char(char c) { return c == '<' || c == '>' || c == '=' || c == '!'; }

// A bad rule: "WHERE: invalid rule 'TEXT': REASON".
[[noreturn]] void invalid(const std::string& where, std::string_view text, const std::string& reason) {
  throw UsageError(where + ": invalid rule '" + std::string(trim(text)) + "': " + reason,
                   "a rule is PATH OP NUMBER, OP one of < <= > >= == !=, e.g. 'overview.escalation_rate <= 15'");
}

Op parse_op(std::string_view s, const std::string& where, std::string_view text) {
  if (s == "<") return Op::lt;
  if (s == "<=") return Op::le;
  if (s == ">") return Op::gt;
  if (s == ">=") return Op::ge;
  if (s == "==") return Op::eq;
  if (s == "!=") return Op::ne;
  invalid(where, text, "unknown operator '" + std::string(s) + "' (expected < <= > >= == !=)");
}

// A decimal: optional sign, digits with at most one '.', at least one digit.
bool is_decimal(std::string_view s) {
  std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  bool digit = false, dot = false;
  for (; i < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) digit = true;
    else if (s[i] == '.' && !dot) dot = true;
    else return false;
  }
  return digit;
}

double parse_number(std::string_view s, const std::string& where, std::string_view text) {
  if (!is_decimal(s)) invalid(where, text, "'" + std::string(s) + "' is not a number");
  if (s[0] == '+') s.remove_prefix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) invalid(where, text, "'" + std::string(s) + "' is not a number");
  return value;
}

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

// "[priority=urgent]" or "[0]" (without brackets: `inside`).
PathStep parse_selector(std::string_view inside, const std::string& where, std::string_view text) {
  PathStep step;
  const auto eq = inside.find('=');
  if (eq == std::string_view::npos) {
    const auto [end, ec] = std::from_chars(inside.data(), inside.data() + inside.size(), step.index);
    if (inside.empty() || ec != std::errc() || end != inside.data() + inside.size())
      invalid(where, text, "bad selector '[" + std::string(inside) + "]' (expected [KEY=VALUE] or [INDEX])");
    step.kind = PathStep::Kind::index;
    return step;
  }
  step.kind = PathStep::Kind::select;
  step.key = std::string(trim(inside.substr(0, eq)));
  step.value = std::string(trim(inside.substr(eq + 1)));
  if (step.key.empty()) invalid(where, text, "bad selector '[" + std::string(inside) + "]' (expected [KEY=VALUE])");
  return step;
}

// Splits PATH into the command key and the steps after it.
void parse_path(std::string_view path, Rule& rule, const std::string& where, std::string_view text) {
  std::size_t i = 0;
  bool first = true;
  while (i < path.size()) {
    if (path[i] == '[') {
      const auto close = path.find(']', i);
      if (first || close == std::string_view::npos) invalid(where, text, "bad path '" + std::string(path) + "'");
      rule.steps.push_back(parse_selector(path.substr(i + 1, close - i - 1), where, text));
      i = close + 1;
      continue;
    }
    if (!first) {
      if (path[i] != '.') invalid(where, text, "bad path '" + std::string(path) + "'");
      ++i;
    }
    const std::size_t start = i;
    while (i < path.size() && is_name_char(path[i])) ++i;
    if (i == start) invalid(where, text, "bad path '" + std::string(path) + "'");
    const std::string name(path.substr(start, i - start));
    if (first) rule.command = name;
    else rule.steps.push_back({PathStep::Kind::key, name, {}, 0});
    first = false;
  }
  if (rule.steps.empty())
    invalid(where, text, "'" + std::string(path) + "' names no metric (expected COMMAND.METRIC)");
}

// The line up to a '#' outside a selector's brackets.
std::string_view strip_comment(std::string_view line) {
  int depth = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '[') ++depth;
    else if (line[i] == ']') --depth;
    else if (line[i] == '#' && depth <= 0) return line.substr(0, i);
  }
  return line;
}

}  // namespace

std::string_view op_text(Op op) {
  switch (op) {
    case Op::lt: return "<";
    case Op::le: return "<=";
    case Op::gt: return ">";
    case Op::ge: return ">=";
    case Op::eq: return "==";
    case Op::ne: return "!=";
  }
  return "?";
}

bool compare(double actual, Op op, double threshold) {
  switch (op) {
    case Op::lt: return actual < threshold;
    case Op::le: return actual <= threshold;
    case Op::gt: return actual > threshold;
    case Op::ge: return actual >= threshold;
    case Op::eq: return actual == threshold;
    case Op::ne: return actual != threshold;
  }
  return false;
}

Rule parse_rule(std::string_view text, const std::string& where) {
  // The operator is the first run of < > = ! outside a selector's brackets.
  std::size_t op_start = std::string_view::npos;
  int depth = 0;
  for (std::size_t i = 0; i < text.size() && op_start == std::string_view::npos; ++i) {
    if (text[i] == '[') ++depth;
    else if (text[i] == ']') --depth;
    else if (depth == 0 && is_op_char(text[i])) op_start = i;
  }
  if (op_start == std::string_view::npos) invalid(where, text, "no operator (expected < <= > >= == !=)");
  std::size_t op_end = op_start;
  while (op_end < text.size() && is_op_char(text[op_end])) ++op_end;
  Rule rule;
  rule.where = where;
  const std::string_view path = trim(text.substr(0, op_start));
  const std::string_view number = trim(text.substr(op_end));
  if (path.empty()) invalid(where, text, "no metric path before the operator");
  if (number.empty()) invalid(where, text, "no number after the operator");
  rule.op = parse_op(text.substr(op_start, op_end - op_start), where, text);
  rule.threshold = parse_number(number, where, text);
  rule.threshold_text = std::string(number);
  rule.path = std::string(path);
  parse_path(path, rule, where, text);
  rule.text = rule.path + " " + std::string(op_text(rule.op)) + " " + rule.threshold_text;
  return rule;
}

std::vector<Rule> parse_rules(std::string_view text, const std::string& name) {
  std::vector<Rule> rules;
  std::size_t line_no = 0;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    const std::string_view line = trim(strip_comment(text.substr(0, nl)));
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (line.empty()) continue;
    rules.push_back(parse_rule(line, name + ":" + std::to_string(line_no)));
  }
  return rules;
}

std::vector<Rule> parse_rules_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read rules file '" + path + "'");
  std::ostringstream content;
  content << in.rdbuf();
  return parse_rules(content.str(), path);
}

std::string generic_path(const Rule& rule) {
  std::string out = rule.command;
  for (const PathStep& step : rule.steps) out += step.kind == PathStep::Kind::key ? "." + step.key : "[]";
  return out;
}

std::string command_key(std::string_view registry_name) {
  std::string key(registry_name);
  for (char& c : key)
    if (c == ' ') c = '_';
  return key;
}

}  // namespace convstat::core::check
