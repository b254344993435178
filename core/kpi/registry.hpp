#pragma once
// Every KPI command as data: its name, what it computes from a request, and the
// definition of each metric path it prints. The CLI builds one subcommand per
// entry; `check` evaluates rules against any entry's Result; `metrics` lists
// the definitions. A new KPI is one entry here plus its compute function.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/cache/cache.hpp"
#include "core/query/filters.hpp"
#include "core/result.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// What a KPI computation gets: the cache, the resolved range and zone, the
// filters, and the command's own options by name ("limit" -> "20").
struct KpiRequest {
  Cache& cache;
  TimeRange range;
  TimeZone tz;
  Filters filters;
  std::map<std::string, std::string> options;
  bool compare_previous = false;  // --compare previous
};

// One metric path of a command's JSON output and what it means.
struct MetricDoc {
  std::string path;        // "first_response_minutes_avg", "by_priority[].resolution_rate"
  std::string definition;  // one line
};

// An option of one KPI command; its value reaches KpiRequest::options[name].
struct KpiOption {
  std::string name;        // "limit" -> --limit; for a positional, its name ("id")
  std::string help;
  bool positional = false;  // a positional argument (bot ID) instead of --name
  bool required = false;
  bool flag = false;        // takes no value; options[name] = "true" when given
  std::vector<std::string> choices = {};  // fixed values (completions, usage errors)
};

// An entry without compute is a group word ("daily", "sessions"): it only holds
// the nested commands that follow it and needs one of them.
struct KpiDefinition {
  std::string name;     // "overview"; nested commands use spaces: "csat responses"
  std::string summary;  // one line, for --help
  std::vector<std::string> filters;  // which filter options apply: "channel", "bot", "team", ...
  std::function<Result(const KpiRequest&)> compute;
  std::vector<MetricDoc> metrics;
  std::vector<KpiOption> options = {};
  bool supports_compare = false;  // takes --compare previous
  bool writes_cache = false;      // opens the cache read-write (feedback add, the calls search audit log);
                                  // never run by check
  bool is_group() const { return !compute; }
};

// Every KPI command, in the order `convstat --help` lists them.
const std::vector<KpiDefinition>& kpi_registry();
// The entry of that name, or nullptr.
const KpiDefinition* find_kpi(std::string_view name);

// The conversation filters every conversation KPI takes.
const std::vector<std::string>& conversation_filter_names();

}  // namespace convstat::core
