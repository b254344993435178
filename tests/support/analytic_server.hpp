#pragma once
// A loopback server that follows seed 000 (an AI-agent platform's Analytics
// API, Flask): GET /v1/analytic/dashboard, /agent/<id>,
// /agent/<id>/performance-comparison, /conversation/<id>, /leads, /usage,
// POST /v1/search/document and GET /health. Deterministic bodies, all in
// AnalyticData (one place: the export routes, POST /v1/analytic/export, can
// serve the same records later).
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
// unhealthy /health. It records every request it receives.
#include <httplib.h>

#include <atomic>
#include <chrono>
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
    if (req.matches.size() > 1) {
      const std::string id = req.matches[1];
      const bool conversation = req.path.rfind("/v1/analytic/conversation/", 0) == 0;
      if (conversation ? id != AnalyticData::conversation_id : id != AnalyticData::agent_id)
        return reply(res, 404, error(conversation ? "Conversation not found" : "Agent not found"), record);
    }
    if (req.method == "POST") return search(res, record);
    return reply(res, 200, body_of(req), record);
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
