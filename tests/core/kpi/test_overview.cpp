#include <catch2/catch.hpp>

#include "core/kpi/overview.hpp"

using namespace convstat::core;

namespace {

constexpr std::int64_t k_minute = 60000;
constexpr std::int64_t k_t0 = 1772355600000;  // 2026-03-01T09:00:00Z

ConversationRow conversation(const std::string& id, const std::string& channel) {
  ConversationRow c;
  c.id = id;
  c.tenant = "default";
  c.channel = channel;
  c.started_at = k_t0;
  return c;
}

// Six conversations whose KPIs are worked out by hand in the tests below.
std::vector<ConversationRow> six_conversations() {
  std::vector<ConversationRow> v;
  auto c1 = conversation("c1", "chat");  // AI resolved after 30 min, first response 2 min, ended at 40 min
  c1.first_response_at = k_t0 + 2 * k_minute;
  c1.resolved_at = k_t0 + 30 * k_minute;
  c1.resolved_by = ResolvedBy::ai;
  c1.ended_at = k_t0 + 40 * k_minute;
  c1.contact_id = "A";
  auto c2 = conversation("c2", "email");  // human resolved after 90 min, escalated, first response 10 min
  c2.first_response_at = k_t0 + 10 * k_minute;
  c2.resolved_at = k_t0 + 90 * k_minute;
  c2.resolved_by = ResolvedBy::human;
  c2.escalated_at = k_t0 + 5 * k_minute;
  c2.contact_id = "A";
  auto c3 = conversation("c3", "email");  // unresolved, escalated, no first response
  c3.escalated_at = k_t0 + k_minute;
  c3.contact_id = "B";
  auto c4 = conversation("c4", "chat");  // AI resolved after 60 min, first response 6 min, high
  c4.first_response_at = k_t0 + 6 * k_minute;
  c4.resolved_at = k_t0 + 60 * k_minute;
  c4.resolved_by = ResolvedBy::ai;
  c4.priority = Priority::high;
  auto c5 = conversation("c5", "whatsapp");  // unresolved, urgent
  c5.priority = Priority::urgent;
  auto c6 = conversation("c6", "email");  // human resolved after 120 min, first response at once, high
  c6.first_response_at = k_t0;
  c6.resolved_at = k_t0 + 120 * k_minute;
  c6.resolved_by = ResolvedBy::human;
  c6.priority = Priority::high;
  for (auto* c : {&c1, &c2, &c3, &c4, &c5, &c6}) v.push_back(*c);
  return v;
}

double number(const Node& root, const char* key) {
  const Node* n = root.find(key);
  REQUIRE(n);
  REQUIRE(n->is_number());
  return n->as_number();
}

std::int64_t count(const Node& root, const char* key) {
  const Node* n = root.find(key);
  REQUIRE(n);
  REQUIRE(n->is_integer());
  return n->as_integer();
}

}  // namespace

TEST_CASE("overview on six hand-counted conversations", "[kpi][overview]") {
  const std::vector<CsatResponseRow> csat = {{k_t0, 5}, {k_t0, 4}, {k_t0, std::nullopt}};  // one comment-only
  const Result r = compute_overview(six_conversations(), csat);
  const Node& root = r.root;
  CHECK(count(root, "total_conversations") == 6);
  CHECK(count(root, "ai_resolved_count") == 2);                       // c1, c4
  CHECK(number(root, "ai_resolution_rate") == Approx(100.0 * 2 / 6));  // 33.3
  CHECK(count(root, "human_resolved_count") == 2);                    // c2, c6
  CHECK(number(root, "escalation_rate") == Approx(100.0 * 2 / 6));     // c2, c3
  CHECK(number(root, "first_response_minutes_avg") == Approx(4.5));    // (2 + 10 + 6 + 0) / 4
  CHECK(number(root, "resolution_minutes_median") == Approx(75.0));    // 30 60 | 90 120
  CHECK(count(root, "unique_contacts") == 2);                         // A, B
  CHECK(number(root, "avg_duration_minutes") == Approx(40.0));         // c1 only has ended_at
  CHECK(number(root, "csat_avg") == Approx(4.5));                      // comment-only left out
  const List& channels = root.find("channel_distribution")->as_list();
  REQUIRE(channels.size() == 3);  // email 3, chat 2, whatsapp 1
  CHECK(channels[0].find("channel")->as_string() == "email");
  CHECK(channels[0].find("conversation_count")->as_integer() == 3);
  CHECK(channels[1].find("channel")->as_string() == "chat");
  CHECK(channels[2].find("channel")->as_string() == "whatsapp");
  CHECK(r.main_section == "channel_distribution");
}

TEST_CASE("overview channel ties sort by channel name", "[kpi][overview]") {
  std::vector<ConversationRow> v = {conversation("a", "web"), conversation("b", "chat"), conversation("c", "sms")};
  const Result r = compute_overview(v, {});
  const List& channels = r.root.find("channel_distribution")->as_list();
  CHECK(channels[0].find("channel")->as_string() == "chat");
  CHECK(channels[1].find("channel")->as_string() == "sms");
  CHECK(channels[2].find("channel")->as_string() == "web");
}

TEST_CASE("overview of an empty range: counts 0, rates and means null, lists empty", "[kpi][overview]") {
  const Result r = compute_overview({}, {});
  CHECK(count(r.root, "total_conversations") == 0);
  for (const char* key : {"ai_resolution_rate", "escalation_rate", "first_response_minutes_avg",
                          "resolution_minutes_median", "avg_duration_minutes", "csat_avg"})
    CHECK(r.root.find(key)->is_null());
  CHECK(r.root.find("channel_distribution")->as_list().empty());
}

TEST_CASE("resolution on six hand-counted conversations", "[kpi][resolution]") {
  const Result r = compute_resolution(six_conversations());
  CHECK(count(r.root, "total_conversations") == 6);
  CHECK(count(r.root, "resolved_count") == 4);
  CHECK(count(r.root, "ai_resolved_count") == 2);
  CHECK(count(r.root, "human_resolved_count") == 2);
  CHECK(number(r.root, "resolution_rate") == Approx(100.0 * 4 / 6));  // 66.7
  CHECK(number(r.root, "ai_resolution_rate") == Approx(100.0 * 2 / 6));
  CHECK(number(r.root, "human_resolution_rate") == Approx(100.0 * 2 / 6));
  const List& p = r.root.find("by_priority")->as_list();
  REQUIRE(p.size() == 3);  // urgent, high, unset — medium and low are absent
  CHECK(p[0].find("priority")->as_string() == "urgent");
  CHECK(p[0].find("total")->as_integer() == 1);
  CHECK(p[0].find("resolved")->as_integer() == 0);
  CHECK(p[0].find("resolution_rate")->as_number() == 0.0);
  CHECK(p[1].find("priority")->as_string() == "high");
  CHECK(p[1].find("total")->as_integer() == 2);
  CHECK(p[1].find("ai_resolved")->as_integer() == 1);
  CHECK(p[1].find("human_resolved")->as_integer() == 1);
  CHECK(p[1].find("resolution_rate")->as_number() == Approx(100.0));
  CHECK(p[2].find("priority")->as_string() == "unset");
  CHECK(p[2].find("total")->as_integer() == 3);
  CHECK(p[2].find("resolved")->as_integer() == 2);
}

TEST_CASE("resolution of an empty range has null rates and no priorities", "[kpi][resolution]") {
  const Result r = compute_resolution({});
  CHECK(r.root.find("resolution_rate")->is_null());
  CHECK(r.root.find("by_priority")->as_list().empty());
}
