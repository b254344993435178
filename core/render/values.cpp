#include "core/render/values.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace convstat::core::render {

namespace {

// `value` in fixed notation with `decimals` digits, or the shortest form that
// reads back as `value` when decimals is nullopt.
std::string to_fixed(double value, std::optional<int> decimals) {
  char buffer[400];  // the largest double has 309 integer digits
  const auto result = decimals
      ? std::to_chars(std::begin(buffer), std::end(buffer), value, std::chars_format::fixed, *decimals)
      : std::to_chars(std::begin(buffer), std::end(buffer), value, std::chars_format::fixed);
  if (result.ec != std::errc()) throw std::logic_error("number does not fit the format buffer");
  return std::string(buffer, result.ptr);
}

}  // namespace

std::optional<int> unit_decimals(Unit unit, NumberStyle style) {
  switch (unit) {
    case Unit::count: return 0;
    case Unit::percent: return 1;
    case Unit::decimal1: return 1;
    case Unit::ratio4: return 4;
    case Unit::usd: return style == NumberStyle::machine ? 6 : 4;
    case Unit::raw: return std::nullopt;
  }
  return std::nullopt;
}

std::optional<std::string> format_number(const Node& node, NumberStyle style) {
  if (node.is_integer()) return std::to_string(node.as_integer());
  const double value = node.as_number();
  if (!std::isfinite(value)) return std::nullopt;
  const std::optional<int> decimals = unit_decimals(node.unit(), style);
  double rounded = decimals ? round_half_away(value, *decimals) : value;
  if (!std::isfinite(rounded)) rounded = value;  // scaling overflowed: too large to have decimals anyway
  if (rounded == 0.0) rounded = 0.0;             // -0.0 prints as 0.0
  if (node.unit() == Unit::count) return to_fixed(rounded, 0);
  if (style == NumberStyle::human && decimals) return to_fixed(rounded, decimals);
  std::string text = to_fixed(rounded, std::nullopt);
  if (text.find('.') == std::string::npos) text += ".0";
  return text;
}

bool is_numeric(const Node* node) {
  return node && (node->is_integer() || (node->is_number() && std::isfinite(node->as_number())));
}

bool numeric_column(const Section& section, std::size_t column) {
  return std::all_of(section.rows.begin(), section.rows.end(), [&](const std::vector<const Node*>& row) {
    const Node* cell = row[column];
    return !cell || cell->is_null() || is_numeric(cell);
  });
}

std::optional<std::string> cell_text(const Node* node, NumberStyle style) {
  if (!node || node->is_null()) return std::nullopt;
  if (node->is_bool()) return node->as_bool() ? "true" : "false";
  if (node->is_integer() || node->is_number()) return format_number(*node, style);
  if (node->is_string()) return node->as_string();
  return compact_json(*node);
}

}  // namespace convstat::core::render
