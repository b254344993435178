#include "connectors/aurion.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <tuple>

#include "connectors/answer_node.hpp"
#include "connectors/served.hpp"
#include "core/error.hpp"
#include "core/util/redact.hpp"

namespace convstat::connectors::aurion {
namespace {

using json = nlohmann::json;

// Key orders as seed 002 (and kpis.md, so the local commands) print them: per
// command for the top level, per parent key for nested objects, then a general
// list; other (vendor) keys follow, sorted.
const std::vector<std::string>& order_for(const std::string& context) {
  static const std::map<std::string, std::vector<std::string>> orders = {
      {"overview",
       {"total_conversations", "ai_resolved_count", "ai_resolution_rate", "human_resolved_count", "escalation_rate",
        "first_response_minutes_avg", "resolution_minutes_median", "channel_distribution", "unique_contacts",
        "avg_duration_minutes", "csat_avg"}},
      {"resolution",
       {"total_conversations", "resolved_count", "ai_resolved_count", "human_resolved_count", "ai_resolution_rate",
        "human_resolution_rate", "resolution_rate", "by_priority"}},
      {"sla", {"first_response", "resolution", "by_priority", "by_team"}},
      {"csat",
       {"total_responses", "rated_responses", "avg_rating", "positive_responses", "positive_rate", "distribution",
        "trend", "per_agent", "surveys_sent", "response_rate"}},
      {"teams", {"teams"}},
      {"csat responses", {"items", "total", "limit", "offset"}},
      {"items",
       {"id", "conversation_id", "contact_id", "rating", "comment", "followup_answer", "channel", "sent_at",
        "responded_at", "conversation_subject", "assignee_user_id", "assignee_name", "assignee_team_id",
        "assignee_team_name"}},
      {"insights",
       {"csat", "busiest_hours", "top_topics", "agent_performance", "team_performance", "help_center_deflection",
        "sla_breach_trend", "email_channel_metrics", "aggregation_health", "metadata"}},
      {"sla_breach_trend", {"day", "tracked", "breached", "met", "compliance_rate"}},
      {"calls", {"kpis", "call_volume", "outcome_breakdown", "peak_hours"}},
      {"kpis",
       {"total_calls", "completed_calls", "failed_calls", "avg_duration_seconds", "first_call_resolution_rate",
        "tickets_created", "escalation_count", "period_start", "period_end"}},
      {"calls resolution", {"fcr_trend", "resolution_by_category", "avg_resolution_time_seconds", "period_comparison"}},
      {"unified", {"profile", "voice", "cs", "cross_product", "kb"}},
      {"voice",
       {"total_calls", "completed_calls", "failed_calls", "avg_duration_seconds", "first_call_resolution_rate",
        "tickets_created", "escalation_count"}},
      {"cs",
       {"total_conversations", "ai_resolved_count", "ai_resolution_rate", "human_resolved_count", "escalation_rate",
        "first_response_minutes_avg", "resolution_minutes_median", "channel_distribution", "unique_contacts",
        "avg_duration_minutes", "csat_avg"}},
      {"cross_product", {"total_interactions", "blended_resolution_rate", "voice_share", "cs_share"}},
      {"kb", {"total_published", "total_views", "helpfulness_rate", "ai_resolutions"}},
      {"usage",
       {"total_conversations", "active_users", "total_calls", "hourly_distribution", "weekly_distribution",
        "monthly_trends", "llm_usage", "avg_tokens_per_call", "api"}},
      {"llm_usage",
       {"provider", "model", "total_requests", "total_input_tokens", "total_output_tokens", "avg_latency_ms",
        "p95_latency_ms", "error_count", "total_cost_usd"}},
      {"calls search", {"results", "total_count", "search_term_redacted"}},
      {"results", {"call_id", "phone_number_redacted", "start_time", "duration_seconds", "outcome", "status"}},
  };
  static const std::vector<std::string> general = {
      // identities first
      "day", "date", "priority", "team_id", "team_name", "channel", "channel_id", "address", "status", "rating",
      "hour_utc", "hour", "day_of_week", "topic", "outcome", "category", "assignee_user_id", "assignee_name", "article_id", "title", "slug",
      // buckets and breakdowns
      "total", "tracked", "met", "breached", "pending", "compliance_rate", "resolved", "ai_resolved", "human_resolved",
      "resolution_rate", "total_calls", "completed_calls", "failed_calls", "fcr_rate", "call_count",
      "conversation_count", "response_count", "count", "percentage", "avg_rating", "positive_rate", "share",
      "assigned_count", "resolved_count", "avg_first_response_minutes", "avg_resolution_minutes",
      // help center
      "article_count", "total_views", "helpful_feedback", "not_helpful_feedback", "deflection_rate", "helpfulness_rate",
      "top_articles", "view_count", "helpful_count", "not_helpful_count",
      // email channels
      "total_channels", "active_channels", "email_conversations", "inbound_messages", "outbound_messages",
      "bounced_contacts", "complained_contacts", "by_channel",
      // aggregation health
      "target_conversation_volume", "per_query_budget_ms", "total_budget_ms", "conversations_scanned",
      "total_runtime_ms", "target_met", "overview_ms", "sla_compliance_ms", "agent_performance_ms",
      // metadata
      "date_from", "date_to", "tz"};
  const auto it = orders.find(context);
  return it != orders.end() ? it->second : general;
}

// Units by key, key orders by context (order_for).
const NodeShape k_shape{[](const std::string& key, const std::string&) { return unit_of(key); },
                        [](const std::string& key, const std::string& context) {
                          return std::make_pair(rank_in(order_for(context), key), rank_in(order_for(""), key));
                        }};

}  // namespace

const std::vector<Endpoint>& endpoints() {
  static const std::vector<Endpoint> all = {
      {"overview", "/api/v2/analytics/conversations/overview", true},
      {"sla", "/api/v2/analytics/conversations/sla-compliance", true},
      {"csat", "/api/v2/analytics/conversations/csat", true},
      {"csat responses", "/api/v2/analytics/conversations/csat/responses", true, true},
      {"resolution", "/api/v2/analytics/conversations/resolution-rates", true},
      {"teams", "/api/v2/analytics/conversations/teams", false},
      {"insights", "/api/v2/analytics/conversations/insights", true},
      {"calls", "/api/v1/analytics/call-metrics", true, false, true},
      {"calls resolution", "/api/v1/analytics/resolution-rates", true, false, true},
      {"unified", "/api/v2/analytics/unified-overview", true},
      {"usage", "/api/v1/analytics/usage-patterns", true, false, true},
      {"calls search", "/api/v1/analytics/search", true, false, true, true},
  };
  return all;
}

const Endpoint* endpoint_for(const std::string& command) {
  for (const auto& e : endpoints())
    if (e.command == command) return &e;
  return nullptr;
}

std::string served_commands() {
  std::string out;
  for (const auto& e : endpoints()) out += (out.empty() ? "" : ", ") + e.command;
  return out;
}

void require_utc(const std::string& backend, const std::optional<std::string>& tz) {
  if (tz && *tz != k_zone)
    throw core::UsageError("backend '" + backend + "' (aurion) buckets days in UTC, not " + *tz,
                           "drop --tz (or CONVSTAT_TZ / the tz setting), or use --tz UTC");
}

DateParams date_params(const core::TimeRange& range, const std::string& backend) {
  if (range.to_ms - range.from_ms < 1000) throw core::UsageError(backend + ": the range holds no second");
  return {core::format_instant_utc(range.from_ms), core::format_instant_utc(range.to_ms - 1000)};
}

HttpOptions http_options(const BackendSpec& backend, const EnvLookup& env) {
  HttpOptions o;
  o.backend = backend.name;
  o.base_url = backend.get("base_url").value_or("");
  // The session token first: the preview endpoints answer 403 to an API key today (seed 002).
  std::optional<std::string> token;
  if (backend.get("token_env")) {
    token = resolve_secret(backend, "token", env);
  } else if (!backend.get("api_key_env") && backend.get("credentials_file")) {
    try {
      token = resolve_secret(backend, "token", env);
    } catch (const core::Error&) {
      token.reset();  // no token in the file: its api_key
    }
  }
  if (token) {
    o.auth_headers = {{"Authorization", "Bearer " + *token}};
    if (const auto var = backend.get("token_env")) o.credential_hint = "Authorization: Bearer from $" + *var;
    else o.credential_hint = "Authorization: Bearer from the token of credentials_file";
  } else {
    o.auth_headers = {{"X-API-Key", resolve_secret(backend, "api_key", env)}};
    const std::string from =
        backend.get("api_key_env") ? "$" + *backend.get("api_key_env") : std::string("the api_key of credentials_file");
    o.credential_hint = "X-API-Key from " + from +
                        "; aurion's analytics endpoints answer 403 to API keys until public API-key access ships "
                        "(seed 002): set token_env to a dashboard session token";
  }
  served::apply_transport_keys(o, backend, k_rate_limit, "\"300/60s\"");
  return o;
}

namespace {

json get_object(HttpClient& client, const Endpoint& endpoint, const Query& query) {
  const HttpResponse response = client.get(endpoint.path, query);
  json answer = json::parse(response.body, nullptr, false);
  const std::string where = client.options().backend + ": GET " + endpoint.path;
  if (answer.is_discarded())
    throw core::BackendError(where + ": malformed response (not JSON, or cut short)", "nothing was stored; try again");
  if (!answer.is_object())
    throw core::BackendError(where + ": malformed response (not a JSON object)", "nothing was stored");
  return answer;
}

}  // namespace

nlohmann::json fetch(HttpClient& client, const Endpoint& endpoint, const std::optional<DateParams>& dates,
                     int page_size) {
  Query query;
  if (endpoint.dated && dates) query = {{"date_from", dates->date_from}, {"date_to", dates->date_to}};
  if (!endpoint.paged) return get_object(client, endpoint, query);

  const std::string where = client.options().backend + ": GET " + endpoint.path;
  json items = json::array();
  std::int64_t total = 0;
  for (;;) {
    Query page_query = query;
    page_query.emplace_back("limit", std::to_string(page_size));
    page_query.emplace_back("offset", std::to_string(items.size()));
    json page = get_object(client, endpoint, page_query);
    if (!page.contains("items") || !page["items"].is_array() || !page.contains("total") ||
        !page["total"].is_number_integer())
      throw core::BackendError(where + ": malformed response (not the documented {items, total, limit, offset} envelope)",
                               "nothing was stored");
    total = page["total"].get<std::int64_t>();
    const bool empty = page["items"].empty();
    for (auto& item : page["items"]) items.push_back(std::move(item));
    if (static_cast<std::int64_t>(items.size()) >= total) break;
    if (empty)
      throw core::BackendError(where + ": the API sent an empty page at offset " + std::to_string(items.size()) +
                                   " of " + std::to_string(total) + "; stopped instead of looping",
                               "nothing was stored; try again");
  }
  return json{{"items", std::move(items)}, {"total", total}};
}

nlohmann::json responses_page(const nlohmann::json& whole, const std::string& limit_text,
                              const std::string& offset_text) {
  const auto number = [](const std::string& text, long long fallback, long long min, long long max,
                         const std::string& option) {
    if (text.empty()) return fallback;
    std::size_t used = 0;
    long long value = 0;
    try {
      value = std::stoll(text, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != text.size() || value < min || value > max)
      throw core::UsageError("--" + option + " '" + text + "' is out of bounds (" +
                             (option == "limit" ? std::string("1-200") : std::string("0 or more")) + ")");
    return value;
  };
  const long long limit = number(limit_text, 50, 1, k_max_page, "limit");
  const long long offset = number(offset_text, 0, 0, std::numeric_limits<long long>::max(), "offset");
  json items = json::array();
  if (whole.contains("items") && whole["items"].is_array()) {
    const auto& all = whole["items"];
    for (long long i = offset; i < offset + limit && i < static_cast<long long>(all.size()); ++i)
      items.push_back(all[static_cast<std::size_t>(i)]);
  }
  return json{{"items", std::move(items)}, {"total", whole.value("total", json())}, {"limit", limit}, {"offset", offset}};
}

V1Params v1_params(const core::TimeRange& range, const core::TimeZone& tz, const std::string& backend) {
  if (!range.date_based)
    throw core::UsageError(backend + "'s v1 call analytics take whole days: give --from/--to as dates (YYYY-MM-DD), "
                                     "--days or --period");
  if (range.day_count() <= 0) throw core::UsageError(backend + ": the range holds no day");
  return {core::format_date(range.first_day), core::format_date(range.last_day), tz.name()};
}

nlohmann::json fetch_v1(HttpClient& client, const Endpoint& endpoint, const V1Params& params) {
  return get_object(client, endpoint,
                    {{"start_date", params.start_date}, {"end_date", params.end_date}, {"tz", params.tz}});
}

namespace {

// Every string under a key naming a phone (not already *_redacted) replaced by its redacted form.
void redact_phones(json& value) {
  if (value.is_array())
    for (auto& item : value) redact_phones(item);
  if (!value.is_object()) return;
  for (auto& [key, item] : value.items()) {
    std::string lower = key;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (item.is_string() && lower.find("phone") != std::string::npos && !ends_with(lower, "_redacted"))
      item = core::redact_phone(item.get<std::string>());
    else
      redact_phones(item);
  }
}

}  // namespace

nlohmann::json fetch_search(HttpClient& client, const Endpoint& endpoint, const V1Params& params,
                            const std::string& digits, std::int64_t limit) {
  json answer;
  try {
    answer = get_object(client, endpoint,
                        {{"phone", digits}, {"start_date", params.start_date}, {"end_date", params.end_date},
                         {"limit", std::to_string(limit)}, {"tz", params.tz}});
  } catch (const core::Error& e) {  // an API message echoing the number: its redacted form instead
    const std::string redacted = core::redact_phone(digits);
    std::string message = e.what(), hint = e.hint();
    for (std::string* text : {&message, &hint})
      for (std::size_t at = text->find(digits); at != std::string::npos; at = text->find(digits, at + redacted.size()))
        text->replace(at, digits.size(), redacted);
    throw core::Error(e.code(), message, hint);
  }
  redact_phones(answer);
  return answer;
}

core::Unit unit_of(const std::string& key) {
  if (key == "duration_seconds") return core::Unit::raw;  // a call's duration as stored (calls search)
  if (key == "avg_tokens_per_call") return core::Unit::ratio4;
  if (ends_with(key, "_rate") || key == "share" || key == "percentage" || ends_with(key, "_share"))
    return core::Unit::percent;
  if (key.find("minutes") != std::string::npos || key.find("seconds") != std::string::npos || ends_with(key, "_ms") ||
      key == "avg_rating" || key == "csat_avg")
    return core::Unit::decimal1;
  return core::Unit::raw;
}

core::Result answer_result(const std::string& command, const nlohmann::json& answer) {
  // The local commands' titles and main sections (core/kpi/*.cpp).
  static const std::map<std::string, std::pair<std::string, std::string>> shapes = {
      {"overview", {"Conversation overview", "channel_distribution"}},
      {"sla", {"SLA compliance", "by_priority"}},
      {"csat", {"CSAT analytics", "trend"}},
      {"csat responses", {"CSAT responses", "items"}},
      {"calls", {"Call metrics", "call_volume"}},
      {"calls resolution", {"Call resolution", "fcr_trend"}},
      {"resolution", {"Resolution rates", "by_priority"}},
      {"teams", {"Teams", "teams"}},
      {"insights", {"Insights", "top_topics"}},
      {"unified", {"Unified overview", ""}},
      {"usage", {"Usage patterns and LLM usage", "llm_usage"}},
      {"calls search", {"Calls by phone number", "results"}},
  };
  std::string title = command, main_section;
  if (const auto it = shapes.find(command); it != shapes.end()) std::tie(title, main_section) = it->second;
  else if (!title.empty()) title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
  core::Result result{command, title, core::Node::object(), main_section};
  if (answer.is_object()) result.root = answer_node(answer, k_shape, "", "", command);
  return result;
}

std::string test_backend(const BackendSpec& backend, const EnvLookup& env) {
  HttpClient client(http_options(backend, env));
  const std::int64_t now = core::now_ms();
  const std::int64_t day_ms = 86'400'000;
  core::TimeRange range;
  range.from_ms = (now / day_ms - 1) * day_ms;  // yesterday 00:00 UTC
  range.to_ms = (now / day_ms + 1) * day_ms;    // tomorrow 00:00 UTC
  const Endpoint health{"aggregation-health", "/api/v2/analytics/conversations/aggregation-health", true};
  const json answer = fetch(client, health, date_params(range, backend.name));
  std::string detail = "GET aggregation-health answered";
  if (const auto it = answer.find("target_met"); it != answer.end() && it->is_boolean())
    detail += std::string(" (target_met ") + (it->get<bool>() ? "true" : "false") + ")";
  return detail;
}

}  // namespace convstat::connectors::aurion
