#pragma once
// The KPI result model: a tree of named values, computed unrounded and tagged
// with the unit that decides how each renderer rounds and prints it
// (spec/kpis.md "Rounding happens only when printing").
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace convstat::core {

// How a number is printed. Rounding is half away from zero.
enum class Unit {
  count,     // integer count: printed as is
  percent,   // 0-100, one decimal (rates, shares, percentages, change_pct)
  decimal1,  // one decimal: minutes, seconds, milliseconds, rating means, change points
  ratio4,    // four decimals: 0-1 ratios and non-unit means
  usd,       // six decimals in JSON/CSV, four in tables
  raw,       // a stored value printed as stored (sentiment, a call's duration)
};

class Node;
using Object = std::vector<std::pair<std::string, Node>>;  // ordered keys
using List = std::vector<Node>;

// One value of a result: null, bool, integer, number (with unit), string,
// object (ordered) or list.
class Node {
public:
  Node() = default;  // null
  static Node null() { return Node(); }
  static Node boolean(bool b) { Node n; n.m_value = b; return n; }
  static Node integer(std::int64_t v) { Node n; n.m_value = v; n.m_unit = Unit::count; return n; }
  static Node number(double v, Unit unit) { Node n; n.m_value = v; n.m_unit = unit; return n; }
  // An optional number: null when empty (a mean or rate with an empty denominator).
  static Node number(std::optional<double> v, Unit unit) { return v ? number(*v, unit) : Node(); }
  static Node string(std::string s) { Node n; n.m_value = std::move(s); return n; }
  static Node string(const char* s) { return string(std::string(s)); }
  static Node string(std::optional<std::string> s) { return s ? string(std::move(*s)) : Node(); }
  static Node object() { Node n; n.m_value = Object{}; return n; }
  static Node list() { Node n; n.m_value = List{}; return n; }

  bool is_null() const { return std::holds_alternative<std::monostate>(m_value); }
  bool is_bool() const { return std::holds_alternative<bool>(m_value); }
  bool is_integer() const { return std::holds_alternative<std::int64_t>(m_value); }
  bool is_number() const { return std::holds_alternative<double>(m_value); }
  bool is_string() const { return std::holds_alternative<std::string>(m_value); }
  bool is_object() const { return std::holds_alternative<Object>(m_value); }
  bool is_list() const { return std::holds_alternative<List>(m_value); }
  bool is_scalar() const { return !is_object() && !is_list(); }

  bool as_bool() const { return std::get<bool>(m_value); }
  std::int64_t as_integer() const { return std::get<std::int64_t>(m_value); }
  double as_number() const { return std::get<double>(m_value); }
  const std::string& as_string() const { return std::get<std::string>(m_value); }
  const Object& as_object() const { return std::get<Object>(m_value); }
  Object& as_object() { return std::get<Object>(m_value); }
  const List& as_list() const { return std::get<List>(m_value); }
  List& as_list() { return std::get<List>(m_value); }
  Unit unit() const { return m_unit; }

  // Object: append a key (keeps insertion order); returns *this for chaining.
  Node& set(std::string key, Node value);
  // Object: the value of a key, or nullptr.
  const Node* find(std::string_view key) const;
  // List: append an item.
  Node& push(Node value);

private:
  std::variant<std::monostate, bool, std::int64_t, double, std::string, Object, List> m_value;
  Unit m_unit = Unit::raw;
};

// A small trend line over one list of a result: the number at `key` of each
// item of the root list `list`, drawn as "label ▁▂▅█" by the table renderer
// only (JSON, CSV and Markdown ignore it).
struct Sparkline {
  std::string list;   // "usage_trend"
  std::string key;    // "conversations"
  std::string label;  // "conversations/day"
};

// A grid over one list of a result: the items' `value` placed at row `row`
// (1-7, ISO weekday) and column `column` (0-23, hour), drawn by the table
// renderer as shaded cells in place of that list's section (JSON, CSV and
// Markdown print the list itself).
struct Heatmap {
  std::string list;    // "peak_hours"
  std::string row;     // "day_of_week"
  std::string column;  // "hour"
  std::string value;   // "call_count"
  std::string label;   // "calls by weekday and hour (UTC)"
};

// What a KPI command returns: the root object and the name of its main list
// (the default CSV section). `title` is a human heading ("Conversation overview").
struct Result {
  std::string command;
  std::string title;
  Node root = Node::object();
  std::string main_section;  // empty: the summary section
  std::optional<Sparkline> sparkline = {};  // drawn under the title in tables
  std::optional<Heatmap> heatmap = {};      // drawn instead of its list's section in tables
};

// Round half away from zero to `decimals` places.
double round_half_away(double value, int decimals);

}  // namespace convstat::core
