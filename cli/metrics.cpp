// `convstat metrics` lists every metric path of the KPI registry with its
// definition; `metrics explain PATH` prints one.
#include <memory>

#include "cli/commands.hpp"
#include "core/check/metrics_catalog.hpp"
#include "core/kpi/registry.hpp"

namespace convstat::cli {

void set_metrics_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("metrics", "List every metric path with its definition (for check rules)");
  ctx.add_section_option(cmd);
  ctx.on_run(cmd, [&ctx] { ctx.emit(core::check::catalog_result(core::check::metric_catalog(core::kpi_registry()))); });

  CLI::App* explain = cmd->add_subcommand("explain", "Print the definition of one metric path");
  auto path = std::make_shared<std::string>();
  explain->add_option("path", *path, "the metric path, e.g. overview.escalation_rate")->required();
  ctx.on_run(explain, [&ctx, path] {
    const auto catalog = core::check::metric_catalog(core::kpi_registry());
    ctx.emit(core::check::explain_result(core::check::find_metric(catalog, *path)));
  });
}

}  // namespace convstat::cli
