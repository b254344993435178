#include <catch2/catch.hpp>

#include <SQLiteCpp/Transaction.h>

#include <fstream>

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

TEST_CASE("a long range read by two threads gives the rows and order of one scan", "[query]") {
  // 601 conversations an hour apart over 25 days (ties: every tenth hour has
  // a second one, "t…"), channels alternating; the range splits at its middle.
  TempDir dir;
  const std::string file = dir.file("many.ndjson");
  {
    std::ofstream out(file);
    const std::int64_t start = 1772323200000;  // 2026-03-01T00:00:00Z
    for (int i = 0; i <= 600; ++i) {
      const std::string at = format_instant_utc(start + i * 3600000LL);
      out << R"({"type":"conversation","id":"c)" << i << R"(","channel":")" << (i % 2 ? "email" : "chat")
          << R"(","started_at":")" << at << "\"}\n";
      if (i % 10 == 0)
        out << R"({"type":"conversation","id":"t)" << i << R"(","channel":"chat","started_at":")" << at << "\"}\n";
    }
  }
  Cache cache(dir.file("cache.db"), OpenMode::read_write);
  ImportRequest request;
  request.files = {file};
  REQUIRE(run_import(cache, request).committed);
  RangeRequest r;
  r.from = "2026-03-01";
  r.to = "2026-03-31";
  r.as_of = "2026-04-01T00:00:00Z";
  const TimeRange range = resolve_range(r, TimeZone::utc());
  Filters email;
  email.channel = "email";

  const auto all = ids(load_conversations(cache, range, {}));             // split, counted slots
  const auto emails = ids(load_conversations(cache, range, email));       // split, uncounted: joined parts
  std::vector<std::string> one_scan_all, one_scan_emails;
  {
    SQLite::Transaction open(cache.db());  // inside a transaction: one scan on this connection
    one_scan_all = ids(load_conversations(cache, range, {}));
    one_scan_emails = ids(load_conversations(cache, range, email));
  }
  CHECK(all.size() == 662);  // 601 + 61 ties
  CHECK(emails.size() == 300);
  CHECK(all == one_scan_all);
  CHECK(emails == one_scan_emails);
  CHECK(all.front() == "c0");
  CHECK(all.back() == "t600");
  CHECK(emails.front() == "c1");
  CHECK(emails.back() == "c599");
}
