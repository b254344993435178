#include "core/kpi/breakdown.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace convstat::core {

Node count_breakdown(const std::map<std::string, std::int64_t>& counts, const char* key_name, const char* count_name) {
  std::vector<std::pair<std::string, std::int64_t>> sorted(counts.begin(), counts.end());  // by key already
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  Node list = Node::list();
  for (const auto& [key, count] : sorted)
    list.push(Node::object().set(key_name, Node::string(key)).set(count_name, Node::integer(count)));
  return list;
}

}  // namespace convstat::core
