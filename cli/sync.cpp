// convstat sync [BACKEND]: pull a configured backend's records into the cache, incrementally.
#include <chrono>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "connectors/sync.hpp"
#include "core/error.hpp"

namespace convstat::cli {
namespace {

// The backend to sync: the positional, else the `backend` setting (profile, [defaults], CONVSTAT_BACKEND).
std::string chosen_backend(Context& ctx, const std::string& positional) {
  if (!positional.empty()) return positional;
  if (auto name = ctx.setting("backend")) return *name;
  throw core::UsageError("no backend to sync: name one (convstat sync NAME)",
                         "or set backend = \"NAME\" in [defaults] or a profile of the config, or CONVSTAT_BACKEND");
}

// "12000 records, 3 pages, 8000 records/s" since `started`.
std::string progress_detail(const connectors::SyncProgress& p, std::chrono::steady_clock::time_point started) {
  std::string detail = std::to_string(p.records) + " records";
  if (p.pages > 0) detail += ", " + std::to_string(p.pages) + " pages";
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (seconds > 0.5) detail += ", " + std::to_string(static_cast<std::int64_t>(static_cast<double>(p.records) / seconds)) + " records/s";
  return detail;
}

}  // namespace

void set_sync_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("sync", "Pull records from a configured backend (files, postgres, aurion, analytic) into the cache, "
                                             "incrementally");
  auto backend = std::make_shared<std::string>();
  auto options = std::make_shared<connectors::SyncOptions>();
  cmd->add_option("backend", *backend, "the [backend.NAME] of the config (default: the backend setting)");
  cmd->add_option("--wait", options->wait_seconds, "seconds to wait while another sync holds the cache (default 30)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--page-size", options->page_size, "postgres: rows per page, one transaction each (default 5000)")
      ->check(CLI::PositiveNumber);
  ctx.on_run(cmd, [&ctx, backend, options] {
    const std::string name = chosen_backend(ctx, *backend);
    const connectors::BackendSpec spec = connectors::validate_backend(ctx.config(), name, options->env);
    ProgressBar bar(!ctx.quiet() && ctx.stderr_is_terminal());
    const auto started = std::chrono::steady_clock::now();
    options->on_progress = [&bar, started](const connectors::SyncProgress& p) {
      const bool files = p.files_total > 0;
      bar.update(p.label, static_cast<std::uint64_t>(p.files_done),
                 files ? std::optional<std::uint64_t>(static_cast<std::uint64_t>(p.files_total)) : std::nullopt,
                 progress_detail(p, started));
    };
    options->on_wait = [&ctx] { ctx.note("waiting for another sync of this cache to end…"); };
    const connectors::SyncSummary summary = connectors::sync_backend(ctx.cache_path(), spec, *options);
    bar.finish();
    ctx.note(connectors::summary_line(summary));
  });
}

}  // namespace convstat::cli
