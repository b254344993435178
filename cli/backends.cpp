// convstat backends [test [NAME]]: the configured backends, what each serves, and whether each answers.
#include <iostream>

#include "cli/commands.hpp"
#include "connectors/backends.hpp"
#include "core/error.hpp"

namespace convstat::cli {
namespace {

// Each backend's last sync, read from the cache when there is one (never created here).
std::vector<connectors::BackendListing> listings(Context& ctx, const std::vector<connectors::BackendSpec>& specs) {
  std::unique_ptr<core::Cache> cache;
  try {
    cache = ctx.open_cache(core::OpenMode::read_only);
  } catch (const core::LocalError&) {  // no cache yet: nothing synced
  }
  std::vector<connectors::BackendListing> out;
  for (const auto& spec : specs)
    out.push_back({spec, cache && spec.kind->records ? connectors::load_last_run(cache->db(), spec.name) : std::nullopt});
  return out;
}

}  // namespace

void set_backends_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("backends", "List the configured backends: kind, what each serves, last sync");
  ctx.on_run(cmd, [&ctx] {
    const auto specs = connectors::validate_backends(ctx.config(), connectors::process_environment());
    if (specs.empty()) ctx.note("no backends configured: add [backend.NAME] tables to the config");
    ctx.emit(connectors::backends_result(listings(ctx, specs)));
  });

  CLI::App* test = cmd->add_subcommand("test", "Check that each backend (or NAME) answers; exit 4 when one fails");
  auto name = std::make_shared<std::string>();
  test->add_option("name", *name, "only this backend");
  ctx.on_run(test, [&ctx, name] {
    const auto env = connectors::process_environment();
    std::vector<connectors::BackendSpec> specs;
    if (name->empty()) specs = connectors::validate_backends(ctx.config(), env);
    else specs.push_back(connectors::validate_backend(ctx.config(), *name, env));
    if (specs.empty()) throw core::UsageError("no backends configured", "add [backend.NAME] tables to the config");
    std::vector<connectors::CheckOutcome> outcomes;
    for (const auto& spec : specs) outcomes.push_back(connectors::test_backend(spec, env));
    ctx.emit(connectors::backends_test_result(outcomes));
    for (const auto& o : outcomes)
      if (o.code != core::ExitCode::ok) std::cerr << "convstat: error: " << o.name << ": " << o.detail << "\n";
    ctx.set_exit_code(connectors::worst_code(outcomes));
  });
}

}  // namespace convstat::cli
