#include <catch2/catch.hpp>

#include <fstream>
#include <limits>

#include "core/error.hpp"
#include "core/import/importer.hpp"
#include "core/kpi/csat.hpp"
#include "core/query/csat.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::core;
using convstat::testing::TempDir;

namespace {

const TimeZone& paris() {
  static const TimeZone tz("Europe/Paris");
  return tz;
}

TimeRange days(const char* from, const char* to, const TimeZone& tz) {
  RangeRequest r;
  r.from = from;
  r.to = to;
  r.as_of = "2026-04-01T00:00:00Z";
  return resolve_range(r, tz);
}

std::int64_t at(const char* rfc3339) { return *parse_timestamp(rfc3339, nullptr, nullptr); }

CsatRecordRow response(const std::string& id, const char* sent, const char* responded, std::optional<int> rating) {
  CsatRecordRow r;
  r.id = id;
  r.tenant = "default";
  r.conversation_id = "conv-" + id;
  r.sent_at = at(sent);
  if (responded) r.responded_at = at(responded);
  r.rating = rating;
  return r;
}

CsatRecordRow assigned(CsatRecordRow r, const char* assignee, std::optional<std::string> name, const char* started) {
  r.assignee_id = assignee;
  r.assignee_name = std::move(name);
  r.conversation_started_at = at(started);
  return r;
}

// Eight csat records around the Paris DST day (2026-03-29, 23 hours: 03-28T23:00Z to 03-29T22:00Z);
// the range is Paris 03-28 .. 03-30 = [03-27T23:00Z, 03-30T22:00Z).
std::vector<CsatRecordRow> eight_records() {
  return {
      // Paris 03-29 (00:30 local), rating 5, Bob on an early conversation.
      assigned(response("r1", "2026-03-28T22:30:00Z", "2026-03-28T23:30:00Z", 5), "a2", "Bob", "2026-03-28T20:00:00Z"),
      // Paris 03-29 (23:30 local, the DST day's last hour), rating 3, a1 without a name on a later conversation.
      assigned(response("r2", "2026-03-29T21:00:00Z", "2026-03-29T21:30:00Z", 3), "a1", std::nullopt,
               "2026-03-29T20:00:00Z"),
      // Paris 03-30 (00:30 local), rating 4, Ann.
      assigned(response("r3", "2026-03-29T22:00:00Z", "2026-03-29T22:30:00Z", 4), "a1", "Ann", "2026-03-29T10:00:00Z"),
      // Paris 03-29, comment-only, a3 (team t9 has no rated response).
      assigned(response("r4", "2026-03-29T09:00:00Z", "2026-03-29T10:00:00Z", std::nullopt), "a3", "Cy",
               "2026-03-29T08:00:00Z"),
      // Paris 03-30, rating 2, no assignee.
      response("r5", "2026-03-30T07:00:00Z", "2026-03-30T08:00:00Z", 2),
      // Sent in range, never answered.
      response("r6", "2026-03-28T10:00:00Z", nullptr, std::nullopt),
      // Sent in range, answered after it (Paris 03-31): only in response_rate.
      response("r7", "2026-03-30T10:00:00Z", "2026-03-31T10:00:00Z", 5),
      // Sent before the range, answered on Paris 03-29, rating 2, Bobby on Bob's later conversation.
      assigned(response("r8", "2026-03-20T10:00:00Z", "2026-03-29T12:00:00Z", 2), "a2", "Bobby",
               "2026-03-29T11:00:00Z"),
  };
}

const Node& at_key(const Node& n, const char* key) {
  const Node* v = n.find(key);
  REQUIRE(v);
  return *v;
}

}  // namespace

TEST_CASE("csat on eight hand-counted records across the Paris DST day", "[csat]") {
  const TimeRange range = days("2026-03-28", "2026-03-30", paris());
  const Result r = compute_csat(eight_records(), range, paris());
  const Node& root = r.root;
  CHECK(r.main_section == "trend");
  CHECK(at_key(root, "total_responses").as_integer() == 6);   // r1 r2 r3 r4 r5 r8
  CHECK(at_key(root, "rated_responses").as_integer() == 5);   // r4 is comment-only
  CHECK(at_key(root, "avg_rating").as_number() == Approx(3.2));  // (5 + 3 + 4 + 2 + 2) / 5
  CHECK(at_key(root, "avg_rating").unit() == Unit::decimal1);
  CHECK(at_key(root, "positive_responses").as_integer() == 2);  // 5, 4
  CHECK(at_key(root, "positive_rate").as_number() == Approx(40.0));
  CHECK(at_key(root, "surveys_sent").as_integer() == 7);  // all but r8
  CHECK(at_key(root, "response_rate").as_number() == Approx(100.0 * 6 / 7));  // r6 unanswered; r7 answered later

  const List& dist = at_key(root, "distribution").as_list();
  REQUIRE(dist.size() == 5);
  const std::int64_t expected[] = {1, 1, 1, 2, 0};  // ratings 5, 4, 3, 2, 1
  for (int i = 0; i < 5; ++i) {
    CHECK(at_key(dist[static_cast<std::size_t>(i)], "rating").as_integer() == 5 - i);
    CHECK(at_key(dist[static_cast<std::size_t>(i)], "response_count").as_integer() == expected[i]);
  }

  const List& trend = at_key(root, "trend").as_list();
  REQUIRE(trend.size() == 3);
  CHECK(at_key(trend[0], "day").as_string() == "2026-03-28");
  CHECK(at_key(trend[0], "count").as_integer() == 0);
  CHECK(at_key(trend[0], "avg_rating").is_null());
  CHECK(at_key(trend[1], "day").as_string() == "2026-03-29");
  CHECK(at_key(trend[1], "count").as_integer() == 3);  // r1 (03-28T23:30Z), r8, r2 (21:30Z)
  CHECK(at_key(trend[1], "avg_rating").as_number() == Approx(10.0 / 3));
  CHECK(at_key(trend[2], "day").as_string() == "2026-03-30");
  CHECK(at_key(trend[2], "count").as_integer() == 2);  // r3 (03-29T22:30Z), r5
  CHECK(at_key(trend[2], "avg_rating").as_number() == Approx(3.0));

  const List& agents = at_key(root, "per_agent").as_list();
  REQUIRE(agents.size() == 2);  // a3 has only a comment-only response; r5 has no assignee
  CHECK(at_key(agents[0], "assignee_user_id").as_string() == "a1");  // tie on 2 responses: by id
  CHECK(at_key(agents[0], "assignee_name").as_string() == "Ann");     // the later conversation has no name
  CHECK(at_key(agents[0], "response_count").as_integer() == 2);
  CHECK(at_key(agents[0], "avg_rating").as_number() == Approx(3.5));
  CHECK(at_key(agents[0], "positive_rate").as_number() == Approx(50.0));
  CHECK(at_key(agents[1], "assignee_user_id").as_string() == "a2");
  CHECK(at_key(agents[1], "assignee_name").as_string() == "Bobby");  // latest-started conversation
  CHECK(at_key(agents[1], "response_count").as_integer() == 2);
  CHECK(at_key(agents[1], "avg_rating").as_number() == Approx(3.5));
}

TEST_CASE("the same csat records in UTC put the DST-edge responses on other days", "[csat]") {
  const TimeRange range = days("2026-03-29", "2026-03-29", TimeZone::utc());
  const Result r = compute_csat(eight_records(), range, TimeZone::utc());
  // UTC 03-29: r2 r3 r4 r8 respond; r1 (03-28T23:30Z) does not.
  CHECK(at_key(r.root, "total_responses").as_integer() == 4);
  const List& trend = at_key(r.root, "trend").as_list();
  REQUIRE(trend.size() == 1);
  CHECK(at_key(trend[0], "count").as_integer() == 3);  // 3, 4, 2
  CHECK(at_key(trend[0], "avg_rating").as_number() == Approx(3.0));
  const List& agents = at_key(r.root, "per_agent").as_list();
  REQUIRE(agents.size() == 2);
  CHECK(at_key(agents[0], "assignee_user_id").as_string() == "a1");  // r2 r3
  CHECK(at_key(agents[0], "response_count").as_integer() == 2);
  CHECK(at_key(agents[1], "response_count").as_integer() == 1);     // a2: r8 only
  CHECK(at_key(agents[1], "positive_rate").as_number() == Approx(0.0));
}

TEST_CASE("csat of an empty range: zero counts, null means and rates, five zero ratings", "[csat]") {
  const TimeRange range = days("2025-01-01", "2025-01-02", TimeZone::utc());
  const Result r = compute_csat(eight_records(), range, TimeZone::utc());
  CHECK(at_key(r.root, "total_responses").as_integer() == 0);
  CHECK(at_key(r.root, "rated_responses").as_integer() == 0);
  CHECK(at_key(r.root, "surveys_sent").as_integer() == 0);
  for (const char* key : {"avg_rating", "positive_rate", "response_rate"}) CHECK(at_key(r.root, key).is_null());
  const List& dist = at_key(r.root, "distribution").as_list();
  REQUIRE(dist.size() == 5);
  for (const Node& d : dist) CHECK(at_key(d, "response_count").as_integer() == 0);
  const List& trend = at_key(r.root, "trend").as_list();
  REQUIRE(trend.size() == 2);  // zero-filled
  CHECK(at_key(trend[1], "day").as_string() == "2025-01-02");
  CHECK(at_key(trend[1], "avg_rating").is_null());
  CHECK(at_key(r.root, "per_agent").as_list().empty());
}

TEST_CASE("csat responses: page bounds are usage errors", "[csat]") {
  CHECK(csat_page({}).limit == 50);
  CHECK(csat_page({}).offset == 0);
  CHECK(csat_page({{"limit", "1"}}).limit == 1);
  CHECK(csat_page({{"limit", "200"}, {"offset", "7"}}).offset == 7);
  for (const char* bad : {"0", "201", "-1", "abc", "5x", ""})
    CHECK_THROWS_AS(csat_page({{"limit", bad}}), UsageError);
  for (const char* bad : {"-1", "1.5", "99999999999999999999"})
    CHECK_THROWS_AS(csat_page({{"offset", bad}}), UsageError);
  CHECK_THROWS_WITH(csat_page({{"limit", "0"}}), "invalid --limit '0' (expected an integer from 1 to 200)");
}

TEST_CASE("csat responses: newest first, ties by id, comment-only included, paged", "[csat]") {
  const TimeRange range = days("2026-03-28", "2026-03-30", paris());
  std::vector<CsatRecordRow> records = eight_records();
  records.push_back(response("r0", "2026-03-30T07:00:00Z", "2026-03-30T08:00:00Z", 1));  // ties r5, id first
  const auto ids = [&](CsatPage page) {
    const Result r = compute_csat_responses(records, range, page);
    CHECK(at_key(r.root, "total").as_integer() == 7);
    CHECK(at_key(r.root, "limit").as_integer() == page.limit);
    CHECK(at_key(r.root, "offset").as_integer() == page.offset);
    std::vector<std::string> out;
    for (const Node& item : at_key(r.root, "items").as_list()) out.push_back(at_key(item, "id").as_string());
    return out;
  };
  CHECK(ids({}) == std::vector<std::string>{"r0", "r5", "r3", "r2", "r8", "r4", "r1"});
  CHECK(ids({1, 1}) == std::vector<std::string>{"r5"});
  CHECK(ids({3, 5}) == std::vector<std::string>{"r4", "r1"});
  CHECK(ids({50, 7}).empty());    // offset at the end
  CHECK(ids({50, 100}).empty());  // past the end
  CHECK(ids({1, std::numeric_limits<std::int64_t>::max()}).empty());

  const Result r = compute_csat_responses(records, range, {50, 5});
  const Node& comment_only = at_key(r.root, "items").as_list()[0];
  CHECK(at_key(comment_only, "id").as_string() == "r4");
  CHECK(at_key(comment_only, "rating").is_null());
  CHECK(at_key(comment_only, "responded_at").as_string() == "2026-03-29T10:00:00Z");
  CHECK(at_key(comment_only, "sent_at").as_string() == "2026-03-29T09:00:00Z");
  CHECK(at_key(comment_only, "assignee_user_id").as_string() == "a3");
  CHECK(r.main_section == "items");
}

namespace {

// A cache with the small fixture plus records of this test: a csat whose
// conversation is absent, csat and conversation channels.
struct CsatCache {
  TempDir dir;
  Cache cache{dir.file("cache.db"), OpenMode::read_write};
  CsatCache() {
    const std::string extra = dir.file("extra.ndjson");
    std::ofstream(extra)
        << R"({"type":"conversation","id":"m1","channel":"whatsapp","started_at":"2026-03-29T05:00:00Z","subject":"VPN","contact_id":"u7","team_id":"t1","team_name":"Tier 1","assignee_id":"a9","assignee_name":"Zoë"})" "\n"
        << R"({"type":"csat","id":"s4","conversation_id":"m1","sent_at":"2026-03-29T05:30:00Z","responded_at":"2026-03-29T06:00:00Z","rating":5,"followup_answer":"yes"})" "\n"
        << R"({"type":"csat","id":"s5","conversation_id":"m1","channel":"Email","sent_at":"2026-03-29T05:30:00Z","responded_at":"2026-03-29T06:00:00Z","rating":1})" "\n"
        << R"({"type":"csat","id":"s6","conversation_id":"gone","sent_at":"2026-03-29T11:00:00Z","responded_at":"2026-03-29T12:00:00Z","rating":3})" "\n"
        << R"({"type":"csat","id":"s7","tenant":"other","conversation_id":"m1","sent_at":"2026-03-29T11:00:00Z","responded_at":"2026-03-29T12:00:00Z","rating":2})" "\n";
    ImportRequest request;
    request.files = {std::string(CONVSTAT_TEST_DATA) + "/small/records.ndjson", extra};
    REQUIRE(run_import(cache, request).committed);
  }
};

}  // namespace

TEST_CASE("csat records join their conversation by tenant; filters drop orphans", "[csat]") {
  CsatCache c;
  const TimeRange range = days("2026-03-29", "2026-03-29", paris());
  Filters filters;
  filters.tenant = "default";
  // Paris 03-29: s1 s2 (small fixture), s4 s5, s6 (no conversation); s3 is on 03-30, s7 another tenant.
  const Result all = compute_csat(load_csat_records(c.cache, range, filters), range, paris());
  CHECK(at_key(all.root, "total_responses").as_integer() == 5);
  CHECK(at_key(all.root, "rated_responses").as_integer() == 4);           // 4 5 1 3
  CHECK(at_key(all.root, "avg_rating").as_number() == Approx(13.0 / 4));  // 3.25 prints 3.3
  CHECK(at_key(all.root, "surveys_sent").as_integer() == 5);              // s3 was sent 03-29T23:00Z
  const List& agents = at_key(all.root, "per_agent").as_list();
  REQUIRE(agents.size() == 1);  // a9 on m1 (s2's a1 is comment-only)
  CHECK(at_key(agents[0], "assignee_name").as_string() == "Zoë");
  CHECK(at_key(agents[0], "response_count").as_integer() == 2);
  CHECK(at_key(agents[0], "positive_rate").as_number() == Approx(50.0));

  filters.team = "Tier 1";  // k2 (s1) and m1 (s4 s5); s6 drops out, having no conversation
  const Result tier1 = compute_csat(load_csat_records(c.cache, range, filters), range, paris());
  CHECK(at_key(tier1.root, "total_responses").as_integer() == 3);
  CHECK(at_key(tier1.root, "avg_rating").as_number() == Approx(10.0 / 3));

  filters.team = "t2";  // k3: the comment-only s2
  const Result t2 = compute_csat(load_csat_records(c.cache, range, filters), range, paris());
  CHECK(at_key(t2.root, "total_responses").as_integer() == 1);
  CHECK(at_key(t2.root, "avg_rating").is_null());
  CHECK(at_key(t2.root, "response_rate").as_number() == Approx(100.0));
}

TEST_CASE("csat response items carry the csat's channel, else the conversation's", "[csat]") {
  CsatCache c;
  const TimeRange range = days("2026-03-29", "2026-03-29", paris());
  const Result r = compute_csat_responses(load_csat_records(c.cache, range, {}), range, {});
  const List& items = at_key(r.root, "items").as_list();
  CHECK(at_key(r.root, "total").as_integer() == 6);  // s1 s2 s4 s5 s6 s7
  std::vector<std::string> ids;
  for (const Node& item : items) ids.push_back(at_key(item, "id").as_string());
  // s6 and s7 at 12:00Z (ties by id), s2 10:00Z, s1 08:00Z, s4 and s5 06:00Z.
  CHECK(ids == std::vector<std::string>{"s6", "s7", "s2", "s1", "s4", "s5"});
  const Node& s6 = items[0];
  CHECK(at_key(s6, "channel").is_null());  // no channel and no conversation
  CHECK(at_key(s6, "conversation_subject").is_null());
  CHECK(at_key(items[1], "assignee_user_id").is_null());  // s7's tenant has no m1
  const Node& s4 = items[4];
  CHECK(at_key(s4, "channel").as_string() == "whatsapp");
  CHECK(at_key(s4, "contact_id").as_string() == "u7");
  CHECK(at_key(s4, "conversation_subject").as_string() == "VPN");
  CHECK(at_key(s4, "followup_answer").as_string() == "yes");
  CHECK(at_key(s4, "assignee_team_id").as_string() == "t1");
  CHECK(at_key(s4, "assignee_team_name").as_string() == "Tier 1");
  CHECK(at_key(items[5], "channel").as_string() == "email");  // lower-cased on import
  CHECK(at_key(items[2], "comment").as_string() == "ok, merci");
  CHECK(at_key(items[3], "channel").as_string() == "chat");
}

TEST_CASE("csat responses: comments show no e-mail address or phone number", "[csat]") {
  const TimeRange range = days("2026-03-28", "2026-03-30", paris());
  CsatRecordRow r = response("r1", "2026-03-29T07:00:00Z", "2026-03-29T08:00:00Z", 2);
  r.comment = "call me on 06 12 34 56 78 or write to jane@example.com";
  r.followup_answer = "no";
  const Result result = compute_csat_responses({r}, range, csat_page({}));
  const Node& item = result.root.find("items")->as_list().at(0);
  CHECK(item.find("comment")->as_string() == "call me on ***-***-5678 or write to [email]");
  CHECK(item.find("followup_answer")->as_string() == "no");
}
