#pragma once
// The analytic backend (seed 000, an AI-agent platform's Analytics API): the
// company dashboard, one agent's metrics (and its comparison against the
// company averages), one conversation, leads and usage, served as convstat's
// dashboard, bot ID, bot ID --compare, conversation ID, leads and usage; and
// the document search (POST /v1/search/document) behind `search --backend NAME
// --bot ID QUERY`. Each is one request; the answer is passed through as the
// API sent it (spec/connectors.md "Served KPIs").
//
// Dates: seed 000 takes start_date/end_date as ISO 8601 dates; convstat sends
// whole days of the backend's zone (`tz`, default UTC), end_date inclusive
// (the range's last day). dashboard and conversation take no range.
//
// Auth: X-API-Key + X-API-Secret (api_key_env + api_secret_env, or
// credentials_file api_key + api_secret), else Authorization: Bearer <JWT>
// (token_env, or the credentials file's token). The key pair wins when both
// are configured (it does not expire). The analytics need the `read` scope,
// the search the `write` scope (a read-only key gets 403).
//
// Rate limit: seed 000 documents none; the client keeps to k_rate_limit unless
// the config sets rate_limit.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "connectors/backend_config.hpp"
#include "connectors/http.hpp"
#include "core/result.hpp"

namespace convstat::connectors::analytic {

struct Endpoint {
  std::string command;  // "bot --compare" (what the answer is stored as)
  std::string path;     // "/v1/analytic/agent/{id}/performance-comparison"; {id} is the command's ID
  bool dated = true;    // takes start_date/end_date
  bool has_id = false;  // the command's positional ID goes into the path
};

// dashboard, bot, bot --compare, conversation, leads, usage.
const std::vector<Endpoint>& endpoints();
// The endpoint serving the KPI command `command` ("bot"; `compare` picks the
// comparison), or nullptr when analytic does not serve it (search is not an
// Endpoint: see search()).
const Endpoint* endpoint_for(const std::string& command, bool compare = false);
// True when `command` is served (the endpoints' commands and search).
bool serves(const std::string& command);
// "dashboard, bot, bot --compare, conversation, leads, usage, search".
std::string served_commands();

// No rate limit is documented (seed 000): a conservative default.
inline constexpr RateLimit k_rate_limit{100, 60.0};
// seed 000: the document search takes limit up to 50.
inline constexpr int k_max_search_limit = 50;
inline constexpr const char* k_search_path = "/v1/search/document";
inline constexpr const char* k_health_path = "/health";

// The client options: base_url, the credential (see above) and its hint (the
// variables' names, never values), timeout_s, max_retries, ca_file, rate_limit.
HttpOptions http_options(const BackendSpec& backend, const EnvLookup& env);

// The endpoint's path with `id` percent-encoded into it.
std::string path_of(const Endpoint& endpoint, const std::string& id);

// One GET of `endpoint` (start_date/end_date when dated; `id` in the path).
// Throws core::DataError (exit 3) for a 404 (an unknown agent or conversation)
// with the backend's message, core::BackendError for any other HTTP failure
// and for a body that is not a JSON object ("malformed response from GET …").
nlohmann::json fetch(HttpClient& client, const Endpoint& endpoint, const std::string& id,
                     const std::optional<std::pair<std::string, std::string>>& dates);

// The document search: POST {"query", "agent_id", "limit"}. `agent_id` must
// be a UUID and `limit` 1-50 (core::UsageError otherwise, before any request).
nlohmann::json search(HttpClient& client, const std::string& query, const std::string& agent_id, int limit);

// True for a UUID (8-4-4-4-12 hex digits).
bool is_uuid(const std::string& text);

// The unit of a served number at `key` whose parent key is `parent` (the
// compared metric for value/company_average/difference): *_rate, share,
// percentage, conversion_*, *_pct → percent; ai_quality_avg, score,
// avg_messages_per_conversation, avg_tokens_per_call → four decimals; seconds,
// minutes, *_ms, csat_avg, avg_rating → one decimal; anything else raw
// (integers stay counts).
core::Unit unit_of(const std::string& key, const std::string& parent = "");

// An answer as a Result like the local command's (command, title and main
// section as core/kpi sets them), keys in the local order where known, vendor
// keys kept after them (sorted), numbers with unit_of's units.
core::Result answer_result(const std::string& command, const std::string& id, const nlohmann::json& answer);

// `backends test`: GET /health (its status must be healthy or ok), then the
// authenticated GET /v1/analytic/dashboard. Returns the detail of success;
// throws what HttpClient throws, or core::BackendError for an unhealthy API.
std::string test_backend(const BackendSpec& backend, const EnvLookup& env);

}  // namespace convstat::connectors::analytic
