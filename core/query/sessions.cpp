#include "core/query/sessions.hpp"

#include <SQLiteCpp/Statement.h>

#include <unordered_map>

#include "core/query/columns.hpp"
#include "core/query/latency.hpp"
#include "core/query/record_scope.hpp"

namespace convstat::core {
namespace {

// "<column> = ?" for one tenant, else "<column> IN (every tenant of table)":
// the tenants found by a loose scan of the table's (tenant, …) index, so the
// (tenant, conversation_id) index serves the lookup without --tenant too.
std::string tenant_condition(const std::string& table, const std::optional<std::string>& tenant,
                             std::vector<std::string>& params) {
  if (tenant) {
    params.push_back(*tenant);
    return "tenant = ?";
  }
  return "tenant IN (WITH RECURSIVE t(x) AS (SELECT MIN(tenant) FROM " + table +
         " UNION ALL SELECT (SELECT MIN(tenant) FROM " + table +
         " WHERE tenant > t.x) FROM t WHERE t.x IS NOT NULL) SELECT x FROM t WHERE x IS NOT NULL)";
}

// "SELECT <columns> FROM <table> WHERE <tenant> AND <id_column> = ?<tail>", bound.
SQLite::Statement by_session(Cache& cache, const std::string& columns, const std::string& table,
                             const std::string& id_column, const std::string& id,
                             const std::optional<std::string>& tenant, const std::string& tail = "") {
  std::vector<std::string> params;
  const std::string where = tenant_condition(table, tenant, params);
  SQLite::Statement q(cache.db(),
                      "SELECT " + columns + " FROM " + table + " WHERE " + where + " AND " + id_column + " = ?" + tail);
  int i = 1;
  for (const auto& p : params) q.bind(i++, p);
  q.bind(i, id);
  return q;
}

CacheUse cache_use_of(const SQLite::Column& c) {
  if (c.isNull()) return CacheUse::none;
  return c.getString() == "hit" ? CacheUse::hit : CacheUse::miss;
}

}  // namespace

bool session_exists(Cache& cache, const std::string& id, const std::optional<std::string>& tenant) {
  if (by_session(cache, "1", "conversations", "id", id, tenant, " LIMIT 1").executeStep()) return true;
  for (const char* table : {"turns", "usage", "feedback", "messages", "csat", "leads"})
    if (by_session(cache, "1", table, "conversation_id", id, tenant, " LIMIT 1").executeStep()) return true;
  return false;
}

SessionRecords load_session(Cache& cache, const std::string& id, const std::optional<std::string>& tenant) {
  SessionRecords out;
  std::string stages;
  for (const char* c : k_stage_columns) stages += std::string(c) + ", ";
  SQLite::Statement turns = by_session(cache,
                                       "at, status, " + stages +
                                           "llm_cache, tts_cache, guardrail_violations, guardrail_blocked, "
                                           "language_code, optimization_level",
                                       "turns", "conversation_id", id, tenant, " ORDER BY at, tenant, id");
  while (turns.executeStep()) {
    SessionTurnRow t;
    t.at = turns.getColumn(0).getInt64();
    t.status = turns.getColumn(1).getString();
    for (std::size_t s = 0; s < t.stages.size(); ++s) t.stages[s] = number_or_none(turns.getColumn(static_cast<int>(s) + 2));
    t.llm_cache = cache_use_of(turns.getColumn(7));
    t.tts_cache = cache_use_of(turns.getColumn(8));
    t.guardrail_violations = turns.getColumn(9).getInt64();
    t.guardrail_blocked = turns.getColumn(10).getInt64() != 0;
    t.language_code = text_or_none(turns.getColumn(11));
    t.optimization_level = text_or_none(turns.getColumn(12));
    out.turns.push_back(std::move(t));
  }
  SQLite::Statement usage = by_session(cache, "at, service, provider, cost_usd, cached, optimization_level", "usage",
                                       "conversation_id", id, tenant, " ORDER BY at, tenant, id");
  while (usage.executeStep())
    out.costs.push_back({usage.getColumn(0).getInt64(), usage.getColumn(1).getString(),
                         usage.getColumn(2).getString(), usage.getColumn(3).getDouble(),
                         usage.getColumn(4).getInt64() != 0, text_or_none(usage.getColumn(5))});
  SQLite::Statement conversation = by_session(cache, "language", "conversations", "id", id, tenant,
                                              " AND language IS NOT NULL ORDER BY started_at DESC, tenant LIMIT 1");
  if (conversation.executeStep()) out.conversation_language = conversation.getColumn(0).getString();
  return out;
}

std::vector<SessionSummaryRow> load_session_summaries(Cache& cache, const TimeRange& range,
                                                      const std::optional<std::string>& tenant) {
  std::vector<SessionSummaryRow> out;
  std::unordered_map<std::string, std::size_t> index;
  auto row_of = [&](const std::string& id) -> SessionSummaryRow& {
    const auto [it, inserted] = index.try_emplace(id, out.size());
    if (inserted) out.push_back(SessionSummaryRow{id});
    return out[it->second];
  };
  Filters scope_filters;
  scope_filters.tenant = tenant;
  const RecordScope turns_scope = joined_record_scope("turns", "at", scope_filters);
  SQLite::Statement turns(cache.db(), "SELECT r.conversation_id, COUNT(*), SUM(r.status = 'failed'), "
                                      "TOTAL(r.total_ms), COUNT(r.total_ms)" + turns_scope.sql +
                                          " GROUP BY r.conversation_id");
  bind_scope(turns, range, turns_scope.params);
  while (turns.executeStep()) {
    SessionSummaryRow& r = row_of(turns.getColumn(0).getString());
    r.turns = turns.getColumn(1).getInt64();
    r.failed_turns = turns.getColumn(2).getInt64();
    r.total_ms_sum = turns.getColumn(3).getDouble();
    r.total_ms_count = turns.getColumn(4).getInt64();
  }
  const RecordScope usage_scope = joined_record_scope("usage", "at", scope_filters);
  SQLite::Statement usage(cache.db(), "SELECT r.conversation_id, TOTAL(r.cost_usd)" + usage_scope.sql +
                                          " AND r.conversation_id IS NOT NULL GROUP BY r.conversation_id");
  bind_scope(usage, range, usage_scope.params);
  while (usage.executeStep()) row_of(usage.getColumn(0).getString()).cost_usd = usage.getColumn(1).getDouble();
  return out;
}

}  // namespace convstat::core
