#pragma once
// A served JSON answer as the result model's tree (core::Node), shaped the way
// the local command prints the same KPI: each number in its unit, each
// object's keys in the local command's order. aurion, analytic, botserver and
// speechai differ only in their units and key orders (their NodeShape).
#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace convstat::connectors {

struct NodeShape {
  // The unit of a number under `key` in an object that is itself under `parent`
  // (raw: integers stay integers, floats print as they are).
  std::function<core::Unit(const std::string& key, const std::string& parent)> unit_of;
  // Where `key` sorts among the keys of an object reached under `context` (a
  // command name at the top): smaller first; equal ranks keep the sorted order.
  std::function<std::pair<std::size_t, std::size_t>(const std::string& key, const std::string& context)> rank;
};

// `value` under `key` (in an object under `parent`), its keys ordered for
// `context`; an array's items take their array's key as their context, an
// object's members their own key.
core::Node answer_node(const nlohmann::json& value, const NodeShape& shape, const std::string& key,
                       const std::string& parent, const std::string& context);

// Where `key` stands in `order` (order.size() when absent).
std::size_t rank_in(const std::vector<std::string>& order, const std::string& key);

bool ends_with(const std::string& s, const std::string& tail);

}  // namespace convstat::connectors
