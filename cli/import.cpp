// convstat import FILE…: load canonical records (data-model.md) into the cache.
#include "cli/choices.hpp"
#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "core/error.hpp"
#include "core/import/importer.hpp"

namespace convstat::cli {
namespace {

std::vector<std::string> record_type_names() {
  std::vector<std::string> names;
  for (const auto& t : core::record_types()) names.emplace_back(t.name);
  return names;
}

// "conversation: 5 inserted, 1 updated, 0 unchanged" per type.
void report(Context& ctx, const core::ImportSummary& summary) {
  for (const auto& [type, c] : summary.counts)
    ctx.note(type + ": " + std::to_string(c.inserted) + " inserted, " + std::to_string(c.updated) + " updated, " +
             std::to_string(c.unchanged) + " unchanged");
  if (summary.counts.empty()) ctx.note("no records");
  if (summary.rejected > 0)
    ctx.note("rejected: " + std::to_string(summary.rejected) + " invalid records" +
             (summary.rejects_path ? " (written to " + *summary.rejects_path + ")" : ""));
}

[[noreturn]] void fail_invalid(const core::ImportSummary& summary) {
  std::string message = std::to_string(summary.rejected) + " invalid record" + (summary.rejected == 1 ? "" : "s") +
                        "; nothing was written:";
  for (const auto& e : summary.errors) message += "\n  " + e;
  if (summary.total_errors > static_cast<std::int64_t>(summary.errors.size()))
    message += "\n  … and " + std::to_string(summary.total_errors - static_cast<std::int64_t>(summary.errors.size())) +
               " more errors";
  throw core::DataError(message, "fix the records, or pass --skip-invalid to import the valid ones");
}

}  // namespace

void set_import_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("import", "Load canonical records from NDJSON, JSON or CSV files (or - for stdin)");
  auto request = std::make_shared<core::ImportRequest>();
  cmd->add_option("files", request->files, "input files (.ndjson .jsonl .json .csv, optionally .gz; - for stdin)")
      ->required();
  add_choices(cmd->add_option_function<std::string>("--type", [request](const std::string& t) { request->type = t; },
                                                   "record type of objects without \"type\" (required for CSV)"),
              record_type_names());
  add_choices(cmd->add_option_function<std::string>(
                  "--input-format", [request](const std::string& f) { request->input_format = f; },
                  "format of - or of files without a known extension"),
              {"ndjson", "json", "csv"});
  cmd->add_flag("--skip-invalid", request->skip_invalid, "write the valid records; send invalid ones to --rejects");
  cmd->add_option_function<std::string>("--rejects", [request](const std::string& p) { request->rejects_path = p; },
                                        "rejects file for --skip-invalid (default ./convstat-rejects.ndjson)");
  cmd->add_option_function<std::string>("--assume-tz", [request](const std::string& z) { request->assume_tz = z; },
                                        "zone of timestamps written without a UTC offset");
  cmd->add_option("--max-errors", request->max_listed_errors, "how many errors to list (default 50)")
      ->check(CLI::PositiveNumber);
  ctx.on_run(cmd, [&ctx, request] {
    auto cache = ctx.open_cache(core::OpenMode::read_write);
    ProgressBar bar(!ctx.quiet() && ctx.stderr_is_terminal());
    request->on_progress = [&bar](const core::ImportProgress& p) {
      bar.update(p.file, p.bytes_read, p.total_bytes, std::to_string(p.records) + " records");
    };
    const core::ImportSummary summary = core::run_import(*cache, *request);
    bar.finish();
    if (!summary.committed && summary.rejected > 0) fail_invalid(summary);
    report(ctx, summary);
  });
}

}  // namespace convstat::cli
