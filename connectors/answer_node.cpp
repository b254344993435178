#include "connectors/answer_node.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace convstat::connectors {

using json = nlohmann::json;

core::Node answer_node(const json& value, const NodeShape& shape, const std::string& key, const std::string& parent,
                       const std::string& context) {
  switch (value.type()) {
    case json::value_t::null: return core::Node::null();
    case json::value_t::boolean: return core::Node::boolean(value.get<bool>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: {
      const core::Unit unit = shape.unit_of(key, parent);
      if (unit != core::Unit::raw) return core::Node::number(value.get<double>(), unit);  // 100 as a rate: 100.0 %
      if (value.is_number_unsigned() &&
          value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return core::Node::number(value.get<double>(), core::Unit::raw);
      return core::Node::integer(value.get<std::int64_t>());
    }
    case json::value_t::number_float: return core::Node::number(value.get<double>(), shape.unit_of(key, parent));
    case json::value_t::string: return core::Node::string(value.get<std::string>());
    case json::value_t::array: {
      core::Node list = core::Node::list();
      for (const auto& item : value) list.push(answer_node(item, shape, key, parent, key));
      return list;
    }
    case json::value_t::object: {
      std::vector<std::string> keys;
      for (const auto& [k, v] : value.items()) keys.push_back(k);  // nlohmann::json keeps them sorted
      std::stable_sort(keys.begin(), keys.end(), [&](const std::string& a, const std::string& b) {
        return shape.rank(a, context) < shape.rank(b, context);
      });
      core::Node object = core::Node::object();
      for (const auto& k : keys) object.set(k, answer_node(value.at(k), shape, k, key, k));
      return object;
    }
    default: return core::Node::null();
  }
}

std::size_t rank_in(const std::vector<std::string>& order, const std::string& key) {
  return static_cast<std::size_t>(std::find(order.begin(), order.end(), key) - order.begin());
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace convstat::connectors
