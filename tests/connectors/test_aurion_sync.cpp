// `convstat sync` from aurion (seed 002) against the loopback server: csat
// responses paged (limit 200, offset until total) and resumed at the committed
// offset, settled days never re-read, new responses picked up, exports created
// with format json and the sync range, polled while generating (202), mapped
// to calls and conversations and imported in one transaction; a 500 or a body
// cut short leaves the cache and the stream state as they were.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include "connectors/aurion_sync.hpp"
#include "connectors/sync_state.hpp"
#include "core/error.hpp"
#include "tests/support/aurion_server.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::connectors;
using convstat::core::BackendError;
using convstat::core::Cache;
using convstat::core::OpenMode;
using convstat::testing::AurionServer;
using convstat::testing::TempDir;
using nlohmann::json;

namespace {

constexpr std::int64_t k_now = 1773144000000;  // 2026-03-10T12:00:00Z: days before 2026-03-03 are settled

BackendSpec spec_for(const AurionServer& server) {
  BackendSpec spec;
  spec.name = "aur";
  spec.kind = find_kind("aurion");
  spec.table.values = {{"kind", "aurion"}, {"base_url", server.url()}, {"sync_from", "2026-02-01"}};
  return spec;
}

struct Fixture {
  AurionServer server;
  TempDir dir;
  std::vector<double> sleeps;
  std::unique_ptr<Cache> cache;
  std::unique_ptr<HttpClient> client;
  aurion::SyncTuning tuning;
  SyncOptions options;

  Fixture() {
    server.start();
    cache = std::make_unique<Cache>(dir.file("c.db"), OpenMode::read_write);
    HttpOptions o;
    o.backend = "aur";
    o.base_url = server.url();
    o.auth_headers = {{"Authorization", "Bearer session-good"}};
    o.max_retries = 2;
    o.sleep = [](double) {};
    client = std::make_unique<HttpClient>(o);
    tuning.now_ms = k_now;
    tuning.sleep = [this](double s) { sleeps.push_back(s); };
  }
  SyncSummary run() { return aurion::sync(*cache, spec_for(server), *client, options, tuning); }
  std::int64_t count(const std::string& table) {
    return cache->db().execAndGet("SELECT count(*) FROM " + table).getInt64();
  }
  std::optional<Watermark> mark(const std::string& stream) { return load_watermark(cache->db(), "aur", stream); }
  std::vector<AurionServer::Seen> csat_requests() {
    std::vector<AurionServer::Seen> out;
    for (const auto& r : server.requests())
      if (r.path == aurion::k_csat_path) out.push_back(r);
    return out;
  }
};

std::string param(const AurionServer::Seen& r, const std::string& name) {
  const auto it = r.params.find(name);
  return it == r.params.end() ? "" : it->second;
}

}  // namespace

TEST_CASE("aurion sync: canonical records from csat responses and export items", "[aurion][sync]") {
  const json csat = aurion::csat_record(AurionServer::response_item(3));
  CHECK(csat["id"] == "resp-0003");
  CHECK(csat["conversation_id"] == "conv-resp-0003");
  CHECK(csat["sent_at"] == "2026-03-08T23:20:00Z");
  CHECK_FALSE(csat.contains("rating"));  // null: a comment-only response, absent
  CHECK(csat["conversation_subject"] == "VPN cannot connect");  // conversation context kept (extra)

  const json call = aurion::call_record(AurionServer::export_call(2, 8));
  CHECK(call["id"] == "call-000002");
  CHECK(call["started_at"] == "2026-03-03T00:00:00Z");
  CHECK(call["phone"] == "***-***-0002");
  CHECK(call["status"] == "failed");
  CHECK(call["outcome"] == "abandoned");
  CHECK_FALSE(call.contains("call_id"));

  const json conv = aurion::conversation_record(AurionServer::export_conversation(1, 8));
  CHECK(conv["id"] == "conv-000001");
  CHECK(conv["started_at"] == "2026-03-02T00:00:00Z");
  CHECK(conv["resolved_by"] == "ai");
  CHECK(conv["assignee_id"] == "a1b2c3d4-e5f6-7890-1234-567890abcdef");
  CHECK(conv["team_name"] == "Tier 1");
  CHECK(conv["team_id"] == "f1e2d3c4-b5a6-7890-1234-567890abcdef");
  CHECK(conv["contact_id"] == "contact-0001");
  const json open = aurion::conversation_record(AurionServer::export_conversation(0, 8));
  CHECK_FALSE(open.contains("resolved_at"));
}

TEST_CASE("aurion sync: csat pages, the export, settled days not re-read, new responses picked up", "[aurion][sync]") {
  Fixture f;
  const SyncSummary first = f.run();
  CHECK(first.records == 450 + 300 + 200);
  CHECK(first.counts.inserted == 950);
  CHECK(first.streams == 2);
  CHECK(first.pages == 4);  // 3 csat pages + 1 export
  CHECK(f.count("csat") == 450);
  CHECK(f.count("calls") == 300);
  CHECK(f.count("conversations") == 200);

  auto csat = f.csat_requests();
  REQUIRE(csat.size() == 3);
  for (std::size_t i = 0; i < csat.size(); ++i) {
    CHECK(param(csat[i], "offset") == std::to_string(i * 200));
    CHECK(param(csat[i], "limit") == "200");
    CHECK(param(csat[i], "date_from") == "2026-02-01T00:00:00Z");
    CHECK(param(csat[i], "date_to") == "2026-03-10T11:59:59Z");
  }
  REQUIRE(f.server.exports.size() == 1);
  const auto& e = f.server.exports[0];
  CHECK(e.format == "json");
  CHECK(e.scope == "all");
  CHECK(e.start_date == "2026-02-01");
  CHECK(e.end_date == "2026-03-10");
  CHECK(e.tz == "UTC");
  CHECK(e.include_conversations);
  CHECK(e.include_call_details);
  CHECK_FALSE(e.include_transcripts);
  const auto seen = f.server.requests();
  CHECK(seen.back().path == "/api/v1/analytics/export/" + e.id + "/download");
  CHECK(param(seen.back(), "format") == "json");  // the download_url as the API sent it

  REQUIRE(f.mark("csat"));
  CHECK(f.mark("csat")->updated_at == "2026-03-03T00:00:00Z");
  CHECK(f.mark("csat")->id.empty());
  CHECK(f.mark("csat")->records == 450);
  CHECK(f.mark("export")->updated_at == "2026-03-03");

  // Again, nothing changed: only the unsettled days are read, nothing is new.
  const SyncSummary second = f.run();
  CHECK(second.counts.inserted == 0);
  CHECK(second.counts.updated == 0);
  csat = f.csat_requests();
  REQUIRE(csat.size() == 6);  // the unsettled window holds all 450 (5-8 March): 3 pages again
  CHECK(param(csat[3], "date_from") == "2026-03-03T00:00:00Z");
  CHECK(param(csat[3], "offset") == "0");
  CHECK(second.counts.unchanged == 450 + 225 + 150);  // responses of 5-8 March, calls and conversations from the 3rd
  CHECK(f.server.exports.at(1).start_date == "2026-03-03");
  CHECK(f.count("csat") == 450);

  // Three responses arrive: the next run picks them up, once.
  f.server.csat_newer = 3;
  const SyncSummary third = f.run();
  CHECK(third.counts.inserted == 3);
  CHECK(f.count("csat") == 453);
  CHECK(f.cache->db().execAndGet("SELECT count(*) FROM csat WHERE id LIKE 'resp-n%'").getInt64() == 3);
}

TEST_CASE("aurion sync: a 500 or a body cut short mid-pull keeps the pages before it; the next run resumes", "[aurion][sync]") {
  const bool truncate = GENERATE(false, true);
  Fixture f;
  f.options.on_progress = [&](const SyncProgress& p) {
    if (p.pages == 1) {
      if (truncate) f.server.truncate = true;
      else f.server.fail_500 = 10;
    }
  };
  CHECK_THROWS_AS(f.run(), BackendError);
  CHECK(f.count("csat") == 200);
  REQUIRE(f.mark("csat"));
  CHECK(f.mark("csat")->updated_at == "2026-02-01T00:00:00Z");
  CHECK(f.mark("csat")->id == "2026-03-10T11:59:59Z|200");
  CHECK(f.mark("csat")->records == 200);
  CHECK_FALSE(f.mark("export"));
  CHECK(f.count("calls") == 0);

  f.server.truncate = false;
  f.server.fail_500 = 0;
  f.options.on_progress = {};
  const std::size_t before = f.csat_requests().size();
  const SyncSummary resumed = f.run();
  const auto csat = f.csat_requests();
  REQUIRE(csat.size() == before + 2);
  CHECK(param(csat[before], "offset") == "200");  // the same window, from the committed offset
  CHECK(param(csat[before], "date_to") == "2026-03-10T11:59:59Z");
  CHECK(param(csat[before + 1], "offset") == "400");
  CHECK(resumed.counts.inserted == 250 + 500);
  CHECK(f.count("csat") == 450);
  CHECK(f.mark("csat")->records == 450);
  CHECK(f.mark("csat")->id.empty());
}

TEST_CASE("aurion sync: an export is polled while generating, and is one unit", "[aurion][sync]") {
  Fixture f;
  f.server.csat_responses = 0;

  SECTION("202 twice: listed, polled with growing delays, then imported") {
    f.server.export_pending = 2;
    f.run();
    std::vector<std::string> paths;
    for (const auto& r : f.server.requests())
      if (r.path != aurion::k_csat_path) paths.push_back(r.path);
    const std::string download = "/api/v1/analytics/export/" + f.server.exports.at(0).id + "/download";
    CHECK(paths == std::vector<std::string>{"/api/v1/analytics/export", download, "/api/v1/analytics/exports", download,
                                            "/api/v1/analytics/exports", download});
    CHECK(f.sleeps == std::vector<double>{1, 2});
    CHECK(f.count("calls") == 300);
  }
  SECTION("still generating past the timeout: nothing stored") {
    f.server.export_pending = 1000;
    f.tuning.poll_timeout_s = 5;
    CHECK_THROWS_WITH(f.run(), Catch::Contains("still not ready after"));
    CHECK(f.sleeps == std::vector<double>{1, 2, 4});
    CHECK(f.count("calls") == 0);
    CHECK_FALSE(f.mark("export"));
  }
  SECTION("a 500 on the download (after the retries): nothing of the export stored") {
    f.server.export_fail_500 = 10;
    CHECK_THROWS_WITH(f.run(), Catch::Contains("500"));
    CHECK(f.count("calls") + f.count("conversations") == 0);
    CHECK_FALSE(f.mark("export"));
    f.server.export_fail_500 = 0;
    f.run();  // a new export, whole
    CHECK(f.server.exports.size() == 2);
    CHECK(f.count("calls") == 300);
    CHECK(f.count("conversations") == 200);
  }
  SECTION("a body cut short: nothing stored") {
    f.options.on_progress = [&](const SyncProgress& p) {
      if (p.label == "csat responses") f.server.truncate = true;  // after the csat stream: the export's answers
    };
    CHECK_THROWS_WITH(f.run(), Catch::Contains("malformed"));
    CHECK(f.mark("csat"));
    CHECK(f.count("calls") == 0);
    CHECK_FALSE(f.mark("export"));
  }
}

TEST_CASE("aurion sync: the loopback serves csat responses within date_from/date_to", "[aurion][sync]") {
  AurionServer server;
  server.csat_newer = 2;
  const auto [first, end] = server.responses_within("2026-03-08T23:40:00Z", "2026-03-09T00:00:00Z");
  CHECK(first == -1);  // resp-n0001 at 2026-03-09T00:00:00Z
  CHECK(end == 2);     // resp-0001 at 23:40
  const auto all = server.responses_within("2026-02-01T00:00:00Z", "2026-03-10T00:00:00Z");
  CHECK(all.first == -2);
  CHECK(all.second == 450);
}
