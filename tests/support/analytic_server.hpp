#pragma once
// A loopback server that follows seed 000 (an AI-agent platform's Analytics
// API, Flask): GET /v1/analytic/dashboard, /agent/<id>,
// /agent/<id>/performance-comparison, /conversation/<id>, /leads, /usage,
// POST /v1/search/document, GET /health, and the exports convstat sync pulls:
// POST /v1/analytic/export and GET /v1/analytic/export/<id>/download.
// Deterministic bodies, all in AnalyticData.
//
// Exports: seed 000 documents the body {"type": conversations | leads | agents
// | usage, "format": json | csv, "start_date", "end_date"} (scope read) and
// "export metadata (download URL or inline data depending on size)", "may
// require polling for completion if a background job is triggered". This
// server: an export of at most `export_inline_max` records answers 200
// {"export_id", "type", "format", "start_date", "end_date", "status":
// "completed", "record_count", "data": [...]}; a bigger one {"…", "status":
// "processing", "download_url": "/v1/analytic/export/<id>/download"} (an
// absolute URL on this server with `export_absolute_url`), whose download
// answers 202 {"status": "processing"} `export_pending` times, then 200 with
// the same fields as an inline answer. Records lie in [start_date, end_date]
// (whole days, UTC), spread evenly over 2026-03-01 … 2026-03-08. Only json
// exports are generated here (csv: 400).
//
// Auth as the seed says: X-API-Key + X-API-Secret (scopes read, write) or
// Authorization: Bearer <JWT>. `api_key`/`api_secret` hold read and write,
// `read_key`/`read_secret` read only (search needs write: 403), `jwt` both.
// Wrong or missing credentials: 401; a missing scope: 403. Error bodies are
// Flask's {"status": "error", "message": "…"}; an unknown agent or
// conversation 404 ("Agent not found" / "Conversation not found").
// Parameters validated as documented: start_date/end_date ISO 8601 (a date or
// a full timestamp), end_date not before start_date; required where the seed
// does not say optional (leads, usage, performance-comparison), optional for
// the agent metrics; company_id only for a super admin (never here: 403);
// anything else 400. Search body: query (non-empty string), agent_id (UUID),
// optional limit 1-50.
// Seed 000 documents no rate limit: this server answers 429 {"status":
// "error", "message": "Rate limit exceeded", "retry_after": N} with
// Retry-After beyond `rate_limit` requests per `rate_window_s` (/health not
// counted). Injectable faults: 500s, a stalled response, a truncated body, an
// unhealthy /health, 500s on export downloads, downloads still pending or cut
// short. It
// records every request it receives.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace convstat::testing {

// The platform's data, as its analytics answer it.
struct AnalyticData {
  static constexpr const char* agent_id = "3f6c2a9e-8b1d-4c7e-9a25-6d0f1e2b3c4d";
  static constexpr const char* conversation_id = "conv-1001";

  static nlohmann::json dashboard() {
    return nlohmann::json::parse(R"({"bots": 3, "conversations": 1284, "messages": 9731, "leads": 57, "contacts": 802,
      "documents": 146,
      "usage_trend": [{"date": "2026-03-01", "conversations": 40, "messages": 310},
                      {"date": "2026-03-02", "conversations": 52, "messages": 398}]})");
  }
  static nlohmann::json agent() {
    return nlohmann::json::parse(R"({"bot_id": "3f6c2a9e-8b1d-4c7e-9a25-6d0f1e2b3c4d",
      "performance_metrics": {"avg_first_response_seconds": 4.25, "median_first_response_seconds": 3.9,
                              "p90_first_response_seconds": 8.1, "avg_resolution_minutes": 14.75},
      "quality_metrics": {"csat_avg": 4.36, "positive_rate": 84.21, "ai_quality_avg": 0.81234, "thumbs_up": 212,
                          "thumbs_down": 19, "escalation_rate": 7.5},
      "conversation_metrics": {"total_conversations": 640, "ai_resolved_count": 488, "ai_resolution_rate": 76.25,
                               "avg_messages_per_conversation": 7.61234, "avg_duration_minutes": 9.44}})");
  }
  static nlohmann::json comparison() {
    return nlohmann::json::parse(R"({"bot_id": "3f6c2a9e-8b1d-4c7e-9a25-6d0f1e2b3c4d",
      "performance_metrics": {"avg_first_response_seconds": {"value": 4.25, "company_average": 5.0, "difference": -0.75, "difference_pct": -15.0}},
      "quality_metrics": {"csat_avg": {"value": 4.36, "company_average": 4.1, "difference": 0.26, "difference_pct": 6.34},
                          "positive_rate": {"value": 84.21, "company_average": 80, "difference": 4.21, "difference_pct": 5.26}},
      "conversation_metrics": {"total_conversations": {"value": 640, "company_average": 428, "difference": 212, "difference_pct": 49.53}}})");
  }
  static nlohmann::json conversation() {
    return nlohmann::json::parse(R"({"conversation_id": "conv-1001", "channel": "web", "started_at": "2026-03-02T09:15:00Z",
      "duration_minutes": 12.52, "message_statistics": {"total": 14, "inbound": 7, "outbound": 7,
        "by_author": {"user": 7, "ai": 6, "human": 1, "system": 0}, "avg_response_seconds": 3.44},
      "topics": ["billing", "refund"], "sentiment": 0.42, "resolved_by": "ai", "escalated": false, "csat": 5})");
  }
  static nlohmann::json leads() {
    return nlohmann::json::parse(R"({"total_leads": 57, "converted": 12, "conversion_rate": 21.08,
      "funnel": [{"stage": "new", "count": 57, "conversion_from_previous": 100, "conversion_from_start": 100},
                 {"stage": "contacted", "count": 40, "conversion_from_previous": 70.18, "conversion_from_start": 70.18},
                 {"stage": "qualified", "count": 22, "conversion_from_previous": 55.0, "conversion_from_start": 38.6},
                 {"stage": "converted", "count": 12, "conversion_from_previous": 54.55, "conversion_from_start": 21.05}],
      "sources": [{"source": "website", "leads": 35, "converted": 9, "conversion_rate": 25.71},
                  {"source": "whatsapp", "leads": 22, "converted": 3, "conversion_rate": 13.64}],
      "growth": [{"period": "2026-W09", "leads": 25, "converted": 5}, {"period": "2026-W10", "leads": 32, "converted": 7}],
      "growth_rate": 14.0})");
  }
  static nlohmann::json usage() {
    return nlohmann::json::parse(R"({"total_conversations": 1284, "active_users": 802,
      "hourly_distribution": [{"hour": 9, "count": 140}, {"hour": 14, "count": 188}],
      "llm_usage": [{"provider": "openai", "model": "gpt-4o-mini", "total_requests": 5120, "total_input_tokens": 1830000,
                     "total_output_tokens": 402000, "avg_latency_ms": 812.44, "error_count": 7}],
      "api": {"total_requests": 20450, "error_count": 61, "error_rate": 0.298, "avg_latency_ms": 143.25, "p95_latency_ms": 402}})");
  }
  // The documents of the agent, matched by any word of the query (case-insensitive).
  static nlohmann::json documents() {
    return nlohmann::json::parse(R"([
      {"document_id": "doc-17", "document_name": "Refund policy.pdf", "score": 0.87312, "snippet": "Refunds are paid within 14 days of the return."},
      {"document_id": "doc-04", "document_name": "Billing FAQ.md", "score": 0.71, "snippet": "A refund appears on the next invoice."},
      {"document_id": "doc-22", "document_name": "Shipping.md", "score": 0.55, "snippet": "Returns ship free; refund after inspection."},
      {"document_id": "doc-09", "document_name": "Onboarding.md", "score": 0.31, "snippet": "Create your first agent in the dashboard."}])");
  }

  // ---- exports (convstat sync) ----
  // 2026-03-01T00:00:00Z: export records are spread over the 8 days from it.
  static constexpr long long k_export_start = 1772323200;

  static std::string utc_text(long long epoch_s) {
    const std::time_t t = static_cast<std::time_t>(epoch_s);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return out;
  }
  // Epoch seconds of a "YYYY-MM-DD" (UTC midnight); -1 when malformed.
  static long long day_epoch(const std::string& text) {
    std::tm tm{};
    if (text.size() < 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3) return -1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return static_cast<long long>(timegm(&tm));
  }
  // Record i of `count`: spread evenly over 8 days from k_export_start.
  static long long export_time(int i, int count) {
    const long long step = std::max(1LL, 8LL * 86400 / std::max(1, count));
    return k_export_start + static_cast<long long>(i) * step;
  }
  static nlohmann::json export_conversation(int i, int count) {
    char id[32], user[32];
    std::snprintf(id, sizeof id, "aconv-%05d", i);
    std::snprintf(user, sizeof user, "user-%04d", i % 50);
    static const char* channels[] = {"web", "whatsapp", "email", "chat"};
    const long long t = export_time(i, count);
    const bool resolved = i % 3 != 0;
    return {{"conversation_id", id}, {"agent_id", agent_id}, {"channel", channels[i % 4]}, {"started_at", utc_text(t)},
            {"ended_at", utc_text(t + 600)}, {"first_response_at", utc_text(t + 4)},
            {"resolved_at", resolved ? nlohmann::json(utc_text(t + 540)) : nlohmann::json()},
            {"resolved_by", resolved ? nlohmann::json(i % 2 ? "ai" : "human") : nlohmann::json()},
            {"status", resolved ? "resolved" : "open"}, {"user_id", user}, {"message_count", 4 + i % 9},
            {"topics", nlohmann::json::array({i % 2 ? "billing" : "refund"})}, {"sentiment", (i % 5 - 2) / 4.0},
            {"escalated", i % 7 == 0}};
  }
  static nlohmann::json export_lead(int i, int count) {
    char id[32], conv[32];
    std::snprintf(id, sizeof id, "lead-%05d", i);
    std::snprintf(conv, sizeof conv, "aconv-%05d", i);
    static const char* stages[] = {"new", "contacted", "qualified", "converted", "lost"};
    static const char* sources[] = {"website", "whatsapp"};
    const long long t = export_time(i, count);
    return {{"lead_id", id}, {"agent_id", agent_id}, {"conversation_id", conv}, {"source", sources[i % 2]},
            {"status", stages[i % 5]}, {"created_at", utc_text(t)},
            {"converted_at", i % 5 == 3 ? nlohmann::json(utc_text(t + 86400)) : nlohmann::json()},
            {"value", i % 5 == 3 ? nlohmann::json(100 + i) : nlohmann::json()}};
  }
  static nlohmann::json export_usage(int i, int count) {
    char id[32];
    std::snprintf(id, sizeof id, "req-%05d", i);
    static const char* endpoints[] = {"/v1/chat", "/v1/search/document", "/v1/analytic/dashboard"};
    return {{"request_id", id}, {"timestamp", utc_text(export_time(i, count))}, {"endpoint", endpoints[i % 3]},
            {"method", "POST"}, {"status_code", i % 10 == 9 ? 500 : 200}, {"response_time_ms", 100 + i % 50},
            {"total_tokens", 200 + i}};
  }
};

struct AnalyticServer {
  struct Seen {
    std::string method, path;
    std::multimap<std::string, std::string> params;
    std::string body;
    std::string api_key, api_secret, authorization;  // the credential headers received
    int status = 0;
  };

  std::string api_key = "ak_live_good", api_secret = "as_live_good_secret";  // read + write
  std::string read_key = "ak_read_only", read_secret = "as_read_only_secret";  // read
  std::string jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEifQ.c2lnbmVk";         // read + write
  int rate_limit = 120;
  double rate_window_s = 60;
  int retry_after_s = 1;
  std::atomic<int> fail_500{0};       // the next N requests answer 500
  std::atomic<int> stall_ms{0};       // each request waits this long before answering
  std::atomic<bool> truncate{false};  // 200 bodies cut in half
  std::atomic<bool> unhealthy{false};  // /health answers 503 with redis "error"
  // Exports: records per type (agents: its few agents), inline up to export_inline_max records.
  int export_conversations = 120, export_leads = 40, export_usage = 60;
  int export_inline_max = 100;
  bool export_absolute_url = false;        // download_url as http://127.0.0.1:PORT/…
  std::atomic<int> export_pending{0};      // downloads answering 202 (still processing) before the data
  std::atomic<int> export_fail_500{0};     // the next N downloads answer 500
  std::atomic<bool> export_truncate{false};  // downloads' data cut in half
  struct Export {
    std::string id, type, format, start_date, end_date;
  };
  std::vector<Export> exports;  // created so far

  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::mutex mutex;
  std::vector<Seen> seen;
  std::vector<double> window;

  void start() {
    server.Get("/health", [this](const httplib::Request& req, httplib::Response& res) {
      Seen record = seen_of(req);
      if (unhealthy)
        return reply(res, 503, {{"status", "unhealthy"}, {"database", "ok"}, {"redis", "error"}, {"celery", "ok"}}, record);
      return reply(res, 200, {{"status", "healthy"}, {"database", "ok"}, {"redis", "ok"}, {"celery", "ok"}}, record);
    });
    server.Get("/v1/analytic/dashboard", [this](const httplib::Request& req, httplib::Response& res) {
      handle(req, res, "read", {}, false, [](const httplib::Request&) { return AnalyticData::dashboard(); });
    });
    server.Get(R"(/v1/analytic/agent/([^/]+)/performance-comparison)",
               [this](const httplib::Request& req, httplib::Response& res) {
                 handle(req, res, "read", {"start_date", "end_date"}, true,
                        [](const httplib::Request&) { return AnalyticData::comparison(); });
               });
    server.Get(R"(/v1/analytic/agent/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
      handle(req, res, "read", {"start_date", "end_date"}, false, [](const httplib::Request&) { return AnalyticData::agent(); });
    });
    server.Get(R"(/v1/analytic/conversation/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
      handle(req, res, "read", {}, false, [](const httplib::Request&) { return AnalyticData::conversation(); });
    });
    server.Get("/v1/analytic/leads", [this](const httplib::Request& req, httplib::Response& res) {
      handle(req, res, "read", {"start_date", "end_date"}, true, [](const httplib::Request&) { return AnalyticData::leads(); });
    });
    server.Get("/v1/analytic/usage", [this](const httplib::Request& req, httplib::Response& res) {
      handle(req, res, "read", {"start_date", "end_date"}, true, [](const httplib::Request&) { return AnalyticData::usage(); });
    });
    server.Post("/v1/search/document", [this](const httplib::Request& req, httplib::Response& res) {
      handle(req, res, "write", {}, false, [](const httplib::Request&) { return nlohmann::json(); });
    });
    server.Post("/v1/analytic/export", [this](const httplib::Request& req, httplib::Response& res) {
      handle(req, res, "read", {}, false, [](const httplib::Request&) { return nlohmann::json(); });
    });
    server.Get(R"(/v1/analytic/export/([^/]+)/download)", [this](const httplib::Request& req, httplib::Response& res) {
      handle(req, res, "read", {}, false, [](const httplib::Request&) { return nlohmann::json(); });
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  ~AnalyticServer() {
    server.stop();
    if (thread.joinable()) thread.join();
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }

  std::vector<Seen> requests() {
    std::lock_guard<std::mutex> lock(mutex);
    return seen;
  }

private:
  static bool is_iso(const std::string& s) {
    static const std::regex re(R"(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)");
    return std::regex_match(s, re);
  }
  static bool is_uuid(const std::string& s) {
    static const std::regex re("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    return std::regex_match(s, re);
  }
  static nlohmann::json error(const std::string& message) { return {{"status", "error"}, {"message", message}}; }

  static Seen seen_of(const httplib::Request& req) {
    return {req.method, req.path, req.params, req.body, req.get_header_value("X-API-Key"),
            req.get_header_value("X-API-Secret"), req.get_header_value("Authorization"), 0};
  }

  void reply(httplib::Response& res, int status, const nlohmann::json& body, Seen& record) {
    std::string text = body.dump();
    if (truncate && status == 200) text = text.substr(0, text.size() / 2);
    res.status = status;
    res.set_content(text, "application/json");
    record.status = status;
    std::lock_guard<std::mutex> lock(mutex);
    seen.push_back(record);
  }

  // Auth, rate limit, faults, parameters; then the body (search: matched here).
  void handle(const httplib::Request& req, httplib::Response& res, const std::string& scope,
              const std::set<std::string>& date_params, bool dates_required,
              const std::function<nlohmann::json(const httplib::Request&)>& body_of) {
    Seen record = seen_of(req);
    if (stall_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(stall_ms.load()));
    {
      std::lock_guard<std::mutex> lock(mutex);
      const double now = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
      while (!window.empty() && window.front() <= now - rate_window_s) window.erase(window.begin());
      if (static_cast<int>(window.size()) >= rate_limit) {
        record.status = 429;
        seen.push_back(record);
        res.status = 429;
        res.set_header("Retry-After", std::to_string(retry_after_s));
        nlohmann::json body = error("Rate limit exceeded");
        body["retry_after"] = retry_after_s;
        res.set_content(body.dump(), "application/json");
        return;
      }
      window.push_back(now);
    }
    std::set<std::string> scopes;
    if (!record.api_key.empty() || !record.api_secret.empty()) {
      if (record.api_key == api_key && record.api_secret == api_secret) scopes = {"read", "write"};
      else if (record.api_key == read_key && record.api_secret == read_secret) scopes = {"read"};
      else return reply(res, 401, error("Invalid API key or secret"), record);
    } else if (!record.authorization.empty()) {
      if (record.authorization != "Bearer " + jwt) return reply(res, 401, error("Invalid or expired token"), record);
      scopes = {"read", "write"};
    } else {
      return reply(res, 401, error("Authentication required: X-API-Key and X-API-Secret, or a Bearer token"), record);
    }
    if (!scopes.count(scope)) return reply(res, 403, error("API key lacks the '" + scope + "' scope"), record);
    if (fail_500 > 0) {
      --fail_500;
      return reply(res, 500, error("Internal server error"), record);
    }
    const bool company = req.path == "/v1/analytic/dashboard" || req.path == "/v1/analytic/leads";
    for (const auto& [param, value] : req.params) {
      if (param == "company_id" && company) return reply(res, 403, error("Super admin access required"), record);
      if (!date_params.count(param)) return reply(res, 400, error("Unknown query parameter: " + param), record);
      if (!is_iso(value)) return reply(res, 400, error(param + " must be an ISO 8601 date"), record);
    }
    if (!date_params.empty()) {
      const bool has_start = req.has_param("start_date"), has_end = req.has_param("end_date");
      if (dates_required && (!has_start || !has_end))
        return reply(res, 400, error("start_date and end_date are required"), record);
      if (has_start && has_end && req.get_param_value("end_date") < req.get_param_value("start_date"))
        return reply(res, 400, error("end_date must not be before start_date"), record);
    }
    if (req.path == "/v1/search/document") return search(res, record);
    if (req.path == "/v1/analytic/export") return create_export(res, record);
    if (req.path.rfind("/v1/analytic/export/", 0) == 0) return download(res, record, req.matches[1]);
    if (req.matches.size() > 1) {
      const std::string id = req.matches[1];
      const bool conversation = req.path.rfind("/v1/analytic/conversation/", 0) == 0;
      if (conversation ? id != AnalyticData::conversation_id : id != AnalyticData::agent_id)
        return reply(res, 404, error(conversation ? "Conversation not found" : "Agent not found"), record);
    }
    return reply(res, 200, body_of(req), record);
  }

  // The records of an export, within its days.
  nlohmann::json export_records(const Export& e) const {
    const long long from = AnalyticData::day_epoch(e.start_date), to = AnalyticData::day_epoch(e.end_date) + 86400;
    nlohmann::json out = nlohmann::json::array();
    if (e.type == "agents") {
      out.push_back({{"agent_id", AnalyticData::agent_id}, {"name", "Support bot"}, {"created_at", "2026-01-05T10:00:00Z"}});
      return out;
    }
    const int count = e.type == "conversations" ? export_conversations : e.type == "leads" ? export_leads : export_usage;
    nlohmann::json (*make)(int, int) = e.type == "conversations" ? AnalyticData::export_conversation
                                       : e.type == "leads"       ? AnalyticData::export_lead
                                                                 : AnalyticData::export_usage;
    for (int i = 0; i < count; ++i) {
      const long long t = AnalyticData::export_time(i, count);
      if (t >= to) break;
      if (t >= from) out.push_back(make(i, count));
    }
    return out;
  }
  nlohmann::json export_meta(const Export& e, const std::string& status, std::size_t records) const {
    return {{"export_id", e.id}, {"type", e.type}, {"format", e.format}, {"start_date", e.start_date},
            {"end_date", e.end_date}, {"status", status}, {"record_count", records}};
  }

  void create_export(httplib::Response& res, Seen& record) {
    const nlohmann::json in = nlohmann::json::parse(record.body, nullptr, false);
    if (!in.is_object()) return reply(res, 400, error("Request body must be JSON"), record);
    for (const auto& [key, value] : in.items())
      if (key != "type" && key != "format" && key != "start_date" && key != "end_date")
        return reply(res, 400, error("Unknown field: " + key), record);
    const auto text = [&](const char* k) { return in.contains(k) && in[k].is_string() ? in[k].get<std::string>() : ""; };
    Export e{"", text("type"), in.contains("format") ? text("format") : "json", text("start_date"), text("end_date")};
    if (e.type != "conversations" && e.type != "leads" && e.type != "agents" && e.type != "usage")
      return reply(res, 400, error("type must be one of conversations, leads, agents, usage"), record);
    if (e.format != "json" && e.format != "csv") return reply(res, 400, error("format must be json or csv"), record);
    if (e.format == "csv") return reply(res, 400, error("this loopback generates json exports only"), record);
    if (!is_iso(e.start_date) || !is_iso(e.end_date))
      return reply(res, 400, error("start_date and end_date are required (ISO 8601)"), record);
    if (e.end_date < e.start_date) return reply(res, 400, error("end_date must not be before start_date"), record);
    {
      std::lock_guard<std::mutex> lock(mutex);
      char id[48];
      std::snprintf(id, sizeof id, "exp-%06zu", exports.size() + 1);
      e.id = id;
      exports.push_back(e);
    }
    const nlohmann::json data = export_records(e);
    if (static_cast<int>(data.size()) <= export_inline_max) {
      nlohmann::json body = export_meta(e, "completed", data.size());
      body["data"] = data;
      return reply(res, 200, body, record);
    }
    nlohmann::json body = export_meta(e, "processing", data.size());
    const std::string path = "/v1/analytic/export/" + e.id + "/download";
    body["download_url"] = export_absolute_url ? url() + path : path;
    return reply(res, 200, body, record);
  }

  void download(httplib::Response& res, Seen& record, const std::string& id) {
    Export e;
    {
      std::lock_guard<std::mutex> lock(mutex);
      const auto it = std::find_if(exports.begin(), exports.end(), [&](const Export& x) { return x.id == id; });
      if (it == exports.end()) {
        record.status = 404;
        seen.push_back(record);
        res.status = 404;
        res.set_content(error("Export not found").dump(), "application/json");
        return;
      }
      e = *it;
    }
    if (export_fail_500 > 0) {
      --export_fail_500;
      return reply(res, 500, error("Internal server error"), record);
    }
    if (export_pending > 0) {
      --export_pending;
      return reply(res, 202, {{"export_id", e.id}, {"status", "processing"}}, record);
    }
    const nlohmann::json data = export_records(e);
    nlohmann::json body = export_meta(e, "completed", data.size());
    body["data"] = data;
    if (export_truncate) {
      const std::string text = body.dump();
      record.status = 200;
      res.status = 200;
      res.set_content(text.substr(0, text.size() / 2), "application/json");
      std::lock_guard<std::mutex> lock(mutex);
      seen.push_back(record);
      return;
    }
    return reply(res, 200, body, record);
  }

  void search(httplib::Response& res, Seen& record) {
    const nlohmann::json in = nlohmann::json::parse(record.body, nullptr, false);
    if (!in.is_object()) return reply(res, 400, error("Request body must be JSON"), record);
    for (const auto& [key, value] : in.items())
      if (key != "query" && key != "agent_id" && key != "limit")
        return reply(res, 400, error("Unknown field: " + key), record);
    if (!in.contains("query") || !in["query"].is_string() || in["query"].get<std::string>().empty())
      return reply(res, 400, error("query is required"), record);
    if (!in.contains("agent_id") || !in["agent_id"].is_string() || !is_uuid(in["agent_id"].get<std::string>()))
      return reply(res, 400, error("agent_id must be a UUID"), record);
    int limit = 10;
    if (in.contains("limit")) {
      if (!in["limit"].is_number_integer() || in["limit"].get<int>() < 1 || in["limit"].get<int>() > 50)
        return reply(res, 400, error("limit must be between 1 and 50"), record);
      limit = in["limit"].get<int>();
    }
    if (in["agent_id"] != AnalyticData::agent_id) return reply(res, 404, error("Agent not found"), record);
    std::string query = in["query"];
    for (auto& c : query) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::vector<std::string> words;
    for (std::size_t at = 0; at < query.size();) {
      const auto end = std::min(query.find(' ', at), query.size());
      if (end > at) words.push_back(query.substr(at, end - at));
      at = end + 1;
    }
    nlohmann::json results = nlohmann::json::array();
    for (const auto& doc : AnalyticData::documents()) {
      std::string text = doc["snippet"].get<std::string>() + " " + doc["document_name"].get<std::string>();
      for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      bool hit = false;
      for (const auto& w : words) hit = hit || text.find(w) != std::string::npos;
      if (hit && static_cast<int>(results.size()) < limit) results.push_back(doc);
    }
    return reply(res, 200, {{"results", results}, {"query", in["query"]}, {"total", results.size()}}, record);
  }
};

}  // namespace convstat::testing
