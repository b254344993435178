// The shared HTTP behaviour (connectors/http) against a loopback cpp-httplib
// server: requests as sent, retries and their delays, Retry-After, error
// bodies, secrets, timeouts, truncated bodies, connection reuse, rate limits.
#include <httplib.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "connectors/http.hpp"
#include "core/error.hpp"

using namespace convstat::connectors;
using convstat::core::BackendError;

namespace {

constexpr const char* k_secret = "secret-value-123";

// A server on 127.0.0.1 and a free port, serving until destroyed.
struct Loopback {
  httplib::Server server;
  std::thread thread;
  int port = 0;

  void start() {
    port = server.bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    thread = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~Loopback() {
    server.stop();
    if (thread.joinable()) thread.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }
};

// Options whose sleeps are recorded on a fake clock, with full (×1) jitter.
struct Timing {
  std::vector<double> sleeps;
  double now = 1000;
};

HttpOptions options_for(const Loopback& server, Timing& timing) {
  HttpOptions o;
  o.backend = "test";
  o.base_url = server.url() + "/";
  o.timeout_s = 5;
  o.max_retries = 3;
  o.auth_headers = {{"X-API-Key", k_secret}};
  o.credential_hint = "X-API-Key from $AURION_API_KEY";
  o.sleep = [&timing](double s) {
    timing.sleeps.push_back(s);
    timing.now += s;
  };
  o.clock = [&timing] { return timing.now; };
  o.now = [] { return std::time_t{1795000000}; };
  o.jitter = [] { return 1.0; };
  return o;
}

// The message and hint of the BackendError `f` throws.
template <typename F>
std::pair<std::string, std::string> backend_error(F&& f) {
  try {
    f();
  } catch (const BackendError& e) {
    return {e.what(), e.hint()};
  }
  FAIL("no BackendError");
  return {};
}

}  // namespace

TEST_CASE("parse_rate_limit: requests per window", "[http]") {
  const auto a = parse_rate_limit("100/60s");
  REQUIRE(a);
  CHECK(a->requests == 100);
  CHECK(a->window_s == 60);
  CHECK(parse_rate_limit("600/1m")->window_s == 60);
  CHECK(parse_rate_limit("5000/1h")->window_s == 3600);
  CHECK(parse_rate_limit("10/s")->window_s == 1);
  CHECK(parse_rate_limit("10/2")->window_s == 2);
  CHECK_FALSE(parse_rate_limit("10"));
  CHECK_FALSE(parse_rate_limit("/60s"));
  CHECK_FALSE(parse_rate_limit("0/60s"));
  CHECK_FALSE(parse_rate_limit("ten/60s"));
  CHECK_FALSE(parse_rate_limit("10/0s"));
  CHECK_FALSE(parse_rate_limit("10/60x"));
}

TEST_CASE("RateLimiter: at most the limit in any window", "[http]") {
  double now = 0;
  std::vector<double> sleeps;
  RateLimiter limiter({2, 1.0}, [&] { return now; }, [&](double s) { sleeps.push_back(s); now += s; });
  limiter.acquire();
  limiter.acquire();
  CHECK(sleeps.empty());
  limiter.acquire();  // two already in this second: wait until the first is a second old
  REQUIRE(sleeps.size() == 1);
  CHECK(sleeps[0] == Approx(1.0));
  now += 0.5;
  limiter.acquire();  // 1.0 and 1.5 in [0.5, 1.5]: within the limit
  CHECK(sleeps.size() == 1);
  limiter.acquire();  // three in one second would be too many: wait until 2.0
  REQUIRE(sleeps.size() == 2);
  CHECK(sleeps[1] == Approx(0.5));
  now += 10;
  limiter.acquire();
  limiter.acquire();
  CHECK(sleeps.size() == 2);
}

TEST_CASE("parse_retry_after: seconds or an HTTP date", "[http]") {
  const std::time_t now = 1795000000;  // Wed, 18 Nov 2026 11:06:40 GMT
  CHECK(parse_retry_after("120", now) == 120.0);
  CHECK(parse_retry_after(" 0 ", now) == 0.0);
  CHECK(parse_retry_after("Wed, 18 Nov 2026 11:07:10 GMT", now) == 30.0);
  CHECK(parse_retry_after("Wed, 18 Nov 2026 11:00:00 GMT", now) == 0.0);  // past: no wait
  CHECK_FALSE(parse_retry_after("soon", now));
  CHECK_FALSE(parse_retry_after("", now));
  CHECK_FALSE(parse_retry_after("-5", now));
  CHECK(body_retry_after(R"({"status":"error","retry_after":12})") == 12.0);
  CHECK_FALSE(body_retry_after(R"({"retry_after":"12"})"));
  CHECK_FALSE(body_retry_after("not json"));
}

TEST_CASE("error_message: every documented error body shape", "[http]") {
  CHECK(error_message(R"({"detail": "Invalid API key"})") == "Invalid API key");
  CHECK(error_message(R"({"detail": [{"loc": ["query", "date_from"], "msg": "invalid datetime"},
                                      {"loc": ["query", "limit"], "msg": "must be <= 365"}]})") ==
        "query.date_from: invalid datetime; query.limit: must be <= 365");
  CHECK(error_message(R"({"status": "ERROR", "message": "project not found"})") == "project not found");
  CHECK(error_message(R"({"status": false, "message": "Unauthorized"})") == "Unauthorized");
  CHECK(error_message(R"({"error": {"message": "rate limited"}})") == "rate limited");
  CHECK(error_message(R"({"error": "bad token"})") == "bad token");
  CHECK(error_message("<html>Bad Gateway</html>\nmore") == "<html>Bad Gateway</html>");
  CHECK(error_message("") == "");
}

TEST_CASE("backoff_delay: doubling from the base, capped, jittered into [half, full]", "[http]") {
  CHECK(backoff_delay(1, 0.5, 30, 1.0) == 0.5);
  CHECK(backoff_delay(2, 0.5, 30, 1.0) == 1.0);
  CHECK(backoff_delay(4, 0.5, 30, 1.0) == 4.0);
  CHECK(backoff_delay(10, 0.5, 30, 1.0) == 30.0);
  CHECK(backoff_delay(3, 0.5, 30, 0.0) == 1.0);
  CHECK(backoff_delay(3, 0.5, 30, 0.5) == 1.5);
  CHECK(scrub_secrets("key abc and abc", {"abc", ""}) == "key *** and ***");
}

TEST_CASE("HttpClient: the request as sent, and a connection reused", "[http]") {
  Loopback server;
  std::vector<int> remote_ports;
  std::string agent, key, date_from, accept;
  server.server.Get("/v2/overview", [&](const httplib::Request& req, httplib::Response& res) {
    agent = req.get_header_value("User-Agent");
    key = req.get_header_value("X-API-Key");
    accept = req.get_header_value("Accept");
    date_from = req.get_param_value("date_from");
    remote_ports.push_back(req.remote_port);
    res.set_content(R"({"total_conversations": 3})", "application/json");
  });
  server.start();
  Timing timing;
  HttpClient client(options_for(server, timing));
  const HttpResponse r = client.get("v2/overview", {{"date_from", "2026-03-01T00:00:00+01:00"}, {"tz", "Europe/Paris"}});
  CHECK(r.status == 200);
  CHECK(r.body == R"({"total_conversations": 3})");
  CHECK(r.headers.at("content-type") == "application/json");
  CHECK(agent == "convstat/" CONVSTAT_VERSION);
  CHECK(key == k_secret);
  CHECK(accept == "application/json");
  CHECK(date_from == "2026-03-01T00:00:00+01:00");  // '+' and ':' percent-encoded on the way
  REQUIRE(client.requests().size() == 1);
  CHECK(client.requests()[0].url == server.url() + "/v2/overview?date_from=2026-03-01T00%3A00%3A00%2B01%3A00&tz=Europe%2FParis");
  client.get("/v2/overview");
  REQUIRE(remote_ports.size() == 2);
  CHECK(remote_ports[0] == remote_ports[1]);  // the same connection
  CHECK(timing.sleeps.empty());
}

TEST_CASE("HttpClient: GET retries 500/502/503/504 with growing delays, then succeeds", "[http]") {
  Loopback server;
  std::atomic<int> calls{0};
  server.server.Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
    const int n = ++calls;
    if (n == 1) res.status = 500;
    else if (n == 2) res.status = 502;
    else if (n == 3) res.status = 504;
    else res.set_content("{}", "application/json");
  });
  server.start();
  Timing timing;
  HttpClient client(options_for(server, timing));
  CHECK(client.get("/flaky").status == 200);
  CHECK(calls == 4);
  CHECK(timing.sleeps == std::vector<double>{0.5, 1.0, 2.0});
  REQUIRE(client.requests().size() == 4);
  CHECK(client.requests()[0].status == 500);
  CHECK(client.requests()[3].attempt == 4);
}

TEST_CASE("HttpClient: 429 waits as Retry-After or the body's retry_after says", "[http]") {
  Loopback server;
  std::atomic<int> calls{0};
  server.server.Get("/limited", [&](const httplib::Request&, httplib::Response& res) {
    const int n = ++calls;
    if (n == 1) {
      res.status = 429;
      res.set_header("Retry-After", "7");
      res.set_content(R"({"detail": "Too many requests"})", "application/json");
    } else if (n == 2) {
      res.status = 429;
      res.set_content(R"({"status": "error", "message": "slow down", "retry_after": 3})", "application/json");
    } else if (n == 3) {
      res.status = 503;
      res.set_header("Retry-After", "Wed, 18 Nov 2026 11:06:50 GMT");  // 10 s after the injected now
    } else {
      res.set_content("{}", "application/json");
    }
  });
  server.start();
  Timing timing;
  HttpClient client(options_for(server, timing));
  CHECK(client.get("/limited").status == 200);
  CHECK(timing.sleeps == std::vector<double>{7.0, 3.0, 10.0});
}

TEST_CASE("HttpClient: gives up after max_retries, and on a Retry-After too long", "[http]") {
  Loopback server;
  std::atomic<int> calls{0};
  server.server.Get("/down", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 503;
    res.set_content(R"({"detail": "maintenance"})", "application/json");
  });
  server.server.Get("/later", [&](const httplib::Request&, httplib::Response& res) {
    res.status = 429;
    res.set_header("Retry-After", "86400");
  });
  server.start();
  Timing timing;
  HttpOptions o = options_for(server, timing);
  o.max_retries = 2;
  HttpClient client(o);
  const auto [message, hint] = backend_error([&] { client.get("/down"); });
  CHECK(message == "test: GET /down: 503 maintenance after 3 attempts");
  CHECK(calls == 3);
  const auto [later, later_hint] = backend_error([&] { client.get("/later"); });
  CHECK(later == "test: GET /later: 429 (asks to wait 86400 s)");
}

TEST_CASE("HttpClient: 401/403 and other 4xx are not retried; the secret never shows", "[http]") {
  Loopback server;
  std::atomic<int> calls{0};
  server.server.Get("/auth", [&](const httplib::Request& req, httplib::Response& res) {
    ++calls;
    res.status = 401;
    res.set_content(R"({"detail": "API key )" + req.get_header_value("X-API-Key") + R"( is invalid"})", "application/json");
  });
  server.server.Get("/missing", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 404;
    res.set_content(R"({"status": "ERROR", "message": "Session not found"})", "application/json");
  });
  server.start();
  Timing timing;
  HttpClient client(options_for(server, timing));
  const auto [message, hint] = backend_error([&] { client.get("/auth"); });
  CHECK(message == "test: GET /auth: 401 API key *** is invalid");
  CHECK(hint == "the credential used is X-API-Key from $AURION_API_KEY");
  CHECK(message.find(k_secret) == std::string::npos);
  CHECK(calls == 1);
  const auto [missing, missing_hint] = backend_error([&] { client.get("/missing"); });
  CHECK(missing == "test: GET /missing: 404 Session not found");
  CHECK(calls == 2);
  CHECK(timing.sleeps.empty());
}

TEST_CASE("HttpClient: a POST that reached the server is not retried", "[http]") {
  Loopback server;
  std::atomic<int> calls{0};
  std::string body, type;
  server.server.Post("/export", [&](const httplib::Request& req, httplib::Response& res) {
    ++calls;
    body = req.body;
    type = req.get_header_value("Content-Type");
    res.status = 503;
  });
  server.start();
  Timing timing;
  HttpClient client(options_for(server, timing));
  const auto [message, hint] = backend_error([&] { client.post("/export", R"({"format":"json"})"); });
  CHECK(message == "test: POST /export: 503");
  CHECK(calls == 1);
  CHECK(body == R"({"format":"json"})");
  CHECK(type == "application/json");
}

TEST_CASE("HttpClient: a refused connection is retried, POST included, then fails with exit 4", "[http]") {
  int port = 0;
  {
    Loopback closed;
    closed.start();
    port = closed.port;
  }  // stopped: nothing listens there now
  Timing timing;
  HttpOptions o;
  o.backend = "test";
  o.base_url = "http://127.0.0.1:" + std::to_string(port);
  o.max_retries = 2;
  o.sleep = [&](double s) { timing.sleeps.push_back(s); };
  o.jitter = [] { return 1.0; };
  HttpClient client(o);
  try {
    client.post("/export", "{}");
    FAIL("no error");
  } catch (const BackendError& e) {
    CHECK(std::string(e.what()).rfind("test: POST /export: Couldn't connect to server", 0) == 0);
    CHECK(std::string(e.what()).find("after 3 attempts") != std::string::npos);
    CHECK(static_cast<int>(e.code()) == 4);
  }
  CHECK(client.requests().size() == 3);
  CHECK(client.requests()[0].status == 0);
  CHECK(timing.sleeps.size() == 2);
}

TEST_CASE("HttpClient: a stalled response times out; a truncated body is an error", "[http]") {
  Loopback server;
  std::atomic<int> calls{0};
  server.server.Get("/stall", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    res.set_content("{}", "application/json");
  });
  server.server.Get("/truncated", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    // Announces 100 bytes, sends 10, then closes the connection.
    res.set_content_provider(100, "application/json", [](size_t offset, size_t, httplib::DataSink& sink) {
      if (offset == 0) sink.write("{\"data\": [", 10);
      return offset == 0;
    });
  });
  server.start();
  Timing timing;
  HttpOptions o = options_for(server, timing);
  o.timeout_s = 0.2;
  o.max_retries = 1;
  HttpClient client(o);
  const auto [stalled, hint] = backend_error([&] { client.get("/stall"); });
  CHECK(stalled.rfind("test: GET /stall: Timeout was reached", 0) == 0);
  CHECK(stalled.find("after 2 attempts") != std::string::npos);
  CHECK(calls == 2);
  calls = 0;
  HttpOptions t = options_for(server, timing);
  t.max_retries = 1;
  HttpClient truncated(t);
  const auto [partial, partial_hint] = backend_error([&] { truncated.get("/truncated"); });
  CHECK(partial.find("after 2 attempts") != std::string::npos);
  CHECK(calls == 2);
}

TEST_CASE("HttpClient: a rate limit spaces requests out instead of provoking 429", "[http]") {
  Loopback server;
  server.server.Get("/x", [](const httplib::Request&, httplib::Response& res) { res.set_content("{}", "application/json"); });
  server.start();
  Timing timing;
  HttpOptions o = options_for(server, timing);
  o.rate_limit = RateLimit{2, 1.0};
  HttpClient client(o);
  for (int i = 0; i < 5; ++i) client.get("/x");
  CHECK(timing.sleeps == std::vector<double>{1.0, 1.0});  // requests 3 and 5 wait for the window to move on
}
