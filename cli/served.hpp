#pragma once
// Served KPIs on the command line: which source a KPI command uses when the
// `backend` setting (--backend, CONVSTAT_BACKEND, config) names a backend.
// - no backend, or a records kind (files, postgres): the KPI is computed
//   locally from the cache, which `sync` fills from that backend;
// - indigo: its six daily commands are asked of its API (the answer cached,
//   see connectors/served.hpp); any other command is a usage error naming the
//   commands it serves;
// - aurion: its v2 conversation analytics (overview, sla, csat, csat
//   responses, resolution, teams, insights, unified) and v1 calls, calls resolution, usage, calls search are asked of its
//   API the same way (connectors/aurion.hpp; calls search is never cached);
// - analytic: dashboard, bot ID (--compare), conversation ID, leads, usage
//   the same way, and search --bot ID as its document search, never cached
//   (connectors/analytic.hpp);
// - speechai: sessions costs|metrics ID asked of its API (kept per session,
//   ttl_s), feedback add posted to it (connectors/speechai.hpp);
// - botserver: usage, usage daily, usage monthly, engagement (cached the same
//   way) and realtime (never cached) (connectors/botserver.hpp); its
//   server-side reports are cli/server_reports.hpp's;
// - any other kind: a BackendError (exit 4) saying its connector is not built.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "cli/context.hpp"
#include "connectors/aurion.hpp"
#include "connectors/backend_config.hpp"
#include "connectors/served.hpp"
#include "core/kpi/registry.hpp"

namespace convstat::cli {

class ServedSource {
public:
  // The source the backend setting asks for; nullptr: compute locally.
  static std::unique_ptr<ServedSource> from_context(Context& ctx);

  // Throws UsageError when the backend does not serve `kpi` (naming the
  // commands it serves), BackendError when its kind is not built yet.
  void require(const core::KpiDefinition& kpi) const;

  // Opens the cache the answers are kept in: read-write (created when
  // missing), or with --offline read-only (nullptr when there is none yet).
  std::unique_ptr<core::Cache> open_cache(Context& ctx) const;

  // The answer for `kpi` over the command's range, from the cache or the API.
  // `options` are the command's own options (--limit/--cursor are refused).
  core::Result answer(Context& ctx, core::Cache* cache, const core::KpiDefinition& kpi,
                      const std::map<std::string, std::string>& options) const;

  const connectors::BackendSpec& spec() const { return m_spec; }

private:
  // Refuses the filter options: the APIs serve whole-scope answers.
  void refuse_filters(Context& ctx, const core::KpiDefinition& kpi) const;
  // The stored answer for `key` when the freshness rules allow it (or
  // --offline), else `fetch()`'s, stored once all of it arrived. `what` names
  // the request in notes; `settled_at_ms` is when the answer becomes stable.
  nlohmann::json cached_or_fetched(Context& ctx, core::Cache* cache, const connectors::served::AnswerKey& key,
                                   const std::string& what, const core::KpiDefinition& kpi,
                                   std::int64_t settled_at_ms, const std::function<nlohmann::json()>& fetch) const;
  core::Result answer_aurion(Context& ctx, core::Cache* cache, const core::KpiDefinition& kpi,
                             const std::map<std::string, std::string>& options) const;
  core::Result answer_analytic(Context& ctx, core::Cache* cache, const core::KpiDefinition& kpi,
                               const std::map<std::string, std::string>& options) const;
  core::Result answer_aurion_search(Context& ctx, core::Cache* cache, const connectors::aurion::Endpoint& endpoint,
                                   const std::map<std::string, std::string>& options) const;
  core::Result answer_speechai(Context& ctx, core::Cache* cache, const core::KpiDefinition& kpi,
                               const std::map<std::string, std::string>& options) const;
  core::Result answer_botserver(Context& ctx, core::Cache* cache, const core::KpiDefinition& kpi,
                                const std::map<std::string, std::string>& options) const;
  explicit ServedSource(connectors::BackendSpec spec) : m_spec(std::move(spec)) {}
  connectors::BackendSpec m_spec;
};

}  // namespace convstat::cli
