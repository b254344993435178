// The speechai backend (seed 003) against a loopback server that follows the
// seed: the session GETs (path, X-API-Key, the 404 "Session not found"), POST
// /feedback (the body sent, the seed's 400/422 validation errors, created_at
// without offset read as UTC), auth errors without the key, 500 retried for a
// GET but not for a POST, 429 with Retry-After, a stalled answer, a body cut
// short, units of the served numbers and `backends test`.
#include <catch2/catch.hpp>

#include "connectors/backends.hpp"
#include "connectors/speechai.hpp"
#include "core/error.hpp"
#include "core/render/render.hpp"
#include "tests/support/speechai_server.hpp"

using namespace convstat::connectors;
using convstat::core::BackendError;
using convstat::core::DataError;
using convstat::core::UsageError;
using convstat::testing::SpeechaiServer;

namespace {

struct SpeechFake {
  std::vector<double> sleeps;
  double now = 0;
};

HttpOptions speech_options(const SpeechaiServer& server, SpeechFake& fake, const std::string& key = "sk-speech-good") {
  BackendSpec spec;
  spec.name = "speech";
  spec.kind = find_kind("speechai");
  spec.table.values = {{"base_url", server.url()}, {"api_key_env", "SPEECH_KEY"}, {"max_retries", "3"}};
  HttpOptions o = speechai::http_options(spec, [key](const std::string& name) -> std::optional<std::string> {
    return name == "SPEECH_KEY" ? std::optional<std::string>(key) : std::nullopt;
  });
  o.sleep = [&fake](double s) {
    fake.sleeps.push_back(s);
    fake.now += s;
  };
  o.clock = [&fake] { return fake.now; };
  o.jitter = [] { return 1.0; };
  return o;
}

// The JSON `--format json` prints, as text (units show in the digits).
std::string json_text(const convstat::core::Result& result) {
  convstat::core::RenderOptions json;
  json.format = convstat::core::Format::json;
  return convstat::core::render_to_string(result, json);
}

template <class E>
std::string speech_error(const std::function<void()>& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what() + std::string(" | ") + e.hint();
  }
  return "no error";
}

std::map<std::string, std::string> thumbs_up() {
  return {{"conversation", "session-123"}, {"rating", "1"}, {"rating-type", "thumbs"}};
}

}  // namespace

TEST_CASE("speechai: the served commands", "[speechai]") {
  CHECK(speechai::served_commands() == "sessions costs, sessions metrics, feedback add");
  CHECK(speechai::serves("sessions metrics"));
  CHECK_FALSE(speechai::serves("sessions list"));
  CHECK_FALSE(speechai::serves("feedback"));
}

TEST_CASE("speechai: the session id is one percent-encoded path segment", "[speechai]") {
  CHECK(speechai::session_path("session-123", "costs") == "/sessions/session-123/costs");
  CHECK(speechai::session_path("a/b c", "metrics") == "/sessions/a%2Fb%20c/metrics");
  CHECK_THROWS_AS(speechai::session_path("", "costs"), UsageError);
}

TEST_CASE("speechai: session costs and metrics are one GET with X-API-Key, passed through", "[speechai]") {
  SpeechaiServer server;
  server.start();
  SpeechFake fake;
  HttpClient client(speech_options(server, fake));
  const auto costs = speechai::fetch_session(client, "costs", "session-123");
  CHECK(costs["breakdown_by_service"]["llm"] == 0.0245);
  const auto metrics = speechai::fetch_session(client, "metrics", "session-123");
  CHECK(metrics["language_code"] == "hi-IN");
  const auto seen = server.requests();
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].method == "GET");
  CHECK(seen[0].path == "/api/v1/sessions/session-123/costs");
  CHECK(seen[0].api_key == "sk-speech-good");
  CHECK(seen[1].path == "/api/v1/sessions/session-123/metrics");

  // The result: local keys and units (usd six decimals in JSON, ms one decimal, the 0-1 ratio four).
  const std::string json = json_text(speechai::session_result("sessions metrics", metrics));
  CHECK(json.find("\"avg_asr_latency_ms\": 523.4") != std::string::npos);
  const auto m = speechai::session_result("sessions metrics", metrics);
  CHECK(m.root.find("cache_hit_rate")->unit() == convstat::core::Unit::ratio4);
  CHECK(m.root.find("total_cost_usd")->unit() == convstat::core::Unit::usd);
  CHECK(m.root.find("avg_asr_latency_ms")->unit() == convstat::core::Unit::decimal1);
  CHECK(m.root.find("total_turns")->is_integer());
  CHECK(json.find("\"total_turns\": 15") < json.find("\"language_code\""));
  const std::string cost_json = json_text(speechai::session_result("sessions costs", costs));
  CHECK(speechai::session_result("sessions costs", costs).root.find("breakdown_by_service")->find("asr")->unit() ==
        convstat::core::Unit::usd);
  CHECK(cost_json.find("\"total_cost_usd\"") < cost_json.find("\"breakdown_by_service\""));
}

TEST_CASE("speechai: an unknown session is the documented 404, a DataError", "[speechai]") {
  SpeechaiServer server;
  server.start();
  SpeechFake fake;
  HttpClient client(speech_options(server, fake));
  CHECK(speech_error<DataError>([&] { speechai::fetch_session(client, "metrics", "nope"); }) ==
        "speech: session 'nope' not found: Session not found | check the session id; nothing was stored");
  CHECK(server.requests().size() == 1);  // not retried
}

TEST_CASE("speechai: a wrong key is the documented 401, naming the variable, never the key", "[speechai]") {
  SpeechaiServer server;
  server.start();
  SpeechFake fake;
  HttpClient client(speech_options(server, fake, "sk-wrong-secret"));
  const std::string e = speech_error<BackendError>([&] { speechai::fetch_session(client, "costs", "session-123"); });
  CHECK(e == "speech: GET /sessions/session-123/costs: 401 Invalid API key | the credential used is X-API-Key from "
             "$SPEECH_KEY");
  CHECK(server.requests().size() == 1);
}

TEST_CASE("speechai: a 500 is retried for a GET, never for a POST", "[speechai]") {
  SpeechaiServer server;
  server.start();
  SpeechFake fake;
  HttpClient client(speech_options(server, fake));
  server.fail_500 = 2;
  CHECK(speechai::fetch_session(client, "costs", "session-123")["total_entries"] == 12);
  CHECK(server.requests().size() == 3);
  CHECK(fake.sleeps.size() == 2);

  server.fail_500 = 1;
  CHECK(speech_error<BackendError>([&] { speechai::post_feedback(client, speechai::feedback_body(thumbs_up())); }) ==
        "speech: POST /feedback: 500 Internal server error | ");
  CHECK(server.requests().size() == 4);
  CHECK(server.stored_feedback().empty());
}

TEST_CASE("speechai: a 429 waits its Retry-After", "[speechai]") {
  SpeechaiServer server;
  server.rate_limit = 1;  // injected: seed 003 documents no limit
  server.rate_window_s = 0.5;
  server.retry_after_s = 2;
  server.start();
  SpeechFake fake;
  HttpOptions o = speech_options(server, fake);
  o.sleep = [&fake](double s) {  // records the wait asked for; really waits out the server's window
    fake.sleeps.push_back(s);
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
  };
  HttpClient client(o);
  speechai::fetch_session(client, "costs", "session-123");
  CHECK(speechai::fetch_session(client, "metrics", "session-123")["total_turns"] == 15);
  CHECK(fake.sleeps == std::vector<double>{2.0});
  const auto seen = server.requests();
  REQUIRE(seen.size() == 3);
  CHECK(seen[1].status == 429);
  CHECK(seen[2].status == 200);
}

TEST_CASE("speechai: a stalled answer times out, a body cut short is malformed", "[speechai]") {
  SpeechaiServer server;
  server.start();
  SpeechFake fake;
  HttpOptions o = speech_options(server, fake);
  o.timeout_s = 0.3;
  o.max_retries = 0;
  HttpClient client(o);
  server.stall_ms = 800;
  const std::string stalled = speech_error<BackendError>([&] { speechai::fetch_session(client, "costs", "session-123"); });
  CHECK(stalled.find("speech: GET /sessions/session-123/costs: Timeout was reached") == 0);
  server.stall_ms = 0;
  server.truncate = true;
  CHECK(speech_error<BackendError>([&] { speechai::fetch_session(client, "costs", "session-123"); }) ==
        "speech: GET /sessions/session-123/costs: malformed response (not JSON, or cut short) | nothing was stored; try "
        "again");
}

TEST_CASE("speechai: feedback add posts the documented body and reads created_at as UTC", "[speechai]") {
  SpeechaiServer server;
  server.start();
  SpeechFake fake;
  HttpClient client(speech_options(server, fake));
  auto options = thumbs_up();
  options["text"] = "Great response";
  options["category"] = "quality";
  options["turn"] = "turn-456";
  options["too-slow"] = "true";
  const auto body = speechai::feedback_body(options);
  CHECK(body.dump() ==
        R"({"feedback_category":"quality","feedback_text":"Great response","rating":1,"rating_type":"thumbs",)"
        R"("session_id":"session-123","too_slow":true,"turn_id":"turn-456"})");
  const auto answer = speechai::post_feedback(client, body);
  const auto seen = server.requests();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].method == "POST");
  CHECK(seen[0].path == "/api/v1/feedback");
  CHECK(seen[0].content_type == "application/json");
  CHECK(seen[0].api_key == "sk-speech-good");
  REQUIRE(server.stored_feedback().size() == 1);
  CHECK(server.stored_feedback()[0]["feedback_text"] == "Great response");
  const std::string json = json_text(speechai::feedback_result(answer));
  CHECK(json.find("\"id\": 42") != std::string::npos);
  CHECK(json.find("\"created_at\": \"2025-10-15T14:32:10.123Z\"") != std::string::npos);  // no offset: UTC
  CHECK(json.find("\"session_id\": \"session-123\"") < json.find("\"rating\""));
}

TEST_CASE("speechai: the seed's validation errors are usage errors with the backend's message", "[speechai]") {
  SpeechaiServer server;
  server.start();
  SpeechFake fake;
  HttpClient client(speech_options(server, fake));
  auto stars = thumbs_up();
  stars["rating-type"] = "stars";
  stars["rating"] = "7";
  CHECK(speech_error<UsageError>([&] { speechai::post_feedback(client, speechai::feedback_body(stars)); }) ==
        "speech: POST /feedback: 400 Rating must be between 1 and 5 for stars type | the backend refused the feedback; "
        "nothing was stored");
  auto thumbs = thumbs_up();
  thumbs["rating"] = "0";
  CHECK(speech_error<UsageError>([&] { speechai::post_feedback(client, speechai::feedback_body(thumbs)); })
            .find("400 Rating must be -1 (thumbs down) or 1 (thumbs up) for thumbs type") != std::string::npos);
  CHECK(speech_error<UsageError>([&] { speechai::post_feedback(client, {{"rating", 1}, {"rating_type", "thumbs"}}); })
            .find("422 body.session_id: field required") != std::string::npos);
  CHECK(server.requests().size() == 3);  // none retried
  CHECK(server.stored_feedback().empty());
  auto bad = thumbs_up();
  bad["rating"] = "1.5";
  CHECK_THROWS_AS(speechai::feedback_body(bad), UsageError);
}

TEST_CASE("speechai: backends test accepts the documented 404 of its probe session", "[speechai]") {
  SpeechaiServer server;
  server.start();
  BackendSpec spec;
  spec.name = "speech";
  spec.kind = find_kind("speechai");
  spec.table.values = {{"base_url", server.url()}, {"api_key_env", "SPEECH_KEY"}, {"max_retries", "0"}};
  const auto env = [](std::string key) {
    return [key](const std::string& name) -> std::optional<std::string> {
      return name == "SPEECH_KEY" ? std::optional<std::string>(key) : std::nullopt;
    };
  };
  const CheckOutcome ok = test_backend(spec, env("sk-speech-good"));
  CHECK(ok.status == "ok");
  CHECK(ok.detail == "GET /sessions/convstat-backends-test/metrics answered 404 Session not found: the key was accepted");
  CHECK(server.requests().at(0).path == "/api/v1/sessions/convstat-backends-test/metrics");
  const CheckOutcome wrong = test_backend(spec, env("sk-wrong"));
  CHECK(wrong.status == "failed");
  CHECK(wrong.code == convstat::core::ExitCode::backend);
  CHECK(wrong.detail.find("401 Invalid API key") != std::string::npos);
  CHECK(wrong.detail.find("sk-wrong") == std::string::npos);
  // A base_url without /api/v1: the server's plain 404 is not the documented one.
  spec.table.values["base_url"] = server.url().substr(0, server.url().size() - 7);
  const CheckOutcome lost = test_backend(spec, env("sk-speech-good"));
  CHECK(lost.status == "failed");
  CHECK(lost.detail.find("check base_url") == std::string::npos);  // the hint is separate from the detail
  CHECK(lost.detail.find("404") != std::string::npos);
}
