#pragma once
// A loopback server that follows seed 003 (Speech AI pipeline, Analytics &
// Monitoring API) under its base path /api/v1: GET /sessions/{id}/costs and
// /sessions/{id}/metrics with the seed's example bodies for the sessions it
// knows ("session-123", and any added to `sessions`), 404 {"detail": "Session
// not found"} for others; POST /feedback validated as documented (session_id,
// rating, rating_type required: 422 FastAPI-style detail list when missing or
// of the wrong type; thumbs -1/1 and stars 1-5 else the seed's 400 messages),
// 201 with the seed's answer shape (id from 42 up, created_at without offset as
// the seed prints it). Auth: `X-API-Key` must be `api_key`, else 401 {"detail":
// "Invalid API key"}. The seed documents no rate limit, so there is none
// unless `rate_limit` > 0 (then 429 {"detail": …} with Retry-After). Injectable
// faults: the next N requests answer 500 {"detail": "Internal server error"},
// a stalled answer (`stall_ms`), a body cut short. Records every request.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace convstat::testing {

struct SpeechaiServer {
  struct Seen {
    std::string method, path, api_key, content_type, body;
    int status = 0;
  };

  std::string api_key = "sk-speech-good";
  std::set<std::string> sessions = {"session-123"};
  int rate_limit = 0;  // requests per rate_window_s; 0: none (seed 003 documents none)
  double rate_window_s = 60;
  int retry_after_s = 1;
  std::atomic<int> fail_500{0};       // the next N requests answer 500
  std::atomic<int> stall_ms{0};       // every answer waits this long first
  std::atomic<bool> truncate{false};  // 2xx bodies cut in half
  std::string created_at = "2025-10-15T14:32:10.123456";

  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::mutex mutex;
  std::vector<Seen> seen;
  std::vector<nlohmann::json> feedback;  // stored feedback entries
  std::vector<double> window;

  static nlohmann::json costs_body() {
    return nlohmann::json::parse(R"({"total_cost_usd": 0.0456,
      "breakdown_by_service": {"asr": 0.0023, "llm": 0.0245, "translation": 0.0012, "tts": 0.0176},
      "breakdown_by_provider": {"sarvam": 0.0456}, "total_entries": 12, "cache_savings_usd": 0.0123,
      "optimization_level": "balanced"})");
  }
  static nlohmann::json metrics_body() {
    return nlohmann::json::parse(R"({"total_turns": 15, "successful_turns": 13, "failed_turns": 1,
      "interrupted_turns": 1, "avg_asr_latency_ms": 523.4, "avg_llm_latency_ms": 1245.7,
      "avg_translation_latency_ms": 312.5, "avg_tts_latency_ms": 856.2, "avg_total_latency_ms": 2937.8,
      "cache_hit_rate": 0.42, "llm_cache_hits": 5, "llm_cache_misses": 8, "tts_cache_hits": 3, "tts_cache_misses": 10,
      "guardrail_violations": 2, "guardrail_blocks": 1, "total_cost_usd": 0.0456, "optimization_level": "balanced",
      "language_code": "hi-IN"})");
  }

  void start() {
    server.Get(R"(/api/v1/sessions/([^/]+)/(costs|metrics))", [this](const httplib::Request& req, httplib::Response& res) {
      Seen record = record_of(req);
      if (!admitted(req, res, record)) return;
      const std::string id = req.matches[1], what = req.matches[2];
      if (!req.params.empty()) return reply(res, 422, {{"detail", "unexpected query parameters"}}, record);
      if (!sessions.count(id)) return reply(res, 404, {{"detail", "Session not found"}}, record);
      return reply(res, 200, what == "costs" ? costs_body() : metrics_body(), record);
    });
    server.Post("/api/v1/feedback", [this](const httplib::Request& req, httplib::Response& res) {
      Seen record = record_of(req);
      if (!admitted(req, res, record)) return;
      const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
      if (body.is_discarded() || !body.is_object())
        return reply(res, 422, {{"detail", nlohmann::json::array({{{"loc", {"body"}}, {"msg", "JSON decode error"}}})}},
                     record);
      nlohmann::json missing = nlohmann::json::array();
      if (!body.contains("session_id") || !body["session_id"].is_string())
        missing.push_back({{"loc", {"body", "session_id"}}, {"msg", "field required"}});
      if (!body.contains("rating") || !body["rating"].is_number_integer())
        missing.push_back({{"loc", {"body", "rating"}}, {"msg", "value is not a valid integer"}});
      if (!body.contains("rating_type") || !body["rating_type"].is_string() ||
          (body["rating_type"] != "thumbs" && body["rating_type"] != "stars"))
        missing.push_back({{"loc", {"body", "rating_type"}}, {"msg", "value is not a valid enumeration member"}});
      if (!missing.empty()) return reply(res, 422, {{"detail", missing}}, record);
      const long long rating = body["rating"].get<long long>();
      if (body["rating_type"] == "thumbs" && rating != -1 && rating != 1)
        return reply(res, 400, {{"detail", "Rating must be -1 (thumbs down) or 1 (thumbs up) for thumbs type"}}, record);
      if (body["rating_type"] == "stars" && (rating < 1 || rating > 5))
        return reply(res, 400, {{"detail", "Rating must be between 1 and 5 for stars type"}}, record);
      nlohmann::json entry = body;
      {
        std::lock_guard<std::mutex> lock(mutex);
        entry["id"] = 42 + static_cast<int>(feedback.size());
        entry["created_at"] = created_at;
        feedback.push_back(entry);
      }
      return reply(res, 201,
                   {{"id", entry["id"]}, {"session_id", entry["session_id"]}, {"rating", entry["rating"]},
                    {"rating_type", entry["rating_type"]}, {"created_at", created_at}},
                   record);
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  ~SpeechaiServer() {
    server.stop();
    if (thread.joinable()) thread.join();
  }

  // The base_url a client is configured with (seed 003: http://host:8000/api/v1).
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port) + "/api/v1"; }

  std::vector<Seen> requests() {
    std::lock_guard<std::mutex> lock(mutex);
    return seen;
  }
  std::vector<nlohmann::json> stored_feedback() {
    std::lock_guard<std::mutex> lock(mutex);
    return feedback;
  }

private:
  static Seen record_of(const httplib::Request& req) {
    return {req.method, req.path, req.get_header_value("X-API-Key"), req.get_header_value("Content-Type"), req.body, 0};
  }

  // Stalls, then checks the key, the rate limit and the injected 500; false when it answered.
  bool admitted(const httplib::Request& req, httplib::Response& res, Seen& record) {
    if (stall_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(stall_ms.load()));
    if (req.get_header_value("X-API-Key") != api_key) {
      reply(res, 401, {{"detail", "Invalid API key"}}, record);
      return false;
    }
    if (rate_limit > 0) {
      std::lock_guard<std::mutex> lock(mutex);
      const double now = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
      while (!window.empty() && window.front() <= now - rate_window_s) window.erase(window.begin());
      if (static_cast<int>(window.size()) >= rate_limit) {
        record.status = 429;
        seen.push_back(record);
        res.status = 429;
        res.set_header("Retry-After", std::to_string(retry_after_s));
        res.set_content(nlohmann::json{{"detail", "Too many requests"}}.dump(), "application/json");
        return false;
      }
      window.push_back(now);
    }
    if (fail_500 > 0) {
      --fail_500;
      reply(res, 500, {{"detail", "Internal server error"}}, record);
      return false;
    }
    return true;
  }

  void reply(httplib::Response& res, int status, const nlohmann::json& body, Seen& record) {
    std::string text = body.dump();
    if (truncate && status / 100 == 2) text = text.substr(0, text.size() / 2);
    res.status = status;
    res.set_content(text, "application/json");
    record.status = status;
    std::lock_guard<std::mutex> lock(mutex);
    seen.push_back(record);
  }
};

}  // namespace convstat::testing
