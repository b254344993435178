// One subcommand per entry of the KPI registry (core/kpi/registry.hpp): its
// filters, its own options and --section; the action computes the Result and
// renders it. Nested names ("csat responses") become nested subcommands.
#include "cli/choices.hpp"
#include "cli/commands.hpp"
#include "cli/served.hpp"
#include "core/error.hpp"
#include "core/kpi/registry.hpp"

namespace convstat::cli {
namespace {

// The subcommand for a (possibly nested) name, created on first use.
CLI::App* subcommand_for(CLI::App& app, const std::string& name, const std::string& summary) {
  CLI::App* parent = &app;
  std::string rest = name;
  for (auto space = rest.find(' '); space != std::string::npos; space = rest.find(' ')) {
    const std::string head = rest.substr(0, space);
    CLI::App* existing = nullptr;
    for (CLI::App* sub : parent->get_subcommands([](const CLI::App*) { return true; }))
      if (sub->get_name() == head) existing = sub;
    parent = existing ? existing : parent->add_subcommand(head, "");
    rest = rest.substr(space + 1);
  }
  return parent->add_subcommand(rest, summary);
}

void add_kpi_option(CLI::App* cmd, const core::KpiOption& o, std::map<std::string, std::string>& values) {
  auto& target = values[o.name];
  if (o.flag) {
    cmd->add_flag_function("--" + o.name, [&values, name = o.name](std::int64_t) { values[name] = "true"; }, o.help);
    values.erase(o.name);
    return;
  }
  CLI::Option* opt = cmd->add_option(o.positional ? o.name : "--" + o.name, target, o.help);
  if (o.required) opt->required();
  if (!o.choices.empty()) add_choices(opt, o.choices);
}

}  // namespace

void set_kpi_commands(CLI::App& app, Context& ctx) {
  for (const core::KpiDefinition& kpi : core::kpi_registry()) {
    CLI::App* cmd = subcommand_for(app, kpi.name, kpi.summary);
    if (kpi.is_group()) {
      cmd->require_subcommand(1);
      continue;
    }
    auto values = std::make_shared<std::map<std::string, std::string>>();
    auto compare = std::make_shared<std::string>();
    ctx.add_filter_options(cmd, kpi.filters);
    ctx.add_section_option(cmd);
    for (const core::KpiOption& o : kpi.options) add_kpi_option(cmd, o, *values);
    if (kpi.supports_compare)
      add_choices(cmd->add_option("--compare", *compare, "also compute the equally long range just before"),
                  {"previous"});
    ctx.on_run(cmd, [&ctx, &kpi, values, compare] {
      if (const auto source = ServedSource::from_context(ctx)) {  // --backend NAME of an HTTP kind
        source->require(kpi);
        if (!compare->empty())
          throw core::UsageError("--compare is computed locally; it is not asked of backend '" + source->spec().name + "'");
        std::map<std::string, std::string> options;
        for (const auto& [k, v] : *values)
          if (!v.empty()) options[k] = v;
        const auto cache = source->open_cache(ctx);
        ctx.emit(source->answer(ctx, cache.get(), kpi, options));
        return;
      }
      core::Filters filters = ctx.resolved_filters();
      const core::TimeZone tz = ctx.time_zone();
      const core::TimeRange range = ctx.time_range();
      auto cache = ctx.open_cache(kpi.writes_cache ? core::OpenMode::read_write : core::OpenMode::read_only);
      std::map<std::string, std::string> options;
      for (const auto& [k, v] : *values)
        if (!v.empty()) options[k] = v;
      core::KpiRequest request{*cache, range, tz, std::move(filters), std::move(options), !compare->empty()};
      ctx.emit(kpi.compute(request));
    });
  }
}

}  // namespace convstat::cli
