#pragma once
// `convstat metrics`: every documented metric path of the KPI registry, in the
// form check rules use (command key, then the path of its output).
#include <string>
#include <string_view>
#include <vector>

#include "core/kpi/registry.hpp"
#include "core/result.hpp"

namespace convstat::core::check {

struct MetricEntry {
  std::string path;        // "overview.ai_resolution_rate", "resolution.by_priority[].resolution_rate"
  std::string definition;  // the MetricDoc's one line
};

// Every MetricDoc of `registry`, prefixed by its command key (spaces as '_'), in registry order.
std::vector<MetricEntry> metric_catalog(const std::vector<KpiDefinition>& registry);

// The catalog as a Result (command "metrics"): a root list of {path, definition}.
Result catalog_result(const std::vector<MetricEntry>& catalog);

// The entry for `path`; list selectors may be written (`[priority=urgent]`,
// `[0]`) or left as `[]`. Throws UsageError("unknown metric path 'P' (did you
// mean 'Q'?)") when the catalog has no such path.
const MetricEntry& find_metric(const std::vector<MetricEntry>& catalog, std::string_view path);

// The entry as a Result (command "metrics explain"): {path, definition}.
Result explain_result(const MetricEntry& entry);

}  // namespace convstat::core::check
