#pragma once
// A loopback server that follows seed 002 (Aurion Analytics & Reporting API)
// for the v2 conversation analytics: overview, sla-compliance, csat,
// resolution-rates, teams, insights and aggregation-health, with the seed's
// example bodies (deterministic). Auth as the seed says today: an
// `Authorization: Bearer` dashboard session token works; an `X-API-Key` gets
// 403 {"detail": …} (the preview endpoints are not on the API-key allowlist)
// unless `accept_api_key` is set (the documented future contract), in which
// case `api_key` works and another key gets 401; a missing or wrong credential
// gets 401 {"detail": "Not authenticated"}. Parameters are validated as
// documented: date_from/date_to RFC 3339 datetimes (required here, so a
// client that forgets them is caught; date_to >= date_from), teams takes none.
// Rate limit `rate_limit` per `rate_window_s` with the documented 429 body and
// Retry-After; injectable faults: 500s, a body cut short. It records every
// request it receives. Also unified-overview (v2), usage-patterns (v1) and the
// v1 phone search: phone (at least 4 characters), start_date, end_date
// required, limit 1-100, tz; 10 searches per `search_window_s` with 429 and
// Retry-After; numbers matched on their digits, answered redacted
// ("***-***-5678") unless `unredacted` (a fault: the full number under
// phone_number too); `echo_phone` makes its 422 repeat the number (a fault).
#include <httplib.h>

#include <array>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

namespace convstat::testing {

struct AurionServer {
  struct Seen {
    std::string path;
    std::multimap<std::string, std::string> params;
    int status = 0;
  };

  std::string session_token = "session-good";
  std::string api_key = "itsm_sk_live_good";
  bool accept_api_key = false;
  int csat_responses = 450;  // csat/responses items (offset paging: limit 1-200, default 50)
  int rate_limit = 300;
  double rate_window_s = 60;
  int retry_after_s = 1;
  std::atomic<int> fail_500{0};       // the next N requests answer 500
  std::atomic<bool> truncate{false};  // bodies cut in half
  int search_limit = 10;             // seed 002: 10 searches per minute per user
  double search_window_s = 60;
  bool unredacted = false;           // fault: search results carry the full phone_number too
  bool echo_phone = false;           // fault: a 422 of the search repeats the number
  std::vector<double> search_window;
  // sync (records pulled by convstat sync): see the "sync" section at the end.
  int csat_newer = 0;                 // responses newer than resp-0000 (resp-n0001 …), as if they arrived later
  std::atomic<int> delay_ms{0};       // every answer waits this long (a kill lands mid-pull)
  int export_calls = 300;             // calls of an export, spread over 2026-03-01 … 2026-03-08
  int export_conversations = 200;     // conversations of an export, same days
  std::atomic<int> export_pending{0}; // downloads answering 202 (still being generated) before the data
  std::atomic<int> export_fail_500{0};  // the next N export downloads answer 500

  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::mutex mutex;
  std::vector<Seen> seen;
  std::vector<double> window;

  static nlohmann::json body_of(const std::string& name) {
    using nlohmann::json;
    static const std::map<std::string, std::string> bodies = {
        {"overview", R"({"total_conversations": 285, "ai_resolved_count": 118, "ai_resolution_rate": 41.4,
          "human_resolved_count": 92, "escalation_rate": 12.6, "first_response_minutes_avg": 12.5,
          "resolution_minutes_median": 252.0,
          "channel_distribution": [{"channel": "email", "conversation_count": 145}, {"channel": "chat", "conversation_count": 80},
                                   {"channel": "voice", "conversation_count": 35}, {"channel": "whatsapp", "conversation_count": 25}]})"},
        {"sla-compliance", R"({"first_response": {"tracked": 285, "met": 275, "breached": 10, "compliance_rate": 96.5},
          "resolution": {"tracked": 285, "met": 262, "breached": 23, "compliance_rate": 91.8},
          "by_priority": [{"priority": "urgent", "tracked": 25, "met": 22, "breached": 3, "compliance_rate": 88.0},
                          {"priority": "high", "tracked": 50, "met": 46, "breached": 4, "compliance_rate": 92.0},
                          {"priority": "medium", "tracked": 150, "met": 144, "breached": 6, "compliance_rate": 96.0},
                          {"priority": "low", "tracked": 60, "met": 59, "breached": 1, "compliance_rate": 98.0}],
          "by_team": [{"team_id": "f1e2d3c4-b5a6-7890-1234-567890abcdef", "team_name": "Tier 1", "tracked": 180, "met": 171, "breached": 9, "compliance_rate": 95.0}]})"},
        {"csat", R"({"total_responses": 120, "rated_responses": 112, "avg_rating": 4.3, "positive_responses": 96,
          "positive_rate": 85.7,
          "distribution": [{"rating": 5, "response_count": 64}, {"rating": 4, "response_count": 32}, {"rating": 3, "response_count": 10},
                           {"rating": 2, "response_count": 4}, {"rating": 1, "response_count": 2}],
          "trend": [{"day": "2026-03-01", "count": 14, "avg_rating": 4.4}],
          "per_agent": [{"assignee_user_id": "a1b2c3d4-e5f6-7890-1234-567890abcdef", "assignee_name": "Jane Doe", "response_count": 40, "avg_rating": 4.5, "positive_rate": 90.0}]})"},
        {"resolution-rates", R"({"total_conversations": 285, "resolved_count": 210, "ai_resolved_count": 118,
          "human_resolved_count": 92, "ai_resolution_rate": 41.4, "human_resolution_rate": 32.3, "resolution_rate": 73.7,
          "by_priority": [{"priority": "high", "total": 50, "resolved": 46, "ai_resolved": 20, "human_resolved": 26, "resolution_rate": 92.0}]})"},
        {"teams", R"({"teams": [{"team_id": "f1e2d3c4-b5a6-7890-1234-567890abcdef", "team_name": "Tier 1"}]})"},
        {"unified-overview", R"({"profile": "complete",
          "voice": {"total_calls": 156, "completed_calls": 130, "failed_calls": 26, "avg_duration_seconds": 245.0,
                    "first_call_resolution_rate": 62.8, "tickets_created": 98, "escalation_count": 32},
          "cs": {"total_conversations": 285, "ai_resolved_count": 118, "ai_resolution_rate": 41.4, "human_resolved_count": 92,
                 "escalation_rate": 12.6, "first_response_minutes_avg": 12.5, "resolution_minutes_median": 252.0, "csat_avg": 4.3,
                 "channel_distribution": [{"channel": "email", "conversation_count": 145}]},
          "cross_product": {"total_interactions": 441, "blended_resolution_rate": 70.5, "voice_share": 35.4, "cs_share": 64.6},
          "kb": {"total_published": 120, "total_views": 5400, "helpfulness_rate": 87.2, "ai_resolutions": 64}})"},
        {"aggregation-health", R"({"target_conversation_volume": 100000, "per_query_budget_ms": 500.0, "total_budget_ms": 2000.0,
          "total_runtime_ms": 480.0, "target_met": true, "overview_ms": 120.0, "sla_compliance_ms": 160.0, "agent_performance_ms": 200.0})"},
    };
    if (name == "insights") {
      json out;
      out["csat"] = body_of("csat");
      out["busiest_hours"] = json::parse(R"([{"hour_utc": 14, "conversation_count": 38}])");
      out["top_topics"] = json::parse(R"([{"topic": "VPN connectivity", "conversation_count": 42, "share": 14.7}])");
      out["agent_performance"] = json::parse(
          R"([{"assignee_user_id": "a1b2c3d4-e5f6-7890-1234-567890abcdef", "assignee_name": "Jane Doe", "assigned_count": 60, "resolved_count": 55, "resolution_rate": 91.7, "avg_first_response_minutes": 9.2, "avg_resolution_minutes": 210.0}])");
      out["team_performance"] = json::parse(
          R"([{"team_id": "f1e2d3c4-b5a6-7890-1234-567890abcdef", "team_name": "Tier 1", "assigned_count": 180, "resolved_count": 171, "resolution_rate": 95.0, "avg_resolution_minutes": 198.0}])");
      out["help_center_deflection"] = json::parse(
          R"({"article_count": 120, "total_views": 5400, "helpful_feedback": 410, "not_helpful_feedback": 60, "deflection_rate": 22.5,
              "top_articles": [{"article_id": "kb_001", "title": "Reset your VPN client", "slug": "reset-vpn-client", "view_count": 320, "helpful_count": 41, "not_helpful_count": 3}]})");
      out["sla_breach_trend"] =
          json::parse(R"([{"day": "2026-03-01", "tracked": 40, "breached": 3, "met": 37, "compliance_rate": 92.5}])");
      out["email_channel_metrics"] = json::parse(
          R"({"total_channels": 3, "active_channels": 2, "email_conversations": 145, "inbound_messages": 320, "outbound_messages": 298,
              "bounced_contacts": 4, "complained_contacts": 1,
              "by_channel": [{"channel_id": "ch_001", "address": "support@acme.example", "status": "active", "conversation_count": 130}]})");
      out["aggregation_health"] = body_of("aggregation-health");
      return out;
    }
    return json::parse(bodies.at(name));
  }

  void start() {
    for (const char* name : {"overview", "sla-compliance", "csat", "resolution-rates", "teams", "insights", "aggregation-health"})
      route(name);
    route("csat/responses");
    route_v1("call-metrics");
    route_v1("resolution-rates");
    route_v1("usage-patterns");
    route("unified-overview", "/api/v2/analytics/");
    route_search();
    route_sync();
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  ~AurionServer() {
    server.stop();
    if (thread.joinable()) thread.join();
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }

  std::vector<Seen> requests() {
    std::lock_guard<std::mutex> lock(mutex);
    return seen;
  }

  // Response i (0 = the newest): responded_at 10 minutes apart going back from
  // 2026-03-08T23:50:00Z; a negative i is a response newer than that (sync: new
  // responses arriving between runs), id "resp-n0001".
  static nlohmann::json response_item(int i) {
    char id[32];
    if (i >= 0) std::snprintf(id, sizeof id, "resp-%04d", i);
    else std::snprintf(id, sizeof id, "resp-n%04d", -i);
    const std::string at = utc_text(k_newest_response - static_cast<long long>(i) * 600);
    return {{"id", id}, {"conversation_id", std::string("conv-") + id}, {"contact_id", nullptr},
            {"rating", i % 7 == 3 ? nlohmann::json() : nlohmann::json(5 - ((i % 5) + 5) % 5)}, {"comment", nullptr},
            {"followup_answer", nullptr}, {"channel", "email"}, {"sent_at", at}, {"responded_at", at},
            {"conversation_subject", "VPN cannot connect"}, {"assignee_user_id", nullptr}, {"assignee_name", nullptr},
            {"assignee_team_id", nullptr}, {"assignee_team_name", nullptr}};
  }

  static nlohmann::json v1_body_of(const std::string& name, const std::string& start, const std::string& end) {
    if (name == "usage-patterns")
      return nlohmann::json::parse(R"({"hourly_distribution": [], "weekly_distribution": [], "monthly_trends": [],
        "llm_usage": [{"provider": "groq", "total_requests": 1240, "total_input_tokens": 410000, "total_output_tokens": 96000,
                       "avg_latency_ms": 320.0, "error_count": 3}], "avg_tokens_per_call": 412.0})");
    if (name == "resolution-rates")
      return nlohmann::json::parse(
          R"({"fcr_trend": [], "resolution_by_category": [], "avg_resolution_time_seconds": 252.0, "period_comparison": null})");
    nlohmann::json body = nlohmann::json::parse(R"({"kpis": {"total_calls": 156, "completed_calls": 130, "failed_calls": 26,
        "avg_duration_seconds": 245.0, "first_call_resolution_rate": 62.8, "tickets_created": 98, "escalation_count": 32},
      "call_volume": [{"date": "2026-03-01", "total_calls": 22, "completed_calls": 18, "failed_calls": 4}],
      "outcome_breakdown": [{"outcome": "ticket_created", "count": 98, "percentage": 62.8},
                            {"outcome": "escalated", "count": 32, "percentage": 20.5},
                            {"outcome": "abandoned", "count": 26, "percentage": 16.7}],
      "peak_hours": [{"hour": 14, "day_of_week": 2, "call_count": 12}]})");
    body["kpis"]["period_start"] = start;
    body["kpis"]["period_end"] = end;
    return body;
  }

private:
  static bool is_date(const std::string& s) {
    static const std::regex re(R"(\d{4}-\d{2}-\d{2})");
    return std::regex_match(s, re);
  }

  // v1: start_date and end_date (YYYY-MM-DD) required, tz and (call-metrics) outcome optional.
  void route_v1(const std::string& name) {
    server.Get("/api/v1/analytics/" + name, [=, this](const httplib::Request& req, httplib::Response& res) {
      Seen record{req.path, req.params, 0};
      if (req.get_header_value("Authorization") != "Bearer " + session_token &&
          !(accept_api_key && req.get_header_value("X-API-Key") == api_key))
        return reply(res, req.has_header("X-API-Key") && !accept_api_key ? 403 : 401,
                     {{"detail", req.has_header("X-API-Key") && !accept_api_key
                                     ? "API key access is not enabled for analytics endpoints"
                                     : "Not authenticated"}},
                     record);
      for (const auto& [param, value] : req.params)
        if (param != "start_date" && param != "end_date" && param != "tz" && !(name == "call-metrics" && param == "outcome"))
          return reply(res, 422, {{"detail", "unknown query parameter: " + param}}, record);
      const std::string start = req.get_param_value("start_date"), end = req.get_param_value("end_date");
      if (!is_date(start) || !is_date(end))
        return reply(res, 422, {{"detail", "start_date and end_date are required (YYYY-MM-DD)"}}, record);
      if (end < start) return reply(res, 422, {{"detail", "end_date must not be before start_date"}}, record);
      return reply(res, 200, v1_body_of(name, start, end), record);
    });
  }

  static bool is_datetime(const std::string& s) {
    static const std::regex re(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))");
    return std::regex_match(s, re);
  }

  void reply(httplib::Response& res, int status, const nlohmann::json& body, Seen& record) {
    if (delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms.load()));
    std::string text = body.dump();
    if (truncate && status == 200) text = text.substr(0, text.size() / 2);
    res.status = status;
    res.set_content(text, "application/json");
    record.status = status;
    std::lock_guard<std::mutex> lock(mutex);
    seen.push_back(record);
  }

  // The calls the phone search knows: id, number, start time.
  static const std::vector<std::array<std::string, 3>>& known_calls() {
    static const std::vector<std::array<std::string, 3>> calls = {
        {"11112222-3333-4444-5555-666677778888", "+33612345678", "2026-03-02T09:15:00Z"},
        {"99990000-3333-4444-5555-666677778888", "+33 6 98 76 56 78", "2026-03-05T16:40:00Z"}};
    return calls;
  }

  static std::string digits(const std::string& s) {
    std::string out;
    for (const char c : s)
      if (c >= '0' && c <= '9') out += c;
    return out;
  }
  static std::string redacted(const std::string& number) {
    const std::string d = digits(number);
    return "***-***-" + (d.size() >= 4 ? d.substr(d.size() - 4) : std::string("****"));
  }

  void route_search() {
    server.Get("/api/v1/analytics/search", [this](const httplib::Request& req, httplib::Response& res) {
      Seen record{req.path, req.params, 0};
      if (req.get_header_value("Authorization") != "Bearer " + session_token &&
          !(accept_api_key && req.get_header_value("X-API-Key") == api_key))
        return reply(res, req.has_header("X-API-Key") && !accept_api_key ? 403 : 401,
                     {{"detail", req.has_header("X-API-Key") && !accept_api_key
                                     ? "API key access is not enabled for analytics endpoints"
                                     : "Not authenticated"}},
                     record);
      {
        std::lock_guard<std::mutex> lock(mutex);
        const double now = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
        while (!search_window.empty() && search_window.front() <= now - search_window_s)
          search_window.erase(search_window.begin());
        if (static_cast<int>(search_window.size()) >= search_limit) {
          record.status = 429;
          seen.push_back(record);
          res.status = 429;
          res.set_header("Retry-After", std::to_string(retry_after_s));
          res.set_content(nlohmann::json{{"detail", "Search rate limit exceeded"}, {"limit", search_limit}}.dump(),
                          "application/json");
          return;
        }
        search_window.push_back(now);
      }
      for (const auto& [param, value] : req.params)
        if (param != "phone" && param != "start_date" && param != "end_date" && param != "limit" && param != "tz")
          return reply(res, 422, {{"detail", "unknown query parameter: " + param}}, record);
      const std::string phone = req.get_param_value("phone");
      const std::string start = req.get_param_value("start_date"), end = req.get_param_value("end_date");
      if (phone.size() < 4) return reply(res, 422, {{"detail", "phone must be at least 4 characters"}}, record);
      if (!is_date(start) || !is_date(end))
        return reply(res, 422, {{"detail", "start_date and end_date are required (YYYY-MM-DD)"}}, record);
      int limit = 50;
      if (req.has_param("limit")) {
        const std::string text = req.get_param_value("limit");
        const bool ok = !text.empty() && text.size() < 4 && text.find_first_not_of("0123456789") == std::string::npos;
        limit = ok ? std::stoi(text) : 0;
        if (limit < 1 || limit > 100) return reply(res, 422, {{"detail", "limit must be 1-100"}}, record);
      }
      if (echo_phone) return reply(res, 422, {{"detail", "no tenant line for " + phone}}, record);
      nlohmann::json results = nlohmann::json::array();
      int total = 0;
      for (const auto& [id, number, at] : known_calls()) {
        if (digits(number).find(digits(phone)) == std::string::npos || at.substr(0, 10) < start || at.substr(0, 10) > end)
          continue;
        ++total;
        if (static_cast<int>(results.size()) >= limit) continue;
        nlohmann::json item = {{"call_id", id}, {"phone_number_redacted", redacted(number)}, {"start_time", at},
                               {"duration_seconds", 245}, {"outcome", "ticket_created"}, {"status", "completed"}};
        if (unredacted) item["phone_number"] = number;
        results.push_back(item);
      }
      return reply(res, 200, {{"results", results}, {"total_count", total}, {"search_term_redacted", redacted(phone)}},
                   record);
    });
  }

  void route(const std::string& name, const std::string& prefix = "/api/v2/analytics/conversations/") {
    server.Get(prefix + name, [=, this](const httplib::Request& req, httplib::Response& res) {
      Seen record{req.path, req.params, 0};
      const std::string auth = req.get_header_value("Authorization");
      const std::string key = req.get_header_value("X-API-Key");
      if (!auth.empty()) {
        if (auth != "Bearer " + session_token)
          return reply(res, 401, {{"detail", "Could not validate credentials"}}, record);
      } else if (!key.empty()) {
        if (!accept_api_key)
          return reply(res, 403, {{"detail", "API key access is not enabled for analytics endpoints"}}, record);
        if (key != api_key) return reply(res, 401, {{"detail", "Invalid API key"}}, record);
      } else {
        return reply(res, 401, {{"detail", "Not authenticated"}}, record);
      }
      {
        std::lock_guard<std::mutex> lock(mutex);
        const double now =
            std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
        while (!window.empty() && window.front() <= now - rate_window_s) window.erase(window.begin());
        if (static_cast<int>(window.size()) >= rate_limit) {
          record.status = 429;
          seen.push_back(record);
          res.status = 429;
          res.set_header("Retry-After", std::to_string(retry_after_s));
          res.set_header("X-RateLimit-Limit", std::to_string(rate_limit));
          res.set_header("X-RateLimit-Remaining", "0");
          res.set_content(nlohmann::json{{"detail", "API key rate limit exceeded"}, {"limit", rate_limit}}.dump(),
                          "application/json");
          return;
        }
        window.push_back(now);
      }
      if (fail_500 > 0) {
        --fail_500;
        return reply(res, 500, {{"detail", "Internal server error"}}, record);
      }
      nlohmann::json body = name == "csat/responses" ? nlohmann::json::object() : body_of(name);
      if (name == "csat/responses") {
        for (const auto& [param, value] : req.params)
          if (param == "limit" || param == "offset") {
            const bool digits = !value.empty() && value.size() < 9 &&
                                value.find_first_not_of("0123456789") == std::string::npos;
            const int n = digits ? std::stoi(value) : -1;
            if (n < 0 || (param == "limit" && (n < 1 || n > 200)))
              return reply(res, 422, {{"detail", nlohmann::json::array({{{"loc", {"query", param}}, {"msg", "out of range"}}})}},
                           record);
          }
      }
      if (name == "teams") {
        if (!req.params.empty()) return reply(res, 422, {{"detail", "teams takes no query parameters"}}, record);
      } else {
        for (const auto& [param, value] : req.params)
          if (param != "date_from" && param != "date_to" && param != "team_id" && param != "agent_id" &&
              !(name == "csat/responses" && (param == "limit" || param == "offset")))
            return reply(res, 422, {{"detail", "unknown query parameter: " + param}}, record);
        const std::string from = req.get_param_value("date_from"), to = req.get_param_value("date_to");
        if (!is_datetime(from) || !is_datetime(to))
          return reply(res, 422,
                       {{"detail", nlohmann::json::array({{{"loc", {"query", "date_from"}},
                                                           {"msg", "date_from and date_to must be ISO 8601 datetimes"}}})}},
                       record);
        if (to < from) return reply(res, 422, {{"detail", "date_to must not be before date_from"}}, record);
        if (name == "insights") body["metadata"] = {{"date_from", from}, {"date_to", to}};
        if (name == "csat/responses") {
          const int limit = req.has_param("limit") ? std::stoi(req.get_param_value("limit")) : 50;
          const int offset = req.has_param("offset") ? std::stoi(req.get_param_value("offset")) : 0;
          const auto [first, end] = responses_within(from, to);
          nlohmann::json items = nlohmann::json::array();
          for (long long i = first + offset; i < first + offset + limit && i < end; ++i)
            items.push_back(response_item(static_cast<int>(i)));
          body = {{"items", items}, {"total", end - first}, {"limit", limit}, {"offset", offset}};
        }
      }
      return reply(res, 200, body, record);
    });
  }

  // ---- sync: the records convstat sync pulls (csat/responses above; exports here) ----
public:
  struct Export {
    std::string id, format, scope, start_date, end_date, tz;
    bool include_call_details = true, include_transcripts = false, include_conversations = false;
  };
  std::vector<Export> exports;  // created so far (GET /api/v1/analytics/exports lists them)

  // 2026-03-08T23:50:00Z, the newest response (resp-0000), in epoch seconds.
  static constexpr long long k_newest_response = 1773013800;
  // 2026-03-01T00:00:00Z: export items are spread over the 8 days from it.
  static constexpr long long k_export_start = 1772323200;

  static std::string utc_text(long long epoch_s) {
    const std::time_t t = static_cast<std::time_t>(epoch_s);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return out;
  }
  // Epoch seconds of "YYYY-MM-DDTHH:MM:SS(Z|+hh:mm)" or "YYYY-MM-DD"; -1 when malformed.
  static long long epoch_of(const std::string& text) {
    std::tm tm{};
    int offset_h = 0, offset_m = 0;
    char sign = 'Z';
    if (text.size() == 10) {
      if (std::sscanf(text.c_str(), "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3) return -1;
    } else if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                           &tm.tm_min, &tm.tm_sec) != 6) {
      return -1;
    } else {
      const auto zone = text.find_first_of("Z+-", 19);
      if (zone == std::string::npos) return -1;
      sign = text[zone];
      if (sign != 'Z' && std::sscanf(text.c_str() + zone + 1, "%2d:%2d", &offset_h, &offset_m) != 2) return -1;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    const long long offset = (offset_h * 3600 + offset_m * 60) * (sign == '-' ? -1 : 1);
    return static_cast<long long>(timegm(&tm)) - offset;
  }

  // The responses whose sent_at lies within [from, to] (inclusive datetimes):
  // indices [first, end) of response_item, newest first.
  std::pair<long long, long long> responses_within(const std::string& from, const std::string& to) const {
    const auto floor_div = [](long long a, long long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); };
    const long long f = epoch_of(from), t = epoch_of(to);
    // T(i) = newest - 600 i lies within [f, t] ⇔ ceil((newest - t) / 600) <= i <= floor((newest - f) / 600).
    const long long first = std::max<long long>(-csat_newer, -floor_div(t - k_newest_response, 600));
    const long long end = std::min<long long>(csat_responses, floor_div(k_newest_response - f, 600) + 1);
    return {first, std::max(first, end)};
  }

  // Export items i of a kind: spread evenly over 8 days from k_export_start.
  static long long export_item_time(int i, int count) {
    const long long step = std::max(1LL, 8LL * 86400 / std::max(1, count));
    return k_export_start + static_cast<long long>(i) * step;
  }
  static nlohmann::json export_call(int i, int count) {
    char id[32], phone[32];
    std::snprintf(id, sizeof id, "call-%06d", i);
    std::snprintf(phone, sizeof phone, "***-***-%04d", i % 10000);
    static const char* outcomes[] = {"ticket_created", "escalated", "abandoned", "resolved"};
    static const char* categories[] = {"billing", "vpn", "password"};
    return {{"call_id", id}, {"phone_number_redacted", phone}, {"start_time", utc_text(export_item_time(i, count))},
            {"duration_seconds", 30 + i % 300}, {"outcome", outcomes[i % 4]},
            {"status", i % 4 == 2 ? "failed" : "completed"}, {"category", categories[i % 3]}};
  }
  static nlohmann::json export_conversation(int i, int count) {
    char id[32], contact[32];
    std::snprintf(id, sizeof id, "conv-%06d", i);
    std::snprintf(contact, sizeof contact, "contact-%04d", i % 500);
    static const char* channels[] = {"email", "chat", "voice", "whatsapp"};
    static const char* priorities[] = {"urgent", "high", "medium", "low"};
    const long long t = export_item_time(i, count);
    const bool resolved = i % 3 != 0;
    return {{"conversation_id", id}, {"channel", channels[i % 4]}, {"created_at", utc_text(t)},
            {"first_response_at", utc_text(t + 120)}, {"resolved_at", resolved ? nlohmann::json(utc_text(t + 3600)) : nlohmann::json()},
            {"resolved_by", resolved ? nlohmann::json(i % 2 ? "ai" : "human") : nlohmann::json()},
            {"status", resolved ? "resolved" : "open"}, {"priority", priorities[i % 4]},
            {"subject", "VPN cannot connect"}, {"contact_id", contact},
            {"assignee_user_id", "a1b2c3d4-e5f6-7890-1234-567890abcdef"}, {"assignee_name", "Jane Doe"},
            {"assignee_team_id", "f1e2d3c4-b5a6-7890-1234-567890abcdef"}, {"assignee_team_name", "Tier 1"}};
  }

private:
  // The seed's auth: a session token (admin here) works, an X-API-Key gets 403
  // unless accept_api_key, a wrong one 401. Then the rate limit. False when answered.
  bool admitted(const httplib::Request& req, httplib::Response& res, Seen& record) {
    const std::string auth = req.get_header_value("Authorization");
    const std::string key = req.get_header_value("X-API-Key");
    if (!auth.empty()) {
      if (auth != "Bearer " + session_token) { reply(res, 401, {{"detail", "Could not validate credentials"}}, record); return false; }
    } else if (!key.empty()) {
      if (!accept_api_key) {
        reply(res, 403, {{"detail", "API key access is not enabled for analytics endpoints"}}, record);
        return false;
      }
      if (key != api_key) {
        reply(res, 401, {{"detail", "Invalid API key"}}, record);
        return false;
      }
    } else {
      reply(res, 401, {{"detail", "Not authenticated"}}, record);
      return false;
    }
    std::lock_guard<std::mutex> lock(mutex);
    const double now = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    while (!window.empty() && window.front() <= now - rate_window_s) window.erase(window.begin());
    if (static_cast<int>(window.size()) >= rate_limit) {
      record.status = 429;
      seen.push_back(record);
      res.status = 429;
      res.set_header("Retry-After", std::to_string(retry_after_s));
      res.set_header("X-RateLimit-Limit", std::to_string(rate_limit));
      res.set_header("X-RateLimit-Remaining", "0");
      res.set_content(nlohmann::json{{"detail", "API key rate limit exceeded"}, {"limit", rate_limit}}.dump(),
                      "application/json");
      return false;
    }
    window.push_back(now);
    return true;
  }

  static std::string download_path(const std::string& id) { return "/api/v1/analytics/export/" + id + "/download"; }

  // POST /api/v1/analytics/export, GET /api/v1/analytics/exports and
  // GET /api/v1/analytics/export/{id}/download as seed 002 documents them. The
  // seed does not document a status field nor the json body: a download of an
  // export still being generated answers 202 {"detail": …}; a json export is
  // {"export_id", "scope", "start_date", "end_date", "calls": [...] (with
  // include_call_details), "conversations": [...] (with include_conversations)}.
  void route_sync() {
    server.Post("/api/v1/analytics/export", [this](const httplib::Request& req, httplib::Response& res) {
      Seen record{req.path, req.params, 0};
      if (!admitted(req, res, record)) return;
      const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
      if (!body.is_object()) return reply(res, 422, {{"detail", "the body must be a JSON object"}}, record);
      static const std::vector<std::string> known = {"format", "start_date", "end_date", "scope", "include_call_details",
                                                     "include_transcripts", "include_conversations", "tz"};
      for (const auto& [k, v] : body.items())
        if (std::find(known.begin(), known.end(), k) == known.end())
          return reply(res, 422, {{"detail", "unknown field: " + k}}, record);
      const auto text = [&](const char* k) { return body.contains(k) && body[k].is_string() ? body[k].get<std::string>() : ""; };
      Export e{"", text("format"), body.contains("scope") ? text("scope") : "voice", text("start_date"), text("end_date"), text("tz")};
      if (e.format != "csv" && e.format != "json" && e.format != "pdf")
        return reply(res, 422, {{"detail", nlohmann::json::array({{{"loc", {"body", "format"}}, {"msg", "must be one of csv, json, pdf"}}})}}, record);
      if (!is_date(e.start_date) || !is_date(e.end_date))
        return reply(res, 422, {{"detail", nlohmann::json::array({{{"loc", {"body", "start_date"}}, {"msg", "start_date and end_date are required (YYYY-MM-DD)"}}})}}, record);
      if (e.end_date < e.start_date) return reply(res, 422, {{"detail", "end_date must not be before start_date"}}, record);
      static const std::vector<std::string> scopes = {"voice", "conversations", "all", "sla_quality", "resolution_rates", "performance"};
      if (std::find(scopes.begin(), scopes.end(), e.scope) == scopes.end())
        return reply(res, 422, {{"detail", "scope must be one of voice, conversations, all, sla_quality, resolution_rates, performance"}}, record);
      for (const char* flag : {"include_call_details", "include_transcripts", "include_conversations"})
        if (body.contains(flag) && !body[flag].is_boolean())
          return reply(res, 422, {{"detail", std::string(flag) + " must be a boolean"}}, record);
      e.include_call_details = body.value("include_call_details", true);
      e.include_transcripts = body.value("include_transcripts", false);
      e.include_conversations = body.value("include_conversations", false);
      {
        std::lock_guard<std::mutex> lock(mutex);
        char id[48];
        std::snprintf(id, sizeof id, "c0ffee00-0000-4000-8000-%012zu", exports.size() + 1);
        e.id = id;
        exports.push_back(e);
      }
      return reply(res, 200,
                   {{"export_id", e.id},
                    {"download_url", download_path(e.id) + "?format=" + e.format + "&start_date=" + e.start_date + "&end_date=" + e.end_date},
                    {"expires_at", "2026-03-09T12:00:00Z"}},
                   record);
    });
    server.Get("/api/v1/analytics/exports", [this](const httplib::Request& req, httplib::Response& res) {
      Seen record{req.path, req.params, 0};
      if (!admitted(req, res, record)) return;
      if (!req.params.empty()) return reply(res, 422, {{"detail", "exports takes no query parameters"}}, record);
      nlohmann::json list = nlohmann::json::array();
      {
        std::lock_guard<std::mutex> lock(mutex);
        for (const Export& e : exports)
          list.push_back({{"export_id", e.id}, {"format", e.format}, {"scope", e.scope}, {"start_date", e.start_date},
                          {"end_date", e.end_date}, {"include_call_details", e.include_call_details},
                          {"include_transcripts", e.include_transcripts}, {"include_conversations", e.include_conversations},
                          {"download_url", download_path(e.id)}, {"created_at", "2026-03-08T12:00:00Z"},
                          {"expires_at", "2026-03-09T12:00:00Z"}});
      }
      return reply(res, 200, {{"exports", list}}, record);
    });
    server.Get(R"(/api/v1/analytics/export/([^/]+)/download)", [this](const httplib::Request& req, httplib::Response& res) {
      Seen record{req.path, req.params, 0};
      if (!admitted(req, res, record)) return;
      Export e;
      {
        std::lock_guard<std::mutex> lock(mutex);
        const auto it = std::find_if(exports.begin(), exports.end(), [&](const Export& x) { return x.id == req.matches[1].str(); });
        if (it == exports.end()) {
          record.status = 404;
          seen.push_back(record);
          res.status = 404;
          res.set_content(R"({"detail": "Export not found"})", "application/json");
          return;
        }
        e = *it;
      }
      if (export_fail_500 > 0) {
        --export_fail_500;
        return reply(res, 500, {{"detail", "Internal server error"}}, record);
      }
      if (export_pending > 0) {
        --export_pending;
        return reply(res, 202, {{"detail", "Export is still being generated"}}, record);
      }
      if (e.format != "json") return reply(res, 422, {{"detail", "this loopback generates json exports only"}}, record);
      const long long from = epoch_of(e.start_date), to = epoch_of(e.end_date) + 86400;
      nlohmann::json body = {{"export_id", e.id}, {"scope", e.scope}, {"start_date", e.start_date}, {"end_date", e.end_date}};
      const auto items = [&](int count, nlohmann::json (*make)(int, int)) {
        nlohmann::json out = nlohmann::json::array();
        for (int i = 0; i < count; ++i) {
          const long long t = export_item_time(i, count);
          if (t >= to) break;
          if (t >= from) out.push_back(make(i, count));
        }
        return out;
      };
      const bool voice = e.scope == "voice" || e.scope == "all";
      const bool conversations = e.scope == "conversations" || e.scope == "all";
      if (voice && e.include_call_details) body["calls"] = items(export_calls, export_call);
      if (conversations && e.include_conversations) body["conversations"] = items(export_conversations, export_conversation);
      return reply(res, 200, body, record);
    });
  }
};

}  // namespace convstat::testing
