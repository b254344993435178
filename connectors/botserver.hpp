#pragma once
// The botserver backend (seed 001, bot server Analytics API, a roadmap
// document): usage, usage daily, usage monthly, engagement and realtime are
// served (one GET each, no paging: the seed documents none), and the
// server-side custom reports are created (POST /api/v1/analytics/reports),
// listed and read. Answers are passed through as the API sent them
// (spec/connectors.md "Served KPIs").
//
// Range (the seed's Time Range Filters; it documents no zone, so days are the
// backend's `tz`, default UTC): a range that is exactly today → period=today;
// a range ending today → days=N (N days including today, as the seed's
// `usage/daily?days=7` reads); any other → start_date/end_date (ISO 8601
// dates, both inclusive, as the seed's report example 2025-01-01..2025-01-31
// reads). period=week|month|year are not sent: the seed leaves open whether
// they are calendar or rolling periods. group_by is not sent: usage daily and
// monthly are their own endpoints. A datetime range cannot be expressed: a
// usage error naming what is accepted. realtime takes no range.
//
// Auth: `Authorization: Bearer` from token_env or credentials_file. Roles:
// analytics_viewer reads usage, engagement and realtime; reports need
// analytics_admin or admin (a viewer gets 403). The seed documents no error
// body and no rate limit: any error body shape of http.hpp is read, and the
// client keeps to k_rate_limit unless rate_limit is configured.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "connectors/backend_config.hpp"
#include "connectors/http.hpp"
#include "core/result.hpp"
#include "core/time/time.hpp"

namespace convstat::connectors::botserver {

struct Endpoint {
  std::string command;  // "usage daily"
  std::string path;     // "/api/v1/analytics/usage/daily"
  bool ranged = true;   // takes the time range filters (realtime does not)
  std::string list;     // the list the answer must carry ("data"), "" for none
};

// usage, usage daily, usage monthly, engagement, realtime.
const std::vector<Endpoint>& endpoints();
// The endpoint serving `command`, or nullptr.
const Endpoint* endpoint_for(const std::string& command);
// "usage, usage daily, usage monthly, engagement, realtime, report".
std::string served_commands();

inline constexpr const char* k_reports_path = "/api/v1/analytics/reports";
// The seed documents no limit: a conservative 60 requests per 60 s.
inline constexpr RateLimit k_rate_limit{60, 60.0};

// The range filters of a whole-day range (see the header comment); `today` is
// the current local day in the backend's zone. first_day/last_day: the days
// covered, inclusive (the answer's cache key). Throws core::UsageError for a
// datetime range or an empty one.
struct RangeParams {
  Query query;
  std::string first_day;
  std::string last_day;
};
RangeParams range_params(const core::TimeRange& range, std::int32_t today, const std::string& backend);
// start_date/end_date always (a report is a document of fixed days). Same errors.
RangeParams explicit_dates(const core::TimeRange& range, const std::string& backend);

// base_url, the Bearer token and its hint, timeout_s, max_retries, ca_file,
// rate_limit (default k_rate_limit). Throws UsageError for a malformed key.
HttpOptions http_options(const BackendSpec& backend, const EnvLookup& env);

// One GET of `endpoint` with `query`. Throws core::BackendError for an HTTP
// failure, or a body that is not a JSON object carrying the endpoint's list
// ("malformed response from GET /api/…"): nothing is stored then.
nlohmann::json fetch(HttpClient& client, const Endpoint& endpoint, const Query& query);

// Reports. create_report POSTs {type, start_date, end_date} and returns the
// server's answer (its id among it); list_reports answers {"reports": […]}
// (a bare array is wrapped); get_report answers the report, or throws
// core::DataError "Report not found" for a 404 (an id that is not letters,
// digits, '-', '_', '.' is a core::UsageError, never put in the path). Other failures as fetch().
nlohmann::json create_report(HttpClient& client, const std::string& type, const RangeParams& dates);
nlohmann::json list_reports(HttpClient& client);
nlohmann::json get_report(HttpClient& client, const std::string& id);

// The unit of a served number, as the local commands print it: *_rate,
// week_N → percent; csat_avg → one decimal; avg_conversations_per_user,
// messages_per_minute → four decimals; other numbers as sent.
core::Unit unit_of(const std::string& key);
// An answer as a Result like the local command's (title, main section), keys
// in the local order where known, vendor keys after them (sorted). Reports:
// command "report" (main section "reports" for a list).
core::Result answer_result(const std::string& command, const nlohmann::json& answer);

// `backends test`: GET realtime/active (cheap, any role). Returns the detail
// of success; throws what HttpClient throws.
std::string test_backend(const BackendSpec& backend, const EnvLookup& env);

}  // namespace convstat::connectors::botserver
