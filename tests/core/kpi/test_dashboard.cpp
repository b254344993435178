// dashboard [000 Dashboard] on hand-built rows around the Paris DST day
// (2026-03-29 has 23 hours); every expected number is counted in the comments.
#include <catch2/catch.hpp>

#include "core/kpi/dashboard.hpp"
#include "core/render/render.hpp"
#include "tests/support/fixtures.hpp"

using namespace convstat::core;

namespace {

TimeRange days(const char* from, const char* to, const TimeZone& tz) {
  return convstat::testing::date_range(from, to, tz, "2026-04-01T00:00:00Z");
}

std::int64_t at(const char* rfc3339) { return convstat::testing::instant(rfc3339); }

ActivityRow row(const char* tenant, const char* started, std::optional<std::string> bot,
                std::optional<std::string> contact = std::nullopt) {
  return {tenant, at(started), std::move(bot), std::move(contact)};
}

// Paris 03-28..03-30 = [2026-03-27T23:00Z, 2026-03-30T22:00Z); 03-30 starts at 2026-03-29T22:00Z.
DashboardRows paris_rows() {
  DashboardRows rows;
  rows.conversations = {
      row("a", "2026-03-27T22:59:00Z", "b9", "u9"),  // Paris 03-27 23:59: out
      row("a", "2026-03-27T23:30:00Z", "b1", "u1"),  // 03-28
      row("a", "2026-03-28T22:30:00Z", "b1", "u1"),  // Paris 03-28 23:30: 03-28
      row("b", "2026-03-29T12:00:00Z", "b1", "u1"),  // 03-29, another tenant's b1 and u1
      row("a", "2026-03-30T21:00:00Z", std::nullopt, "u2"),  // Paris 03-30 23:00: 03-30
  };
  rows.calls = {row("a", "2026-03-29T10:00:00Z", "b2"),   // in
                row("a", "2026-03-30T22:00:00Z", "b3")};  // the exclusive end: out
  rows.message_at = {at("2026-03-27T23:00:00Z"),   // 03-28 00:00 Paris
                     at("2026-03-29T21:59:00Z"),   // 03-29 23:59 Paris
                     at("2026-03-29T22:00:00Z"),   // 03-30 00:00 Paris
                     at("2026-03-30T22:00:00Z")};  // out
  rows.lead_created_at = {at("2026-03-28T10:00:00Z"), at("2026-03-27T22:00:00Z")};  // in, out
  return rows;
}

std::int64_t count(const Result& r, const char* key) { return r.root.find(key)->as_integer(); }

}  // namespace

TEST_CASE("dashboard counts the range's records per type", "[dashboard]") {
  const TimeZone paris("Europe/Paris");
  const Result r = compute_dashboard(paris_rows(), days("2026-03-28", "2026-03-30", paris), paris);
  CHECK(r.command == "dashboard");
  CHECK(r.main_section == "usage_trend");
  CHECK(count(r, "conversations") == 4);
  CHECK(count(r, "bots") == 3);      // (a,b1) (b,b1) (a,b2); b9 and b3 are out of range
  CHECK(count(r, "contacts") == 3);  // (a,u1) (b,u1) (a,u2)
  CHECK(count(r, "messages") == 3);
  CHECK(count(r, "leads") == 1);
  CHECK(count(r, "calls") == 1);
  std::vector<std::string> keys;
  for (const auto& [key, value] : r.root.as_object()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"bots", "conversations", "messages", "leads", "contacts", "calls",
                                         "usage_trend"});
}

TEST_CASE("dashboard usage_trend has one entry per local day, DST-correct", "[dashboard]") {
  const TimeZone paris("Europe/Paris");
  const Result r = compute_dashboard(paris_rows(), days("2026-03-28", "2026-03-30", paris), paris);
  const List& trend = r.root.find("usage_trend")->as_list();
  REQUIRE(trend.size() == 3);
  const std::vector<std::tuple<std::string, std::int64_t, std::int64_t>> expected = {
      {"2026-03-28", 2, 1}, {"2026-03-29", 1, 1}, {"2026-03-30", 1, 1}};
  for (std::size_t i = 0; i < trend.size(); ++i) {
    CHECK(trend[i].find("date")->as_string() == std::get<0>(expected[i]));
    CHECK(trend[i].find("conversations")->as_integer() == std::get<1>(expected[i]));
    CHECK(trend[i].find("messages")->as_integer() == std::get<2>(expected[i]));
  }
  // In UTC 03-27T23:30Z falls before the range; 03-28 keeps only 22:30Z.
  const Result utc = compute_dashboard(paris_rows(), days("2026-03-28", "2026-03-30", TimeZone::utc()),
                                       TimeZone::utc());
  CHECK(count(utc, "conversations") == 3);  // 03-28T22:30, 03-29T12:00, 03-30T21:00
  CHECK(utc.root.find("usage_trend")->as_list()[0].find("conversations")->as_integer() == 1);
}

TEST_CASE("dashboard of an empty range: zero counts and zero-filled days", "[dashboard]") {
  const TimeZone utc = TimeZone::utc();
  const Result r = compute_dashboard({}, days("2025-01-01", "2025-01-02", utc), utc);
  for (const char* key : {"bots", "conversations", "messages", "leads", "contacts", "calls"})
    CHECK(count(r, key) == 0);
  const List& trend = r.root.find("usage_trend")->as_list();
  REQUIRE(trend.size() == 2);
  CHECK(trend[1].find("date")->as_string() == "2025-01-02");
  CHECK(trend[1].find("conversations")->as_integer() == 0);
  CHECK(trend[1].find("messages")->as_integer() == 0);
}

TEST_CASE("dashboard draws conversations/day as a sparkline in tables only", "[dashboard]") {
  const TimeZone paris("Europe/Paris");
  const Result r = compute_dashboard(paris_rows(), days("2026-03-28", "2026-03-30", paris), paris);
  RenderOptions table;
  table.width = 0;
  // Conversations per day 2, 1, 1: min 1, max 2 -> levels 7, 0, 0.
  CHECK(render_to_string(r, table).rfind("Dashboard\nconversations/day \u2588\u2581\u2581\n\nsummary\n", 0) == 0);
  RenderOptions json;
  json.format = Format::json;
  CHECK(render_to_string(r, json).find("\u2581") == std::string::npos);
}
