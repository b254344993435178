// daily [004] on hand-built rows around the Paris DST day (2026-03-29 has 23
// hours: 2026-03-28T23:00Z to 2026-03-29T22:00Z); counts in the comments.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/kpi/cursor.hpp"
#include "core/kpi/daily.hpp"
#include "tests/support/fixtures.hpp"

using namespace convstat::core;

namespace {

TimeRange days(const char* from, const char* to, const TimeZone& tz) {
  return convstat::testing::date_range(from, to, tz, "2026-04-30T00:00:00Z");
}

std::int64_t at(const char* rfc3339) { return convstat::testing::instant(rfc3339); }
std::int64_t integer(const Node& n, const char* key) { return n.find(key)->as_integer(); }
std::string text(const Node& n, const char* key) { return n.find(key)->as_string(); }

}  // namespace

TEST_CASE("daily messages count by local day, zero-filled over the Paris DST day", "[daily]") {
  const TimeZone paris("Europe/Paris");
  const TimeRange range = days("2026-03-28", "2026-03-30", paris);  // [03-27T23:00Z, 03-30T22:00Z)
  DailyMessageRows rows;
  rows.messages = {
      {at("2026-03-27T22:59:00Z"), true, 0},   // Paris 03-27: out
      {at("2026-03-28T22:59:00Z"), true, 1},   // 03-28 23:59
      {at("2026-03-28T23:00:00Z"), false, -1}, // 03-29 00:00 (DST day)
      {at("2026-03-29T21:59:00Z"), false, 0},  // 03-29 23:59 (UTC+2 after 01:00Z)
      {at("2026-03-29T22:00:00Z"), true, 1},   // 03-30 00:00
  };
  rows.handover_requested_at = {at("2026-03-29T12:00:00Z")};                          // 03-29
  rows.escalated_at = {at("2026-03-29T12:30:00Z"), at("2026-03-30T22:00:00Z")};       // 03-29; out
  const List items = daily_messages_items(rows, range, paris);
  REQUIRE(items.size() == 3);
  CHECK(text(items[0], "date") == "2026-03-28");
  CHECK(integer(items[0], "inbound_messages") == 1);
  CHECK(integer(items[0], "positive_feedback") == 1);
  CHECK(integer(items[1], "inbound_messages") == 0);
  CHECK(integer(items[1], "outbound_messages") == 2);
  CHECK(integer(items[1], "negative_feedback") == 1);
  CHECK(integer(items[1], "ht_requests") == 1);
  CHECK(integer(items[1], "ht_starts") == 1);
  CHECK(integer(items[2], "inbound_messages") == 1);
  CHECK(integer(items[2], "ht_starts") == 0);
}

TEST_CASE("daily chats and errors list every day; errors buckets carry the zone offset", "[daily]") {
  const TimeZone paris("Europe/Paris");
  const TimeRange range = days("2026-03-28", "2026-03-30", paris);
  const List chats = daily_chats_items({at("2026-03-29T10:00:00Z"), at("2026-03-29T11:00:00Z")}, range, paris);
  REQUIRE(chats.size() == 3);
  CHECK(integer(chats[0], "count") == 0);
  CHECK(integer(chats[1], "count") == 2);
  CHECK(integer(chats[2], "count") == 0);
  const List errors = daily_errors_items({at("2026-03-30T21:59:00Z")}, range, paris);  // 03-30 23:59
  REQUIRE(errors.size() == 3);
  CHECK(text(errors[0], "bucket") == "2026-03-28T00:00:00+01:00");
  CHECK(text(errors[1], "bucket") == "2026-03-29T00:00:00+01:00");
  CHECK(text(errors[2], "bucket") == "2026-03-30T00:00:00+02:00");
  CHECK(integer(errors[2], "error_count") == 1);
  CHECK(integer(errors[0], "error_count") == 0);
}

TEST_CASE("daily users: distinct contacts per day, returning when first seen before the day", "[daily]") {
  const TimeZone utc = TimeZone::utc();
  const TimeRange range = days("2026-03-10", "2026-03-11", utc);
  const std::int64_t earlier = at("2026-02-01T00:00:00Z");  // contact 0 first seen before the range
  const std::vector<ContactActivityRow> rows = {
      {at("2026-03-10T08:00:00Z"), earlier, 0},                   // 03-10: returning
      {at("2026-03-10T09:00:00Z"), earlier, 0},                   // same contact: once
      {at("2026-03-10T10:00:00Z"), at("2026-03-10T10:00:00Z"), 1},  // 03-10: new
      {at("2026-03-11T10:00:00Z"), at("2026-03-10T10:00:00Z"), 1},  // 03-11: returning (seen 03-10)
  };
  const List items = daily_users_items(rows, range, utc);
  REQUIRE(items.size() == 2);
  CHECK(integer(items[0], "unique_users") == 2);     // contacts 0 and 1
  CHECK(integer(items[0], "returning_users") == 1);  // contact 0
  CHECK(integer(items[1], "unique_users") == 1);
  CHECK(integer(items[1], "returning_users") == 1);
}

TEST_CASE("daily csat and ai-quality: totals, means, nulls on empty days", "[daily]") {
  const TimeZone utc = TimeZone::utc();
  const TimeRange range = days("2026-03-10", "2026-03-11", utc);
  const std::vector<CsatResponseRow> csat = {{at("2026-03-10T08:00:00Z"), 5},
                                             {at("2026-03-10T09:00:00Z"), 2},
                                             {at("2026-03-10T10:00:00Z"), std::nullopt}};  // comment-only
  const List c = daily_csat_items(csat, range, utc);
  CHECK(integer(c[0], "total") == 3);
  CHECK(c[0].find("avg_score")->as_number() == Approx(3.5));  // (5 + 2) / 2
  CHECK(integer(c[1], "total") == 0);
  CHECK(c[1].find("avg_score")->is_null());
  const List q = daily_ai_quality_items({{at("2026-03-11T08:00:00Z"), 0.5}, {at("2026-03-11T09:00:00Z"), 0.8}},
                                        range, utc);
  CHECK(q[0].find("score")->is_null());
  CHECK(integer(q[0], "sample_size") == 0);
  CHECK(q[1].find("score")->as_number() == Approx(0.65));
  CHECK(integer(q[1], "sample_size") == 2);
}

TEST_CASE("daily pages walk every day once, cursors belong to their listing", "[daily][cursor]") {
  const TimeZone utc = TimeZone::utc();
  const TimeRange range = days("2026-03-01", "2026-03-10", utc);  // 10 days
  const List items = daily_chats_items({}, range, utc);
  std::vector<std::string> dates;
  DailyPage page = daily_page({{"limit", "4"}}, "daily chats", range, utc);
  for (int pages = 1;; ++pages) {
    const Result r = compute_daily("daily chats", items, page, range, utc);
    CHECK(r.main_section == "data");
    CHECK(r.root.find("status")->as_string() == "SUCCESS");
    CHECK(r.root.find("metadata")->find("total_count")->as_integer() == 10);
    for (const Node& item : r.root.find("data")->as_list()) dates.push_back(text(item, "date"));
    const Node* next = r.root.find("metadata")->find("next_cursor");
    if (next->is_null()) {
      CHECK(pages == 3);  // 4 + 4 + 2
      break;
    }
    page = daily_page({{"limit", "4"}, {"cursor", next->as_string()}}, "daily chats", range, utc);
  }
  REQUIRE(dates.size() == 10);
  CHECK(dates.front() == "2026-03-01");
  CHECK(dates.back() == "2026-03-10");

  const std::string cursor = encode_day_cursor("daily chats", range, utc, 4);
  CHECK(daily_page({{"cursor", cursor}}, "daily chats", range, utc).offset == 4);
  CHECK_THROWS_WITH(daily_page({{"cursor", cursor}}, "daily users", range, utc), "Invalid cursor");
  CHECK_THROWS_WITH(daily_page({{"cursor", cursor}}, "daily chats", days("2026-03-01", "2026-03-11", utc), utc),
                    "Invalid cursor");
  CHECK_THROWS_WITH(daily_page({{"cursor", cursor}}, "daily chats", range, TimeZone("Europe/Paris")),
                    "Invalid cursor");
  CHECK_THROWS_WITH(daily_page({{"cursor", "not a cursor!"}}, "daily chats", range, utc), "Invalid cursor");
  CHECK_THROWS_WITH(daily_page({{"cursor", encode_day_cursor("daily chats", range, utc, 10)}}, "daily chats",
                               range, utc),
                    "Invalid cursor");  // past the last day
  CHECK_THROWS_AS(daily_page({{"limit", "0"}}, "daily chats", range, utc), UsageError);
  CHECK_THROWS_AS(daily_page({{"limit", "366"}}, "daily chats", range, utc), UsageError);
}

TEST_CASE("daily without --limit prints every day and no cursor; the count keys follow seed 004", "[daily]") {
  const TimeZone utc = TimeZone::utc();
  const TimeRange range = days("2026-03-01", "2026-03-03", utc);
  const Result r = compute_daily("daily csat", daily_csat_items({}, range, utc), {}, range, utc);
  CHECK(r.root.find("data")->as_list().size() == 3);
  CHECK(r.root.find("metadata")->find("days_count")->as_integer() == 3);
  CHECK(r.root.find("metadata")->find("next_cursor")->is_null());
  CHECK(daily_count_key("daily messages") == "total_days");
  CHECK(daily_count_key("daily ai-quality") == "total_days");
  CHECK(daily_count_key("daily users") == "total_count");
  CHECK(daily_count_key("daily errors") == "total_count");
}

TEST_CASE("base64url round-trips and rejects foreign text", "[cursor]") {
  std::string bytes;
  CHECK(base64url_encode("convstat") == "Y29udnN0YXQ");
  REQUIRE(base64url_decode("Y29udnN0YXQ", bytes));
  CHECK(bytes == "convstat");
  REQUIRE(base64url_decode("Y29udnN0YXQ=", bytes));
  CHECK(bytes == "convstat");
  CHECK_FALSE(base64url_decode("Y29udnN0YXR", bytes));  // stray low bits
  CHECK_FALSE(base64url_decode("a", bytes));
  CHECK_FALSE(base64url_decode("ab+/", bytes));  // standard base64 alphabet
}
