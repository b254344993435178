#include <catch2/catch.hpp>

#include "core/kpi/agents.hpp"

using namespace convstat::core;

namespace {

constexpr std::int64_t k_minute = 60000;
constexpr std::int64_t k_t0 = 1772355600000;  // 2026-03-01T09:00:00Z

ConversationRow conversation(const std::string& id, std::int64_t started_at) {
  ConversationRow c;
  c.id = id;
  c.tenant = "default";
  c.channel = "email";
  c.started_at = started_at;
  return c;
}

ConversationRow assigned(ConversationRow c, std::optional<std::string> assignee, std::optional<std::string> name,
                         std::optional<std::string> team, std::optional<std::string> team_name) {
  c.assignee_id = std::move(assignee);
  c.assignee_name = std::move(name);
  c.team_id = std::move(team);
  c.team_name = std::move(team_name);
  return c;
}

// Six conversations whose agent and team performance is worked out by hand below.
std::vector<ConversationRow> six_conversations() {
  auto c1 = assigned(conversation("c1", k_t0), "a1", "Ann", "t1", "Tier 1");  // fr 4, resolved 60
  c1.first_response_at = k_t0 + 4 * k_minute;
  c1.resolved_at = k_t0 + 60 * k_minute;
  c1.resolved_by = ResolvedBy::human;
  auto c2 = assigned(conversation("c2", k_t0 + 60 * k_minute), "a1", std::nullopt, "t1", std::nullopt);  // fr 6
  c2.first_response_at = c2.started_at + 6 * k_minute;
  auto c3 = assigned(conversation("c3", k_t0), "a2", "Bob", "t2", "Tier 2");  // fr 2, resolved 30
  c3.first_response_at = k_t0 + 2 * k_minute;
  c3.resolved_at = k_t0 + 30 * k_minute;
  c3.resolved_by = ResolvedBy::human;
  auto c4 = assigned(conversation("c4", k_t0 + 120 * k_minute), "a2", "Robert", "t2", "Tier Two");  // open
  auto c5 = assigned(conversation("c5", k_t0), "a0", "Zed", std::nullopt, std::nullopt);  // resolved 10
  c5.resolved_at = k_t0 + 10 * k_minute;
  c5.resolved_by = ResolvedBy::ai;
  auto c6 = assigned(conversation("c6", k_t0), std::nullopt, "Nobody", "t2", std::nullopt);  // resolved 50
  c6.resolved_at = k_t0 + 50 * k_minute;
  c6.resolved_by = ResolvedBy::ai;
  return {c1, c2, c3, c4, c5, c6};
}

const Node& at_key(const Node& n, const char* key) {
  const Node* v = n.find(key);
  REQUIRE(v);
  return *v;
}

}  // namespace

TEST_CASE("agent performance on six hand-counted conversations", "[agents]") {
  const Result r = compute_agents(six_conversations());
  CHECK(r.main_section == "agent_performance");
  const List& agents = at_key(r.root, "agent_performance").as_list();
  REQUIRE(agents.size() == 3);  // c6 has no assignee
  // a1 and a2 tie on 2 assigned: by id; a0 has 1.
  CHECK(at_key(agents[0], "assignee_user_id").as_string() == "a1");
  CHECK(at_key(agents[0], "assignee_name").as_string() == "Ann");  // the later c2 carries no name
  CHECK(at_key(agents[0], "assigned_count").as_integer() == 2);
  CHECK(at_key(agents[0], "resolved_count").as_integer() == 1);
  CHECK(at_key(agents[0], "resolution_rate").as_number() == Approx(50.0));
  CHECK(at_key(agents[0], "avg_first_response_minutes").as_number() == Approx(5.0));  // (4 + 6) / 2
  CHECK(at_key(agents[0], "avg_resolution_minutes").as_number() == Approx(60.0));
  CHECK(at_key(agents[1], "assignee_user_id").as_string() == "a2");
  CHECK(at_key(agents[1], "assignee_name").as_string() == "Robert");  // latest-started conversation
  CHECK(at_key(agents[1], "avg_first_response_minutes").as_number() == Approx(2.0));  // c4 has none
  CHECK(at_key(agents[1], "avg_resolution_minutes").as_number() == Approx(30.0));
  CHECK(at_key(agents[2], "assignee_user_id").as_string() == "a0");
  CHECK(at_key(agents[2], "resolution_rate").as_number() == Approx(100.0));
  CHECK(at_key(agents[2], "avg_first_response_minutes").is_null());
  CHECK(at_key(agents[2], "avg_resolution_minutes").as_number() == Approx(10.0));
}

TEST_CASE("team performance on six hand-counted conversations", "[agents]") {
  const Result r = compute_agents(six_conversations());
  const List& teams = at_key(r.root, "team_performance").as_list();
  REQUIRE(teams.size() == 2);  // c5 has no team
  CHECK(at_key(teams[0], "team_id").as_string() == "t2");  // c3 c4 c6
  CHECK(at_key(teams[0], "team_name").as_string() == "Tier Two");
  CHECK(at_key(teams[0], "assigned_count").as_integer() == 3);
  CHECK(at_key(teams[0], "resolved_count").as_integer() == 2);
  CHECK(at_key(teams[0], "resolution_rate").as_number() == Approx(200.0 / 3));
  CHECK(at_key(teams[0], "avg_resolution_minutes").as_number() == Approx(40.0));  // (30 + 50) / 2
  CHECK(teams[0].find("avg_first_response_minutes") == nullptr);
  CHECK(at_key(teams[1], "team_id").as_string() == "t1");
  CHECK(at_key(teams[1], "team_name").as_string() == "Tier 1");
  CHECK(at_key(teams[1], "resolution_rate").as_number() == Approx(50.0));
}

TEST_CASE("agent and team ties sort by id in code-point order; an unnamed agent has a null name", "[agents]") {
  std::vector<ConversationRow> v = {
      assigned(conversation("x1", k_t0), "b", std::nullopt, "Z", "z"),
      assigned(conversation("x2", k_t0), "B", std::nullopt, "é", "e"),
      assigned(conversation("x3", k_t0), "a", std::nullopt, "a", "a"),
  };
  const Result r = compute_agents(v);
  const List& agents = at_key(r.root, "agent_performance").as_list();
  REQUIRE(agents.size() == 3);
  CHECK(at_key(agents[0], "assignee_user_id").as_string() == "B");  // 'B' < 'a' < 'b'
  CHECK(at_key(agents[1], "assignee_user_id").as_string() == "a");
  CHECK(at_key(agents[2], "assignee_user_id").as_string() == "b");
  CHECK(at_key(agents[0], "assignee_name").is_null());
  CHECK(at_key(agents[0], "resolution_rate").as_number() == 0.0);
  const List& teams = at_key(r.root, "team_performance").as_list();
  CHECK(at_key(teams[0], "team_id").as_string() == "Z");
  CHECK(at_key(teams[1], "team_id").as_string() == "a");
  CHECK(at_key(teams[2], "team_id").as_string() == "é");  // U+00E9 after ASCII
}

TEST_CASE("agents of an empty range: empty lists", "[agents]") {
  const Result r = compute_agents({});
  CHECK(at_key(r.root, "agent_performance").as_list().empty());
  CHECK(at_key(r.root, "team_performance").as_list().empty());
}

TEST_CASE("teams: distinct ids, latest name, by name (null first, code points) then id", "[agents]") {
  const std::vector<TeamSightingRow> sightings = {
      {"t4", "Zed", k_t0, "c1"},
      {"t4", "Alpha", k_t0 + k_minute, "c2"},   // later: wins
      {"t4", std::nullopt, k_t0 + 2 * k_minute, "c3"},  // later but nameless: ignored
      {"t2", "Équipe Paris", k_t0, "c4"},
      {"t0", "Équipe Paris", k_t0, "c5"},
      {"t1", "Tier 1", k_t0, "c6"},
      {"t6", "beta", k_t0, "c7"},
      {"t3", std::nullopt, k_t0, "c8"},
      {"t5", "Old", k_t0, "c9"},
      {"t5", "New", k_t0, "c10"},  // same start: the greater conversation id ("c9") wins
  };
  const Result r = compute_teams(sightings);
  CHECK(r.main_section == "teams");
  std::vector<std::pair<std::string, std::string>> got;
  for (const Node& t : at_key(r.root, "teams").as_list()) {
    const Node& name = at_key(t, "team_name");
    got.emplace_back(at_key(t, "team_id").as_string(), name.is_null() ? "<null>" : name.as_string());
  }
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"t3", "<null>"}, {"t4", "Alpha"}, {"t5", "Old"}, {"t1", "Tier 1"},
      {"t6", "beta"},   {"t0", "Équipe Paris"}, {"t2", "Équipe Paris"}};
  CHECK(got == expected);
  const Result empty = compute_teams({});
  CHECK(at_key(empty.root, "teams").as_list().empty());
}
