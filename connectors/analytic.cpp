#include "connectors/analytic.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <regex>

#include "connectors/answer_node.hpp"
#include "connectors/served.hpp"
#include "core/error.hpp"

namespace convstat::connectors::analytic {
namespace {

using json = nlohmann::json;

// Key orders as kpis.md (so the local commands) print them: per command for
// the top level, per parent key for nested objects, then a general list;
// other (vendor) keys follow, sorted.
const std::vector<std::string>& order_for(const std::string& context) {
  static const std::map<std::string, std::vector<std::string>> orders = {
      {"dashboard", {"bots", "conversations", "messages", "leads", "contacts", "calls", "usage_trend"}},
      {"bot", {"bot_id", "performance_metrics", "quality_metrics", "conversation_metrics"}},
      {"performance_metrics",
       {"avg_first_response_seconds", "median_first_response_seconds", "p90_first_response_seconds",
        "avg_resolution_minutes"}},
      {"quality_metrics",
       {"csat_avg", "positive_rate", "ai_quality_avg", "thumbs_up", "thumbs_down", "escalation_rate"}},
      {"conversation_metrics",
       {"total_conversations", "ai_resolved_count", "ai_resolution_rate", "avg_messages_per_conversation",
        "avg_duration_minutes"}},
      {"conversation",
       {"conversation_id", "channel", "started_at", "duration_minutes", "message_statistics", "topics", "sentiment",
        "resolved_by", "escalated", "csat"}},
      {"message_statistics", {"total", "inbound", "outbound", "by_author", "avg_response_seconds"}},
      {"by_author", {"user", "ai", "human", "system"}},
      {"leads", {"total_leads", "converted", "conversion_rate", "funnel", "sources", "growth", "growth_rate"}},
      {"funnel", {"stage", "count", "conversion_from_previous", "conversion_from_start"}},
      {"sources", {"source", "leads", "converted", "conversion_rate"}},
      {"growth", {"period", "leads", "converted"}},
      {"usage",
       {"total_conversations", "active_users", "total_calls", "hourly_distribution", "weekly_distribution",
        "monthly_trends", "llm_usage", "avg_tokens_per_call", "api"}},
      {"llm_usage",
       {"provider", "model", "total_requests", "total_input_tokens", "total_output_tokens", "avg_latency_ms",
        "p95_latency_ms", "error_count", "total_cost_usd"}},
      {"api", {"total_requests", "error_count", "error_rate", "avg_latency_ms", "p95_latency_ms"}},
      {"search", {"results"}},
      {"results", {"conversation_id", "document_id", "score", "snippet", "started_at", "channel"}},
  };
  static const std::vector<std::string> general = {"date",  "hour",  "day_of_week", "month", "value",
                                                   "company_average", "difference", "difference_pct", "count"};
  const auto it = orders.find(context);
  return it != orders.end() ? it->second : general;
}

bool compared_key(const std::string& key) {
  return key == "value" || key == "company_average" || key == "difference";
}

// Units by key and parent (a compared number takes its metric's unit), key orders by context (order_for).
const NodeShape k_shape{unit_of, [](const std::string& key, const std::string& context) {
                          return std::make_pair(rank_in(order_for(context), key), rank_in(order_for(""), key));
                        }};

std::string percent_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

json object_of(HttpClient& client, const HttpResponse& response, const std::string& method, const std::string& path) {
  json answer = json::parse(response.body, nullptr, false);
  const std::string where = client.options().backend + ": " + method + " " + path;
  if (answer.is_discarded())
    throw core::BackendError(where + ": malformed response (not JSON, or cut short)", "nothing was stored; try again");
  if (!answer.is_object())
    throw core::BackendError(where + ": malformed response (not a JSON object)", "nothing was stored");
  return answer;
}

}  // namespace

const std::vector<Endpoint>& endpoints() {
  static const std::vector<Endpoint> all = {
      {"dashboard", "/v1/analytic/dashboard", false, false},
      {"bot", "/v1/analytic/agent/{id}", true, true},
      {"bot --compare", "/v1/analytic/agent/{id}/performance-comparison", true, true},
      {"conversation", "/v1/analytic/conversation/{id}", false, true},
      {"leads", "/v1/analytic/leads", true, false},
      {"usage", "/v1/analytic/usage", true, false},
  };
  return all;
}

const Endpoint* endpoint_for(const std::string& command, bool compare) {
  const std::string name = command == "bot" && compare ? "bot --compare" : command;
  for (const auto& e : endpoints())
    if (e.command == name) return &e;
  return nullptr;
}

bool serves(const std::string& command) { return command == "search" || endpoint_for(command) != nullptr; }

std::string served_commands() {
  std::string out;
  for (const auto& e : endpoints()) out += (out.empty() ? "" : ", ") + e.command;
  return out + ", search";
}

HttpOptions http_options(const BackendSpec& backend, const EnvLookup& env) {
  HttpOptions o;
  o.backend = backend.name;
  o.base_url = backend.get("base_url").value_or("");
  // The key pair first (it does not expire); a credentials file without one: its token.
  bool key_pair = backend.get("api_key_env").has_value();
  if (!key_pair && !backend.get("token_env") && backend.get("credentials_file")) {
    try {
      resolve_secret(backend, "api_key", env);
      key_pair = true;
    } catch (const core::Error&) {
      key_pair = false;
    }
  }
  if (key_pair) {
    o.auth_headers = {{"X-API-Key", resolve_secret(backend, "api_key", env)},
                      {"X-API-Secret", resolve_secret(backend, "api_secret", env)}};
    const auto key_var = backend.get("api_key_env");
    const auto secret_var = backend.get("api_secret_env");
    o.credential_hint = "X-API-Key from " + (key_var ? "$" + *key_var : std::string("the api_key of credentials_file")) +
                        ", X-API-Secret from " +
                        (secret_var ? "$" + *secret_var : std::string("the api_secret of credentials_file"));
  } else {
    o.auth_headers = {{"Authorization", "Bearer " + resolve_secret(backend, "token", env)}};
    if (const auto var = backend.get("token_env")) o.credential_hint = "Authorization: Bearer (JWT) from $" + *var;
    else o.credential_hint = "Authorization: Bearer (JWT) from the token of credentials_file";
  }
  served::apply_transport_keys(o, backend, k_rate_limit, "\"100/60s\"");
  return o;
}

std::string path_of(const Endpoint& endpoint, const std::string& id) {
  std::string path = endpoint.path;
  if (const auto at = path.find("{id}"); at != std::string::npos) path.replace(at, 4, percent_encode(id));
  return path;
}

nlohmann::json fetch(HttpClient& client, const Endpoint& endpoint, const std::string& id,
                     const std::optional<std::pair<std::string, std::string>>& dates) {
  const std::string path = path_of(endpoint, id);
  Query query;
  if (endpoint.dated && dates) query = {{"start_date", dates->first}, {"end_date", dates->second}};
  try {
    return object_of(client, client.get(path, query), "GET", path);
  } catch (const core::BackendError& e) {
    // An unknown agent or conversation: a data error (exit 3), as locally.
    if (!client.requests().empty() && client.requests().back().status == 404)
      throw core::DataError(e.what(), "check the id (convstat " + endpoint.command.substr(0, endpoint.command.find(' ')) +
                                          " ID --backend " + client.options().backend + ")");
    throw;
  }
}

bool is_uuid(const std::string& text) {
  static const std::regex re("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  return std::regex_match(text, re);
}

nlohmann::json search(HttpClient& client, const std::string& query, const std::string& agent_id, int limit) {
  if (query.find_first_not_of(" \t\r\n") == std::string::npos)
    throw core::UsageError("search needs a QUERY", "for example: convstat search --backend NAME --bot ID 'refund policy'");
  if (!is_uuid(agent_id))
    throw core::UsageError("--bot '" + agent_id + "' is not a UUID: " + client.options().backend +
                           "'s document search takes the agent's UUID");
  if (limit < 1 || limit > k_max_search_limit)
    throw core::UsageError("--limit " + std::to_string(limit) + " is out of bounds (1-50)");
  const json body = {{"query", query}, {"agent_id", agent_id}, {"limit", limit}};
  return object_of(client, client.post(k_search_path, body.dump()), "POST", k_search_path);
}

core::Unit unit_of(const std::string& key, const std::string& parent) {
  if (compared_key(key) && !parent.empty()) return unit_of(parent);
  if (ends_with(key, "_rate") || key == "share" || key == "percentage" || ends_with(key, "_pct") ||
      key.rfind("conversion_", 0) == 0)
    return core::Unit::percent;
  if (key == "ai_quality_avg" || key == "score" || key == "avg_messages_per_conversation" ||
      key == "avg_tokens_per_call")
    return core::Unit::ratio4;
  if (key.find("seconds") != std::string::npos || key.find("minutes") != std::string::npos || ends_with(key, "_ms") ||
      key == "csat_avg" || key == "avg_rating")
    return core::Unit::decimal1;
  return core::Unit::raw;
}

core::Result answer_result(const std::string& command, const std::string& id, const nlohmann::json& answer) {
  // The local commands' titles and main sections (core/kpi/*.cpp).
  static const std::map<std::string, std::pair<std::string, std::string>> shapes = {
      {"dashboard", {"Dashboard", "usage_trend"}},
      {"leads", {"Lead analytics", "growth"}},
      {"usage", {"Usage patterns and LLM usage", "llm_usage"}},
      {"search", {"Search", "results"}},
  };
  std::string title = command, main_section;
  if (const auto it = shapes.find(command); it != shapes.end()) {
    title = it->second.first;
    main_section = it->second.second;
  } else if (command == "bot") {
    title = "AI agent " + id;
  } else if (command == "conversation") {
    title = "Conversation " + id;
  }
  core::Result result{command, title, core::Node::object(), main_section};
  if (answer.is_object()) result.root = answer_node(answer, k_shape, "", "", command);
  return result;
}

std::string test_backend(const BackendSpec& backend, const EnvLookup& env) {
  HttpClient client(http_options(backend, env));
  const json health = object_of(client, client.get(k_health_path), "GET", k_health_path);
  const std::string status = health.value("status", std::string());
  if (status != "healthy" && status != "ok")
    throw core::BackendError("backend '" + backend.name + "': GET /health: the API reports status '" + status + "'",
                             "its database, Redis or Celery may be down: " + health.dump());
  const Endpoint& dashboard = *endpoint_for("dashboard");
  fetch(client, dashboard, "", std::nullopt);
  return "GET /health answered " + status + "; GET /v1/analytic/dashboard answered";
}

}  // namespace convstat::connectors::analytic
