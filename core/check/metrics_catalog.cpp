#include "core/check/metrics_catalog.hpp"

#include "core/check/rules.hpp"
#include "core/error.hpp"
#include "core/util/suggest.hpp"

namespace convstat::core::check {
namespace {

// `path` with the inside of every [...] removed: "a[x=1].b" -> "a[].b".
std::string without_selectors(std::string_view path) {
  std::string out;
  bool inside = false;
  for (const char c : path) {
    if (c == '[') inside = true, out += '[';
    else if (c == ']') inside = false, out += ']';
    else if (!inside) out += c;
  }
  return out;
}

}  // namespace

std::vector<MetricEntry> metric_catalog(const std::vector<KpiDefinition>& registry) {
  std::vector<MetricEntry> out;
  for (const KpiDefinition& kpi : registry)
    for (const MetricDoc& doc : kpi.metrics)  // a path into a root list starts with "[]": no dot before it
      out.push_back({command_key(kpi.name) + (doc.path.front() == '[' ? "" : ".") + doc.path, doc.definition});
  return out;
}

Result catalog_result(const std::vector<MetricEntry>& catalog) {
  Result result{"metrics", "Metric paths", Node::list(), "metrics"};
  for (const MetricEntry& e : catalog)
    result.root.push(Node::object().set("path", Node::string(e.path)).set("definition", Node::string(e.definition)));
  return result;
}

const MetricEntry& find_metric(const std::vector<MetricEntry>& catalog, std::string_view path) {
  const std::string wanted = without_selectors(path);
  std::vector<std::string> paths;
  for (const MetricEntry& e : catalog) {
    if (e.path == wanted) return e;
    paths.push_back(e.path);
  }
  throw UsageError("unknown metric path '" + std::string(path) + "'" + did_you_mean(wanted, paths),
                   "`convstat metrics` lists every metric path");
}

Result explain_result(const MetricEntry& entry) {
  Result result{"metrics explain", "Metric", Node::object(), ""};
  result.root.set("path", Node::string(entry.path)).set("definition", Node::string(entry.definition));
  return result;
}

}  // namespace convstat::core::check
