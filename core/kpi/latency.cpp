#include "core/kpi/latency.hpp"

#include <algorithm>
#include <utility>

#include "core/kpi/stats.hpp"

namespace convstat::core {
namespace {

Node ms(std::optional<double> v) { return Node::number(v, Unit::decimal1); }

// asr, llm, translation, tts, total of one group, set on `node`.
void set_stages(Node& node, LatencyGroup& group) {
  for (std::size_t s = 0; s < k_stage_names.size(); ++s) node.set(k_stage_names[s], stage_latency(group.stages[s]));
}

}  // namespace

Node stage_latency(std::vector<double>& values) {
  std::sort(values.begin(), values.end());
  const auto count = static_cast<std::int64_t>(values.size());
  return Node::object()
      .set("count", Node::integer(count))
      .set("avg_ms", ms(mean(values)))
      .set("p50_ms", ms(sorted_percentile(values, 50)))
      .set("p90_ms", ms(sorted_percentile(values, 90)))
      .set("p95_ms", ms(sorted_percentile(values, 95)))
      .set("p99_ms", ms(sorted_percentile(values, 99)))
      .set("max_ms", ms(values.empty() ? std::nullopt : std::optional<double>(values.back())));
}

Result compute_latency(std::vector<LatencyGroup> groups, const std::optional<std::string>& by) {
  Result result{"latency", "Pipeline latency percentiles", Node::object(), by ? "groups" : ""};
  if (!by) {
    LatencyGroup all;
    for (auto& g : groups) {
      all.turns += g.turns;
      for (std::size_t s = 0; s < all.stages.size(); ++s) {
        if (all.stages[s].empty()) all.stages[s] = std::move(g.stages[s]);  // no copy for one group
        else all.stages[s].insert(all.stages[s].end(), g.stages[s].begin(), g.stages[s].end());
      }
    }
    set_stages(result.root, all);
    return result;
  }
  std::sort(groups.begin(), groups.end(), [](const LatencyGroup& a, const LatencyGroup& b) {
    return a.turns != b.turns ? a.turns > b.turns : a.key < b.key;
  });
  Node list = Node::list();
  for (auto& g : groups) {
    Node item = Node::object().set("key", Node::string(g.key)).set("turns", Node::integer(g.turns));
    set_stages(item, g);
    list.push(std::move(item));
  }
  result.root.set("by", Node::string(*by)).set("groups", std::move(list));
  return result;
}

}  // namespace convstat::core
