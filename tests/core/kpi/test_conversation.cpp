#include <catch2/catch.hpp>

#include "core/kpi/conversation.hpp"

using namespace convstat::core;

namespace {

constexpr std::int64_t k_second = 1000;
constexpr std::int64_t k_t0 = 1772355600000;  // 2026-03-01T09:00:00Z

MessageRow message(std::int64_t at, Direction direction, std::optional<std::string> author) {
  return MessageRow{at, direction, std::move(author)};
}

}  // namespace

TEST_CASE("avg_response_seconds pairs each inbound with the first outbound at or after it", "[conversation]") {
  // in@0, in@10 -> out@40 (40 s, 30 s); in@60 -> out@60 (0 s); in@100 unanswered. Mean (40+30+0)/3.
  const std::vector<MessageRow> messages = {
      message(k_t0 + 100 * k_second, Direction::inbound, "user"),
      message(k_t0, Direction::inbound, "user"),
      message(k_t0 + 10 * k_second, Direction::inbound, "user"),
      message(k_t0 + 40 * k_second, Direction::outbound, "ai"),
      message(k_t0 + 60 * k_second, Direction::inbound, "user"),
      message(k_t0 + 60 * k_second, Direction::outbound, "human"),
  };
  REQUIRE(avg_response_seconds(messages).value() == Approx(70.0 / 3));
  REQUIRE_FALSE(avg_response_seconds({message(k_t0, Direction::inbound, "user")}).has_value());
  REQUIRE_FALSE(avg_response_seconds({}).has_value());
}

TEST_CASE("latest_csat_rating takes the latest rated response", "[conversation]") {
  std::vector<CsatRatingRow> csat = {{"s1", k_t0, 2}, {"s2", k_t0 + k_second, std::nullopt}, {"s3", k_no_time, 5}};
  REQUIRE(latest_csat_rating(csat) == 2);
  csat.push_back({"s0", k_t0, 4});  // same instant, lower id: s1 stays
  REQUIRE(latest_csat_rating(csat) == 2);
  REQUIRE_FALSE(latest_csat_rating({}).has_value());
}

TEST_CASE("compute_conversation prints the drill-down", "[conversation]") {
  ConversationDetail c;
  c.id = "c1";
  c.tenant = "default";
  c.channel = "chat";
  c.started_at = k_t0;
  c.ended_at = k_t0 + 90 * k_second;  // 1.5 minutes
  c.topics = {"billing"};
  c.sentiment = -0.25;
  c.resolved_by = "ai";
  c.messages = {message(k_t0, Direction::inbound, "user"), message(k_t0 + 5 * k_second, Direction::outbound, "ai"),
                message(k_t0 + 6 * k_second, Direction::outbound, "system"),
                message(k_t0 + 7 * k_second, Direction::outbound, std::nullopt)};
  const Result r = compute_conversation(c);
  REQUIRE(r.main_section.empty());
  REQUIRE(r.root.find("started_at")->as_string() == "2026-03-01T09:00:00Z");
  REQUIRE(r.root.find("duration_minutes")->as_number() == Approx(1.5));
  const Node& stats = *r.root.find("message_statistics");
  REQUIRE(stats.find("total")->as_integer() == 4);
  REQUIRE(stats.find("inbound")->as_integer() == 1);
  REQUIRE(stats.find("outbound")->as_integer() == 3);
  REQUIRE(stats.find("by_author")->find("user")->as_integer() == 1);
  REQUIRE(stats.find("by_author")->find("ai")->as_integer() == 1);
  REQUIRE(stats.find("by_author")->find("human")->as_integer() == 0);
  REQUIRE(stats.find("by_author")->find("system")->as_integer() == 1);
  REQUIRE(stats.find("avg_response_seconds")->as_number() == Approx(5.0));
  REQUIRE(r.root.find("topics")->as_list().size() == 1);
  REQUIRE(r.root.find("sentiment")->as_number() == Approx(-0.25));
  REQUIRE(r.root.find("escalated")->as_bool() == false);
  REQUIRE(r.root.find("csat")->is_null());

  c.ended_at = k_no_time;
  c.escalated_at = k_t0;
  const Result open = compute_conversation(c);
  REQUIRE(open.root.find("duration_minutes")->is_null());
  REQUIRE(open.root.find("escalated")->as_bool() == true);
}
