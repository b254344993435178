#include "core/kpi/compare.hpp"

#include <optional>
#include <string>

namespace convstat::core {
namespace {

bool is_numeric(const Node& n) { return n.is_integer() || n.is_number(); }

double numeric_value(const Node& n) { return n.is_integer() ? static_cast<double>(n.as_integer()) : n.as_number(); }

// The object's scalars and (recursively) non-empty objects; lists left out.
Node scalars_of(const Node& object) {
  Node out = Node::object();
  for (const auto& [key, value] : object.as_object()) {
    if (value.is_list()) continue;
    if (value.is_object()) {
      Node nested = scalars_of(value);
      if (!nested.as_object().empty()) out.set(key, std::move(nested));
      continue;
    }
    out.set(key, value);
  }
  return out;
}

// The change of one number: points for percent metrics, % change otherwise.
Node change_of(const Node& current, const Node& previous) {
  const bool points = current.unit() == Unit::percent || previous.unit() == Unit::percent;
  if (current.is_null() || previous.is_null()) return Node::null();
  const double now = numeric_value(current), before = numeric_value(previous);
  if (points) return Node::number(now - before, Unit::decimal1);
  if (before == 0) return Node::number(std::optional<double>{}, Unit::percent);
  return Node::number((now - before) / before * 100.0, Unit::percent);
}

// A number, or null (a rate or mean over nothing).
bool comparable(const Node* n) { return n && (is_numeric(*n) || n->is_null()); }

// The changes of every number found at the same path in both objects.
Node changes_of(const Node& current, const Node& previous) {
  Node out = Node::object();
  for (const auto& [key, value] : current.as_object()) {
    const Node* before = previous.find(key);
    if (!before) continue;
    if (value.is_object() && before->is_object()) {
      Node nested = changes_of(value, *before);
      if (!nested.as_object().empty()) out.set(key, std::move(nested));
      continue;
    }
    if (comparable(&value) && comparable(before)) out.set(key, change_of(value, *before));
  }
  return out;
}

}  // namespace

Result compare_results(const Result& current, const Result& previous, const TimeRange& previous_range,
                       const TimeZone& tz) {
  Result out = current;
  if (!out.root.is_object() || !previous.root.is_object()) return out;
  Node comparison = Node::object();
  comparison.set("previous_start", Node::string(range_start_text(previous_range, tz)))
      .set("previous_end", Node::string(range_end_text(previous_range, tz)))
      .set("previous", scalars_of(previous.root))
      .set("change", changes_of(current.root, previous.root));
  out.root.set("comparison", std::move(comparison));
  return out;
}

}  // namespace convstat::core
