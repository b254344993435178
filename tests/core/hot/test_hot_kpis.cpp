// The hot columns (core/hot): overview, sla, agents and insights from them
// equal the SQL path's results (which the KPI tests pin by hand) on demo data
// and on rows built for the edge cases; the file follows every change of the
// cache and a damaged one is never used.
#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include "core/cache/cache.hpp"
#include "core/cache/schema_sql.hpp"
#include "core/demo/demo.hpp"
#include "core/hot/hot_columns.hpp"
#include "core/hot/hot_kpis.hpp"
#include "core/kpi/agents.hpp"
#include "core/kpi/csat.hpp"
#include "core/kpi/insights.hpp"
#include "core/kpi/overview.hpp"
#include "core/kpi/sla.hpp"
#include "tests/support/render_json.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::core;
using convstat::testing::rendered_json;

namespace {

constexpr std::int64_t k_end_ms = 1780272000000;  // 2026-06-01T00:00:00Z

TimeRange range_of(const std::string& from, const std::string& to, const TimeZone& tz) {
  RangeRequest request;
  request.from = from;
  request.to = to;
  request.as_of = "2026-05-20T12:00:00Z";
  return resolve_range(request, tz);
}

nlohmann::json without_timings(nlohmann::json j) {
  j.erase("aggregation_health");
  return j;
}

// Every served command on both paths, compared whole.
void check_same(Cache& cache, const TimeRange& range, const std::optional<std::string>& tenant, const TimeZone& tz) {
  INFO("tenant " << tenant.value_or("(all)") << ", " << range.from_ms << ".." << range.to_ms << ", " << tz.name());
  const auto hot = HotColumns::for_cache(cache);
  REQUIRE(hot);
  Filters filters;
  filters.tenant = tenant;
  const HotScope scope{range, tenant};
  const auto conversations = load_conversations(cache, range, filters, true);
  CHECK(rendered_json(*hot_overview(*hot, scope)) ==
        rendered_json(compute_overview(conversations, load_csat_responses(cache, range, filters))));
  CHECK(rendered_json(*hot_sla(*hot, scope)) == rendered_json(compute_sla(conversations, range.as_of_ms)));
  CHECK(rendered_json(*hot_agents(*hot, scope)) == rendered_json(compute_agents(conversations)));
  CHECK(rendered_json(*hot_csat(*hot, scope, tz)) ==
        rendered_json(compute_csat(load_csat_records(cache, range, filters), range, tz)));
  InsightsData data;
  data.conversations = conversations;
  data.csat = load_csat_records(cache, range, filters);
  data.kb_articles = load_kb_articles(cache, tenant);
  data.email_messages = count_email_messages(cache, range, filters);
  const auto via_hot = hot_insights(*hot, scope, tz, data.kb_articles, std::chrono::steady_clock::now());
  REQUIRE(via_hot);
  const nlohmann::json want = rendered_json(compute_insights(data, range, tz, 0));
  const nlohmann::json got = rendered_json(*via_hot);
  CHECK(without_timings(got) == without_timings(want));
  CHECK(got["aggregation_health"]["conversations_scanned"] == want["aggregation_health"]["conversations_scanned"]);
}

struct DemoCache {
  convstat::testing::TempDir dir;
  std::string path = dir.file("cache.db");
  Cache cache{path, OpenMode::read_write};
  DemoCache() {
    DemoOptions o;
    o.conversations = 3000;
    o.tenants = 3;
    o.days = 60;
    o.end_ms = k_end_ms;
    RecordWriter writer(cache);
    generate_demo(writer, o);
    writer.commit();
  }
};

// A cache of rows written directly, for what demo data never holds.
struct EdgeCache {
  convstat::testing::TempDir dir;
  std::string path = dir.file("edge.db");
  Cache cache{path, OpenMode::read_write};

  void conversation(const std::string& values) {
    cache.db().exec(
        "INSERT INTO conversations (id, tenant, channel, team_id, team_name, assignee_id, assignee_name, contact_id, "
        "started_at, ended_at, first_response_at, resolved_at, escalated_at, first_response_due_at, "
        "resolution_due_at, resolved_by, priority, topics, content_hash) VALUES (" + values + ", 'h')");
  }
  void csat(const std::string& values) {
    cache.db().exec("INSERT INTO csat (id, tenant, conversation_id, sent_at, responded_at, rating, content_hash) "
                    "VALUES (" + values + ", 'h')");
  }
  void message(const std::string& values) {
    cache.db().exec("INSERT INTO messages (id, tenant, conversation_id, at, direction, content_hash) VALUES (" +
                    values + ", 'h')");
  }
};

constexpr std::int64_t k_day = 86400000;
constexpr std::int64_t k_may10 = 1778371200000;  // 2026-05-10T00:00:00Z

std::string at(std::int64_t ms) { return std::to_string(ms); }

void fill_edges(EdgeCache& e) {
  const std::string t = at(k_may10 + 9 * 3600000);  // a start shared by several rows
  // Ties: same start, different team and agent names (sla: the later row; agents: the greater id).
  e.conversation("'c2', 'acme', NULL, 'tm1', 'Team B', 'u1', 'Ann B', 'k1', " + t + ", NULL, " + at(k_may10 + 9 * 3600000 + 60000) +
                 ", NULL, NULL, " + at(k_may10 + 10 * 3600000) + ", NULL, NULL, 'high', '[\"billing\", \"billing\", \"refund\"]'");
  e.conversation("'c1', 'acme', 'email', 'tm1', 'Team A', 'u1', 'Ann A', 'k1', " + t + ", " + at(k_may10 + 11 * 3600000) +
                 ", NULL, " + at(k_may10 + 12 * 3600000) + ", " + at(k_may10 + 10 * 3600000) + ", NULL, " +
                 at(k_may10 + 11 * 3600000) + ", 'ai', 'urgent', '[\"a\\\"b\", \"a\\\"b\", \"caf\\u00e9\"]'");
  e.conversation("'c3', 'acme', 'Email', 'tm2', NULL, 'u2', NULL, NULL, " + at(k_may10 + 2 * k_day) +
                 ", NULL, NULL, " + at(k_may10 + 3 * k_day) + ", NULL, " + at(k_may10 + 2 * k_day + 1) + ", " +
                 at(k_may10 + 4 * k_day) + ", 'human', 'bogus', 'not json'");
  e.conversation("'c4', 'globex', 'email', 'tm1', 'Globex team', 'u1', 'Ann G', 'k1', " + at(k_may10 + k_day) +
                 ", NULL, NULL, NULL, NULL, " + at(k_may10 + k_day + 5) + ", NULL, NULL, NULL, '[1, \"x\"]'");
  e.conversation("'c5', 'acme', 'chat', NULL, NULL, NULL, NULL, 'k2', " + at(k_may10 - 40 * k_day) +
                 ", NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'low', '[]'");
  e.conversation("'c6', 'acme', 'chat', 'tm2', 'Late name', 'u2', 'Bo', 'k2', " + at(k_may10 + 5 * k_day) +
                 ", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL");
  e.cache.db().exec("INSERT INTO conversations (id, tenant, started_at, content_hash) VALUES ('c7', 'acme', 'soon', 'h')");
  // CSAT: sent before the range and answered in it; sent in it, never answered; comment-only; no conversation.
  e.csat("'s1', 'acme', 'c1', " + at(k_may10 - 20 * k_day) + ", " + at(k_may10 + 3 * k_day) + ", 5");
  e.csat("'s2', 'acme', 'c2', " + at(k_may10 + k_day) + ", NULL, NULL");
  e.csat("'s3', 'acme', 'c3', " + at(k_may10 + k_day) + ", " + at(k_may10 + k_day + 9) + ", NULL");
  e.csat("'s4', 'acme', 'gone', NULL, " + at(k_may10 + 2 * k_day) + ", 2");
  e.csat("'s5', 'globex', 'c4', " + at(k_may10 + k_day) + ", " + at(k_may10 + k_day + 1) + ", 4");
  e.csat("'s6', 'acme', 'c6', " + at(k_may10 + 6 * k_day) + ", " + at(k_may10 + 40 * k_day) + ", 3");
  // Messages: of email conversations (c1, c4), of a chat (c2), another direction, outside the range.
  e.message("'m1', 'acme', 'c1', " + at(k_may10 + 9 * 3600000) + ", 'inbound'");
  e.message("'m2', 'acme', 'c1', " + at(k_may10 + 10 * 3600000) + ", 'outbound'");
  e.message("'m3', 'acme', 'c1', " + at(k_may10 + 10 * 3600000) + ", 'internal'");
  e.message("'m4', 'acme', 'c2', " + at(k_may10 + 10 * 3600000) + ", 'inbound'");
  e.message("'m5', 'globex', 'c4', " + at(k_may10 + k_day) + ", 'inbound'");
  e.message("'m6', 'acme', 'c1', " + at(k_may10 + 50 * k_day) + ", 'inbound'");
}

}  // namespace

TEST_CASE("hot columns: the SQL path's results on demo data", "[hot]") {
  DemoCache demo;
  const TimeZone paris("Europe/Paris"), utc = TimeZone::utc();
  for (const std::optional<std::string>& tenant : {std::optional<std::string>("acme"), std::optional<std::string>("globex"),
                                                  std::optional<std::string>(), std::optional<std::string>("nobody")}) {
    check_same(demo.cache, range_of("2026-04-15", "2026-05-31", paris), tenant, paris);
    check_same(demo.cache, range_of("2026-05-02", "2026-05-02", utc), tenant, utc);
  }
  check_same(demo.cache, range_of("2025-01-01", "2025-01-31", utc), std::nullopt, utc);  // nothing in range
}

TEST_CASE("hot columns: ties, absent values, odd topics, csat and email edges", "[hot]") {
  EdgeCache e;
  fill_edges(e);
  const TimeZone paris("Europe/Paris");
  for (const std::optional<std::string>& tenant : {std::optional<std::string>("acme"), std::optional<std::string>()})
    check_same(e.cache, range_of("2026-05-01", "2026-05-31", paris), tenant, paris);
  // By hand: on a tied start sla names tm1 after the later row (c1, "Team A"), agents after the greater id (c2).
  const auto hot = HotColumns::for_cache(e.cache);
  REQUIRE(hot);
  const HotScope scope{range_of("2026-05-01", "2026-05-31", paris), std::string("acme")};
  const auto sla = rendered_json(*hot_sla(*hot, scope));
  CHECK(sla["by_team"][0]["team_id"] == "tm1");
  CHECK(sla["by_team"][0]["team_name"] == "Team A");
  const auto agents = rendered_json(*hot_agents(*hot, scope));
  CHECK(agents["agent_performance"][0]["assignee_user_id"] == "u1");
  CHECK(agents["agent_performance"][0]["assignee_name"] == "Ann B");
  CHECK(agents["agent_performance"][0]["assigned_count"] == 2);
  const auto overview = rendered_json(*hot_overview(*hot, scope));
  CHECK(overview["total_conversations"] == 4);  // c1, c2, c3, c6; not c5 (before), c7 (no numeric start)
  CHECK(overview["unique_contacts"] == 2);      // k1, k2 of acme
  CHECK(overview["csat_avg"] == 3.5);           // s1 5 and s4 2 answered in range; s3 comment-only
}

TEST_CASE("hot columns: every committed change is seen; never inside a transaction", "[hot]") {
  EdgeCache e;
  fill_edges(e);
  const TimeZone utc = TimeZone::utc();
  const HotScope scope{range_of("2026-05-01", "2026-05-31", utc), std::string("acme")};
  const auto total = [&] {
    const auto hot = HotColumns::for_cache(e.cache);
    REQUIRE(hot);
    return rendered_json(*hot_overview(*hot, scope))["total_conversations"].get<int>();
  };
  CHECK(total() == 4);
  const std::string stamp = *hot_fingerprint(e.cache);
  e.conversation("'c8', 'acme', 'chat', NULL, NULL, NULL, NULL, NULL, " + at(k_may10) +
                 ", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL");
  CHECK(*hot_fingerprint(e.cache) != stamp);
  CHECK(total() == 5);
  e.cache.db().exec("UPDATE conversations SET started_at = 0 WHERE id = 'c8'");
  CHECK(total() == 4);
  e.cache.db().exec("DELETE FROM conversations WHERE id = 'c1'");
  CHECK(total() == 3);
  e.cache.db().exec("UPDATE csat SET rating = 1 WHERE id = 's1'");
  const auto hot = HotColumns::for_cache(e.cache);
  REQUIRE(hot);
  CHECK(rendered_json(*hot_overview(*hot, scope))["csat_avg"] == 1.5);
  e.cache.db().exec("BEGIN");
  CHECK_FALSE(HotColumns::for_cache(e.cache));  // would see its own uncommitted rows
  e.cache.db().exec("ROLLBACK");
  CHECK(HotColumns::for_cache(e.cache));
  e.cache.db().exec("DROP TABLE hot_changes");  // no fingerprint: the SQL path serves
  CHECK_FALSE(HotColumns::for_cache(e.cache));
}

TEST_CASE("hot columns: a damaged or foreign file is rebuilt, never read", "[hot]") {
  EdgeCache e;
  fill_edges(e);
  const std::string path = HotColumns::path_for(e.path);
  REQUIRE(HotColumns::for_cache(e.cache));
  const std::string stamp = *hot_fingerprint(e.cache);
  REQUIRE(HotColumns::open(path, stamp));
  CHECK_FALSE(HotColumns::open(path, stamp + "x"));  // another cache state
  const auto size = std::filesystem::file_size(path);
  std::filesystem::resize_file(path, size / 2);  // truncated
  CHECK_FALSE(HotColumns::open(path, stamp));
  { std::ofstream(path, std::ios::trunc) << "not a hot file"; }
  CHECK_FALSE(HotColumns::open(path, stamp));
  // A temporary file of a writer that is gone goes; one of a live writer stays.
  pid_t gone = 4194304;  // above any pid_max default; checked below
  while (::kill(gone, 0) == 0 || errno != ESRCH) --gone;
  const std::string abandoned = path + ".tmp." + std::to_string(gone);
  const std::string live = path + ".tmp.1";  // init never exits
  { std::ofstream(abandoned) << "half a file"; }
  { std::ofstream(live) << "being written"; }
  const auto rebuilt = HotColumns::for_cache(e.cache);
  REQUIRE(rebuilt);
  CHECK(rebuilt->conversations.size == 6);  // c7's start is not a number
  CHECK_FALSE(std::filesystem::exists(abandoned));
  CHECK(std::filesystem::exists(live));
  std::filesystem::remove(live);
}

TEST_CASE("hot columns: a cache made again at the same path never reads the old one's", "[hot]") {
  convstat::testing::TempDir dir;
  const std::string path = dir.file("again.db");
  const auto make = [&](const char* first_channel) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    Cache cache(path, OpenMode::read_write);
    // The same rows but the first: the same counts and the same last row.
    cache.db().exec(std::string("INSERT INTO conversations (id, tenant, channel, started_at, content_hash) VALUES "
                                "('a', 'acme', '") + first_channel + "', " + at(k_may10) + ", 'h1'), "
                                "('b', 'acme', 'chat', " + at(k_may10 + 1) + ", 'h2')");
    const auto hot = HotColumns::for_cache(cache);
    REQUIRE(hot);
    const HotScope scope{range_of("2026-05-01", "2026-05-31", TimeZone::utc()), std::string("acme")};
    return rendered_json(*hot_overview(*hot, scope))["channel_distribution"];
  };
  CHECK(make("chat") == nlohmann::json::parse(R"([{"channel": "chat", "conversation_count": 2}])"));
  REQUIRE(std::filesystem::exists(HotColumns::path_for(path)));  // left behind on purpose
  CHECK(make("email") == nlohmann::json::parse(
                             R"([{"channel": "chat", "conversation_count": 1}, {"channel": "email", "conversation_count": 1}])"));
}

TEST_CASE("hot columns: not for an in-memory cache or one below schema 6", "[hot]") {
  Cache memory(":memory:", OpenMode::read_write);
  CHECK_FALSE(HotColumns::for_cache(memory));
  convstat::testing::TempDir dir;
  const std::string path = dir.file("v5.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (int v = 0; v < 5; ++v)
      for (const auto& sql : schema_migrations()[static_cast<std::size_t>(v)]) db.exec(sql);
    db.exec("PRAGMA user_version = 5");
  }
  Cache old(path, OpenMode::read_only);
  CHECK_FALSE(hot_fingerprint(old));
  CHECK_FALSE(HotColumns::for_cache(old));
  CHECK_FALSE(std::filesystem::exists(HotColumns::path_for(path)));
}
