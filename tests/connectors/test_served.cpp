// Served KPIs: the range as indigo wants it, the settle/ttl decision (now
// injected), the answer store in the cache, the v4 -> v5 migration, the
// conversion of an answer into a Result, the indigo client options and
// `backends test` against the seed 004 loopback server.
#include <catch2/catch.hpp>

#include "connectors/indigo.hpp"
#include "connectors/served.hpp"
#include "core/cache/cache.hpp"
#include "core/cache/schema_sql.hpp"
#include "core/error.hpp"
#include "tests/support/indigo_server.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::connectors;
using namespace convstat::connectors::served;
using convstat::core::Cache;
using convstat::core::OpenMode;
using convstat::core::TimeZone;
using convstat::testing::IndigoServer;
using convstat::testing::TempDir;

namespace {

convstat::core::TimeRange range_of(const std::string& from, const std::string& to, const std::string& zone = "UTC") {
  convstat::core::RangeRequest request;
  request.from = from;
  request.to = to;
  return convstat::core::resolve_range(request, TimeZone(zone));
}

std::int64_t ms_of(const std::string& instant) {
  return *convstat::core::parse_timestamp(instant, nullptr, nullptr);
}

BackendSpec indigo_spec(std::map<std::string, std::string> values) {
  BackendSpec spec;
  spec.name = "ind";
  spec.kind = find_kind("indigo");
  spec.table.values = std::move(values);
  return spec;
}

EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

}  // namespace

TEST_CASE("served: an inclusive date range becomes indigo's from and exclusive to", "[served]") {
  const DayRange q1 = day_range(range_of("2026-01-01", "2026-03-31"), "ind");
  CHECK(q1.from == "2026-01-01");
  CHECK(q1.to == "2026-04-01");
  const DayRange one = day_range(range_of("2026-02-28", "2026-02-28"), "ind");
  CHECK(one.from == "2026-02-28");
  CHECK(one.to == "2026-03-01");
  const DayRange year_end = day_range(range_of("2026-12-31", "2026-12-31", "America/New_York"), "ind");
  CHECK(year_end.to == "2027-01-01");
  // A datetime range is not whole days.
  CHECK_THROWS_AS(day_range(range_of("2026-01-01T10:00:00Z", "2026-01-02T00:00:00Z"), "ind"),
                  convstat::core::UsageError);
}

TEST_CASE("served: an answer settles settle_days after its range's exclusive end, in the backend's zone", "[served]") {
  CHECK(settled_at_ms("2026-04-01", 1, TimeZone::utc()) == ms_of("2026-04-02T00:00:00Z"));
  CHECK(settled_at_ms("2026-04-01", 0, TimeZone::utc()) == ms_of("2026-04-01T00:00:00Z"));
  CHECK(settled_at_ms("2026-04-01", 7, TimeZone("Europe/Paris")) == ms_of("2026-04-08T00:00:00+02:00"));
}

TEST_CASE("served: stable answers are kept, others fetched after the ttl; --refresh and --offline", "[served]") {
  Freshness f;
  f.settled_at_ms = ms_of("2026-04-02T00:00:00Z");
  f.ttl_s = 300;
  const std::int64_t now = ms_of("2026-11-23T07:00:00Z");

  SECTION("nothing stored: fetch") { CHECK(decide(std::nullopt, f, now) == Decision::fetch); }
  SECTION("fetched after the range settled: never again") {
    const StoredAnswer s{ms_of("2026-04-02T00:00:00Z"), {}};
    CHECK(decide(s, f, now) == Decision::use_stored);
    CHECK(decide(s, f, now + 1000LL * 86400 * 365) == Decision::use_stored);
  }
  SECTION("--refresh fetches a stable answer again") {
    f.refresh = true;
    CHECK(decide(StoredAnswer{now - 1000, {}}, f, now) == Decision::fetch);
  }
  SECTION("fetched before the range settled: kept for ttl_s, then fetched again") {
    f.settled_at_ms = ms_of("2026-11-24T00:00:00Z");  // the range ends today
    CHECK(decide(StoredAnswer{now - 299'000, {}}, f, now) == Decision::use_stored);
    CHECK(decide(StoredAnswer{now - 300'000, {}}, f, now) == Decision::fetch);
    f.ttl_s = 0;
    CHECK(decide(StoredAnswer{now, {}}, f, now) == Decision::fetch);
    // A range that has settled since, but whose answer was fetched before: fetched again.
    f.ttl_s = 300;
    f.settled_at_ms = now - 1000;
    CHECK(decide(StoredAnswer{now - 400'000, {}}, f, now) == Decision::fetch);
  }
  SECTION("--offline: the stored answer whatever its age, or nothing") {
    f.offline = true;
    f.refresh = true;
    f.settled_at_ms = now + 1;
    CHECK(decide(StoredAnswer{0, {}}, f, now) == Decision::use_stored);
    CHECK(decide(std::nullopt, f, now) == Decision::offline_missing);
  }
}

TEST_CASE("served: answers are stored per backend, command and parameters, and replaced", "[served]") {
  TempDir dir;
  Cache cache(dir.file("c.db"), OpenMode::read_write);
  const AnswerKey key{"ind", "daily chats", "proj-1", {"2026-01-01", "2026-04-01"}};
  CHECK_FALSE(load_answer(cache.db(), key).has_value());
  store_answer(cache.db(), key, {1000, {{"status", "SUCCESS"}, {"data", {1, 2}}}});
  auto loaded = load_answer(cache.db(), key);
  REQUIRE(loaded);
  CHECK(loaded->fetched_at_ms == 1000);
  CHECK(loaded->answer["data"].size() == 2);
  AnswerKey other = key;
  other.days.to = "2026-03-31";
  CHECK_FALSE(load_answer(cache.db(), other).has_value());
  other = key;
  other.command = "daily users";
  CHECK_FALSE(load_answer(cache.db(), other).has_value());
  other = key;
  other.project = "proj-2";
  CHECK_FALSE(load_answer(cache.db(), other).has_value());
  store_answer(cache.db(), key, {2000, {{"status", "SUCCESS"}, {"data", {1, 2, 3}}}});
  loaded = load_answer(cache.db(), key);
  REQUIRE(loaded);
  CHECK(loaded->fetched_at_ms == 2000);
  CHECK(loaded->answer["data"].size() == 3);
  CHECK(cache.db().execAndGet("SELECT count(*) FROM served_answers").getInt() == 1);
}

TEST_CASE("served: a version 4 cache migrates to version 5 (served_answers) keeping its state", "[served][cache]") {
  TempDir dir;
  const std::string path = dir.file("v4.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (int v = 0; v < 4; ++v)
      for (const auto& sql : convstat::core::schema_migrations()[static_cast<std::size_t>(v)]) db.exec(sql);
    db.exec("PRAGMA user_version = 4");
    db.exec("INSERT INTO conversations (id, tenant, started_at, content_hash) VALUES ('old', 'default', 0, 'h')");
    db.exec("INSERT INTO sync_runs VALUES ('f', 'files', 5, 1, 1, 0, 0)");
  }
  const AnswerKey key{"ind", "daily chats", "p", {"2026-01-01", "2026-01-02"}};
  {
    Cache read_only(path, OpenMode::read_only);
    CHECK(read_only.schema_version() == 4);
    CHECK_FALSE(read_only.db().tableExists("served_answers"));
    CHECK_FALSE(load_answer(read_only.db(), key).has_value());  // no table yet: nothing stored
  }
  Cache cache(path, OpenMode::read_write);
  CHECK(cache.schema_version() == Cache::k_schema_version);
  CHECK(cache.db().tableExists("served_answers"));
  CHECK(cache.db().execAndGet("SELECT id FROM conversations").getString() == "old");
  CHECK(cache.db().execAndGet("SELECT backend FROM sync_runs").getString() == "f");
  store_answer(cache.db(), key, {1, {{"status", "SUCCESS"}}});
  CHECK(load_answer(cache.db(), key).has_value());
}

TEST_CASE("served: an answer becomes a Result shaped like the local command's", "[served]") {
  const nlohmann::json answer = nlohmann::json::parse(R"({"status": "SUCCESS",
    "data": [{"date": "2026-01-01", "total": 2, "avg_score": 3.5, "vendor_extra": "x"},
             {"date": "2026-01-02", "total": 0, "avg_score": null}],
    "metadata": {"next_cursor": null, "days_count": 2}})");
  const convstat::core::Result r = answer_result("daily csat", answer);
  CHECK(r.command == "daily csat");
  CHECK(r.title == "Daily csat");
  CHECK(r.main_section == "data");
  const auto& root = r.root.as_object();
  REQUIRE(root.size() == 3);
  CHECK(root[0].first == "status");
  CHECK(root[1].first == "data");
  CHECK(root[2].first == "metadata");
  const auto& first = root[1].second.as_list()[0].as_object();
  REQUIRE(first.size() == 4);
  CHECK(first[0].first == "date");
  CHECK(first[1].first == "total");
  CHECK(first[1].second.is_integer());
  CHECK(first[2].first == "avg_score");
  CHECK(first[2].second.unit() == convstat::core::Unit::decimal1);
  CHECK(first[3].first == "vendor_extra");  // a vendor's key is kept
  CHECK(root[1].second.as_list()[1].find("avg_score")->is_null());
  const auto& metadata = root[2].second.as_object();
  CHECK(metadata[0].first == "days_count");
  CHECK(metadata[1].first == "next_cursor");
}

TEST_CASE("served: indigo client options come from the backend", "[served]") {
  const BackendSpec spec = indigo_spec({{"kind", "indigo"}, {"base_url", "https://x/"}, {"token_env", "IND_PAT"},
                                        {"project_id", "p"}, {"timeout_s", "7"}, {"max_retries", "2"}});
  const HttpOptions o = indigo_http_options(spec, env_of({{"IND_PAT", "pat-secret-value"}}));
  CHECK(o.backend == "ind");
  CHECK(o.base_url == "https://x/");
  REQUIRE(o.auth_headers.size() == 1);
  CHECK(o.auth_headers[0].second == "Bearer pat-secret-value");
  CHECK(o.credential_hint == "Authorization: Bearer from $IND_PAT");
  CHECK(o.credential_hint.find("pat-secret") == std::string::npos);
  CHECK(o.timeout_s == 7);
  CHECK(o.max_retries == 2);
  REQUIRE(o.rate_limit);
  CHECK(o.rate_limit->requests == indigo::k_rate_limit.requests);

  const BackendSpec limited = indigo_spec({{"kind", "indigo"}, {"base_url", "https://x"}, {"token_env", "IND_PAT"},
                                           {"project_id", "p"}, {"rate_limit", "10/1s"}, {"ttl_s", "abc"}});
  CHECK(indigo_http_options(limited, env_of({{"IND_PAT", "t"}})).rate_limit->requests == 10);
  CHECK_THROWS_AS(integer_key(limited, "ttl_s", 300, 0, 1000), convstat::core::UsageError);
  CHECK(integer_key(limited, "settle_days", 1, 0, 10) == 1);
}

TEST_CASE("served: backends test asks indigo once, with the backend's token", "[served]") {
  IndigoServer server;
  server.start();
  const BackendSpec spec = indigo_spec({{"kind", "indigo"}, {"base_url", server.url()}, {"token_env", "IND_PAT"},
                                        {"project_id", server.project}, {"max_retries", "0"}});
  const std::string detail = test_indigo(spec, env_of({{"IND_PAT", server.pat}}));
  CHECK(detail.find("answered (2 days)") != std::string::npos);
  REQUIRE(server.requests().size() == 1);
  CHECK(server.requests()[0].path == "/rest/dashboard/proj-1/chats/count");
  try {
    (void)test_indigo(spec, env_of({{"IND_PAT", "pat-wrong"}}));
    FAIL("a wrong token was accepted");
  } catch (const convstat::core::BackendError& e) {
    const std::string message = std::string(e.what()) + " " + e.hint();
    CHECK(message.find("unauthenticated") != std::string::npos);
    CHECK(message.find("IND_PAT") != std::string::npos);
    CHECK(message.find("pat-wrong") == std::string::npos);
  }
}
