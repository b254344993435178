// The botserver backend (seed 001) against a loopback server that follows the
// seed: the range filters sent (period=today, days=N, start_date/end_date
// inclusive), requests as sent (path, parameters, Bearer header), answers as
// served (the server derives its numbers from the days), roles (a viewer
// token gets 403 on reports), 401 without the secret, 429 with Retry-After,
// 500 retried, a stalled response, a body cut short, server-side reports and
// `backends test`.
#include <catch2/catch.hpp>

#include "connectors/backends.hpp"
#include "connectors/botserver.hpp"
#include "core/error.hpp"
#include "tests/support/botserver_server.hpp"
#include "tests/support/render_json.hpp"

using namespace convstat::connectors;
using convstat::core::BackendError;
using convstat::core::DataError;
using convstat::core::Unit;
using convstat::core::UsageError;
using convstat::testing::BotserverServer;

namespace {

convstat::core::TimeRange days_range(const std::string& first, const std::string& last) {
  convstat::core::TimeRange r;
  r.first_day = *convstat::core::parse_date(first);
  r.last_day = *convstat::core::parse_date(last);
  return r;
}

std::int32_t day(const std::string& text) { return *convstat::core::parse_date(text); }

struct BotFake {
  std::vector<double> sleeps;
  double now = 0;
};

HttpOptions bot_options(const BotserverServer& server, BotFake& fake, const std::string& token = "viewer-token") {
  HttpOptions o;
  o.backend = "bs";
  o.base_url = server.url();
  o.auth_headers = {{"Authorization", "Bearer " + token}};
  o.credential_hint = "Authorization: Bearer from $BOTSERVER_TOKEN";
  o.max_retries = 3;
  o.sleep = [&fake](double s) {
    fake.sleeps.push_back(s);
    fake.now += s;
  };
  o.clock = [&fake] { return fake.now; };
  o.jitter = [] { return 1.0; };
  return o;
}

std::string bot_error(const std::function<void()>& f) {
  try {
    f();
  } catch (const convstat::core::Error& e) {
    return e.what() + std::string(" | ") + e.hint();
  }
  return "no error";
}

BackendSpec bot_spec(const std::string& url, const std::string& var = "BOTSERVER_TOKEN") {
  BackendSpec spec;
  spec.name = "bs";
  spec.kind = find_kind("botserver");
  spec.table.values = {{"kind", "botserver"}, {"base_url", url}, {"token_env", var}, {"max_retries", "0"}};
  return spec;
}

EnvLookup bot_env(const std::string& token) {
  return [token](const std::string& name) -> std::optional<std::string> {
    if (name == "BOTSERVER_TOKEN") return token;
    return std::nullopt;
  };
}

std::string param(const BotserverServer::Seen& seen, const std::string& name) {
  const auto it = seen.params.find(name);
  return it == seen.params.end() ? "<absent>" : it->second;
}

}  // namespace

TEST_CASE("botserver: the range as period=today, days=N or start_date/end_date (inclusive)", "[botserver]") {
  const std::int32_t today = day("2026-03-10");
  const auto only_today = botserver::range_params(days_range("2026-03-10", "2026-03-10"), today, "bs");
  CHECK(only_today.query == Query{{"period", "today"}});
  const auto week = botserver::range_params(days_range("2026-03-04", "2026-03-10"), today, "bs");
  CHECK(week.query == Query{{"days", "7"}});
  CHECK(week.first_day == "2026-03-04");
  CHECK(week.last_day == "2026-03-10");
  const auto past = botserver::range_params(days_range("2026-03-01", "2026-03-08"), today, "bs");
  CHECK(past.query == Query{{"start_date", "2026-03-01"}, {"end_date", "2026-03-08"}});
  // A range running past today (--period month) is sent as its dates too.
  const auto month = botserver::range_params(days_range("2026-03-01", "2026-03-31"), today, "bs");
  CHECK(month.query == Query{{"start_date", "2026-03-01"}, {"end_date", "2026-03-31"}});
  // Reports always get their dates.
  CHECK(botserver::explicit_dates(days_range("2026-03-04", "2026-03-10"), "bs").query ==
        Query{{"start_date", "2026-03-04"}, {"end_date", "2026-03-10"}});

  auto datetime = days_range("2026-03-01", "2026-03-01");
  datetime.date_based = false;
  try {
    botserver::range_params(datetime, today, "bs");
    FAIL("a datetime range was accepted");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()) ==
          "backend 'bs' (botserver) takes whole days (start_date/end_date, days or period=today), not a datetime range");
    CHECK(e.hint() == "give --from/--to as dates (YYYY-MM-DD), --days N or --period");
  }
  CHECK_THROWS_AS(botserver::range_params(days_range("2026-03-02", "2026-03-01"), today, "bs"), UsageError);
}

TEST_CASE("botserver: served commands, endpoints, units and key order", "[botserver]") {
  CHECK(botserver::served_commands() == "usage, usage daily, usage monthly, engagement, realtime, report");
  CHECK(std::string(find_kind("botserver")->serves) == botserver::served_commands());  // what `backends` lists
  CHECK(botserver::endpoint_for("usage monthly")->path == "/api/v1/analytics/usage/monthly");
  CHECK_FALSE(botserver::endpoint_for("realtime")->ranged);
  CHECK(botserver::endpoint_for("overview") == nullptr);
  CHECK(botserver::endpoint_for("daily chats") == nullptr);

  CHECK(botserver::unit_of("positive_rate") == Unit::percent);
  CHECK(botserver::unit_of("week_2") == Unit::percent);
  CHECK(botserver::unit_of("csat_avg") == Unit::decimal1);
  CHECK(botserver::unit_of("messages_per_minute") == Unit::ratio4);
  CHECK(botserver::unit_of("conversations") == Unit::raw);

  const auto r = botserver::answer_result(
      "engagement", nlohmann::json::parse(R"({"retention": [{"week_1": 45, "users": 20, "cohort_week": "2026-W09"}],
        "satisfaction": {"thumbs_up_rate": 78.61, "csat_avg": 4.25}, "new_users": 35, "active_users": 140,
        "avg_conversations_per_user": 2.03571, "vendor_x": 1})"));
  CHECK(r.title == "User engagement");
  CHECK(r.main_section == "retention");
  // Printed with the local units; keys in the local order, the vendor's last.
  CHECK(convstat::testing::rendered_json(r) ==
        convstat::testing::json_of(R"({"active_users": 140, "new_users": 35, "avg_conversations_per_user": 2.0357,
          "retention": [{"cohort_week": "2026-W09", "users": 20, "week_1": 45.0}],
          "satisfaction": {"csat_avg": 4.3, "thumbs_up_rate": 78.6}, "vendor_x": 1})"));
  std::vector<std::string> keys;
  for (const auto& [key, value] : r.root.as_object()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"active_users", "new_users", "avg_conversations_per_user", "retention",
                                         "satisfaction", "vendor_x"});
  const auto& cohort = r.root.find("retention")->as_list()[0].as_object();
  CHECK(cohort[0].first == "cohort_week");
  CHECK(cohort[2].second.unit() == Unit::percent);
}

TEST_CASE("botserver: one GET with the range and the Bearer token; answers as served", "[botserver]") {
  BotserverServer server;
  server.start();
  BotFake fake;
  HttpClient client(bot_options(server, fake));
  const auto past = botserver::range_params(days_range("2026-03-01", "2026-03-03"), day("2026-03-10"), "bs");
  const auto daily = botserver::fetch(client, *botserver::endpoint_for("usage daily"), past.query);
  REQUIRE(daily["data"].size() == 3);
  CHECK(daily["data"][0] == nlohmann::json::parse(R"({"date": "2026-03-01", "conversations": 11, "messages": 44, "active_users": 6})"));
  CHECK(daily["data"][2]["date"] == "2026-03-03");
  auto seen = server.requests();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].method == "GET");
  CHECK(seen[0].path == "/api/v1/analytics/usage/daily");
  CHECK(seen[0].params.size() == 2);
  CHECK(param(seen[0], "start_date") == "2026-03-01");
  CHECK(param(seen[0], "end_date") == "2026-03-03");
  CHECK(seen[0].authorization == "Bearer viewer-token");

  // Across a month's end: one row per month the days touch.
  const auto turn = botserver::range_params(days_range("2026-02-27", "2026-03-02"), day("2026-03-10"), "bs");
  const auto monthly = botserver::fetch(client, *botserver::endpoint_for("usage monthly"), turn.query);
  CHECK(monthly["data"] == nlohmann::json::parse(R"([
    {"month": "2026-02", "conversations": 75, "messages": 300, "active_users": 16},
    {"month": "2026-03", "conversations": 23, "messages": 92, "active_users": 13}])"));

  // days=N ends today (UTC) on the server too.
  const auto usage = botserver::fetch(client, *botserver::endpoint_for("usage"), {{"days", "7"}});
  CHECK(param(server.requests().back(), "days") == "7");
  CHECK(usage["end_date"] == BotserverServer::today_utc());
  const auto realtime = botserver::fetch(client, *botserver::endpoint_for("realtime"), {});
  CHECK(realtime["active_sessions"] == 12);
  CHECK(server.requests().back().params.empty());
}

TEST_CASE("botserver: the server rejects what the seed rejects (400 with its message)", "[botserver]") {
  BotserverServer server;
  server.start();
  BotFake fake;
  HttpClient client(bot_options(server, fake));
  const auto& usage = *botserver::endpoint_for("usage");
  CHECK(bot_error([&] { botserver::fetch(client, usage, {{"days", "0"}}); }) ==
        "bs: GET /api/v1/analytics/usage: 400 days must be an integer from 1 to 365 | ");
  CHECK(bot_error([&] { botserver::fetch(client, usage, {{"days", "7"}, {"period", "week"}}); }) ==
        "bs: GET /api/v1/analytics/usage: 400 give one of start_date/end_date, days or period | ");
  CHECK(bot_error([&] { botserver::fetch(client, usage, {{"start_date", "2026-03-01"}}); })
            .find("400 start_date and end_date must both be ISO 8601 dates") != std::string::npos);
  CHECK(bot_error([&] { botserver::fetch(client, usage, {{"group_by", "year"}}); })
            .find("400 invalid group_by 'year' (hour, day, week, month)") != std::string::npos);
  CHECK(bot_error([&] { botserver::fetch(client, *botserver::endpoint_for("realtime"), {{"days", "1"}}); })
            .find("400 realtime takes no query parameters") != std::string::npos);
  CHECK(server.requests().size() == 5);  // 400 is never retried
}

TEST_CASE("botserver: 401 names the variable, never the token; 403 for a viewer's report", "[botserver]") {
  BotserverServer server;
  server.start();
  BotFake fake;
  HttpClient wrong(bot_options(server, fake, "secret-wrong-token"));
  const std::string unauthorized = bot_error([&] { botserver::fetch(wrong, *botserver::endpoint_for("usage"), {}); });
  CHECK(unauthorized.rfind("bs: GET /api/v1/analytics/usage: 401 Unauthorized: invalid or expired token | "
                           "the credential used is Authorization: Bearer from $BOTSERVER_TOKEN",
                           0) == 0);
  CHECK(unauthorized.find("secret-wrong-token") == std::string::npos);

  HttpClient viewer(bot_options(server, fake));
  const auto dates = botserver::explicit_dates(days_range("2026-03-01", "2026-03-31"), "bs");
  CHECK(bot_error([&] { botserver::create_report(viewer, "engagement", dates); })
            .rfind("bs: POST /api/v1/analytics/reports: 403 Forbidden: reports require the analytics_admin or admin role", 0) == 0);
  CHECK(bot_error([&] { botserver::list_reports(viewer); }).find(": 403 Forbidden") != std::string::npos);
  // analytics_admin may create reports but not read usage (the seed's permissions table).
  HttpClient analytics_admin(bot_options(server, fake, "analytics-admin-token"));
  CHECK(bot_error([&] { botserver::fetch(analytics_admin, *botserver::endpoint_for("usage"), {}); })
            .find("403 Forbidden: this endpoint requires the analytics_viewer or admin role") != std::string::npos);
  CHECK_NOTHROW(botserver::create_report(analytics_admin, "usage", dates));
}

TEST_CASE("botserver: server-side reports: create, list, get; an unknown id is Report not found", "[botserver]") {
  BotserverServer server;
  server.start();
  BotFake fake;
  HttpClient admin(bot_options(server, fake, "admin-token"));
  const auto dates = botserver::explicit_dates(days_range("2025-01-01", "2025-01-31"), "bs");
  const auto created = botserver::create_report(admin, "engagement", dates);
  CHECK(created["id"] == "rpt_0001");
  CHECK(created["status"] == "completed");
  auto seen = server.requests();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].method == "POST");
  CHECK(seen[0].path == "/api/v1/analytics/reports");
  CHECK(nlohmann::json::parse(seen[0].body) ==
        nlohmann::json::parse(R"({"type": "engagement", "start_date": "2025-01-01", "end_date": "2025-01-31"})"));

  const auto list = botserver::list_reports(admin);
  REQUIRE(list["reports"].size() == 1);
  CHECK(list["reports"][0]["type"] == "engagement");
  const auto listed = botserver::answer_result("report", list);
  CHECK(listed.main_section == "reports");
  const auto got = botserver::get_report(admin, "rpt_0001");
  CHECK(got["end_date"] == "2025-01-31");
  CHECK(server.requests().back().path == "/api/v1/analytics/reports/rpt_0001");

  try {
    botserver::get_report(admin, "rpt_0099");
    FAIL("an unknown report was found");
  } catch (const DataError& e) {
    CHECK(std::string(e.what()) == "Report not found");
  }
  const std::size_t before = server.requests().size();
  CHECK_THROWS_AS(botserver::get_report(admin, "../usage"), UsageError);
  CHECK(server.requests().size() == before);  // never put in a path
  CHECK(bot_error([&] { botserver::create_report(admin, "support", dates); })
            .find("400 invalid report type 'support' (usage, conversations, engagement)") != std::string::npos);
}

TEST_CASE("botserver: 500 retried; 429 waits Retry-After; a stalled or cut answer exits 4", "[botserver]") {
  BotserverServer server;
  server.start();
  BotFake fake;
  HttpClient client(bot_options(server, fake));
  const auto& usage = *botserver::endpoint_for("usage");

  server.fail_500 = 2;
  CHECK(botserver::fetch(client, usage, {{"period", "today"}})["total_conversations"].is_number_integer());
  CHECK(fake.sleeps == std::vector<double>{0.5, 1.0});

  server.truncate = true;
  CHECK(bot_error([&] { botserver::fetch(client, usage, {}); }) ==
        "bs: GET /api/v1/analytics/usage: malformed response (not JSON, or cut short) | nothing was stored; try again");
  server.truncate = false;

  server.rate_limit = static_cast<int>(server.requests().size());  // every further request: 429
  server.retry_after_s = 2;
  fake.sleeps.clear();
  CHECK(bot_error([&] { botserver::fetch(client, usage, {}); }) ==
        "bs: GET /api/v1/analytics/usage: 429 Too many requests after 4 attempts | ");
  CHECK(fake.sleeps == std::vector<double>{2.0, 2.0, 2.0});
  server.rate_limit = 1000;

  server.stall_ms = 1500;
  HttpOptions o = bot_options(server, fake);
  o.timeout_s = 0.5;
  o.max_retries = 0;
  HttpClient impatient(o);
  CHECK(bot_error([&] { botserver::fetch(impatient, usage, {}); })
            .rfind("bs: GET /api/v1/analytics/usage: Timeout was reached", 0) == 0);
  server.stall_ms = 0;
}

TEST_CASE("botserver: options and backends test (GET realtime/active)", "[botserver]") {
  BotserverServer server;
  server.start();
  const auto options = botserver::http_options(bot_spec(server.url()), bot_env("viewer-token"));
  REQUIRE(options.rate_limit);
  CHECK(options.rate_limit->requests == 60);
  CHECK(options.rate_limit->window_s == 60.0);
  CHECK(options.auth_headers == std::vector<std::pair<std::string, std::string>>{{"Authorization", "Bearer viewer-token"}});

  const CheckOutcome ok = test_backend(bot_spec(server.url()), bot_env("viewer-token"));
  CHECK(ok.status == "ok");
  CHECK(ok.detail == "GET realtime/active answered (active_sessions 12)");
  CHECK(server.requests().back().path == "/api/v1/analytics/realtime/active");
  const CheckOutcome bad = test_backend(bot_spec(server.url()), bot_env("nope-token"));
  CHECK(bad.status == "failed");
  CHECK(bad.code == convstat::core::ExitCode::backend);
  CHECK(bad.detail.find("401 Unauthorized: invalid or expired token") != std::string::npos);
  CHECK(bad.detail.find("nope-token") == std::string::npos);
}
