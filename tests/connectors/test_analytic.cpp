// The analytic backend (seed 000) against a loopback server that follows the
// seed: paths and start_date/end_date, X-API-Key + X-API-Secret or a JWT, a
// read-only key (search needs write), 404 as a data error, 429 with
// Retry-After, a 500 retried for GETs but not for the search POST, a stalled
// response, a body cut short, units of the served numbers and `backends test`
// (/health, then the dashboard).
#include <catch2/catch.hpp>

#include "connectors/analytic.hpp"
#include "connectors/backends.hpp"
#include "core/error.hpp"
#include "tests/support/analytic_server.hpp"

using namespace convstat::connectors;
using convstat::core::BackendError;
using convstat::core::DataError;
using convstat::core::Unit;
using convstat::core::UsageError;
using convstat::testing::AnalyticData;
using convstat::testing::AnalyticServer;

namespace {

const std::string k_agent = AnalyticData::agent_id;

BackendSpec analytic_spec(std::map<std::string, std::string> values) {
  BackendSpec spec;
  spec.name = "ana";
  spec.kind = find_kind("analytic");
  spec.table.values = std::move(values);
  return spec;
}

EnvLookup analytic_env(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

struct Fake {
  std::vector<double> sleeps;
  double now = 0;
};

// Options of the key pair `key`/`secret`, with fake time.
HttpOptions options_for(const AnalyticServer& server, Fake& fake, const std::string& key = "ak_live_good",
                        const std::string& secret = "as_live_good_secret") {
  HttpOptions o;
  o.backend = "ana";
  o.base_url = server.url();
  o.auth_headers = {{"X-API-Key", key}, {"X-API-Secret", secret}};
  o.credential_hint = "X-API-Key from $ANA_KEY, X-API-Secret from $ANA_SECRET";
  o.max_retries = 3;
  o.sleep = [&fake](double s) {
    fake.sleeps.push_back(s);
    fake.now += s;
  };
  o.clock = [&fake] { return fake.now; };
  o.jitter = [] { return 1.0; };
  return o;
}

template <class E>
std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what() + std::string(" | ") + e.hint();
  }
  return "no error";
}

const std::pair<std::string, std::string> k_march{"2026-03-01", "2026-03-08"};

}  // namespace

TEST_CASE("analytic: the served commands, their paths and the id in the path", "[analytic]") {
  CHECK(analytic::served_commands() == "dashboard, bot, bot --compare, conversation, leads, usage, search");
  CHECK(analytic::endpoint_for("dashboard")->path == "/v1/analytic/dashboard");
  CHECK_FALSE(analytic::endpoint_for("dashboard")->dated);
  CHECK(analytic::endpoint_for("bot")->command == "bot");
  CHECK(analytic::endpoint_for("bot", true)->command == "bot --compare");
  CHECK(analytic::path_of(*analytic::endpoint_for("bot", true), k_agent) ==
        "/v1/analytic/agent/" + k_agent + "/performance-comparison");
  CHECK(analytic::path_of(*analytic::endpoint_for("conversation"), "a b/c") == "/v1/analytic/conversation/a%20b%2Fc");
  CHECK_FALSE(analytic::endpoint_for("conversation")->dated);
  CHECK(analytic::endpoint_for("leads")->dated);
  CHECK(analytic::serves("search"));
  CHECK_FALSE(analytic::serves("overview"));
  CHECK(analytic::endpoint_for("search") == nullptr);
  CHECK(analytic::is_uuid(k_agent));
  CHECK_FALSE(analytic::is_uuid("agent-1"));
}

TEST_CASE("analytic: units and key order follow the local commands; compared numbers take their metric's unit",
          "[analytic]") {
  CHECK(analytic::unit_of("positive_rate") == Unit::percent);
  CHECK(analytic::unit_of("conversion_from_start") == Unit::percent);
  CHECK(analytic::unit_of("difference_pct") == Unit::percent);
  CHECK(analytic::unit_of("ai_quality_avg") == Unit::ratio4);
  CHECK(analytic::unit_of("avg_first_response_seconds") == Unit::decimal1);
  CHECK(analytic::unit_of("csat_avg") == Unit::decimal1);
  CHECK(analytic::unit_of("thumbs_up") == Unit::raw);
  CHECK(analytic::unit_of("value", "positive_rate") == Unit::percent);
  CHECK(analytic::unit_of("company_average", "csat_avg") == Unit::decimal1);

  const auto bot = analytic::answer_result("bot", k_agent, AnalyticData::agent());
  CHECK(bot.title == "AI agent " + k_agent);
  const auto& root = bot.root.as_object();
  REQUIRE(root.size() == 4);
  CHECK(root[0].first == "bot_id");
  CHECK(root[1].first == "performance_metrics");
  CHECK(root[3].first == "conversation_metrics");
  const auto& quality = root[2].second.as_object();
  CHECK(quality[0].first == "csat_avg");
  CHECK(quality[0].second.unit() == Unit::decimal1);
  CHECK(quality[2].first == "ai_quality_avg");
  CHECK(quality[2].second.unit() == Unit::ratio4);
  CHECK(quality[3].second.is_integer());  // thumbs_up

  const auto compare = analytic::answer_result("bot", k_agent, AnalyticData::comparison());
  const auto& rate = compare.root.find("quality_metrics")->find("positive_rate")->as_object();
  REQUIRE(rate.size() == 4);
  CHECK(rate[0].first == "value");
  CHECK(rate[1].first == "company_average");
  CHECK(rate[1].second.unit() == Unit::percent);  // 80 sent as an integer: still a percent
  CHECK(rate[3].first == "difference_pct");
  const auto& total = compare.root.find("conversation_metrics")->find("total_conversations")->as_object();
  CHECK(total[0].second.is_integer());

  // Absent keys stay absent (no calls), a vendor key is kept after the known ones.
  const auto dash = analytic::answer_result("dashboard", "", AnalyticData::dashboard());
  CHECK(dash.main_section == "usage_trend");
  const auto& d = dash.root.as_object();
  REQUIRE(d.size() == 7);
  CHECK(d[4].first == "contacts");
  CHECK(d[5].first == "usage_trend");
  CHECK(d[6].first == "documents");
  CHECK(dash.root.find("calls") == nullptr);
  const auto leads = analytic::answer_result("leads", "", AnalyticData::leads());
  CHECK(leads.title == "Lead analytics");
  const auto& stage = leads.root.find("funnel")->as_list()[1].as_object();
  CHECK(stage[0].first == "stage");
  CHECK(stage[3].first == "conversion_from_start");
  CHECK(stage[3].second.unit() == Unit::percent);
}

TEST_CASE("analytic: GETs send the path, start_date/end_date and both key headers", "[analytic]") {
  AnalyticServer server;
  server.start();
  Fake fake;
  HttpClient client(options_for(server, fake));
  const auto bot = analytic::fetch(client, *analytic::endpoint_for("bot"), k_agent, k_march);
  CHECK(bot["conversation_metrics"]["total_conversations"] == 640);
  auto seen = server.requests();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].method == "GET");
  CHECK(seen[0].path == "/v1/analytic/agent/" + k_agent);
  CHECK(seen[0].params.size() == 2);
  CHECK(seen[0].params.find("start_date")->second == "2026-03-01");
  CHECK(seen[0].params.find("end_date")->second == "2026-03-08");
  CHECK(seen[0].api_key == "ak_live_good");
  CHECK(seen[0].api_secret == "as_live_good_secret");
  CHECK(seen[0].authorization.empty());

  CHECK(analytic::fetch(client, *analytic::endpoint_for("bot", true), k_agent, k_march)["quality_metrics"]["csat_avg"]
            ["company_average"] == 4.1);
  CHECK(server.requests().back().path == "/v1/analytic/agent/" + k_agent + "/performance-comparison");
  CHECK(analytic::fetch(client, *analytic::endpoint_for("leads"), "", k_march)["total_leads"] == 57);
  CHECK(analytic::fetch(client, *analytic::endpoint_for("usage"), "", k_march)["api"]["error_count"] == 61);
  // dashboard and conversation take no range even when given one.
  CHECK(analytic::fetch(client, *analytic::endpoint_for("dashboard"), "", k_march)["documents"] == 146);
  CHECK(server.requests().back().params.empty());
  CHECK(analytic::fetch(client, *analytic::endpoint_for("conversation"), "conv-1001", std::nullopt)["csat"] == 5);
  CHECK(server.requests().back().path == "/v1/analytic/conversation/conv-1001");
  CHECK(server.requests().back().params.empty());

  // The server rejects what the seed rejects: leads without dates, end before start.
  CHECK(error_of<BackendError>([&] { analytic::fetch(client, *analytic::endpoint_for("leads"), "", std::nullopt); }) ==
        "ana: GET /v1/analytic/leads: 400 start_date and end_date are required | ");
  CHECK(error_of<BackendError>([&] {
          analytic::fetch(client, *analytic::endpoint_for("usage"), "", std::make_pair("2026-03-08", "2026-03-01"));
        }).rfind("ana: GET /v1/analytic/usage: 400 end_date must not be before start_date", 0) == 0);
}

TEST_CASE("analytic: an unknown agent or conversation is a data error (exit 3) with the backend's message",
          "[analytic]") {
  AnalyticServer server;
  server.start();
  Fake fake;
  HttpClient client(options_for(server, fake));
  try {
    analytic::fetch(client, *analytic::endpoint_for("bot"), "11111111-2222-3333-4444-555555555555", k_march);
    FAIL("an unknown agent was answered");
  } catch (const DataError& e) {
    CHECK(std::string(e.what()) == "ana: GET /v1/analytic/agent/11111111-2222-3333-4444-555555555555: 404 Agent not found");
    CHECK(e.code() == convstat::core::ExitCode::data);
  }
  CHECK(error_of<DataError>([&] {
          analytic::fetch(client, *analytic::endpoint_for("conversation"), "conv-9", std::nullopt);
        }).rfind("ana: GET /v1/analytic/conversation/conv-9: 404 Conversation not found", 0) == 0);
  CHECK(server.requests().size() == 2);  // a 404 is not retried
}

TEST_CASE("analytic: 500 retried for GETs, a stalled response times out, a cut body exits 4", "[analytic]") {
  AnalyticServer server;
  server.start();
  Fake fake;
  HttpClient client(options_for(server, fake));
  server.fail_500 = 2;
  CHECK(analytic::fetch(client, *analytic::endpoint_for("leads"), "", k_march)["converted"] == 12);
  CHECK(fake.sleeps == std::vector<double>{0.5, 1.0});

  server.truncate = true;
  CHECK(error_of<BackendError>([&] { analytic::fetch(client, *analytic::endpoint_for("dashboard"), "", std::nullopt); }) ==
        "ana: GET /v1/analytic/dashboard: malformed response (not JSON, or cut short) | nothing was stored; try again");
  server.truncate = false;

  HttpOptions o = options_for(server, fake);
  o.timeout_s = 0.3;
  o.max_retries = 1;
  HttpClient impatient(o);
  server.stall_ms = 1500;
  const std::string stalled =
      error_of<BackendError>([&] { analytic::fetch(impatient, *analytic::endpoint_for("usage"), "", k_march); });
  CHECK(stalled.rfind("ana: GET /v1/analytic/usage: Timeout was reached", 0) == 0);
  CHECK(stalled.find("after 2 attempts") != std::string::npos);
  server.stall_ms = 0;
}

TEST_CASE("analytic: 429 waits Retry-After", "[analytic]") {
  AnalyticServer server;
  server.rate_limit = 1;
  server.rate_window_s = 0.5;
  server.retry_after_s = 1;
  server.start();
  Fake fake;
  HttpOptions o = options_for(server, fake);
  o.sleep = [&fake](double s) {  // really waits, so the server's window moves on
    fake.sleeps.push_back(s);
    std::this_thread::sleep_for(std::chrono::duration<double>(s));
  };
  HttpClient client(o);
  analytic::fetch(client, *analytic::endpoint_for("dashboard"), "", std::nullopt);
  analytic::fetch(client, *analytic::endpoint_for("dashboard"), "", std::nullopt);
  CHECK(fake.sleeps == std::vector<double>{1.0});
  int throttled = 0;
  for (const auto& r : server.requests()) throttled += r.status == 429;
  CHECK(throttled == 1);
}

TEST_CASE("analytic: search POSTs query, agent_id and limit; checks them first; a POST 500 is not retried",
          "[analytic]") {
  AnalyticServer server;
  server.start();
  Fake fake;
  HttpClient client(options_for(server, fake));
  const auto answer = analytic::search(client, "refund", k_agent, 2);
  REQUIRE(answer["results"].size() == 2);
  CHECK(answer["results"][0]["document_id"] == "doc-17");
  const auto seen = server.requests().back();
  CHECK(seen.method == "POST");
  CHECK(seen.path == "/v1/search/document");
  CHECK(nlohmann::json::parse(seen.body) == nlohmann::json{{"query", "refund"}, {"agent_id", k_agent}, {"limit", 2}});
  CHECK(analytic::search(client, "refund", k_agent, 50)["results"].size() == 3);

  const auto r = analytic::answer_result("search", k_agent, answer);
  CHECK(r.main_section == "results");
  const auto& hit = r.root.find("results")->as_list()[0].as_object();
  CHECK(hit[0].first == "document_id");
  CHECK(hit[1].first == "score");
  CHECK(hit[1].second.unit() == Unit::ratio4);

  const std::size_t before = server.requests().size();
  CHECK_THROWS_AS(analytic::search(client, "refund", "agent-1", 10), UsageError);
  CHECK_THROWS_AS(analytic::search(client, "refund", k_agent, 51), UsageError);
  CHECK_THROWS_AS(analytic::search(client, "  ", k_agent, 10), UsageError);
  CHECK(server.requests().size() == before);

  server.fail_500 = 1;
  CHECK(error_of<BackendError>([&] { analytic::search(client, "refund", k_agent, 10); }) ==
        "ana: POST /v1/search/document: 500 Internal server error | ");
  CHECK(server.requests().size() == before + 1);
  CHECK(error_of<BackendError>([&] { analytic::search(client, "refund", "11111111-2222-3333-4444-555555555555", 10); })
            .rfind("ana: POST /v1/search/document: 404 Agent not found", 0) == 0);
}

TEST_CASE("analytic: auth - key pair, JWT, wrong secret (401), a read-only key cannot search (403)", "[analytic]") {
  AnalyticServer server;
  server.start();
  const std::map<std::string, std::string> pair_keys = {
      {"base_url", server.url()}, {"api_key_env", "ANA_KEY"}, {"api_secret_env", "ANA_SECRET"}, {"max_retries", "0"}};
  {
    const auto spec = analytic_spec(pair_keys);
    HttpClient client(analytic::http_options(
        spec, analytic_env({{"ANA_KEY", "ak_live_good"}, {"ANA_SECRET", "as_wrong_secret_value"}})));
    const std::string m =
        error_of<BackendError>([&] { analytic::fetch(client, *analytic::endpoint_for("dashboard"), "", std::nullopt); });
    CHECK(m.rfind("ana: GET /v1/analytic/dashboard: 401 Invalid API key or secret", 0) == 0);
    CHECK(m.find("$ANA_KEY") != std::string::npos);
    CHECK(m.find("$ANA_SECRET") != std::string::npos);
    CHECK(m.find("as_wrong_secret_value") == std::string::npos);
  }
  {
    const auto spec = analytic_spec(pair_keys);
    HttpClient client(
        analytic::http_options(spec, analytic_env({{"ANA_KEY", "ak_read_only"}, {"ANA_SECRET", "as_read_only_secret"}})));
    CHECK(analytic::fetch(client, *analytic::endpoint_for("usage"), "", k_march)["active_users"] == 802);
    const std::string m = error_of<BackendError>([&] { analytic::search(client, "refund", k_agent, 10); });
    CHECK(m.rfind("ana: POST /v1/search/document: 403 API key lacks the 'write' scope", 0) == 0);
  }
  {
    const auto spec = analytic_spec({{"base_url", server.url()}, {"token_env", "ANA_JWT"}});
    const auto env = analytic_env({{"ANA_JWT", server.jwt}});
    HttpClient client(analytic::http_options(spec, env));
    CHECK(analytic::search(client, "agent", k_agent, 10)["results"].size() == 1);
    CHECK(server.requests().back().authorization == "Bearer " + server.jwt);
    CHECK(server.requests().back().api_key.empty());
    HttpClient expired(analytic::http_options(spec, analytic_env({{"ANA_JWT", "eyJ.expired.token"}})));
    CHECK(error_of<BackendError>([&] { analytic::fetch(expired, *analytic::endpoint_for("leads"), "", k_march); })
              .find("401 Invalid or expired token | the credential used is Authorization: Bearer (JWT) from $ANA_JWT") !=
              std::string::npos);
  }
  {
    // Both configured: the key pair.
    auto keys = pair_keys;
    keys["token_env"] = "ANA_JWT";
    HttpClient client(analytic::http_options(
        analytic_spec(keys),
        analytic_env({{"ANA_KEY", "ak_live_good"}, {"ANA_SECRET", "as_live_good_secret"}, {"ANA_JWT", "stale"}})));
    CHECK(analytic::fetch(client, *analytic::endpoint_for("dashboard"), "", std::nullopt)["bots"] == 3);
    CHECK(server.requests().back().authorization.empty());
  }
  {
    // No credential at all: the server's 401.
    Fake fake;
    HttpOptions o = options_for(server, fake);
    o.auth_headers.clear();
    HttpClient anonymous(o);
    CHECK(error_of<BackendError>([&] { analytic::fetch(anonymous, *analytic::endpoint_for("dashboard"), "", std::nullopt); })
              .find("401 Authentication required") != std::string::npos);
  }
}

TEST_CASE("analytic: backends test reads /health and the dashboard; both must pass", "[analytic]") {
  AnalyticServer server;
  server.start();
  const auto spec = analytic_spec(
      {{"base_url", server.url()}, {"api_key_env", "ANA_KEY"}, {"api_secret_env", "ANA_SECRET"}, {"max_retries", "0"}});
  const auto good = analytic_env({{"ANA_KEY", "ak_live_good"}, {"ANA_SECRET", "as_live_good_secret"}});
  const auto ok = test_backend(spec, good);
  CHECK(ok.status == "ok");
  CHECK(ok.detail == "GET /health answered healthy; GET /v1/analytic/dashboard answered");
  auto seen = server.requests();
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].path == "/health");
  CHECK(seen[1].path == "/v1/analytic/dashboard");

  const auto wrong = test_backend(spec, analytic_env({{"ANA_KEY", "ak_live_good"}, {"ANA_SECRET", "nope-nope"}}));
  CHECK(wrong.status == "failed");
  CHECK(wrong.code == convstat::core::ExitCode::backend);
  CHECK(wrong.detail.find("401 Invalid API key or secret") != std::string::npos);
  CHECK(wrong.detail.find("nope-nope") == std::string::npos);

  server.unhealthy = true;
  const auto sick = test_backend(spec, good);
  CHECK(sick.status == "failed");
  CHECK(sick.code == convstat::core::ExitCode::backend);
  CHECK(sick.detail.find("503") != std::string::npos);
  CHECK(server.requests().back().path == "/health");  // the dashboard was not asked
}
