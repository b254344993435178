// `convstat check`: threshold rules on any KPI command of the registry, for CI
// and cron (spec/cli.md "check — the CI gate"). Exit 1 when a rule fails,
// after the report is written.
#include <memory>

#include "cli/commands.hpp"
#include "cli/served.hpp"
#include "core/check/evaluate.hpp"
#include "core/check/junit.hpp"
#include "core/check/rules.hpp"
#include "core/error.hpp"
#include "core/kpi/registry.hpp"

namespace convstat::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> rules;
  std::string rules_file;
  bool allow_missing = false;
};

std::vector<core::check::Rule> gather_rules(const CheckArgs& args) {
  std::vector<core::check::Rule> rules;
  for (const std::string& text : args.rules) rules.push_back(core::check::parse_rule(text));
  if (!args.rules_file.empty())
    for (auto& rule : core::check::parse_rules_file(args.rules_file)) rules.push_back(std::move(rule));
  if (rules.empty())
    throw core::UsageError("no rules to check", "give --rule 'PATH OP NUMBER' or --rules FILE");
  return rules;
}

void run_check(Context& ctx, const CheckArgs& args) {
  const auto rules = gather_rules(args);
  const std::string format = ctx.setting("format").value_or("table");
  const auto commands = core::check::resolve_commands(rules, core::kpi_registry());  // usage errors before the cache is opened
  if (const auto source = ServedSource::from_context(ctx)) {  // every rule's command asked of the backend
    for (const core::KpiDefinition* kpi : commands) source->require(*kpi);
    const auto cache = source->open_cache(ctx);
    const core::check::CheckReport report = core::check::evaluate(
        rules, core::kpi_registry(), [&](const core::KpiDefinition& kpi) { return source->answer(ctx, cache.get(), kpi, {}); },
        {args.allow_missing});
    if (format == "junit") ctx.write_output(core::check::render_junit(report));
    else ctx.emit(core::check::report_result(report));
    if (report.failed > 0) ctx.set_exit_code(static_cast<int>(core::ExitCode::check_failed));
    return;
  }
  const core::Filters filters = ctx.resolved_filters();
  const core::TimeZone tz = ctx.time_zone();
  const core::TimeRange range = ctx.time_range();
  auto cache = ctx.open_cache(core::OpenMode::read_only);
  const auto compute = [&](const core::KpiDefinition& kpi) {
    core::KpiRequest request{*cache, range, tz, core::check::filters_for(filters, kpi.filters), {}, false};
    return kpi.compute(request);
  };
  const core::check::CheckReport report =
      core::check::evaluate(rules, core::kpi_registry(), compute, {args.allow_missing});
  if (format == "junit") ctx.write_output(core::check::render_junit(report));
  else ctx.emit(core::check::report_result(report));
  if (report.failed > 0) ctx.set_exit_code(static_cast<int>(core::ExitCode::check_failed));
}

}  // namespace

void set_check_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("check", "Evaluate threshold rules on KPIs; exit 1 when one fails (CI gate)");
  auto args = std::make_shared<CheckArgs>();
  cmd->add_option("--rule", args->rules, "a rule PATH OP NUMBER, e.g. 'overview.escalation_rate <= 15' (repeatable)")
      ->type_name("EXPR");
  cmd->add_option("--rules", args->rules_file, "a file of rules, one a line, # comments")->type_name("FILE");
  cmd->add_flag("--allow-missing", args->allow_missing, "a null actual value is SKIP, not FAIL");
  std::vector<std::string> filters = core::conversation_filter_names();
  filters.push_back("outcome");
  ctx.add_filter_options(cmd, filters);
  ctx.add_section_option(cmd);
  ctx.on_run(cmd, [&ctx, args] { run_check(ctx, *args); });
}

}  // namespace convstat::cli
