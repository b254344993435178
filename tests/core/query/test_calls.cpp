// Calls from a temporary cache: the data-model defaults for rows stored
// without them, the --tenant/--bot/--outcome filters, the phone search, and
// the audit log that every search leaves.
#include <catch2/catch.hpp>

#include "core/cache/audit.hpp"
#include "core/query/calls.hpp"
#include "core/records/builder.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::core;
using convstat::testing::TempDir;

namespace {

std::int64_t at(const char* rfc3339) { return *parse_timestamp(rfc3339, nullptr, nullptr); }

RecordBuilder call(const char* tenant, const char* id, const char* started, const char* status) {
  RecordBuilder b("call");
  b.set("id", id).set("tenant", tenant).set("started_at", at(started)).set("status", status);
  return b;
}

// t1: k1 resolved (no fcr/tickets/escalated stored), k2 ticket_created, k3
// escalated with explicit fcr, k4 without outcome; t2: k5. Phones differ in
// punctuation only where noted.
struct CallCache {
  TempDir dir;
  Cache cache{dir.file("cache.db"), OpenMode::read_write};
  CallCache() {
    RecordWriter w(cache);
    w.upsert(call("t1", "k1", "2026-03-01T10:00:00Z", "completed").set("outcome", "resolved")
                 .set("phone", "+33 6 12 34 56 78").set("bot_id", "b1").finish());
    w.upsert(call("t1", "k2", "2026-03-02T10:00:00Z", "completed").set("outcome", "ticket_created")
                 .set("phone", "06-12-34-56-78").set("duration_seconds", 30.5).finish());
    w.upsert(call("t1", "k3", "2026-03-03T10:00:00Z", "failed").set("outcome", "escalated")
                 .set_bool("first_call_resolution", true).set("phone", "+1 555 0100").finish());
    w.upsert(call("t1", "k4", "2026-03-03T10:00:00Z", "completed").set("phone", "12345678").finish());
    w.upsert(call("t2", "k5", "2026-03-04T10:00:00Z", "completed").set("phone", "+33612345678").finish());
    w.commit();
  }
};

TimeRange march() {
  RangeRequest r;
  r.from = "2026-03-01";
  r.to = "2026-03-31";
  r.as_of = "2026-04-01T00:00:00Z";
  return resolve_range(r, TimeZone::utc());
}

}  // namespace

TEST_CASE("load_calls applies the data-model defaults to what was stored without them", "[calls][query]") {
  CallCache c;
  Filters f;
  f.tenant = "t1";
  const auto rows = load_calls(c.cache, march(), f);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].first_call_resolution);  // k1: outcome resolved
  CHECK(rows[0].tickets_created == 0);
  CHECK(rows[1].first_call_resolution);  // k2: ticket_created
  CHECK(rows[1].tickets_created == 1);
  CHECK(rows[1].duration_seconds == 30.5);
  CHECK(rows[2].first_call_resolution);  // k3: stored true although escalated
  CHECK(rows[2].escalated);
  CHECK_FALSE(rows[2].completed);
  CHECK_FALSE(rows[3].first_call_resolution);  // k4: no outcome
  CHECK_FALSE(rows[3].escalated);
  CHECK(rows[3].duration_seconds == 0);
  CHECK_FALSE(rows[3].outcome);
}

TEST_CASE("load_calls narrows by tenant, bot and outcome", "[calls][query]") {
  CallCache c;
  CHECK(load_calls(c.cache, march(), Filters{}).size() == 5);
  Filters bot;
  bot.bot = "b1";
  CHECK(load_calls(c.cache, march(), bot).size() == 1);
  Filters outcome;
  outcome.outcome = "escalated";
  REQUIRE(load_calls(c.cache, march(), outcome).size() == 1);
  CHECK(load_calls(c.cache, march(), outcome)[0].escalated);
}

TEST_CASE("find_calls_by_phone matches digits inside digits, newest first, redacted", "[calls][query]") {
  CallCache c;
  // "612345678" is in k1 (33612345678), k2 (0612345678), k4? no (12345678), k5 (t2).
  const auto matches = find_calls_by_phone(c.cache, march(), Filters{}, "612345678");
  REQUIRE(matches.size() == 3);
  CHECK(matches[0].call_id == "k5");
  CHECK(matches[1].call_id == "k2");
  CHECK(matches[2].call_id == "k1");
  for (const auto& m : matches) CHECK(m.phone_redacted == "***-***-5678");
  CHECK_FALSE(matches[0].duration_seconds);
  CHECK(matches[1].duration_seconds == 30.5);
  // "5678" is in k1, k2, k4 and k5; k3 and k4 started together: ties by call_id.
  Filters t1;
  t1.tenant = "t1";
  const auto in_t1 = find_calls_by_phone(c.cache, march(), t1, "0100");
  REQUIRE(in_t1.size() == 1);
  CHECK(in_t1[0].call_id == "k3");
  CHECK(in_t1[0].phone_redacted == "***-***-0100");
  CHECK(find_calls_by_phone(c.cache, march(), Filters{}, "99999").empty());
}

TEST_CASE("the audit log keeps the redacted term, the scope and the count, oldest first", "[calls][audit]") {
  CallCache c;
  CHECK(load_audit(c.cache).empty());
  append_audit(c.cache, {1000, "calls search", std::nullopt, "***-***-5678", 3});
  append_audit(c.cache, {2000, "calls search", std::string("t1"), "***-***-0100", 0});
  const auto entries = load_audit(c.cache);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].at_ms == 1000);
  CHECK_FALSE(entries[0].tenant);
  CHECK(entries[1].tenant == std::optional<std::string>("t1"));
  CHECK(entries[1].result_count == 0);
  const Result r = audit_result(entries);
  CHECK(r.main_section == "entries");
  const auto& list = r.root.find("entries")->as_list();
  CHECK(list[0].find("at")->as_string() == "1970-01-01T00:00:01Z");
  CHECK(list[1].find("detail")->as_string() == "***-***-0100");
}
