// The loaders of leads, daily, engagement and realtime on the hand-counted
// dataset of tests/data/engagement (its README lists the counts).
#include <catch2/catch.hpp>

#include "core/import/importer.hpp"
#include "core/query/daily.hpp"
#include "core/query/engagement.hpp"
#include "core/query/leads.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::core;
using convstat::testing::TempDir;

namespace {

struct EngagementCache {
  TempDir dir;
  Cache cache{dir.file("cache.db"), OpenMode::read_write};
  EngagementCache() {
    ImportRequest request;
    request.files = {std::string(CONVSTAT_TEST_DATA) + "/engagement/records.ndjson"};
    REQUIRE(run_import(cache, request).committed);
  }
};

TimeRange week() {
  RangeRequest r;
  r.from = "2026-03-09";
  r.to = "2026-03-15";
  r.as_of = "2026-04-30T00:00:00Z";
  return resolve_range(r, TimeZone::utc());
}

std::int64_t at(const char* rfc3339) { return *parse_timestamp(rfc3339, nullptr, nullptr); }

Filters tenant(const char* name) {
  Filters f;
  f.tenant = name;
  return f;
}

}  // namespace

TEST_CASE("leads load by created_at, narrowed by --bot", "[query][leads]") {
  EngagementCache c;
  CHECK(load_leads(c.cache, week(), {}).size() == 4);  // l1..l4
  Filters b1;
  b1.bot = "b1";
  const auto rows = load_leads(c.cache, week(), b1);
  REQUIRE(rows.size() == 2);  // l1 l2
  CHECK(rows[0].stage == LeadStage::converted);
  CHECK(rows[0].source == "web");
  CHECK(count_leads(c.cache, week(), b1) == 2);
  const auto lost = load_leads(c.cache, week(), {})[2];  // l3
  CHECK(lost.stage == LeadStage::lost);
  CHECK(lost.lost_at_stage == LeadStage::contacted);
}

TEST_CASE("contact activity carries the first conversation over all time, per tenant", "[query][daily]") {
  EngagementCache c;
  const auto rows = load_contact_activity(c.cache, week().from_ms, week().to_ms, {});
  REQUIRE(rows.size() == 5);  // e1 e2 e6 e3 e4 (e5 has no contact)
  CHECK(rows[0].first_seen_at == at("2026-03-01T10:00:00Z"));  // e1: u0 first seen on e0
  CHECK(rows[2].first_seen_at == at("2026-03-10T10:00:00Z"));  // e6: other/u0, not default/u0
  CHECK(rows[0].contact != rows[2].contact);
  CHECK(rows[1].contact == rows[3].contact);  // e2 and e3: u1
  CHECK(load_contact_activity(c.cache, week().from_ms, week().to_ms, tenant("other")).size() == 1);
  Filters email;
  email.channel = "EMAIL";
  CHECK(load_contact_activity(c.cache, week().from_ms, week().to_ms, email).size() == 1);  // e2
}

TEST_CASE("daily loaders read the range's instants", "[query][daily]") {
  EngagementCache c;
  const auto messages = load_daily_messages(c.cache, week(), {});
  CHECK(messages.messages.size() == 8);
  CHECK(messages.handover_requested_at.size() == 2);  // e1 e3
  CHECK(messages.escalated_at.size() == 1);           // e1
  Filters email;
  email.channel = "email";
  CHECK(load_daily_messages(c.cache, week(), email).messages.size() == 1);  // m3
  CHECK(load_conversation_start_instants(c.cache, week(), {}).size() == 6);       // e1..e6
  CHECK(load_ai_quality(c.cache, week(), {}).size() == 2);                // e1 e2
  CHECK(load_api_errors(c.cache, week(), {}).size() == 3);                // ev1 ev2 ev4
  CHECK(load_api_errors(c.cache, week(), tenant("other")).empty());
}

TEST_CASE("thumbs add message feedback and thumbs feedback records", "[query][engagement]") {
  EngagementCache c;
  const ThumbsCounts thumbs = load_thumbs(c.cache, week(), {});
  CHECK(thumbs.up == 2);    // m2, f1
  CHECK(thumbs.down == 1);  // m4
  Filters email;
  email.channel = "email";
  const ThumbsCounts narrowed = load_thumbs(c.cache, week(), email);
  CHECK(narrowed.up == 1);  // f1 on e2
  CHECK(narrowed.down == 0);
}

TEST_CASE("realtime counts the window before as-of and the cache's newest activity", "[query][realtime]") {
  EngagementCache c;
  const std::int64_t as_of = at("2026-03-15T12:00:00Z");
  const RealtimeCounts five = load_realtime(c.cache, as_of, 5 * 60000, {});
  CHECK(five.messages == 3);         // m5 m6 m7
  CHECK(five.active_sessions == 2);  // e3 e4
  CHECK(five.active_calls == 2);     // k1, k3 (starts at as-of)
  CHECK(five.data_as_of == at("2026-03-17T10:00:00Z"));  // e7; e4's due instant (03-20) excluded
  const RealtimeCounts fifteen = load_realtime(c.cache, as_of, 15 * 60000, {});
  CHECK(fifteen.messages == 4);
  CHECK(fifteen.active_sessions == 3);
  const RealtimeCounts other = load_realtime(c.cache, as_of, 5 * 60000, tenant("other"));
  CHECK(other.messages == 0);
  CHECK(other.active_calls == 0);
  CHECK(other.data_as_of == at("2026-03-10T10:00:00Z"));
  CHECK_FALSE(load_realtime(c.cache, as_of, 60000, tenant("nobody")).data_as_of);
}
