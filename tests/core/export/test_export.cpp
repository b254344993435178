// export_records over a temporary cache: formats, membership (csat by
// sent_at), redaction and the filters each type takes.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/export/export.hpp"
#include "core/records/builder.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::core;
using convstat::testing::TempDir;

namespace {

std::int64_t at(const char* rfc3339) { return *parse_timestamp(rfc3339, nullptr, nullptr); }

struct ExportCache {
  TempDir dir;
  Cache cache{dir.file("cache.db"), OpenMode::read_write};
  ExportCache() {
    RecordWriter w(cache);
    RecordBuilder c("conversation");
    c.set("id", "c1").set("tenant", "t").set("channel", "chat").set("started_at", at("2026-03-02T10:00:00Z"))
        .set("subject", "reach me: a.b@example.org");
    w.upsert(c.finish());
    RecordBuilder answered("csat");  // sent in range, answered after it
    answered.set("id", "s1").set("tenant", "t").set("conversation_id", "c1")
        .set("sent_at", at("2026-03-02T11:00:00Z")).set("responded_at", at("2026-04-02T11:00:00Z"))
        .set("rating", 5);
    w.upsert(answered.finish());
    RecordBuilder unanswered("csat");
    unanswered.set("id", "s2").set("tenant", "t").set("conversation_id", "c1")
        .set("sent_at", at("2026-03-03T11:00:00Z"));
    w.upsert(unanswered.finish());
    w.commit();
  }
};

TimeRange march() {
  RangeRequest r;
  r.from = "2026-03-01";
  r.to = "2026-03-31";
  r.as_of = "2026-04-10T00:00:00Z";
  return resolve_range(r, TimeZone::utc());
}

std::string run(ExportCache& c, const char* type, ExportOptions options, Filters filters = {}) {
  std::string out;
  export_records(c.cache, *find_record_type(type), march(), filters, options,
                 [&out](std::string_view chunk) { out += chunk; });
  return out;
}

}  // namespace

TEST_CASE("export: csat by sent_at, so unanswered surveys are exported", "[export]") {
  ExportCache c;
  ExportOptions ndjson;
  CHECK(run(c, "csat", ndjson) ==
        "{\"type\":\"csat\",\"id\":\"s1\",\"tenant\":\"t\",\"conversation_id\":\"c1\",\"sent_at\":\"2026-03-02T11:00:00Z\","
        "\"responded_at\":\"2026-04-02T11:00:00Z\",\"rating\":5}\n"
        "{\"type\":\"csat\",\"id\":\"s2\",\"tenant\":\"t\",\"conversation_id\":\"c1\",\"sent_at\":\"2026-03-03T11:00:00Z\"}\n");
}

TEST_CASE("export: json is one array, csv a header and rows; texts redacted unless asked", "[export]") {
  ExportCache c;
  ExportOptions json;
  json.format = ExportFormat::json;
  const std::string out = run(c, "conversations", json);
  CHECK(out.front() == '[');
  CHECK(out.find("\"subject\":\"reach me: [email]\"") != std::string::npos);
  ExportOptions csv;
  csv.format = ExportFormat::csv;
  csv.redact = false;
  const std::string rows = run(c, "conversations", csv);
  CHECK(rows.find("id,tenant,bot_id,channel,started_at,") == 0);
  CHECK(rows.find("\r\nc1,t,,chat,2026-03-02T10:00:00Z,") != std::string::npos);
  CHECK(rows.find("reach me: a.b@example.org") != std::string::npos);
  Filters other;
  other.tenant = "other";
  CHECK(run(c, "conversations", json, other) == "[]\n");
}

TEST_CASE("export: a filter that does not apply to the type is a usage error", "[export]") {
  ExportCache c;
  Filters outcome;
  outcome.outcome = "resolved";
  CHECK_THROWS_AS(run(c, "conversations", {}, outcome), UsageError);
  Filters channel;
  channel.channel = "chat";
  CHECK_THROWS_AS(run(c, "events", {}, channel), UsageError);
  CHECK(run(c, "messages", {}, channel).empty());
  CHECK_THROWS_AS(parse_export_format("table"), UsageError);
}

TEST_CASE("export: the connection stops memory-mapping the cache, so memory stays bounded", "[export]") {
  ExportCache c;
  REQUIRE(c.cache.db().execAndGet("PRAGMA mmap_size").getInt64() > 0);  // what KPI scans use
  ExportOptions csv;
  csv.format = ExportFormat::csv;
  run(c, "conversations", csv);
  CHECK(c.cache.db().execAndGet("PRAGMA mmap_size").getInt64() == 0);
}
