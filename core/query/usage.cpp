#include "core/query/usage.hpp"

#include <SQLiteCpp/Statement.h>

#include <map>
#include <unordered_map>
#include <utility>

#include "core/query/record_scope.hpp"

namespace convstat::core {

ConversationStarts load_conversation_starts(Cache& cache, const TimeRange& range, const Filters& filters) {
  std::vector<std::string> params;
  SQLite::Statement q(cache.db(), "SELECT started_at, tenant, contact_id FROM conversations "
                                  "WHERE started_at >= ? AND started_at < ?" +
                                      conversation_conditions(filters, "", true, params) + " ORDER BY started_at");
  bind_scope(q, range, params);
  ConversationStarts out;
  std::unordered_map<std::string, std::int32_t> contacts;  // "tenant\0contact" -> index
  std::string key;
  while (q.executeStep()) {
    out.started_at.push_back(q.getColumn(0).getInt64());
    std::int32_t contact = -1;
    if (!q.getColumn(2).isNull()) {
      key = q.getColumn(1).getString();
      key += '\0';
      key += q.getColumn(2).getText();
      contact = contacts.emplace(key, static_cast<std::int32_t>(contacts.size())).first->second;
    }
    out.contact.push_back(contact);
  }
  out.contact_count = static_cast<std::int32_t>(contacts.size());
  return out;
}

std::vector<std::int64_t> load_call_starts(Cache& cache, const TimeRange& range, const Filters& filters) {
  std::vector<std::string> params;
  SQLite::Statement q(cache.db(), "SELECT started_at FROM calls WHERE started_at >= ? AND started_at < ?" +
                                      own_conditions(filters, "", {true, true}, params));
  bind_scope(q, range, params);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<std::int64_t> load_message_instants(Cache& cache, const TimeRange& range, const Filters& filters) {
  const RecordScope scope = joined_record_scope("messages", "at", filters);
  SQLite::Statement q(cache.db(), "SELECT r.at" + scope.sql);
  bind_scope(q, range, scope.params);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<LlmUsageGroup> load_llm_usage(Cache& cache, const TimeRange& range, const Filters& filters,
                                          bool by_model) {
  const RecordScope scope = joined_record_scope("usage", "at", filters);
  SQLite::Statement q(cache.db(), "SELECT r.provider, r.model, r.input_tokens, r.output_tokens, r.latency_ms, "
                                  "r.error, r.cost_usd" + scope.sql + " AND r.service = 'llm'");
  bind_scope(q, range, scope.params);
  std::map<std::pair<std::string, std::optional<std::string>>, LlmUsageGroup> groups;
  LlmUsageGroup* last = nullptr;  // consecutive rows mostly share a group
  while (q.executeStep()) {
    const char* provider = q.getColumn(0).getText();
    const SQLite::Column model = q.getColumn(1);
    const bool same = last != nullptr && last->provider == provider &&
                      (!by_model || (model.isNull() ? !last->model : (last->model && *last->model == model.getText())));
    if (!same) {
      std::optional<std::string> model_key;
      if (by_model && !model.isNull()) model_key = model.getString();
      auto [it, inserted] = groups.try_emplace({provider, model_key});
      if (inserted) {
        it->second.provider = provider;
        it->second.model = model_key;
      }
      last = &it->second;
    }
    ++last->requests;
    last->input_tokens += q.getColumn(2).getInt64();  // NULL reads as 0
    last->output_tokens += q.getColumn(3).getInt64();
    if (!q.getColumn(4).isNull()) last->latencies_ms.push_back(q.getColumn(4).getDouble());
    last->error_count += q.getColumn(5).getInt64() != 0 ? 1 : 0;
    last->cost_usd += q.getColumn(6).getDouble();
  }
  std::vector<LlmUsageGroup> out;
  for (auto& [key, group] : groups) out.push_back(std::move(group));
  return out;
}

CallTokens load_call_tokens(Cache& cache, const TimeRange& range, const Filters& filters) {
  const RecordScope scope = joined_record_scope("usage", "at", filters);
  SQLite::Statement q(cache.db(), "SELECT COALESCE(SUM(tokens), 0), COUNT(*) FROM (SELECT "
                                  "SUM(COALESCE(r.input_tokens, 0) + COALESCE(r.output_tokens, 0)) AS tokens" +
                                      scope.sql + " AND r.call_id IS NOT NULL GROUP BY r.tenant, r.call_id)");
  bind_scope(q, range, scope.params);
  CallTokens out;
  if (q.executeStep()) out = {q.getColumn(0).getInt64(), q.getColumn(1).getInt64()};
  return out;
}

ApiEvents load_api_events(Cache& cache, const TimeRange& range, const std::optional<std::string>& tenant) {
  std::string sql = "SELECT kind = 'api_error' OR COALESCE(status_code, 0) >= 500, latency_ms FROM events "
                    "WHERE at >= ? AND at < ? AND kind IN ('api_request', 'api_error')";
  std::vector<std::string> params;
  if (tenant) {
    sql += " AND tenant = ?";
    params.push_back(*tenant);
  }
  SQLite::Statement q(cache.db(), sql);
  bind_scope(q, range, params);
  ApiEvents out;
  while (q.executeStep()) {
    ++out.requests;
    out.errors += q.getColumn(0).getInt();
    if (!q.getColumn(1).isNull()) out.latencies_ms.push_back(q.getColumn(1).getDouble());
  }
  return out;
}

}  // namespace convstat::core
