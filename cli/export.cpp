// convstat export TYPE: stream one record type out of the cache (core/export),
// redacted by default, to stdout or atomically to -o FILE; each export goes to
// the audit log.
#include <iostream>

#include "cli/choices.hpp"
#include "cli/commands.hpp"
#include "core/cache/audit.hpp"
#include "core/error.hpp"
#include "core/export/export.hpp"
#include "core/render/render.hpp"

namespace convstat::cli {
namespace {

std::vector<std::string> exportable_types() {
  std::vector<std::string> names;
  for (const auto& t : core::record_types()) names.emplace_back(t.plural);
  return names;
}

struct ExportArgs {
  std::string type;
  bool no_redact = false;
  bool include_transcripts = false;
};

// -f ndjson|json|csv; without -f on the command line a table or md default
// (config, environment) gives way to ndjson.
core::ExportFormat export_format(Context& ctx) {
  const std::string format = ctx.setting("format").value_or("ndjson");
  if ((format == "table" || format == "md") && !ctx.given_on_command_line("format")) return core::ExportFormat::ndjson;
  return core::parse_export_format(format);
}

std::string audit_detail(core::ExportFormat format, const ExportArgs& args) {
  std::string detail = format == core::ExportFormat::csv ? "csv" : format == core::ExportFormat::json ? "json" : "ndjson";
  detail += args.no_redact ? ", not redacted" : ", redacted";
  if (args.include_transcripts) detail += ", with transcripts";
  return detail;
}

}  // namespace

void set_export_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd =
      app.add_subcommand("export", "Stream one record type out of the cache as NDJSON, JSON or CSV (redacted)");
  auto args = std::make_shared<ExportArgs>();
  add_choices(cmd->add_option("type", args->type, "record type (plural): conversations, messages, calls, …")->required(),
              exportable_types());
  ctx.add_filter_options(cmd, {"channel", "bot", "team", "assignee", "priority", "outcome"});
  cmd->add_flag("--no-redact", args->no_redact, "keep phone numbers and e-mail addresses");
  cmd->add_flag("--include-transcripts", args->include_transcripts,
                "include message texts, call transcripts and feedback user_input/assistant_response");
  ctx.on_run(cmd, [&ctx, args] {
    const core::RecordType* type = core::find_record_type(args->type);
    if (!type) throw core::UsageError("unknown record type '" + args->type + "'");
    core::ExportOptions options;
    options.format = export_format(ctx);
    options.redact = !args->no_redact;
    options.include_transcripts = args->include_transcripts;
    const core::Filters filters = ctx.resolved_filters();
    const core::TimeRange range = ctx.time_range();
    const std::optional<std::string> path = ctx.output_path();
    auto cache = ctx.open_cache(core::OpenMode::read_write);  // the audit log is written
    std::int64_t count = 0;
    if (path) {
      core::AtomicFile file(*path);
      count = core::export_records(*cache, *type, range, filters, options,
                                   [&file](std::string_view chunk) { file.write(chunk); });
      file.commit();
    } else {
      count = core::export_records(*cache, *type, range, filters, options, [](std::string_view chunk) {
        std::cout.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        if (!std::cout) throw core::LocalError("cannot write to standard output");
      });
      std::cout.flush();
    }
    core::append_audit(*cache, {core::now_ms(), "export " + std::string(type->plural), filters.tenant,
                                audit_detail(options.format, *args), count});
    ctx.note("exported " + std::to_string(count) + " " + std::string(type->plural) + (path ? " to " + *path : ""));
  });
}

}  // namespace convstat::cli
