#pragma once
// The speechai backend (seed 003, Speech AI pipeline Analytics & Monitoring
// API): `sessions costs ID` (GET /sessions/{id}/costs) and `sessions metrics
// ID` (GET /sessions/{id}/metrics), an answer about one session passed through
// as the API sent it, and `feedback add --backend NAME`, which POSTs /feedback
// (spec/connectors.md "Served KPIs").
//
// Auth: X-API-Key from api_key_env or the api_key of credentials_file; a
// missing or wrong key gets 401 {"detail": "Invalid API key"}. Errors are
// {"detail": "…"}: 404 "Session not found" is a DataError (exit 3, as the local
// command's unknown session), 400/422 of POST /feedback (the seed's rating
// validation) a UsageError (exit 2) with the backend's message.
//
// Rate limit: seed 003 documents none (it asks clients to poll no more often
// than every 3-5 s): no client-side limit unless `rate_limit` is configured;
// a 429 is still retried honouring Retry-After (HttpClient).
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "connectors/backend_config.hpp"
#include "connectors/http.hpp"
#include "core/result.hpp"

namespace convstat::connectors::speechai {

// "sessions costs, sessions metrics, feedback add".
std::string served_commands();
// Whether `command` is one of them.
bool serves(const std::string& command);

// The client options: base_url (".../api/v1"), X-API-Key and its hint,
// timeout_s, max_retries, ca_file, rate_limit (default none). Throws
// UsageError for a malformed key.
HttpOptions http_options(const BackendSpec& backend, const EnvLookup& env);

// "/sessions/<id>/<what>" with the id percent-encoded as one path segment
// (unreserved characters kept). Throws UsageError for an empty id.
std::string session_path(const std::string& session_id, const std::string& what);

// GET /sessions/{id}/costs or /metrics (`what` "costs" or "metrics"): the
// answer as a JSON object. Throws core::DataError for the documented 404
// ("NAME: session 'ID' not found: Session not found"), core::BackendError for
// any other failure or a body that is not a JSON object.
nlohmann::json fetch_session(HttpClient& client, const std::string& what, const std::string& session_id);

// The POST /feedback body of `feedback add`'s options (conversation -> session_id,
// rating (an integer, else UsageError), rating-type -> rating_type, text ->
// feedback_text, category -> feedback_category, turn -> turn_id, message ->
// message_id, the four flags as true). The rating is not checked against its
// type here: the backend's 400 says what is wrong.
nlohmann::json feedback_body(const std::map<std::string, std::string>& options);

// POST /feedback (sent again only when it never reached the server). Returns
// the 201 answer. Throws core::UsageError for 400/422 with the backend's
// message (nothing was stored), core::DataError for 404, core::BackendError
// otherwise or for an answer without id.
nlohmann::json post_feedback(HttpClient& client, const nlohmann::json& body);

// The answer of POST /feedback as `feedback add`'s Result (id, session_id,
// rating, rating_type, created_at). created_at has no offset in seed 003: it is
// read as UTC and printed as convstat prints instants ("…Z", milliseconds);
// an unreadable one is kept as sent.
core::Result feedback_result(const nlohmann::json& answer);

// A session answer as the local command's Result: the same command, title and
// keys in the local order, vendor keys after them (sorted); *_usd raw, *_ms
// one decimal, cache_hit_rate four decimals (a 0-1 ratio), integers counts.
core::Result session_result(const std::string& command, const nlohmann::json& answer);

// `backends test`: GET /sessions/convstat-backends-test/metrics, one cheap
// authenticated request; 200 or the documented 404 "Session not found" both
// mean the key was accepted. Returns the detail; throws what HttpClient throws.
std::string test_backend(const BackendSpec& backend, const EnvLookup& env);

// The session id `backends test` asks about.
inline constexpr const char* k_probe_session = "convstat-backends-test";

}  // namespace convstat::connectors::speechai
