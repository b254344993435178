#include <catch2/catch.hpp>

#include "core/import/importer.hpp"
#include "core/kpi/overview.hpp"
#include "core/query/conversations.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::core;
using convstat::testing::TempDir;

namespace {

// The hand-counted dataset of tests/data/small (its README lists the counts).
struct SmallCache {
  TempDir dir;
  Cache cache{dir.file("cache.db"), OpenMode::read_write};
  SmallCache() {
    ImportRequest request;
    request.files = {std::string(CONVSTAT_TEST_DATA) + "/small/records.ndjson"};
    REQUIRE(run_import(cache, request).committed);
  }
};

TimeRange day(const char* date, const TimeZone& tz) {
  RangeRequest r;
  r.from = date;
  r.to = date;
  r.as_of = "2026-04-01T00:00:00Z";
  return resolve_range(r, tz);
}

std::vector<std::string> ids(const std::vector<ConversationRow>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.id);
  return out;
}

}  // namespace

TEST_CASE("conversations of the 23-hour Paris DST day are those started in its local hours", "[query]") {
  SmallCache small;
  const TimeZone paris("Europe/Paris");
  const TimeRange range = day("2026-03-29", paris);
  CHECK(range.from_ms == 1774738800000);  // 2026-03-28T23:00:00Z
  CHECK(range.to_ms == 1774821600000);    // 2026-03-29T22:00:00Z
  CHECK(ids(load_conversations(small.cache, range, {})) == std::vector<std::string>{"k2", "k3", "k4"});
  CHECK(ids(load_conversations(small.cache, day("2026-03-29", TimeZone::utc()), {})) ==
        std::vector<std::string>{"k3", "k4", "k5"});
}

TEST_CASE("overview on the Paris DST day matches the hand count", "[query][overview]") {
  SmallCache small;
  const TimeRange range = day("2026-03-29", TimeZone("Europe/Paris"));
  const Result r = compute_overview(load_conversations(small.cache, range, {}),
                                    load_csat_responses(small.cache, range, {}));
  CHECK(r.root.find("total_conversations")->as_integer() == 3);
  CHECK(r.root.find("first_response_minutes_avg")->as_number() == Approx(5.0));  // (1 + 10 + 4) / 3
  CHECK(r.root.find("resolution_minutes_median")->as_number() == Approx(60.0));  // 20 and 100
  CHECK(r.root.find("csat_avg")->as_number() == Approx(4.0));  // s1 only; s2 comment-only, s3 on 03-30
  CHECK(r.root.find("unique_contacts")->as_integer() == 2);
}

TEST_CASE("filters narrow conversations and the CSAT responses joined to them", "[query]") {
  SmallCache small;
  const TimeRange range = day("2026-03-29", TimeZone::utc());
  Filters team;
  team.team = "Tier 1";  // by name: k4 (k2 is on 03-28 in UTC)
  CHECK(ids(load_conversations(small.cache, range, team)) == std::vector<std::string>{"k4"});
  // CSAT membership is by responded_at: s1 (of k2, started 03-28) and s3 (of k4), both Tier 1.
  CHECK(load_csat_responses(small.cache, range, team).size() == 2);
  Filters unset;
  unset.priority = "unset";
  CHECK(ids(load_conversations(small.cache, range, unset)) == std::vector<std::string>{"k5"});
  Filters channel;
  channel.channel = "EMAIL";  // matched lower-cased
  CHECK(ids(load_conversations(small.cache, range, channel)) == std::vector<std::string>{"k3", "k4"});
  Filters tenant;
  tenant.tenant = "other";
  CHECK(load_conversations(small.cache, range, tenant).empty());
  CHECK(load_csat_responses(small.cache, range, tenant).empty());
  CHECK(load_csat_responses(small.cache, range, {}).size() == 3);  // s1 s2 s3, no filter: all of the day
}
