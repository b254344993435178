// The aurion backend (seed 002) v2 conversation analytics against a loopback
// server that follows the seed: date_from/date_to (inclusive date_to = end -
// 1 s), UTC only, units of the served numbers, auth (session token vs an
// X-API-Key that gets 403 today), 429 with Retry-After, 500 retried, a body cut
// short, and `backends test` (aggregation-health).
#include <catch2/catch.hpp>

#include "connectors/aurion.hpp"
#include "connectors/backends.hpp"
#include "core/error.hpp"
#include "tests/support/aurion_server.hpp"

using namespace convstat::connectors;
using convstat::core::BackendError;
using convstat::core::TimeZone;
using convstat::core::Unit;
using convstat::core::UsageError;
using convstat::testing::AurionServer;

namespace {

convstat::core::TimeRange aurion_range(const std::string& from, const std::string& to, const std::string& zone = "UTC") {
  convstat::core::RangeRequest request;
  request.from = from;
  request.to = to;
  return convstat::core::resolve_range(request, TimeZone(zone));
}

BackendSpec aurion_spec(std::map<std::string, std::string> values) {
  BackendSpec spec;
  spec.name = "aur";
  spec.kind = find_kind("aurion");
  spec.table.values = std::move(values);
  return spec;
}

EnvLookup aurion_env(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

struct AurionFake {
  std::vector<double> sleeps;
  double now = 0;
};

HttpOptions aurion_options(const AurionServer& server, AurionFake& fake, const std::string& token = "session-good") {
  HttpOptions o;
  o.backend = "aur";
  o.base_url = server.url();
  o.auth_headers = {{"Authorization", "Bearer " + token}};
  o.credential_hint = "Authorization: Bearer from $AURION_SESSION";
  o.max_retries = 3;
  o.sleep = [&fake](double s) {
    fake.sleeps.push_back(s);
    fake.now += s;
  };
  o.clock = [&fake] { return fake.now; };
  o.jitter = [] { return 1.0; };
  return o;
}

std::string aurion_error(const std::function<void()>& f) {
  try {
    f();
  } catch (const BackendError& e) {
    return e.what() + std::string(" | ") + e.hint();
  }
  return "no error";
}

}  // namespace

TEST_CASE("aurion: date_from/date_to are RFC 3339 UTC, date_to inclusive = exclusive end - 1 s", "[aurion]") {
  const auto q1 = aurion::date_params(aurion_range("2026-03-01", "2026-03-08"), "aur");
  CHECK(q1.date_from == "2026-03-01T00:00:00Z");
  CHECK(q1.date_to == "2026-03-08T23:59:59Z");  // the seed's own example
  const auto one = aurion::date_params(aurion_range("2026-12-31", "2026-12-31"), "aur");
  CHECK(one.date_from == "2026-12-31T00:00:00Z");
  CHECK(one.date_to == "2026-12-31T23:59:59Z");
  // A datetime range: its exclusive end - 1 s.
  const auto dt = aurion::date_params(aurion_range("2026-03-01T10:00:00Z", "2026-03-01T12:00:00Z"), "aur");
  CHECK(dt.date_from == "2026-03-01T10:00:00Z");
  CHECK(dt.date_to == "2026-03-01T11:59:59Z");
  CHECK_THROWS_AS(aurion::date_params(aurion_range("2026-03-01T10:00:00Z", "2026-03-01T10:00:00.500Z"), "aur"),
                  UsageError);
}

TEST_CASE("aurion: v2 buckets days in UTC; another --tz (a DST zone too) is a usage error naming UTC", "[aurion]") {
  CHECK_NOTHROW(aurion::require_utc("aur", std::nullopt));
  CHECK_NOTHROW(aurion::require_utc("aur", std::string("UTC")));
  try {
    aurion::require_utc("aur", std::string("Europe/Paris"));
    FAIL("Europe/Paris was accepted");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()) == "backend 'aur' (aurion) buckets days in UTC, not Europe/Paris");
  }
  CHECK_THROWS_AS(aurion::require_utc("aur", std::string("America/New_York")), UsageError);
}

TEST_CASE("aurion: the served commands and their endpoints", "[aurion]") {
  CHECK(aurion::served_commands() ==
        "overview, sla, csat, csat responses, resolution, teams, insights, calls, calls resolution, unified, usage, "
        "calls search");
  CHECK(aurion::endpoint_for("sla")->path == "/api/v2/analytics/conversations/sla-compliance");
  CHECK(aurion::endpoint_for("resolution")->path == "/api/v2/analytics/conversations/resolution-rates");
  CHECK_FALSE(aurion::endpoint_for("teams")->dated);
  CHECK(aurion::endpoint_for("daily chats") == nullptr);
  CHECK(aurion::endpoint_for("unified")->path == "/api/v2/analytics/unified-overview");
  CHECK(aurion::endpoint_for("usage")->v1);
  CHECK(aurion::endpoint_for("calls search")->search);
  CHECK(aurion::endpoint_for("sessions costs") == nullptr);
}

TEST_CASE("aurion: units of served numbers follow the local commands", "[aurion]") {
  CHECK(aurion::unit_of("compliance_rate") == Unit::percent);
  CHECK(aurion::unit_of("ai_resolution_rate") == Unit::percent);
  CHECK(aurion::unit_of("share") == Unit::percent);
  CHECK(aurion::unit_of("first_response_minutes_avg") == Unit::decimal1);
  CHECK(aurion::unit_of("avg_resolution_minutes") == Unit::decimal1);
  CHECK(aurion::unit_of("total_runtime_ms") == Unit::decimal1);
  CHECK(aurion::unit_of("avg_rating") == Unit::decimal1);
  CHECK(aurion::unit_of("tracked") == Unit::raw);

  const auto answer = AurionServer::body_of("sla-compliance");
  const auto r = aurion::answer_result("sla", answer);
  CHECK(r.title == "SLA compliance");
  CHECK(r.main_section == "by_priority");
  const auto& root = r.root.as_object();
  REQUIRE(root.size() == 4);
  CHECK(root[0].first == "first_response");
  CHECK(root[1].first == "resolution");
  CHECK(root[2].first == "by_priority");
  CHECK(root[3].first == "by_team");
  const auto& fr = root[0].second.as_object();
  REQUIRE(fr.size() == 4);
  CHECK(fr[0].first == "tracked");
  CHECK(fr[0].second.is_integer());
  CHECK(fr[3].first == "compliance_rate");
  CHECK(fr[3].second.unit() == Unit::percent);
  const auto& urgent = root[2].second.as_list()[0].as_object();
  CHECK(urgent[0].first == "priority");

  // An integer rate is still a percent; a vendor key is kept, after the known ones.
  const auto overview = aurion::answer_result(
      "overview", nlohmann::json::parse(R"({"escalation_rate": 100, "total_conversations": 3, "vendor_x": 1})"));
  const auto& o = overview.root.as_object();
  REQUIRE(o.size() == 3);
  CHECK(o[0].first == "total_conversations");
  CHECK(o[1].first == "escalation_rate");
  CHECK(o[1].second.is_number());
  CHECK(o[1].second.unit() == Unit::percent);
  CHECK(o[2].first == "vendor_x");
  const auto csat = aurion::answer_result("csat", AurionServer::body_of("csat"));
  const auto& trend = csat.root.find("trend")->as_list()[0].as_object();
  CHECK(trend[0].first == "day");
  CHECK(trend[1].first == "count");
  CHECK(trend[2].first == "avg_rating");
}

TEST_CASE("aurion: one GET with the dates; teams without; 500 retried; a cut body exits 4", "[aurion]") {
  AurionServer server;
  server.start();
  AurionFake fake;
  HttpClient client(aurion_options(server, fake));
  const auto dates = aurion::date_params(aurion_range("2026-03-01", "2026-03-08"), "aur");
  const auto insights = aurion::fetch(client, *aurion::endpoint_for("insights"), dates);
  CHECK(insights["metadata"]["date_to"] == "2026-03-08T23:59:59Z");
  auto seen = server.requests();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].path == "/api/v2/analytics/conversations/insights");
  CHECK(seen[0].params.find("date_from")->second == "2026-03-01T00:00:00Z");

  const auto teams = aurion::fetch(client, *aurion::endpoint_for("teams"), dates);
  CHECK(teams["teams"].size() == 1);
  CHECK(server.requests().back().params.empty());

  server.fail_500 = 2;
  const auto sla = aurion::fetch(client, *aurion::endpoint_for("sla"), dates);
  CHECK(sla["resolution"]["compliance_rate"] == 91.8);
  CHECK(fake.sleeps == std::vector<double>{0.5, 1.0});

  server.truncate = true;
  CHECK(aurion_error([&] { aurion::fetch(client, *aurion::endpoint_for("overview"), dates); }) ==
        "aur: GET /api/v2/analytics/conversations/overview: malformed response (not JSON, or cut short) | "
        "nothing was stored; try again");
}

TEST_CASE("aurion: 429 waits Retry-After", "[aurion]") {
  AurionServer server;
  server.rate_limit = 1;
  server.rate_window_s = 0.5;
  server.retry_after_s = 1;
  server.start();
  AurionFake fake;
  HttpOptions o = aurion_options(server, fake);
  o.sleep = [&fake](double s) {  // really waits, so the server's window moves on
    fake.sleeps.push_back(s);
    std::this_thread::sleep_for(std::chrono::duration<double>(s));
  };
  HttpClient client(o);
  const auto dates = aurion::date_params(aurion_range("2026-03-01", "2026-03-08"), "aur");
  aurion::fetch(client, *aurion::endpoint_for("overview"), dates);
  aurion::fetch(client, *aurion::endpoint_for("overview"), dates);
  CHECK(fake.sleeps == std::vector<double>{1.0});
  int throttled = 0;
  for (const auto& r : server.requests()) throttled += r.status == 429;
  CHECK(throttled == 1);
}

TEST_CASE("aurion: auth - a session token works, an X-API-Key gets the documented 403 with a hint", "[aurion]") {
  AurionServer server;
  server.start();
  const auto dates = aurion::date_params(aurion_range("2026-03-01", "2026-03-08"), "aur");
  {
    const auto spec = aurion_spec({{"base_url", server.url()}, {"api_key_env", "AURION_KEY"}, {"max_retries", "0"}});
    HttpClient client(aurion::http_options(spec, aurion_env({{"AURION_KEY", "itsm_sk_live_good"}})));
    const std::string m = aurion_error([&] { aurion::fetch(client, *aurion::endpoint_for("sla"), dates); });
    CHECK(m.rfind("aur: GET /api/v2/analytics/conversations/sla-compliance: 403 API key access is not enabled", 0) == 0);
    CHECK(m.find("$AURION_KEY") != std::string::npos);
    CHECK(m.find("token_env") != std::string::npos);
    CHECK(m.find("itsm_sk_live_good") == std::string::npos);
  }
  {
    server.accept_api_key = true;  // the documented future contract
    const auto spec = aurion_spec({{"base_url", server.url()}, {"api_key_env", "AURION_KEY"}});
    HttpClient client(aurion::http_options(spec, aurion_env({{"AURION_KEY", "itsm_sk_live_good"}})));
    CHECK(aurion::fetch(client, *aurion::endpoint_for("csat"), dates)["avg_rating"] == 4.3);
    server.accept_api_key = false;
  }
  {
    // Both configured: the session token is used.
    const auto spec = aurion_spec(
        {{"base_url", server.url()}, {"api_key_env", "AURION_KEY"}, {"token_env", "AURION_SESSION"}});
    const auto env = aurion_env({{"AURION_KEY", "itsm_sk_live_good"}, {"AURION_SESSION", "session-good"}});
    HttpClient client(aurion::http_options(spec, env));
    CHECK(aurion::fetch(client, *aurion::endpoint_for("overview"), dates)["total_conversations"] == 285);
    CHECK(aurion::test_backend(spec, env) == "GET aggregation-health answered (target_met true)");
    CHECK(server.requests().back().path == "/api/v2/analytics/conversations/aggregation-health");
  }
  {
    const auto spec = aurion_spec({{"base_url", server.url()}, {"token_env", "AURION_SESSION"}});
    const auto outcome = test_backend(spec, aurion_env({{"AURION_SESSION", "session-expired"}}));
    CHECK(outcome.status == "failed");
    CHECK(outcome.code == convstat::core::ExitCode::backend);
    CHECK(outcome.detail.find("Could not validate credentials") != std::string::npos);
    CHECK(outcome.detail.find("session-expired") == std::string::npos);
  }
}

TEST_CASE("aurion: csat responses page with limit/offset until total; --limit/--offset pick the page", "[aurion]") {
  AurionServer server;
  server.start();
  AurionFake fake;
  HttpClient client(aurion_options(server, fake));
  const auto dates = aurion::date_params(aurion_range("2026-03-01", "2026-03-08"), "aur");
  const auto whole = aurion::fetch(client, *aurion::endpoint_for("csat responses"), dates);
  REQUIRE(whole["items"].size() == 450);
  CHECK(whole["total"] == 450);
  CHECK(whole["items"][449]["id"] == "resp-0449");
  const auto seen = server.requests();
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].params.find("offset")->second == "0");
  CHECK(seen[1].params.find("offset")->second == "200");
  CHECK(seen[2].params.find("offset")->second == "400");
  for (const auto& r : seen) CHECK(r.params.find("limit")->second == "200");

  // A smaller page size: more requests, the same answer.
  server.csat_responses = 5;
  const auto small = aurion::fetch(client, *aurion::endpoint_for("csat responses"), dates, 2);
  CHECK(small["items"].size() == 5);
  CHECK(server.requests().size() == 6);
  server.csat_responses = 0;
  CHECK(aurion::fetch(client, *aurion::endpoint_for("csat responses"), dates)["items"].empty());

  const auto page = aurion::responses_page(whole, "10", "445");
  CHECK(page["items"].size() == 5);
  CHECK(page["items"][0]["id"] == "resp-0445");
  CHECK(page["total"] == 450);
  CHECK(page["limit"] == 10);
  CHECK(page["offset"] == 445);
  const auto first = aurion::responses_page(whole, "", "");
  CHECK(first["items"].size() == 50);
  CHECK(first["offset"] == 0);
  CHECK_THROWS_AS(aurion::responses_page(whole, "201", ""), UsageError);
  CHECK_THROWS_AS(aurion::responses_page(whole, "0", ""), UsageError);
  CHECK_THROWS_AS(aurion::responses_page(whole, "", "-1"), UsageError);

  const auto r = aurion::answer_result("csat responses", page);
  CHECK(r.title == "CSAT responses");
  CHECK(r.main_section == "items");
  const auto& root = r.root.as_object();
  REQUIRE(root.size() == 4);
  CHECK(root[0].first == "items");
  CHECK(root[3].first == "offset");
  const auto& item = root[0].second.as_list()[0].as_object();
  CHECK(item[0].first == "id");
  CHECK(item[13].first == "assignee_team_name");
}

TEST_CASE("aurion: v1 calls take start_date/end_date (inclusive days) and tz; another zone is fine there", "[aurion]") {
  const auto paris = aurion::v1_params(aurion_range("2026-03-01", "2026-03-08", "Europe/Paris"), TimeZone("Europe/Paris"), "aur");
  CHECK(paris.start_date == "2026-03-01");
  CHECK(paris.end_date == "2026-03-08");
  CHECK(paris.tz == "Europe/Paris");
  // Across the spring DST change: still whole local days.
  const auto dst = aurion::v1_params(aurion_range("2026-03-29", "2026-03-29", "Europe/Paris"), TimeZone("Europe/Paris"), "aur");
  CHECK(dst.start_date == "2026-03-29");
  CHECK(dst.end_date == "2026-03-29");
  CHECK_THROWS_AS(aurion::v1_params(aurion_range("2026-03-01T10:00:00Z", "2026-03-02T00:00:00Z"), TimeZone::utc(), "aur"),
                  UsageError);
  CHECK(aurion::endpoint_for("calls")->v1);
  CHECK(aurion::endpoint_for("calls resolution")->path == "/api/v1/analytics/resolution-rates");

  AurionServer server;
  server.start();
  AurionFake fake;
  HttpClient client(aurion_options(server, fake));
  const auto calls = aurion::fetch_v1(client, *aurion::endpoint_for("calls"), paris);
  CHECK(calls["kpis"]["period_end"] == "2026-03-08");
  const auto seen = server.requests().back();
  CHECK(seen.path == "/api/v1/analytics/call-metrics");
  CHECK(seen.params.find("tz")->second == "Europe/Paris");
  CHECK(seen.params.find("start_date")->second == "2026-03-01");
  const auto r = aurion::answer_result("calls", calls);
  CHECK(r.title == "Call metrics");
  const auto& kpis = r.root.find("kpis")->as_object();
  CHECK(kpis[0].first == "total_calls");
  CHECK(kpis[3].second.unit() == Unit::decimal1);  // avg_duration_seconds
  CHECK(kpis[4].second.unit() == Unit::percent);   // first_call_resolution_rate
  const auto& outcome = r.root.find("outcome_breakdown")->as_list()[0].as_object();
  CHECK(outcome[0].first == "outcome");
  CHECK(outcome[1].first == "count");
  CHECK(outcome[2].first == "percentage");
  CHECK(outcome[2].second.unit() == Unit::percent);
}

TEST_CASE("aurion: unified (v2 unified-overview) and usage (v1 usage-patterns), keys and units as the local commands",
          "[aurion]") {
  AurionServer server;
  server.start();
  AurionFake fake;
  HttpClient client(aurion_options(server, fake));
  const auto unified = aurion::fetch(client, *aurion::endpoint_for("unified"),
                                     aurion::date_params(aurion_range("2026-03-01", "2026-03-08"), "aur"));
  auto seen = server.requests().back();
  CHECK(seen.path == "/api/v2/analytics/unified-overview");
  CHECK(seen.params.find("date_to")->second == "2026-03-08T23:59:59Z");
  const auto u = aurion::answer_result("unified", unified);
  CHECK(u.title == "Unified overview");
  const auto& top = u.root.as_object();
  REQUIRE(top.size() == 5);
  CHECK(top[0].first == "profile");
  CHECK(top[1].first == "voice");
  CHECK(top[4].first == "kb");
  const auto& cross = top[3].second.as_object();
  CHECK(cross[0].first == "total_interactions");
  CHECK(cross[2].first == "voice_share");
  CHECK(cross[2].second.unit() == Unit::percent);
  CHECK(top[2].second.as_object()[0].first == "total_conversations");  // cs in overview's order
  CHECK(top[2].second.find("csat_avg")->unit() == Unit::decimal1);

  const auto v1 = aurion::v1_params(aurion_range("2026-03-01", "2026-03-08"), TimeZone::utc(), "aur");
  const auto usage = aurion::fetch_v1(client, *aurion::endpoint_for("usage"), v1);
  seen = server.requests().back();
  CHECK(seen.path == "/api/v1/analytics/usage-patterns");
  CHECK(seen.params.find("end_date")->second == "2026-03-08");
  CHECK(seen.params.find("tz")->second == "UTC");
  const auto r = aurion::answer_result("usage", usage);
  CHECK(r.main_section == "llm_usage");
  const auto& groq = r.root.find("llm_usage")->as_list()[0].as_object();
  CHECK(groq[0].first == "provider");
  CHECK(groq[1].first == "total_requests");
  CHECK(groq[4].first == "avg_latency_ms");
  CHECK(groq[4].second.unit() == Unit::decimal1);
  CHECK(r.root.find("avg_tokens_per_call")->unit() == Unit::ratio4);
}

TEST_CASE("aurion: calls search sends the digits, never shows the number, redacts what the API sends", "[aurion]") {
  AurionServer server;
  server.start();
  AurionFake fake;
  HttpClient client(aurion_options(server, fake));
  const auto& search = *aurion::endpoint_for("calls search");
  const auto v1 = aurion::v1_params(aurion_range("2026-03-01", "2026-03-08", "Europe/Paris"), TimeZone("Europe/Paris"), "aur");
  auto answer = aurion::fetch_search(client, search, v1, "33612345678", 20);
  const auto seen = server.requests().back();
  CHECK(seen.path == "/api/v1/analytics/search");
  CHECK(seen.params.find("phone")->second == "33612345678");
  CHECK(seen.params.find("limit")->second == "20");
  CHECK(seen.params.find("start_date")->second == "2026-03-01");
  CHECK(seen.params.find("tz")->second == "Europe/Paris");
  CHECK(answer["total_count"] == 1);
  CHECK(answer["search_term_redacted"] == "***-***-5678");
  const auto r = aurion::answer_result("calls search", answer);
  CHECK(r.title == "Calls by phone number");
  const auto& first = r.root.find("results")->as_list()[0].as_object();
  CHECK(first[0].first == "call_id");
  CHECK(first[1].first == "phone_number_redacted");
  CHECK(first[3].first == "duration_seconds");
  CHECK(first[3].second.unit() != Unit::decimal1);  // a call's own duration, as stored

  // An API that sends the full number: convstat redacts it anyway.
  server.unredacted = true;
  answer = aurion::fetch_search(client, search, v1, "5678", 50);
  CHECK(answer["total_count"] == 2);
  CHECK(answer["results"][0]["phone_number"] == "***-***-5678");
  CHECK(answer.dump().find("612345678") == std::string::npos);
  CHECK(answer.dump().find("98 76") == std::string::npos);

  // An error that repeats the number: its redacted form in the message instead.
  server.echo_phone = true;
  try {
    aurion::fetch_search(client, search, v1, "33612345678", 50);
    FAIL("no error");
  } catch (const convstat::core::Error& e) {
    CHECK(std::string(e.what()) == "aur: GET /api/v1/analytics/search: 422 no tenant line for ***-***-5678");
    CHECK(e.code() == convstat::core::ExitCode::backend);
  }
}

TEST_CASE("aurion: calls search - 10 searches a minute, a 429 waits Retry-After", "[aurion]") {
  AurionServer server;
  server.search_limit = 1;
  server.search_window_s = 0.5;
  server.retry_after_s = 2;
  server.start();
  AurionFake fake;
  HttpOptions o = aurion_options(server, fake);
  o.sleep = [&fake](double s) {  // records the wait asked for; really waits out the server's window
    fake.sleeps.push_back(s);
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
  };
  HttpClient client(o);
  const auto v1 = aurion::v1_params(aurion_range("2026-03-01", "2026-03-08"), TimeZone::utc(), "aur");
  aurion::fetch_search(client, *aurion::endpoint_for("calls search"), v1, "5678", 50);
  CHECK(aurion::fetch_search(client, *aurion::endpoint_for("calls search"), v1, "5678", 50)["total_count"] == 2);
  CHECK(fake.sleeps == std::vector<double>{2.0});
  const auto seen = server.requests();
  REQUIRE(seen.size() == 3);
  CHECK(seen[1].status == 429);
  CHECK(aurion::k_search_rate_limit.requests == 10);
}
