#pragma once
// convstat report [PRESET]: several KPI commands over one range in one
// document, saved in the cache so `report show ID` re-renders it without
// recomputing. Sections are registry entries, so every new KPI can be a
// section without touching this code.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/cache/cache.hpp"
#include "core/config/config.hpp"
#include "core/kpi/registry.hpp"
#include "core/render/render.hpp"
#include "core/result.hpp"

namespace convstat::core {

struct ReportPreset {
  std::string name;                   // "support", or a [report.NAME] of the config
  std::string title;                  // "Support report"
  std::vector<std::string> sections;  // KPI command names: "overview", "calls resolution"
};

// support, voice, ai, executive (spec/cli.md).
const std::vector<ReportPreset>& builtin_presets();

// A built-in preset, or the config's [report.NAME] (its `preset` as the base,
// `sections` and `title` overriding). UsageError for an unknown name (with a
// did-you-mean) or a section that is not a KPI command a report can run
// (group words, commands that write or need an argument).
ReportPreset resolve_preset(const std::string& name, const std::map<std::string, ConfigTable>& custom);

// What a report covers, printed in its heading and stored with it.
struct ReportHeader {
  std::string preset, title;
  std::optional<std::string> tenant;  // none: every tenant
  std::string from, to;               // first and last day (or instants) of the range, in the zone
  std::string tz;
  std::int64_t generated_at_ms = 0;
};

struct Report {
  ReportHeader header;
  std::vector<std::pair<std::string, Result>> sections;  // command name -> its result
};

// Computes every section with `compute` (the request of that command).
Report compute_report(const ReportPreset& preset, ReportHeader header,
                      const std::function<Result(const KpiDefinition&)>& compute);

// table / md: the heading, then each section under its name, rendered as the
// command renders; json: {"report": header, "<command_key>": output…};
// csv: tidy rows section,path,value of every scalar (lists as path[i]);
// pdf: pdf::render_pdf, created at options.created_s or the generation time.
std::string render_report(const Report& report, const RenderOptions& options);

// The saved reports of the cache (schema version 3).
std::int64_t save_report(Cache& cache, const Report& report);
std::optional<Report> load_report(Cache& cache, std::int64_t id);
// {reports: [{id, created_at, preset, title, from, to, tz, tenant}]}, newest first.
Result report_list_result(Cache& cache);

}  // namespace convstat::core
