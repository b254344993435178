#pragma once
// A loopback server that follows seed 001 (bot server Analytics API) for the
// endpoints convstat uses: usage, usage/daily, usage/monthly, engagement,
// realtime, realtime/active and reports (POST, list, get by id), all under
// /api/v1/analytics. Auth: `Authorization: Bearer` tokens with the seed's
// roles — `viewer_token` (analytics_viewer), `admin_token` (admin),
// `analytics_admin_token` (analytics_admin); per the seed's permissions table
// usage, engagement and realtime take analytics_viewer or admin, reports
// analytics_admin or admin. Missing or unknown token → 401, wrong role → 403.
// The seed documents no error body: every error is {"error": "…"}.
// Parameters as the seed's Query Parameters: start_date/end_date (ISO 8601
// dates, both or neither, inclusive), days (1-365), period (today, week,
// month, year), group_by (hour, day, week, month), bot_id/user_id (UUIDs);
// one range form at most, unknown parameters rejected: 400. realtime takes
// none. Days are UTC; `days=N` and `period` end today. The seed documents no
// rate limit: this server answers 429 after `rate_limit` requests per
// `rate_window_s` (Retry-After and {"error", "retry_after"}). Injectable
// faults: 500s, a stalled response, a body cut short. Numbers are derived
// from the days, so a client's range can be checked in its answer: a day of
// month M has conversations 10 + M, messages 4 · (10 + M), active_users
// 5 + M % 7.
#include <httplib.h>

#include <date/date.h>

#include <atomic>
#include <cstdio>
#include <chrono>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

namespace convstat::testing {

struct BotserverServer {
  struct Seen {
    std::string method;
    std::string path;
    std::multimap<std::string, std::string> params;
    std::string authorization;
    std::string body;
    int status = 0;
  };

  std::string viewer_token = "viewer-token";
  std::string admin_token = "admin-token";
  std::string analytics_admin_token = "analytics-admin-token";
  int rate_limit = 60;
  double rate_window_s = 60;
  int retry_after_s = 1;
  std::atomic<int> fail_500{0};       // the next N requests answer 500
  std::atomic<int> stall_ms{0};       // each answer waits this long first
  std::atomic<bool> truncate{false};  // 2xx bodies cut in half

  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::mutex mutex;
  std::vector<Seen> seen;
  std::vector<double> window;
  std::vector<nlohmann::json> reports;

  void start() {
    const std::string base = "/api/v1/analytics/";
    for (const std::string name : {"usage", "usage/daily", "usage/monthly", "engagement", "realtime", "realtime/active"})
      server.Get(base + name, [this, name](const httplib::Request& req, httplib::Response& res) {
        handle(req, res, false, [&](Seen& record) { return answer(name, req, res, record); });
      });
    server.Post(base + "reports", [this](const httplib::Request& req, httplib::Response& res) {
      handle(req, res, true, [&](Seen& record) { return create(req, res, record); });
    });
    server.Get(base + "reports", [this](const httplib::Request& req, httplib::Response& res) {
      handle(req, res, true, [&](Seen& record) {
        if (!req.params.empty()) return reply(res, 400, error("reports takes no query parameters"), record);
        nlohmann::json body;
        {
          std::lock_guard<std::mutex> lock(mutex);  // released before reply() locks again
          body = {{"reports", reports}, {"total", reports.size()}};
        }
        return reply(res, 200, body, record);
      });
    });
    server.Get(base + R"(reports/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
      handle(req, res, true, [&](Seen& record) {
        const std::string id = req.matches[1];
        std::optional<nlohmann::json> found;
        {
          std::lock_guard<std::mutex> lock(mutex);
          for (const auto& r : reports)
            if (r["id"] == id) found = r;
        }
        if (!found) return reply(res, 404, error("Report not found"), record);
        return reply(res, 200, *found, record);
      });
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  ~BotserverServer() {
    server.stop();
    if (thread.joinable()) thread.join();
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }

  std::vector<Seen> requests() {
    std::lock_guard<std::mutex> lock(mutex);
    return seen;
  }

  static std::string today_utc() {
    return date::format("%F", date::floor<date::days>(std::chrono::system_clock::now()));
  }

  // The numbers of one day ("2026-03-05").
  static nlohmann::json day_row(const std::string& day) {
    const int m = std::stoi(day.substr(8, 2));
    return {{"date", day}, {"conversations", 10 + m}, {"messages", 4 * (10 + m)}, {"active_users", 5 + m % 7}};
  }

private:
  static nlohmann::json error(const std::string& message) { return {{"error", message}}; }

  static std::optional<date::sys_days> parse_day(const std::string& s) {
    static const std::regex re(R"(\d{4}-\d{2}-\d{2})");
    if (!std::regex_match(s, re)) return std::nullopt;
    const date::year_month_day ymd{date::year{std::stoi(s.substr(0, 4))}, date::month{unsigned(std::stoi(s.substr(5, 2)))},
                                   date::day{unsigned(std::stoi(s.substr(8, 2)))}};
    if (!ymd.ok()) return std::nullopt;
    return date::sys_days{ymd};
  }

  static std::string role_of(const BotserverServer& s, const std::string& auth) {
    if (auth == "Bearer " + s.viewer_token) return "analytics_viewer";
    if (auth == "Bearer " + s.admin_token) return "admin";
    if (auth == "Bearer " + s.analytics_admin_token) return "analytics_admin";
    return "";
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

  // Auth, role, rate limit and faults, then `serve`.
  template <class Serve>
  void handle(const httplib::Request& req, httplib::Response& res, bool reports_role, Serve serve) {
    Seen record{req.method, req.path, req.params, req.get_header_value("Authorization"), req.body, 0};
    const std::string role = role_of(*this, record.authorization);
    if (record.authorization.empty()) return reply(res, 401, error("Unauthorized: missing bearer token"), record);
    if (role.empty()) return reply(res, 401, error("Unauthorized: invalid or expired token"), record);
    {
      std::lock_guard<std::mutex> lock(mutex);
      const double now = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
      while (!window.empty() && window.front() <= now - rate_window_s) window.erase(window.begin());
      if (static_cast<int>(window.size()) >= rate_limit) {
        record.status = 429;
        seen.push_back(record);
        res.status = 429;
        res.set_header("Retry-After", std::to_string(retry_after_s));
        res.set_content(nlohmann::json{{"error", "Too many requests"}, {"retry_after", retry_after_s}}.dump(),
                        "application/json");
        return;
      }
      window.push_back(now);
    }
    const bool allowed = reports_role ? (role == "admin" || role == "analytics_admin")
                                      : (role == "admin" || role == "analytics_viewer");
    if (!allowed)
      return reply(res, 403,
                   error(reports_role ? "Forbidden: reports require the analytics_admin or admin role"
                                      : "Forbidden: this endpoint requires the analytics_viewer or admin role"),
                   record);
    if (fail_500 > 0) {
      --fail_500;
      return reply(res, 500, error("Internal Server Error"), record);
    }
    if (stall_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(stall_ms.load()));
    serve(record);
  }

  // The days a ranged request covers, or an error message.
  static std::string resolve(const httplib::Request& req, date::sys_days& first, date::sys_days& last) {
    static const std::regex uuid(R"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
    for (const auto& [param, value] : req.params) {
      if (param == "start_date" || param == "end_date" || param == "days" || param == "period") continue;
      if (param == "group_by") {
        if (value != "hour" && value != "day" && value != "week" && value != "month")
          return "invalid group_by '" + value + "' (hour, day, week, month)";
      } else if (param == "bot_id" || param == "user_id") {
        if (!std::regex_match(value, uuid)) return "invalid " + param + ": not a UUID";
      } else {
        return "unknown query parameter: " + param;
      }
    }
    const bool dates = req.has_param("start_date") || req.has_param("end_date");
    const int forms = int(dates) + int(req.has_param("days")) + int(req.has_param("period"));
    if (forms > 1) return "give one of start_date/end_date, days or period";
    const date::sys_days today = date::floor<date::days>(std::chrono::system_clock::now());
    last = today;
    first = today - date::days{29};  // no range: the last 30 days
    if (dates) {
      const auto from = parse_day(req.get_param_value("start_date")), to = parse_day(req.get_param_value("end_date"));
      if (!from || !to) return "start_date and end_date must both be ISO 8601 dates (YYYY-MM-DD)";
      if (*to < *from) return "end_date must not be before start_date";
      first = *from;
      last = *to;
    } else if (req.has_param("days")) {
      const std::string v = req.get_param_value("days");
      const bool digits = !v.empty() && v.size() < 4 && v.find_first_not_of("0123456789") == std::string::npos;
      const int n = digits ? std::stoi(v) : 0;
      if (n < 1 || n > 365) return "days must be an integer from 1 to 365";
      first = today - date::days{n - 1};
    } else if (req.has_param("period")) {
      const std::string p = req.get_param_value("period");
      const std::map<std::string, int> lengths = {{"today", 1}, {"week", 7}, {"month", 30}, {"year", 365}};
      const auto it = lengths.find(p);
      if (it == lengths.end()) return "invalid period '" + p + "' (today, week, month, year)";
      first = today - date::days{it->second - 1};
    }
    return "";
  }

  void answer(const std::string& name, const httplib::Request& req, httplib::Response& res, Seen& record) {
    if (name == "realtime" || name == "realtime/active") {
      if (!req.params.empty()) return reply(res, 400, error(name + " takes no query parameters"), record);
      nlohmann::json body = {{"active_sessions", 12}};
      if (name == "realtime")
        body.update({{"messages_per_minute", 4.25}, {"active_calls", 2}, {"window_minutes", 5},
                     {"data_as_of", date::format("%FT%TZ", date::floor<std::chrono::seconds>(std::chrono::system_clock::now()))}});
      return reply(res, 200, body, record);
    }
    date::sys_days first, last;
    if (const std::string problem = resolve(req, first, last); !problem.empty())
      return reply(res, 400, error(problem), record);
    nlohmann::json days = nlohmann::json::array();
    for (date::sys_days d = first; d <= last; d += date::days{1}) days.push_back(day_row(date::format("%F", d)));
    const auto sum = [&](const char* key) {
      long long total = 0;
      for (const auto& row : days) total += row[key].get<long long>();
      return total;
    };
    nlohmann::json body;
    if (name == "usage") {
      body = {{"total_conversations", sum("conversations")}, {"active_users", sum("active_users")},
              {"total_messages", sum("messages")}, {"start_date", date::format("%F", first)},
              {"end_date", date::format("%F", last)}};
    } else if (name == "usage/daily") {
      body = {{"data", days}};
    } else if (name == "usage/monthly") {
      nlohmann::json months = nlohmann::json::array();
      for (const auto& row : days) {
        const std::string month = row["date"].get<std::string>().substr(0, 7);
        if (months.empty() || months.back()["month"] != month)
          months.push_back({{"month", month}, {"conversations", 0}, {"messages", 0}, {"active_users", 0}});
        for (const char* key : {"conversations", "messages", "active_users"})
          months.back()[key] = months.back()[key].get<long long>() + row[key].get<long long>();
      }
      body = {{"data", months}};
    } else {  // engagement
      body = nlohmann::json::parse(R"({"active_users": 140, "new_users": 35, "returning_users": 105,
        "avg_conversations_per_user": 2.0357,
        "retention": [{"cohort_week": "2026-W09", "users": 20, "week_1": 45.0, "week_2": 30.0, "week_3": 25.0, "week_4": null}],
        "satisfaction": {"csat_avg": 4.3, "positive_rate": 85.7, "thumbs_up_rate": 78.6}})");
      body["start_date"] = date::format("%F", first);
      body["end_date"] = date::format("%F", last);
    }
    return reply(res, 200, body, record);
  }

  void create(const httplib::Request& req, httplib::Response& res, Seen& record) {
    const nlohmann::json in = nlohmann::json::parse(req.body, nullptr, false);
    if (!in.is_object()) return reply(res, 400, error("the body must be a JSON object"), record);
    const std::string type = in.value("type", "");
    if (type != "usage" && type != "conversations" && type != "engagement")
      return reply(res, 400, error("invalid report type '" + type + "' (usage, conversations, engagement)"), record);
    const auto from = parse_day(in.value("start_date", "")), to = parse_day(in.value("end_date", ""));
    if (!from || !to) return reply(res, 400, error("start_date and end_date are required ISO 8601 dates"), record);
    if (*to < *from) return reply(res, 400, error("end_date must not be before start_date"), record);
    const std::string format = in.value("format", "pdf");
    if (format != "pdf" && format != "csv" && format != "json")
      return reply(res, 400, error("invalid format '" + format + "' (pdf, csv, json)"), record);
    nlohmann::json report;
    {
      std::lock_guard<std::mutex> lock(mutex);
      char id[32];
      std::snprintf(id, sizeof id, "rpt_%04zu", reports.size() + 1);
      report = {{"id", id}, {"type", type}, {"start_date", in["start_date"]}, {"end_date", in["end_date"]},
                {"format", format}, {"status", "completed"}, {"created_at", "2026-03-09T08:00:00Z"}};
      reports.push_back(report);
    }
    return reply(res, 201, report, record);
  }
};

}  // namespace convstat::testing
