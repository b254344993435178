// convstat demo: deterministic, realistic demo data of every record type.
#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "core/demo/demo.hpp"

namespace convstat::cli {
namespace {
constexpr std::int64_t k_ms_per_day = 86400000;
}

void set_demo_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("demo", "Fill the cache with deterministic, realistic demo data");
  auto options = std::make_shared<core::DemoOptions>();
  auto fresh = std::make_shared<bool>(false);
  cmd->add_option("--conversations", options->conversations, "how many conversations (default 5000)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--seed", options->seed, "random seed: the same seed gives the same data (default 42)");
  cmd->add_option("--days", options->days, "days of history ending at --as-of (default 90)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--tenants", options->tenants, "number of tenants (default 1: acme)")->check(CLI::Range(1, 1000));
  cmd->add_flag("--fresh", *fresh, "delete every record of the cache first");
  ctx.on_run(cmd, [&ctx, options, fresh] {
    // The data ends at the start of the --as-of (or current) UTC day, so a day's runs agree.
    const std::int64_t as_of = ctx.time_range().as_of_ms;
    options->end_ms = as_of - ((as_of % k_ms_per_day) + k_ms_per_day) % k_ms_per_day;
    auto cache = ctx.open_cache(core::OpenMode::read_write);
    ProgressBar bar(!ctx.quiet() && ctx.stderr_is_terminal());
    options->on_progress = [&bar](std::int64_t done, std::int64_t total) {
      bar.update("demo", static_cast<std::uint64_t>(done), static_cast<std::uint64_t>(total),
                 std::to_string(done) + " conversations");
    };
    core::RecordWriter writer(*cache);
    if (*fresh) writer.clear_all();
    core::generate_demo(writer, *options);
    writer.commit();
    bar.finish();
    for (const auto& [type, counts] : writer.counts())
      ctx.note(type + ": " + std::to_string(counts.inserted) + " inserted, " + std::to_string(counts.updated) +
               " updated, " + std::to_string(counts.unchanged) + " unchanged");
    ctx.note("demo data written to " + cache->path());
  });
}

}  // namespace convstat::cli
