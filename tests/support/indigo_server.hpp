#pragma once
// A loopback server that follows seed 004 (indigo Analytics REST API)
// exactly: the six daily endpoints and their paths, `Authorization: Bearer
// <PAT>` scoped to one project (401/403 bodies as documented), required
// from/to (`to` exclusive), limit 1-365 (default 30, 31 for users), opaque
// base64 cursors (`after` for users/unique-daily), zero-filled days, each
// endpoint's own metadata count key, 100 requests per 60 s with the
// documented 429 body, and injectable faults: 500s, a looping cursor, a body
// cut short. It records every request it receives.
#include <httplib.h>

#include <date/date.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace convstat::testing {

inline std::string base64_encode(const std::string& in) {
  static const char* chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned value = 0;
  int bits = -6;
  for (unsigned char c : in) {
    value = (value << 8) + c;
    bits += 8;
    while (bits >= 0) {
      out.push_back(chars[(value >> bits) & 0x3F]);
      bits -= 6;
    }
  }
  if (bits > -6) out.push_back(chars[((value << 8) >> (bits + 8)) & 0x3F]);
  while (out.size() % 4) out.push_back('=');
  return out;
}

inline std::optional<std::string> base64_decode(const std::string& in) {
  std::string out;
  unsigned value = 0;
  int bits = -8;
  for (char c : in) {
    int d;
    if (c >= 'A' && c <= 'Z') d = c - 'A';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 26;
    else if (c >= '0' && c <= '9') d = c - '0' + 52;
    else if (c == '+') d = 62;
    else if (c == '/') d = 63;
    else if (c == '=') break;
    else return std::nullopt;
    value = (value << 6) + static_cast<unsigned>(d);
    bits += 6;
    if (bits >= 0) {
      out.push_back(static_cast<char>((value >> bits) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

struct IndigoServer {
  struct Seen {
    std::string path;
    std::multimap<std::string, std::string> params;
    std::string authorization;
    int status = 0;
  };

  std::string project = "proj-1";
  std::string pat = "pat-good";        // the valid token of `project`
  std::string other_pat = "pat-other"; // valid, but for another project: 403
  int rate_limit = 100;
  double rate_window_s = 60;
  std::function<double()> clock = [] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  };
  std::atomic<int> fail_500{0};          // the next N requests answer 500
  std::atomic<bool> loop_cursor{false};  // next_cursor never moves on
  std::atomic<bool> truncate{false};     // bodies cut in half

  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::mutex mutex;
  std::vector<Seen> seen;
  std::vector<double> window;  // times of the requests counted against the rate limit

  // The documented value of each metric on a day: a fixed function of the day.
  static long long day_number(const std::string& date) {
    int y = 0, m = 0, d = 0;
    std::sscanf(date.c_str(), "%d-%d-%d", &y, &m, &d);
    return date::sys_days(date::year(y) / m / d).time_since_epoch().count();
  }
  static std::string date_of(long long days) {
    return date::format("%F", date::sys_days(date::days(days)));
  }
  static long long count_on(long long day) { return (day * 37) % 150 + (day % 5 == 0 ? 0 : 5); }

  void start() {
    route("messages/daily", "analytics", "cursor", 30, "total_days", [](const std::string& date, long long v) {
      return nlohmann::json{{"date", date}, {"inbound_messages", v * 3}, {"outbound_messages", v * 4},
                            {"positive_feedback", v % 7}, {"negative_feedback", v % 3}, {"ht_requests", v % 4},
                            {"ht_starts", v % 2}};
    });
    route("chats/count", "dashboard", "cursor", 30, "total_count",
          [](const std::string& date, long long v) { return nlohmann::json{{"date", date}, {"count", v}}; });
    route("users/unique-daily", "dashboard", "after", 31, "total_count", [](const std::string& date, long long v) {
      return nlohmann::json{{"date", date + "T00:00:00Z"}, {"unique_users", v / 2}};
    });
    route("csat/daily", "dashboard", "cursor", 30, "days_count", [](const std::string& date, long long v) {
      const long long total = v % 4;
      return nlohmann::json{{"date", date}, {"total", total},
                            {"avg_score", total == 0 ? nlohmann::json() : nlohmann::json(3.0 + (v % 3) * 0.5)}};
    });
    route("ai_quality/daily", "dashboard", "cursor", 30, "total_days", [](const std::string& date, long long v) {
      return nlohmann::json{{"date", date}, {"score", (v % 100) / 100.0}, {"sample_size", v}};
    });
    route("errors/daily", "dashboard", "cursor", 30, "total_count", [](const std::string& date, long long v) {
      return nlohmann::json{{"date", date}, {"bucket", date + "T00:00:00Z"}, {"error_count", v % 6}};
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  ~IndigoServer() {
    server.stop();
    if (thread.joinable()) thread.join();
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }

  std::vector<Seen> requests() {
    std::lock_guard<std::mutex> lock(mutex);
    return seen;
  }

private:
  using Item = std::function<nlohmann::json(const std::string&, long long)>;

  void reply(httplib::Response& res, int status, const nlohmann::json& body, Seen& record) {
    std::string text = body.dump();
    if (truncate && status == 200) text = text.substr(0, text.size() / 2);
    res.status = status;
    res.set_content(text, "application/json");
    record.status = status;
    std::lock_guard<std::mutex> lock(mutex);
    seen.push_back(record);
  }

  void route(const std::string& tail, const std::string& area, const std::string& cursor_param, int default_limit,
             const std::string& count_key, Item item) {
    server.Get("/rest/" + area + "/([^/]+)/" + tail, [=, this](const httplib::Request& req, httplib::Response& res) {
      Seen record{req.path, req.params, req.get_header_value("Authorization"), 0};
      const std::string auth = req.get_header_value("Authorization");
      if (auth != "Bearer " + pat && auth != "Bearer " + other_pat)
        return reply(res, 401, {{"status", false}, {"message", "unauthenticated"}}, record);
      if (auth != "Bearer " + pat || req.matches[1] != project)
        return reply(res, 403, {{"status", false}, {"message", "unauthorized"}}, record);
      {
        std::lock_guard<std::mutex> lock(mutex);
        const double now = clock();
        while (!window.empty() && window.front() <= now - rate_window_s) window.erase(window.begin());
        if (static_cast<int>(window.size()) >= rate_limit) {
          record.status = 429;
          seen.push_back(record);
          res.status = 429;
          res.set_content(R"({"status": "error", "message": "rate limit exceeded", "retry_after": 60})", "application/json");
          return;
        }
        window.push_back(now);
      }
      if (fail_500 > 0) {
        --fail_500;
        return reply(res, 500, {{"status", "ERROR"}, {"message", "Internal server error"}}, record);
      }
      if (!req.has_param("from") || !req.has_param("to"))
        return reply(res, 400, {{"status", "ERROR"}, {"message", "Missing required params: from, to"}}, record);
      int limit = default_limit;
      if (req.has_param("limit")) {
        limit = std::atoi(req.get_param_value("limit").c_str());
        if (limit < 1 || limit > 365) return reply(res, 400, {{"status", "ERROR"}, {"message", "Invalid limit"}}, record);
      }
      const long long from = day_number(req.get_param_value("from")), to = day_number(req.get_param_value("to"));
      long long start = from;
      const std::string other = cursor_param == "after" ? "cursor" : "after";
      if (req.has_param(other)) return reply(res, 400, {{"status", "ERROR"}, {"message", "Invalid cursor"}}, record);
      if (req.has_param(cursor_param)) {
        const auto decoded = base64_decode(req.get_param_value(cursor_param));
        if (!decoded || decoded->size() != 20 || decoded->substr(10) != "T00:00:00Z")
          return reply(res, 400, {{"status", "ERROR"}, {"message", "Invalid cursor"}}, record);
        start = day_number(decoded->substr(0, 10));
        if (start < from || start >= to) return reply(res, 400, {{"status", "ERROR"}, {"message", "Invalid cursor"}}, record);
      }
      nlohmann::json data = nlohmann::json::array();
      const long long end = std::min(to, start + limit);
      for (long long d = start; d < end; ++d) data.push_back(item(date_of(d), count_on(d)));
      nlohmann::json next = nullptr;
      if (end < to) next = base64_encode(date_of(loop_cursor ? from + 1 : end) + "T00:00:00Z");
      return reply(res, 200,
                   {{"status", "SUCCESS"}, {"data", data}, {"metadata", {{count_key, std::max(0LL, to - from)}, {"next_cursor", next}}}},
                   record);
    });
  }
};

}  // namespace convstat::testing
