#include "cli/server_reports.hpp"

#include "connectors/botserver.hpp"
#include "core/error.hpp"

namespace convstat::cli {

namespace botserver = connectors::botserver;

std::unique_ptr<ServerReports> ServerReports::from_context(Context& ctx) {
  const auto name = ctx.setting("backend");
  if (!name || name->empty()) return nullptr;
  const auto& backends = ctx.config().backends;
  const auto it = backends.find(*name);
  if (it == backends.end() || it->second.get("kind").value_or("") != "botserver") return nullptr;
  if (ctx.offline())
    throw core::UsageError("--offline: backend '" + *name + "' keeps its reports on the server; they are never cached",
                           "run it without --offline");
  return std::unique_ptr<ServerReports>(
      new ServerReports(connectors::validate_backend(ctx.config(), *name, connectors::process_environment())));
}

core::Result ServerReports::create(Context& ctx, const std::string& type) const {
  if (ctx.filters().narrows_conversations() || ctx.filters().outcome)
    throw core::UsageError("backend '" + m_spec.name + "' generates reports without filters",
                           "drop the filter options, or run without --backend for a local report");
  const std::string zone_name = m_spec.get("tz").value_or("UTC");
  if (const auto tz = ctx.setting("tz"); tz && *tz != zone_name)
    throw core::UsageError("backend '" + m_spec.name + "' buckets days in " + zone_name + ", not " + *tz,
                           "drop --tz (or CONVSTAT_TZ / the tz setting), or use --tz " + zone_name);
  const auto dates = botserver::explicit_dates(ctx.time_range_in(core::TimeZone(zone_name)), m_spec.name);
  connectors::HttpClient client(botserver::http_options(m_spec, connectors::process_environment()));
  return botserver::answer_result("report", botserver::create_report(client, type, dates));
}

core::Result ServerReports::list() const {
  connectors::HttpClient client(botserver::http_options(m_spec, connectors::process_environment()));
  return botserver::answer_result("report", botserver::list_reports(client));
}

core::Result ServerReports::show(const std::string& id) const {
  connectors::HttpClient client(botserver::http_options(m_spec, connectors::process_environment()));
  return botserver::answer_result("report", botserver::get_report(client, id));
}

}  // namespace convstat::cli
