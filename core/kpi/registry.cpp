#include "core/kpi/registry.hpp"

#include "core/kpi/compare.hpp"
#include "core/kpi/registry_parts.hpp"

namespace convstat::core {
namespace {

// `compute`, plus with --compare previous the same KPI over the equally long
// range just before, merged by compare_results.
std::function<Result(const KpiRequest&)> with_compare(std::function<Result(const KpiRequest&)> compute) {
  return [compute = std::move(compute)](const KpiRequest& r) {
    Result current = compute(r);
    if (!r.compare_previous) return current;
    KpiRequest previous = r;
    previous.range = previous_range(r.range, r.tz);
    previous.compare_previous = false;
    return compare_results(current, compute(previous), previous.range, r.tz);
  };
}

// Every entry that supports_compare gets its compute wrapped by with_compare.
std::vector<KpiDefinition> with_compare_support(std::vector<KpiDefinition> registry) {
  for (auto& kpi : registry)
    if (kpi.supports_compare) kpi.compute = with_compare(std::move(kpi.compute));
  return registry;
}

std::vector<KpiDefinition> make_registry() {
  std::vector<KpiDefinition> all;
  for (auto part : {support_kpis, voice_kpis, pipeline_kpis, engagement_kpis})
    for (auto& kpi : part()) all.push_back(std::move(kpi));
  return all;
}

}  // namespace

const std::vector<std::string>& conversation_filter_names() {
  static const std::vector<std::string> names = {"channel", "bot", "team", "assignee", "priority"};
  return names;
}

const std::vector<KpiDefinition>& kpi_registry() {
  static const std::vector<KpiDefinition> registry = with_compare_support(make_registry());
  return registry;
}

const KpiDefinition* find_kpi(std::string_view name) {
  for (const auto& k : kpi_registry())
    if (k.name == name) return &k;
  return nullptr;
}

}  // namespace convstat::core
