#pragma once
// The indigo backend (seed 004, Analytics REST API): the six daily series,
// fetched page by page with its opaque cursor until next_cursor is null.
// The answer is passed through as the API sent it (spec/connectors.md
// "Served KPIs"): the pages' data concatenated, metadata from the last page
// with next_cursor null.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "connectors/http.hpp"

namespace convstat::connectors::indigo {

struct Endpoint {
  std::string command;       // "daily chats"
  std::string path;          // "/rest/dashboard/{project_id}/chats/count"
  std::string cursor_param;  // "cursor", or "after" for users/unique-daily
};

// daily messages, chats, users, csat, ai-quality, errors.
const std::vector<Endpoint>& endpoints();
// The endpoint serving `command`, or nullptr.
const Endpoint* endpoint_for(const std::string& command);

// indigo's documented limit: 100 requests per 60 s per token.
inline constexpr RateLimit k_rate_limit{100, 60.0};
inline constexpr int k_max_page_days = 365;

// Every page of `endpoint` for days [from, to) (YYYY-MM-DD, `to` exclusive as
// the API wants it). Throws core::BackendError (exit 4) for an HTTP failure
// (HttpClient), a body that is not the documented envelope ("malformed
// response from GET /rest/…"), or a cursor that repeats.
nlohmann::json fetch_daily(HttpClient& client, const Endpoint& endpoint, const std::string& project_id,
                           const std::string& from, const std::string& to, int page_days = k_max_page_days);

}  // namespace convstat::connectors::indigo
