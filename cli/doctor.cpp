// convstat doctor: one health summary - config, cache, time-zone data, backends.
#include <iostream>

#include "cli/commands.hpp"
#include "connectors/backends.hpp"
#include "core/error.hpp"

namespace convstat::cli {
namespace {

std::vector<connectors::CheckOutcome> backend_outcomes(const core::Config& config) {
  const auto env = connectors::process_environment();
  std::vector<connectors::CheckOutcome> out;
  for (const auto& [name, table] : config.backends) {
    try {
      out.push_back(connectors::test_backend(connectors::validate_backend(config, name, env), env));
    } catch (const core::Error& e) {
      out.push_back(connectors::failed_outcome("backend " + name, e));
    }
  }
  return out;
}

}  // namespace

void set_doctor_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("doctor", "One health summary: config, cache, time-zone data, backends");
  ctx.on_run(cmd, [&ctx] {
    std::vector<connectors::CheckOutcome> outcomes;
    const core::Config* config = nullptr;
    try {
      config = &ctx.config();
      outcomes.push_back(connectors::describe_config(*config));
    } catch (const core::Error& e) {
      outcomes.push_back(connectors::failed_outcome("config", e));
    }
    if (config) {
      outcomes.push_back(connectors::check_cache(ctx.cache_path()));
      outcomes.push_back(connectors::check_time_zones(ctx.setting("tz")));
      for (auto& o : backend_outcomes(*config)) outcomes.push_back(std::move(o));
    } else {
      outcomes.push_back({"cache", "warn", core::ExitCode::ok, "not checked: the config cannot be read"});
      outcomes.push_back(connectors::check_time_zones(std::nullopt));
    }
    ctx.emit(connectors::doctor_result(outcomes));
    for (const auto& o : outcomes)
      if (o.code != core::ExitCode::ok) std::cerr << "convstat: error: " << o.name << ": " << o.detail << "\n";
    ctx.set_exit_code(connectors::worst_code(outcomes));
  });
}

}  // namespace convstat::cli
