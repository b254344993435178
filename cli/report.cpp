// convstat report [PRESET] | report list | report show ID: multi-section
// reports (core/report), saved in the cache and re-rendered on demand.
#include "cli/choices.hpp"
#include "cli/commands.hpp"
#include "cli/served.hpp"
#include "cli/server_reports.hpp"
#include "core/check/evaluate.hpp"
#include "core/error.hpp"
#include "core/report/report.hpp"

namespace convstat::cli {
namespace {

// The settings a [report.NAME] carries for the run (flags still win).
core::SettingMap report_layer(Context& ctx, const std::string& name) {
  core::SettingMap layer;
  const auto& reports = ctx.config().reports;
  const auto it = reports.find(name);
  if (it == reports.end()) return layer;
  for (const char* key : {"period", "days", "tz", "tenant", "format", "output"})
    if (const auto value = it->second.get(key)) layer[key] = *value;
  return layer;
}

core::RenderOptions report_render_options(Context& ctx) {
  core::RenderOptions options;
  const std::string format = ctx.setting("format").value_or("table");
  if (format == "junit" || format == "ndjson")
    throw core::UsageError("--format " + format + " is not a report format", "use table, json, csv, md or pdf");
  options.format = core::parse_format(format);
  if (options.format == core::Format::pdf) ctx.prepare_pdf(options);
  return options;
}

void run_report(Context& ctx, const std::string& name, bool named) {
  if (const auto server = ServerReports::from_context(ctx)) {  // botserver: a server-side report of type NAME
    if (!named) throw core::UsageError("name the type of report backend '" + *ctx.setting("backend") + "' generates",
                                       "e.g. convstat report engagement --backend " + *ctx.setting("backend"));
    ctx.emit(server->create(ctx, name));
    return;
  }
  ctx.set_command_layer(report_layer(ctx, name));
  const core::ReportPreset preset = core::resolve_preset(name, ctx.config().reports);
  const core::RenderOptions options = report_render_options(ctx);  // usage errors before any work
  const auto source = ServedSource::from_context(ctx);  // --backend: every section asked of the backend
  if (source)
    for (const auto& section : preset.sections)
      if (const core::KpiDefinition* kpi = core::find_kpi(section)) source->require(*kpi);
  const core::Filters filters = ctx.resolved_filters();
  const core::TimeZone tz = ctx.time_zone();
  const core::TimeRange range = ctx.time_range();
  auto cache = ctx.open_cache(core::OpenMode::read_write);  // the report is saved
  core::ReportHeader header{preset.name, preset.title, filters.tenant,
                            core::range_start_text(range, tz), core::range_end_text(range, tz), tz.name(),
                            core::now_ms()};
  const core::Report report = core::compute_report(preset, header, [&](const core::KpiDefinition& kpi) {
    if (source) return source->answer(ctx, cache.get(), kpi, {});
    core::KpiRequest request{*cache, range, tz, core::check::filters_for(filters, kpi.filters), {}, false};
    return kpi.compute(request);
  });
  const std::int64_t id = core::save_report(*cache, report);
  ctx.write_output(core::render_report(report, options));
  ctx.note("saved as report " + std::to_string(id) + " (convstat report show " + std::to_string(id) + ")");
}

}  // namespace

void set_report_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "report", "A multi-section report: support, voice, ai, executive or a [report.NAME] of the config; saved");
  auto preset = std::make_shared<std::string>("support");
  CLI::Option* named = cmd->add_option(
      "preset", *preset,
      "support (default), voice, ai, executive, or a [report.NAME] of the config; with --backend of kind botserver, "
      "the type of the server-side report to generate");
  ctx.add_filter_options(cmd, {"channel", "bot", "team", "assignee", "priority", "outcome"});
  ctx.on_run(cmd, [&ctx, preset, named] { run_report(ctx, *preset, named->count() > 0); });

  CLI::App* list = cmd->add_subcommand("list", "The saved reports, newest first");
  ctx.add_section_option(list);
  ctx.on_run(list, [&ctx] {
    if (const auto server = ServerReports::from_context(ctx)) return ctx.emit(server->list());
    auto cache = ctx.open_cache(core::OpenMode::read_only);
    ctx.emit(core::report_list_result(*cache));
  });

  CLI::App* show = cmd->add_subcommand("show", "Re-render a saved report (any format) without recomputing it");
  auto id = std::make_shared<std::string>();
  show->add_option("id", *id, "the report id (report list; a server's id with --backend of kind botserver)")->required();
  ctx.on_run(show, [&ctx, id] {
    if (const auto server = ServerReports::from_context(ctx)) return ctx.emit(server->show(*id));
    const core::RenderOptions options = report_render_options(ctx);
    if (id->empty() || id->find_first_not_of("0123456789") != std::string::npos || id->size() > 18)
      throw core::UsageError("report id '" + *id + "' is not a saved report's number", "see `convstat report list`");
    const std::int64_t local_id = std::stoll(*id);
    auto cache = ctx.open_cache(core::OpenMode::read_only);
    const auto report = core::load_report(*cache, local_id);
    if (!report) throw core::DataError("Report not found", "no report " + *id + " in the cache; see `convstat report list`");
    ctx.write_output(core::render_report(*report, options));
  });
}

}  // namespace convstat::cli
