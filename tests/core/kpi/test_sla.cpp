// sla (kpis.md "sla"): every outcome rule and bucket worked out by hand.
#include <catch2/catch.hpp>

#include "core/kpi/sla.hpp"

using namespace convstat::core;

namespace {

constexpr std::int64_t k_minute = 60000;
constexpr std::int64_t k_t0 = 1772355600000;  // 2026-03-01T09:00:00Z
constexpr std::int64_t k_as_of = k_t0 + 60 * k_minute;

std::int64_t at(int minutes) { return k_t0 + minutes * k_minute; }

ConversationRow conversation(const std::string& id, Priority priority, std::optional<std::string> team_id = {},
                             std::optional<std::string> team_name = {}) {
  ConversationRow c;
  c.id = id;
  c.tenant = "default";
  c.channel = "chat";
  c.started_at = k_t0;
  c.priority = priority;
  c.team_id = std::move(team_id);
  c.team_name = std::move(team_name);
  return c;
}

// As-of k_t0 + 60 min. Outcomes (first response / resolution -> all targets at once):
// s1 high t1   FR due 10 at 10 (met, A == T)   RES due 30 at 20 (met)      -> met
// s2 high t1   FR due 10 at 15 (breached)      -                           -> breached
// s3 urgent t2 FR due 30, none, N > T (breached)                           -> breached
// s4 urgent t2 FR due 90, none, N <= T (pending)                           -> pending
// s5 medium t1 FR due 5 at 3 (met)             RES due 120, none (pending) -> pending
// s6 low t3    no targets                                                  -> absent
// s7 unset     -                               RES due 45 at 50 (breached) -> breached
// s8 unset     FR due 60 (== as-of), none (pending)                        -> pending
std::vector<ConversationRow> eight_conversations() {
  auto s1 = conversation("s1", Priority::high, "t1", "Tier 1");
  s1.first_response_due_at = at(10);
  s1.first_response_at = at(10);
  s1.resolution_due_at = at(30);
  s1.resolved_at = at(20);
  auto s2 = conversation("s2", Priority::high, "t1");
  s2.first_response_due_at = at(10);
  s2.first_response_at = at(15);
  auto s3 = conversation("s3", Priority::urgent, "t2", "Paris");
  s3.first_response_due_at = at(30);
  auto s4 = conversation("s4", Priority::urgent, "t2", "Paris");
  s4.first_response_due_at = at(90);
  auto s5 = conversation("s5", Priority::medium, "t1", "Tier One");  // the latest-started name of t1
  s5.started_at = at(1);
  s5.first_response_due_at = at(5);
  s5.first_response_at = at(3);
  s5.resolution_due_at = at(120);
  auto s6 = conversation("s6", Priority::low, "t3", "No targets");
  s6.started_at = at(2);
  s6.first_response_at = at(4);
  auto s7 = conversation("s7", Priority::unset);
  s7.resolution_due_at = at(45);
  s7.resolved_at = at(50);
  auto s8 = conversation("s8", Priority::unset);
  s8.first_response_due_at = k_as_of;
  return {s1, s2, s3, s4, s5, s6, s7, s8};
}

std::int64_t count(const Node& object, const char* key) {
  const Node* n = object.find(key);
  REQUIRE(n);
  REQUIRE(n->is_integer());
  return n->as_integer();
}

double rate(const Node& object) {
  const Node* n = object.find("compliance_rate");
  REQUIRE(n);
  REQUIRE(n->is_number());
  CHECK(n->unit() == Unit::percent);
  return n->as_number();
}

// tracked, met, breached, pending of a block or list item.
std::vector<std::int64_t> tallies(const Node& object) {
  return {count(object, "tracked"), count(object, "met"), count(object, "breached"), count(object, "pending")};
}

using Tallies = std::vector<std::int64_t>;

}  // namespace

TEST_CASE("sla target outcomes at the boundaries", "[kpi][sla]") {
  CHECK(judge_sla_target(at(10), at(10), k_as_of) == SlaOutcome::met);        // A == T
  CHECK(judge_sla_target(at(10), at(10) + 1, k_as_of) == SlaOutcome::breached);  // A one ms after T
  CHECK(judge_sla_target(at(90), at(80), k_as_of) == SlaOutcome::met);        // A <= T even after as-of
  CHECK(judge_sla_target(k_as_of, k_no_time, k_as_of) == SlaOutcome::pending);   // N == T
  CHECK(judge_sla_target(k_as_of - 1, k_no_time, k_as_of) == SlaOutcome::breached);  // N > T
  CHECK(judge_sla_target(k_no_time, at(5), k_as_of) == SlaOutcome::none);
}

TEST_CASE("sla first_response and resolution blocks", "[kpi][sla]") {
  const Result r = compute_sla(eight_conversations(), k_as_of);
  CHECK(r.command == "sla");
  CHECK(r.main_section == "by_priority");
  const Node& first = *r.root.find("first_response");
  CHECK(tallies(first) == Tallies{4, 2, 2, 2});  // met s1 s5; breached s2 s3; pending s4 s8
  CHECK(rate(first) == Approx(50.0));
  const Node& resolution = *r.root.find("resolution");
  CHECK(tallies(resolution) == Tallies{2, 1, 1, 1});  // met s1; breached s7; pending s5
  CHECK(rate(resolution) == Approx(50.0));
  std::vector<std::string> keys;
  for (const auto& [key, value] : r.root.as_object()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"first_response", "resolution", "by_priority", "by_team"});
}

TEST_CASE("sla by_priority judges each conversation on all its targets", "[kpi][sla]") {
  const Result r = compute_sla(eight_conversations(), k_as_of);
  const List& p = r.root.find("by_priority")->as_list();
  REQUIRE(p.size() == 4);  // low (s6) carries no target
  CHECK(p[0].find("priority")->as_string() == "urgent");
  CHECK(tallies(p[0]) == Tallies{1, 0, 1, 1});  // s3 breached, s4 pending
  CHECK(rate(p[0]) == 0.0);
  CHECK(p[1].find("priority")->as_string() == "high");
  CHECK(tallies(p[1]) == Tallies{2, 1, 1, 0});  // s1 met, s2 breached
  CHECK(rate(p[1]) == Approx(50.0));
  CHECK(p[2].find("priority")->as_string() == "medium");
  CHECK(tallies(p[2]) == Tallies{0, 0, 0, 1});  // s5: first response met, resolution pending -> pending
  CHECK(p[2].find("compliance_rate")->is_null());
  CHECK(p[3].find("priority")->as_string() == "unset");
  CHECK(tallies(p[3]) == Tallies{1, 0, 1, 1});  // s7 breached, s8 pending
  std::vector<std::string> keys;
  for (const auto& [key, value] : p[0].as_object()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"priority", "tracked", "met", "breached", "pending", "compliance_rate"});
}

TEST_CASE("sla by_team: teams with targets only, latest-started name, tracked desc", "[kpi][sla]") {
  const Result r = compute_sla(eight_conversations(), k_as_of);
  const List& t = r.root.find("by_team")->as_list();
  REQUIRE(t.size() == 2);  // t3 has no targets; s7 s8 have no team
  CHECK(t[0].find("team_id")->as_string() == "t1");
  CHECK(t[0].find("team_name")->as_string() == "Tier One");  // s5 started after s1
  CHECK(tallies(t[0]) == Tallies{2, 1, 1, 1});                 // s1 met, s2 breached, s5 pending
  CHECK(rate(t[0]) == Approx(50.0));
  CHECK(t[1].find("team_id")->as_string() == "t2");
  CHECK(t[1].find("team_name")->as_string() == "Paris");
  CHECK(tallies(t[1]) == Tallies{1, 0, 1, 1});
  CHECK(rate(t[1]) == 0.0);
}

TEST_CASE("sla by_team ties on tracked sort by team_id; a team without a name is null", "[kpi][sla]") {
  auto b = conversation("b", Priority::low, "tb");
  auto a = conversation("a", Priority::low, "ta", "A team");
  for (auto* c : {&a, &b}) {
    c->resolution_due_at = at(30);
    c->resolved_at = at(10);
  }
  const Result r = compute_sla({b, a}, k_as_of);
  const List& t = r.root.find("by_team")->as_list();
  REQUIRE(t.size() == 2);
  CHECK(t[0].find("team_id")->as_string() == "ta");
  CHECK(t[1].find("team_id")->as_string() == "tb");
  CHECK(t[1].find("team_name")->is_null());
  CHECK(rate(t[0]) == 100.0);
}

TEST_CASE("sla of an empty range: counts 0, rates null, lists empty", "[kpi][sla]") {
  const Result r = compute_sla({}, k_as_of);
  for (const char* block : {"first_response", "resolution"}) {
    const Node& b = *r.root.find(block);
    CHECK(tallies(b) == Tallies{0, 0, 0, 0});
    CHECK(b.find("compliance_rate")->is_null());
  }
  CHECK(r.root.find("by_priority")->as_list().empty());
  CHECK(r.root.find("by_team")->as_list().empty());
}
