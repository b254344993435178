#include "core/result.hpp"

#include <cmath>

namespace convstat::core {

Node& Node::set(std::string key, Node value) {
  as_object().emplace_back(std::move(key), std::move(value));
  return *this;
}

const Node* Node::find(std::string_view key) const {
  if (!is_object()) return nullptr;
  for (const auto& [k, v] : as_object())
    if (k == key) return &v;
  return nullptr;
}

Node& Node::push(Node value) {
  as_list().push_back(std::move(value));
  return *this;
}

double round_half_away(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  // Nudge by a relative epsilon so that 0.125 stored as 0.12499999... rounds as written.
  const double scaled = value * scale;
  const double nudged = scaled + std::copysign(std::fabs(scaled) * 1e-12, scaled);
  return std::round(nudged) / scale;
}

}  // namespace convstat::core
