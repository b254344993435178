// `convstat sync` from analytic (seed 000) against the loopback server: one
// export per type (conversations, leads, usage; not agents) with format json
// and the sync range, read inline or from its download_url (polled while
// processing), mapped to conversation, lead and event records and imported in
// one transaction each; settled days not re-read, a re-run imports nothing new;
// a 500 or a body cut short leaves the cache and the stream state as they were;
// a wrong key exits 4 naming the variables, never their values.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include "connectors/analytic_sync.hpp"
#include "connectors/sync_state.hpp"
#include "core/error.hpp"
#include "tests/support/analytic_server.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::connectors;
using convstat::core::BackendError;
using convstat::core::Cache;
using convstat::core::OpenMode;
using convstat::core::UsageError;
using convstat::testing::AnalyticData;
using convstat::testing::AnalyticServer;
using convstat::testing::TempDir;
using nlohmann::json;

namespace {

constexpr std::int64_t k_now = 1773144000000;  // 2026-03-10T12:00:00Z: days before 2026-03-03 are settled

BackendSpec spec_for(const AnalyticServer& server, std::map<std::string, std::string> extra = {}) {
  BackendSpec spec;
  spec.name = "ana";
  spec.kind = find_kind("analytic");
  spec.table.values = {{"kind", "analytic"}, {"base_url", server.url()}, {"sync_from", "2026-02-01"}};
  for (auto& [k, v] : extra) spec.table.values[k] = v;
  return spec;
}

EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

struct Fixture {
  AnalyticServer server;
  TempDir dir;
  std::vector<double> sleeps;
  std::unique_ptr<Cache> cache;
  std::unique_ptr<HttpClient> client;
  analytic::SyncTuning tuning;
  SyncOptions options;

  Fixture() {
    server.start();
    cache = std::make_unique<Cache>(dir.file("c.db"), OpenMode::read_write);
    HttpOptions o;
    o.backend = "ana";
    o.base_url = server.url();
    o.auth_headers = {{"X-API-Key", server.read_key}, {"X-API-Secret", server.read_secret}};  // the read scope suffices
    o.max_retries = 2;
    o.sleep = [](double) {};
    client = std::make_unique<HttpClient>(o);
    tuning.now_ms = k_now;
    tuning.sleep = [this](double s) { sleeps.push_back(s); };
  }
  SyncSummary run() { return analytic::sync(*cache, spec_for(server), *client, options, tuning); }
  std::int64_t count(const std::string& table) {
    return cache->db().execAndGet("SELECT count(*) FROM " + table).getInt64();
  }
  std::int64_t all() { return count("conversations") + count("leads") + count("events"); }
  std::optional<Watermark> mark(const std::string& stream) { return load_watermark(cache->db(), "ana", stream); }
  std::vector<std::string> paths() {
    std::vector<std::string> out;
    for (const auto& r : server.requests()) out.push_back(r.method + " " + r.path);
    return out;
  }
};

template <class E, class F>
E error_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e;
  }
  FAIL("no exception");
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("analytic sync: canonical records from export items", "[analytic][sync]") {
  const json conv = analytic::conversation_record(AnalyticData::export_conversation(1, 8));
  CHECK(conv["id"] == "aconv-00001");
  CHECK(conv["bot_id"] == AnalyticData::agent_id);
  CHECK(conv["started_at"] == "2026-03-02T00:00:00Z");
  CHECK(conv["contact_id"] == "user-0001");
  CHECK(conv["resolved_by"] == "ai");
  CHECK(conv["message_count"] == 5);  // a vendor field kept (extra)
  CHECK_FALSE(conv.contains("conversation_id"));
  CHECK_FALSE(conv.contains("agent_id"));
  const json open = analytic::conversation_record(AnalyticData::export_conversation(0, 8));
  CHECK_FALSE(open.contains("resolved_at"));  // null: absent
  // A canonical key wins over its alias.
  CHECK(analytic::conversation_record({{"id", "a"}, {"conversation_id", "b"}, {"started_at", "x"}})["id"] == "a");

  const json lead = analytic::lead_record(AnalyticData::export_lead(3, 8));
  CHECK(lead["id"] == "lead-00003");
  CHECK(lead["stage"] == "converted");
  CHECK(lead["converted_at"] == "2026-03-05T00:00:00Z");
  CHECK(lead["bot_id"] == AnalyticData::agent_id);
  CHECK(analytic::lead_record({{"lead_id", "l"}, {"status", "Qualified"}})["stage"] == "qualified");

  const json ok = analytic::event_record(AnalyticData::export_usage(0, 8));
  CHECK(ok["id"] == "req-00000");
  CHECK(ok["at"] == "2026-03-01T00:00:00Z");
  CHECK(ok["kind"] == "api_request");
  CHECK(ok["tokens"] == 200);
  CHECK(ok["latency_ms"] == 100);
  CHECK(ok["endpoint"] == "/v1/chat");
  CHECK(analytic::event_record(AnalyticData::export_usage(9, 10))["kind"] == "api_error");  // status 500
  CHECK(analytic::event_record({{"event_type", "rate_limited"}, {"status_code", 429}})["kind"] == "rate_limited");

  std::vector<std::string> types;
  for (const auto& s : analytic::export_streams()) types.push_back(s.type + "→" + s.record_type);
  CHECK(types == std::vector<std::string>{"conversations→conversation", "leads→lead", "usage→event"});
}

TEST_CASE("analytic sync: three exports (inline and by URL), settled days not re-read, nothing new again",
          "[analytic][sync]") {
  Fixture f;
  const SyncSummary first = f.run();
  CHECK(first.records == 120 + 40 + 60);
  CHECK(first.counts.inserted == 220);
  CHECK(first.streams == 3);
  CHECK(first.pages == 3);
  CHECK(f.count("conversations") == 120);
  CHECK(f.count("leads") == 40);
  CHECK(f.count("events") == 60);
  CHECK(f.cache->db().execAndGet("SELECT count(*) FROM events WHERE kind = 'api_error'").getInt64() == 6);
  CHECK(f.cache->db().execAndGet("SELECT count(*) FROM leads WHERE stage = 'converted'").getInt64() == 8);

  // The requests as sent: conversations (120 > 100) by download_url, leads and usage inline; never agents.
  CHECK(f.paths() == std::vector<std::string>{"POST /v1/analytic/export", "GET /v1/analytic/export/exp-000001/download",
                                              "POST /v1/analytic/export", "POST /v1/analytic/export"});
  REQUIRE(f.server.exports.size() == 3);
  std::vector<std::string> types;
  for (const auto& e : f.server.exports) {
    types.push_back(e.type);
    CHECK(e.format == "json");
    CHECK(e.start_date == "2026-02-01");
    CHECK(e.end_date == "2026-03-10");
  }
  CHECK(types == std::vector<std::string>{"conversations", "leads", "usage"});
  const json body = json::parse(f.server.requests().front().body);
  CHECK(body == json{{"type", "conversations"}, {"format", "json"}, {"start_date", "2026-02-01"}, {"end_date", "2026-03-10"}});
  CHECK(f.server.requests().front().api_key == f.server.read_key);

  for (const char* stream : {"conversations", "leads", "usage"}) {
    REQUIRE(f.mark(stream));
    CHECK(f.mark(stream)->updated_at == "2026-03-03");
  }
  CHECK(f.mark("conversations")->records == 120);
  CHECK_FALSE(f.mark("agents"));

  // Again, nothing changed: only the unsettled days (from 3 March) are asked, nothing is new.
  const SyncSummary second = f.run();
  CHECK(second.counts.inserted == 0);
  CHECK(second.counts.updated == 0);
  // From 3 March: conversations 30..119 (one day = 15), leads 10..39 (5 a day), usage 15..59 (7.5 a day).
  CHECK(second.counts.unchanged == 90 + 30 + 45);
  CHECK(f.server.exports.at(3).start_date == "2026-03-03");
  CHECK(f.all() == 220);
  SyncSummary named = second;
  named.backend = "ana";
  named.kind = "analytic";
  CHECK(summary_line(named) == "sync ana (analytic): nothing new (3 streams, 165 records re-read, 165 unchanged)");
  CHECK(f.mark("conversations")->records == 120 + 90);  // records read, all runs
}

TEST_CASE("analytic sync: a download_url is polled while processing, resolved against base_url", "[analytic][sync]") {
  Fixture f;
  SECTION("202 twice, then the data") {
    f.server.export_pending = 2;
    f.run();
    CHECK(f.paths() == std::vector<std::string>{"POST /v1/analytic/export", "GET /v1/analytic/export/exp-000001/download",
                                                "GET /v1/analytic/export/exp-000001/download",
                                                "GET /v1/analytic/export/exp-000001/download", "POST /v1/analytic/export",
                                                "POST /v1/analytic/export"});
    CHECK(f.sleeps == std::vector<double>{1, 2});
    CHECK(f.count("conversations") == 120);
  }
  SECTION("still processing past the timeout: nothing of it stored") {
    f.server.export_pending = 1000;
    f.tuning.poll_timeout_s = 5;
    const auto e = error_of<BackendError>([&] { f.run(); });
    CHECK(std::string(e.what()) ==
          "ana: GET /v1/analytic/export/exp-000001/download: the conversations export is still not ready after 7 s");
    CHECK(f.sleeps == std::vector<double>{1, 2, 4});
    CHECK(f.all() == 0);
    CHECK_FALSE(f.mark("conversations"));
  }
  SECTION("every export by URL, absolute on base_url") {
    f.server.export_inline_max = 0;
    f.server.export_absolute_url = true;
    f.run();
    CHECK(f.paths().size() == 6);
    CHECK(f.all() == 220);
  }
  SECTION("a download_url on another host is refused") {
    f.server.export_absolute_url = true;
    auto other = spec_for(f.server);
    HttpOptions o = f.client->options();
    o.base_url = "http://localhost:" + std::to_string(f.server.port);  // the same server by another name
    HttpClient client(o);
    const auto e = error_of<BackendError>([&] { analytic::sync(*f.cache, other, client, f.options, f.tuning); });
    CHECK(std::string(e.what()).find("is not on base_url") != std::string::npos);
    CHECK(f.all() == 0);
  }
}

TEST_CASE("analytic sync: a 500 or a body cut short stores nothing of that export; the next run resumes",
          "[analytic][sync]") {
  Fixture f;
  SECTION("a 500 on the download (after the retries)") {
    f.server.export_fail_500 = 10;
    const auto e = error_of<BackendError>([&] { f.run(); });
    CHECK(std::string(e.what()).rfind("ana: GET /v1/analytic/export/exp-000001/download: 500", 0) == 0);
    CHECK(f.all() == 0);
    CHECK_FALSE(f.mark("conversations"));
    f.server.export_fail_500 = 0;
    const SyncSummary again = f.run();  // a new export, whole
    CHECK(again.counts.inserted == 220);
    CHECK(f.server.exports.size() == 4);
  }
  SECTION("the leads answer cut short, after the conversations committed") {
    f.options.on_progress = [&](const SyncProgress& p) {
      if (p.label == "conversations export") f.server.truncate = true;
    };
    const auto e = error_of<BackendError>([&] { f.run(); });
    CHECK(std::string(e.what()) ==
          "ana: POST /v1/analytic/export (leads): malformed response (not JSON, or cut short)");
    CHECK(f.count("conversations") == 120);  // committed with its watermark
    CHECK(f.mark("conversations"));
    CHECK(f.count("leads") + f.count("events") == 0);
    CHECK_FALSE(f.mark("leads"));
    f.server.truncate = false;
    f.options.on_progress = {};
    const SyncSummary resumed = f.run();
    CHECK(f.server.exports.at(2).type == "conversations");
    CHECK(f.server.exports.at(2).start_date == "2026-03-03");  // conversations: only the unsettled days
    CHECK(f.server.exports.at(3).start_date == "2026-02-01");  // leads: from the start
    CHECK(resumed.counts.inserted == 40 + 60);
    CHECK(resumed.counts.unchanged == 90);
    CHECK(f.all() == 220);
  }
  SECTION("a download cut short") {
    f.server.export_truncate = true;
    const auto e = error_of<BackendError>([&] { f.run(); });
    CHECK(std::string(e.what()) ==
          "ana: GET /v1/analytic/export/exp-000001/download: malformed response (not JSON, or cut short)");
    CHECK(e.hint() == "nothing of the conversations export was stored; try again");
    CHECK(f.all() == 0);
    CHECK_FALSE(f.mark("conversations"));
  }
  SECTION("the first answer cut short") {
    f.server.truncate = true;
    const auto e = error_of<BackendError>([&] { f.run(); });
    CHECK(std::string(e.what()) ==
          "ana: POST /v1/analytic/export (conversations): malformed response (not JSON, or cut short)");
    CHECK(f.all() == 0);
  }
}

TEST_CASE("analytic sync: the key pair from the environment; a wrong one exits 4 naming the variables",
          "[analytic][sync]") {
  AnalyticServer server;
  server.start();
  TempDir dir;
  const auto spec = spec_for(server, {{"api_key_env", "ANA_KEY"}, {"api_secret_env", "ANA_SECRET"}, {"max_retries", "0"}});
  SyncOptions options;
  options.env = env_of({{"ANA_KEY", server.api_key}, {"ANA_SECRET", server.api_secret}});
  const SyncSummary ok = sync_backend(dir.file("c.db"), spec, options);
  CHECK(ok.kind == "analytic");
  CHECK(ok.counts.inserted == 220);  // the export range ends today: every record of the server

  options.env = env_of({{"ANA_KEY", server.api_key}, {"ANA_SECRET", "as_wrong_s3cr3t"}});
  const auto e = error_of<BackendError>([&] { sync_backend(dir.file("c.db"), spec, options); });
  const std::string text = std::string(e.what()) + " " + e.hint();
  CHECK(std::string(e.what()).rfind("ana: POST /v1/analytic/export: 401 Invalid API key or secret", 0) == 0);
  CHECK(text.find("$ANA_SECRET") != std::string::npos);
  CHECK(text.find("s3cr3t") == std::string::npos);
  CHECK(e.code() == convstat::core::ExitCode::backend);
}

TEST_CASE("sync: a kind that serves aggregates only is a usage error", "[sync]") {
  TempDir dir;
  for (const char* kind : {"indigo", "speechai", "botserver"}) {
    BackendSpec spec;
    spec.name = "agg";
    spec.kind = find_kind(kind);
    spec.table.values = {{"kind", kind}, {"base_url", "http://127.0.0.1:9"}};
    const auto e = error_of<UsageError>([&] { sync_backend(dir.file("c.db"), spec, SyncOptions{}); });
    CHECK(std::string(e.what()) ==
          "backend 'agg' (" + std::string(kind) + ") serves aggregates only: there are no records to sync");
    CHECK(e.hint() == "its KPIs are asked with --backend agg");
  }
}
