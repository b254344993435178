// The indigo backend's daily series against a loopback server that follows
// seed 004: paging with cursor/after, the envelope passed through, the
// documented errors, a looping cursor, a cut body, the rate limit.
#include <catch2/catch.hpp>

#include "connectors/indigo.hpp"
#include "core/error.hpp"
#include "tests/support/indigo_server.hpp"

using namespace convstat::connectors;
using convstat::core::BackendError;
using convstat::testing::IndigoServer;

namespace {

struct Fake {
  std::vector<double> sleeps;
  double now = 0;
};

HttpOptions options(const IndigoServer& server, Fake& fake, const std::string& pat = "pat-good") {
  HttpOptions o;
  o.backend = "indigo";
  o.base_url = server.url();
  o.auth_headers = {{"Authorization", "Bearer " + pat}};
  o.credential_hint = "Authorization: Bearer from $INDIGO_PAT";
  o.max_retries = 3;
  o.sleep = [&fake](double s) {
    fake.sleeps.push_back(s);
    fake.now += s;
  };
  o.clock = [&fake] { return fake.now; };
  o.jitter = [] { return 1.0; };
  return o;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const BackendError& e) {
    return e.what() + std::string(" | ") + e.hint();
  }
  return "no error";
}

}  // namespace

TEST_CASE("indigo: the six daily endpoints of seed 004", "[indigo]") {
  REQUIRE(indigo::endpoints().size() == 6);
  CHECK(indigo::endpoint_for("daily messages")->path == "/rest/analytics/{project_id}/messages/daily");
  CHECK(indigo::endpoint_for("daily chats")->path == "/rest/dashboard/{project_id}/chats/count");
  CHECK(indigo::endpoint_for("daily users")->cursor_param == "after");
  CHECK(indigo::endpoint_for("daily errors")->cursor_param == "cursor");
  CHECK(indigo::endpoint_for("overview") == nullptr);
}

TEST_CASE("indigo: 90 days in pages of 30 follow next_cursor until null", "[indigo]") {
  IndigoServer server;
  server.start();
  Fake fake;
  HttpClient client(options(server, fake));
  const auto answer =
      indigo::fetch_daily(client, *indigo::endpoint_for("daily chats"), "proj-1", "2026-01-01", "2026-04-01", 30);
  CHECK(answer["status"] == "SUCCESS");
  REQUIRE(answer["data"].size() == 90);  // January 31 + February 28 + March 31
  CHECK(answer["data"][0]["date"] == "2026-01-01");
  CHECK(answer["data"][89]["date"] == "2026-03-31");
  for (std::size_t i = 0; i < 90; ++i) {
    const long long day = IndigoServer::day_number("2026-01-01") + static_cast<long long>(i);
    CHECK(answer["data"][i]["date"] == IndigoServer::date_of(day));
    CHECK(answer["data"][i]["count"] == IndigoServer::count_on(day));
  }
  CHECK(answer["metadata"] == nlohmann::json{{"total_count", 90}, {"next_cursor", nullptr}});
  const auto seen = server.requests();
  REQUIRE(seen.size() == 3);
  for (const auto& r : seen) {
    CHECK(r.path == "/rest/dashboard/proj-1/chats/count");
    CHECK(r.authorization == "Bearer pat-good");
    CHECK(r.params.find("from")->second == "2026-01-01");
    CHECK(r.params.find("to")->second == "2026-04-01");
    CHECK(r.params.find("limit")->second == "30");
  }
  CHECK(seen[0].params.count("cursor") == 0);
  CHECK(seen[1].params.find("cursor")->second == convstat::testing::base64_encode("2026-01-31T00:00:00Z"));
  CHECK(seen[2].params.find("cursor")->second == convstat::testing::base64_encode("2026-03-02T00:00:00Z"));
  CHECK(fake.sleeps.empty());
}

TEST_CASE("indigo: users/unique-daily pages with after; the answer is kept as sent", "[indigo]") {
  IndigoServer server;
  server.start();
  Fake fake;
  HttpClient client(options(server, fake));
  const auto answer = indigo::fetch_daily(client, *indigo::endpoint_for("daily users"), "proj-1", "2026-02-01", "2026-03-01", 10);
  REQUIRE(answer["data"].size() == 28);
  CHECK(answer["data"][0]["date"] == "2026-02-01T00:00:00Z");  // this endpoint's own date form
  const auto seen = server.requests();
  REQUIRE(seen.size() == 3);
  CHECK(seen[1].params.count("after") == 1);
  CHECK(seen[1].params.count("cursor") == 0);
  // csat: days without responses carry total 0 and avg_score null, passed through.
  const auto csat = indigo::fetch_daily(client, *indigo::endpoint_for("daily csat"), "proj-1", "2026-02-01", "2026-02-08");
  CHECK(csat["metadata"]["days_count"] == 7);
  for (const auto& day : csat["data"])
    if (day["total"] == 0) CHECK(day["avg_score"].is_null());
}

TEST_CASE("indigo: a wrong PAT (401) or another project's (403) exits 4 with the API's message", "[indigo]") {
  IndigoServer server;
  server.start();
  Fake fake;
  HttpClient wrong(options(server, fake, "pat-wrong"));
  const std::string m401 =
      message_of([&] { indigo::fetch_daily(wrong, *indigo::endpoint_for("daily chats"), "proj-1", "2026-01-01", "2026-01-10"); });
  CHECK(m401 == "indigo: GET /rest/dashboard/proj-1/chats/count: 401 unauthenticated | "
                "the credential used is Authorization: Bearer from $INDIGO_PAT");
  CHECK(m401.find("pat-wrong") == std::string::npos);
  HttpClient other(options(server, fake, "pat-other"));
  const std::string m403 =
      message_of([&] { indigo::fetch_daily(other, *indigo::endpoint_for("daily chats"), "proj-1", "2026-01-01", "2026-01-10"); });
  CHECK(m403.rfind("indigo: GET /rest/dashboard/proj-1/chats/count: 403 unauthorized", 0) == 0);
  CHECK(server.requests().size() == 2);  // neither retried
}

TEST_CASE("indigo: a 500 is retried with backoff; a looping cursor and a cut body stop with exit 4", "[indigo]") {
  IndigoServer server;
  server.start();
  Fake fake;
  HttpClient client(options(server, fake));
  server.fail_500 = 2;
  const auto answer = indigo::fetch_daily(client, *indigo::endpoint_for("daily errors"), "proj-1", "2026-01-01", "2026-01-11");
  CHECK(answer["data"].size() == 10);
  CHECK(fake.sleeps == std::vector<double>{0.5, 1.0});
  CHECK(server.requests().size() == 3);

  server.loop_cursor = true;
  const std::string loop =
      message_of([&] { indigo::fetch_daily(client, *indigo::endpoint_for("daily chats"), "proj-1", "2026-01-01", "2026-03-01", 5); });
  CHECK(loop.find("a cursor it had sent before") != std::string::npos);
  CHECK(server.requests().size() == 5);  // two pages, then stopped
  server.loop_cursor = false;

  server.truncate = true;
  const std::string cut =
      message_of([&] { indigo::fetch_daily(client, *indigo::endpoint_for("daily chats"), "proj-1", "2026-01-01", "2026-01-05"); });
  CHECK(cut == "indigo: GET /rest/dashboard/proj-1/chats/count: malformed response (not JSON, or cut short) | "
               "nothing was stored; try again");
}

TEST_CASE("indigo: 429 waits retry_after; the client's rate limiter avoids 429 altogether", "[indigo]") {
  IndigoServer server;
  server.rate_limit = 3;
  Fake fake;
  server.clock = [&fake] { return fake.now; };
  server.start();
  {
    HttpClient eager(options(server, fake));  // no client-side limit: the fourth request gets 429
    indigo::fetch_daily(eager, *indigo::endpoint_for("daily chats"), "proj-1", "2026-01-01", "2026-01-13", 3);
    CHECK(fake.sleeps == std::vector<double>{60.0});  // the body's retry_after
    int throttled = 0;
    for (const auto& r : server.requests()) throttled += r.status == 429;
    CHECK(throttled == 1);
  }
  fake.now += 120;
  fake.sleeps.clear();
  const std::size_t before = server.requests().size();
  HttpOptions o = options(server, fake);
  o.rate_limit = RateLimit{3, 60.0};
  HttpClient polite(o);
  indigo::fetch_daily(polite, *indigo::endpoint_for("daily chats"), "proj-1", "2026-01-01", "2026-01-13", 2);  // 6 pages
  const auto seen = server.requests();
  CHECK(seen.size() - before == 6);
  for (std::size_t i = before; i < seen.size(); ++i) CHECK(seen[i].status == 200);
  CHECK(fake.sleeps == std::vector<double>{60.0});  // page 4 waits until the first three are 60 s old
}
