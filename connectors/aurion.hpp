#pragma once
// The aurion backend (seed 002, Analytics & Reporting API): the v2
// conversation analytics served as convstat's overview, sla, csat, csat
// responses, resolution, teams and insights, the v2 unified-overview as
// unified, and the v1 voice analytics as calls, calls resolution, usage and
// calls search (phone search: redacted, never cached). Each is one GET (csat
// responses: every page of limit/offset); the answer is passed through as the
// API sent it (spec/connectors.md "Served KPIs").
//
// Dates: the v2 endpoints take RFC 3339 datetimes and bucket days in UTC;
// date_to is inclusive, so it is convstat's exclusive end - 1 s (teams takes
// none). The v1 endpoints take start_date/end_date days (inclusive) and tz.
//
// Auth: X-API-Key from api_key_env, or Authorization: Bearer from token_env (a
// dashboard session token). When both are configured the session token is
// used: seed 002 says these preview endpoints answer 403 to an X-API-Key
// today, so the 401/403 hint of an API key says to use token_env.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "connectors/backend_config.hpp"
#include "connectors/http.hpp"
#include "core/result.hpp"
#include "core/time/time.hpp"

namespace convstat::connectors::aurion {

struct Endpoint {
  std::string command;  // "sla"
  std::string path;     // "/api/v2/analytics/conversations/sla-compliance"
  bool dated = true;    // takes date_from/date_to (teams does not)
  bool paged = false;   // offset paging with limit/offset until total, envelope items (csat responses)
  bool v1 = false;      // v1 voice analytics: start_date/end_date (dates, inclusive) and tz, not date_from/date_to
  bool search = false;  // v1 phone search: also phone and limit; never cached (see fetch_search)
};

// overview, sla, csat, csat responses, resolution, teams, insights, unified
// (v2); calls, calls resolution, usage, calls search (v1).
const std::vector<Endpoint>& endpoints();
// The endpoint serving `command`, or nullptr.
const Endpoint* endpoint_for(const std::string& command);
// "overview, sla, csat, csat responses, resolution, teams, insights, unified,
// calls, calls resolution, usage, calls search".
std::string served_commands();

// The zone aurion v2 buckets days in.
inline constexpr const char* k_zone = "UTC";
// seed 002: csat/responses takes limit 1-200.
inline constexpr int k_max_page = 200;
// seed 002: 300 requests per minute per API key.
inline constexpr RateLimit k_rate_limit{300, 60.0};
// seed 002: phone search is limited to 10 searches per minute per user.
inline constexpr RateLimit k_search_rate_limit{10, 60.0};

// Throws core::UsageError when `tz` (the --tz setting, if any) is another zone
// than UTC, naming UTC.
void require_utc(const std::string& backend, const std::optional<std::string>& tz);

// date_from / date_to of a range resolved in UTC: RFC 3339 ("…Z"), date_to
// inclusive = the range's exclusive end - 1 s. Throws core::UsageError for a
// range shorter than one second.
struct DateParams {
  std::string date_from;
  std::string date_to;
};
DateParams date_params(const core::TimeRange& range, const std::string& backend);

// The v1 parameters of a range resolved in `tz`: start_date = its first day,
// end_date = its last day (inclusive, as seed 002's example pairs
// 2026-03-01..2026-03-08 with the v2 range ending 2026-03-08T23:59:59Z),
// tz = the zone's name. Throws core::UsageError for a datetime range (v1
// takes dates) or an empty one.
struct V1Params {
  std::string start_date;
  std::string end_date;
  std::string tz;
};
V1Params v1_params(const core::TimeRange& range, const core::TimeZone& tz, const std::string& backend);

// The client options: base_url, the credential (see above) and its hint,
// timeout_s, max_retries, ca_file, rate_limit (default k_rate_limit).
HttpOptions http_options(const BackendSpec& backend, const EnvLookup& env);

// One GET of `endpoint` (with the dates when it takes them). Throws
// core::BackendError for an HTTP failure (HttpClient) or a body that is not a
// JSON object ("malformed response from GET /api/v2/…").
// A paged endpoint (csat responses) is fetched whole: limit `page_size`,
// offset 0, page_size, … until `total` items arrived; the answer is
// {"items": [all of them], "total": N}. A page that is not the documented
// {items, total, limit, offset} envelope, or an empty page before `total`,
// throws core::BackendError.
nlohmann::json fetch(HttpClient& client, const Endpoint& endpoint, const std::optional<DateParams>& dates,
                     int page_size = k_max_page);
// One GET of a v1 endpoint with start_date, end_date and tz.
nlohmann::json fetch_v1(HttpClient& client, const Endpoint& endpoint, const V1Params& params);

// GET /api/v1/analytics/search with phone (`digits`, the number's digits
// only), start_date, end_date, limit (1-100) and tz. The number is personal
// data: it never appears in a message (an error's text has it replaced by its
// redacted form) and the answer is never cached. Every string of the answer
// under a key naming a phone (other than *_redacted) is redacted
// ("***-***-5678") whatever the API sent. Throws what fetch_v1 throws.
nlohmann::json fetch_search(HttpClient& client, const Endpoint& endpoint, const V1Params& params,
                            const std::string& digits, std::int64_t limit);

// The page of a whole csat responses answer that --limit/--offset ask for,
// shaped as the local command's {items, total, limit, offset}. `limit` and
// `offset` are the options as typed (empty: 50 and 0); out of bounds
// (limit 1-200, offset >= 0) is a core::UsageError.
nlohmann::json responses_page(const nlohmann::json& whole, const std::string& limit, const std::string& offset);

// The unit of a served number (documented rule, matching the local commands):
// a key ending in _rate, "share" or "percentage" → percent (one decimal);
// a key holding minutes, seconds, _ms, or a rating mean (avg_rating,
// csat_avg) → one decimal, except a call's own duration_seconds (raw, as
// calls search prints it); avg_tokens_per_call four decimals; an integer →
// count; any other number raw.
core::Unit unit_of(const std::string& key);

// An answer as a Result like the local command's (command, title and main
// section as core/kpi sets them), keys in the local order where known, vendor
// keys kept (after the known ones, sorted), numbers with unit_of's units.
core::Result answer_result(const std::string& command, const nlohmann::json& answer);

// `backends test`: GET aggregation-health for the last day. Returns the detail
// of success; throws what HttpClient throws.
std::string test_backend(const BackendSpec& backend, const EnvLookup& env);

}  // namespace convstat::connectors::aurion
