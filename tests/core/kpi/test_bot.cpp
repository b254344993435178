#include <catch2/catch.hpp>

#include "core/kpi/bot.hpp"

using namespace convstat::core;

namespace {

constexpr std::int64_t k_second = 1000;
constexpr std::int64_t k_minute = 60000;
constexpr std::int64_t k_t0 = 1772355600000;  // 2026-03-01T09:00:00Z

ConversationRow conversation(const std::string& id, const std::string& bot, std::int64_t first_response_seconds) {
  ConversationRow c;
  c.id = id;
  c.tenant = "default";
  c.channel = "chat";
  c.bot_id = bot;
  c.started_at = k_t0;
  c.first_response_at = k_t0 + first_response_seconds * k_second;
  return c;
}

ConversationActivityRow activity(const std::string& id, const std::string& bot, std::int64_t messages,
                                 std::int64_t up, std::int64_t down, std::optional<double> quality) {
  return ConversationActivityRow{"default", id, bot, quality, messages, up, down};
}

// Bot b1: first responses 10, 20, 30, 100 s; b2: 40 s.
BotInputs inputs() {
  BotInputs in;
  in.conversations = {conversation("c1", "b1", 10), conversation("c2", "b1", 20), conversation("c3", "b1", 30),
                      conversation("c4", "b1", 100), conversation("c5", "b2", 40)};
  in.conversations[0].resolved_at = k_t0 + 30 * k_minute;
  in.conversations[0].resolved_by = ResolvedBy::ai;
  in.conversations[0].ended_at = k_t0 + 45 * k_minute;
  in.conversations[1].escalated_at = k_t0 + k_minute;
  in.conversations[4].resolved_at = k_t0 + 10 * k_minute;
  in.conversations[4].resolved_by = ResolvedBy::ai;
  in.activity = {activity("c1", "b1", 4, 1, 0, 0.9), activity("c2", "b1", 2, 0, 0, 0.5),
                 activity("c3", "b1", 1, 0, 2, std::nullopt), activity("c4", "b1", 0, 0, 0, std::nullopt),
                 activity("c5", "b2", 3, 0, 0, 0.2)};
  in.bot_responses = {{k_t0, 5}, {k_t0, 3}, {k_t0, std::nullopt}};
  in.company_responses = {{k_t0, 5}, {k_t0, 3}, {k_t0, std::nullopt}, {k_t0, 4}};
  return in;
}

double number(const Result& r, const char* section, const char* key) {
  return r.root.find(section)->find(key)->as_number();
}

}  // namespace

TEST_CASE("bot metrics of the bot's conversations", "[bot]") {
  const Result r = compute_bot("b1", inputs(), false);
  REQUIRE(r.root.find("bot_id")->as_string() == "b1");
  // 10, 20, 30, 100: mean 40; median 25; p90 rank 0.9 * 3 = 2.7 -> 30 + 0.7 * 70 = 79.
  REQUIRE(number(r, "performance_metrics", "avg_first_response_seconds") == Approx(40.0));
  REQUIRE(number(r, "performance_metrics", "median_first_response_seconds") == Approx(25.0));
  REQUIRE(number(r, "performance_metrics", "p90_first_response_seconds") == Approx(79.0));
  REQUIRE(number(r, "performance_metrics", "avg_resolution_minutes") == Approx(30.0));
  REQUIRE(number(r, "quality_metrics", "csat_avg") == Approx(4.0));
  REQUIRE(number(r, "quality_metrics", "positive_rate") == Approx(50.0));
  REQUIRE(number(r, "quality_metrics", "ai_quality_avg") == Approx(0.7));
  REQUIRE(r.root.find("quality_metrics")->find("thumbs_up")->as_integer() == 1);
  REQUIRE(r.root.find("quality_metrics")->find("thumbs_down")->as_integer() == 2);
  REQUIRE(number(r, "quality_metrics", "escalation_rate") == Approx(25.0));
  REQUIRE(r.root.find("conversation_metrics")->find("total_conversations")->as_integer() == 4);
  REQUIRE(r.root.find("conversation_metrics")->find("ai_resolved_count")->as_integer() == 1);
  REQUIRE(number(r, "conversation_metrics", "ai_resolution_rate") == Approx(25.0));
  REQUIRE(number(r, "conversation_metrics", "avg_messages_per_conversation") == Approx(1.75));
  REQUIRE(number(r, "conversation_metrics", "avg_duration_minutes") == Approx(45.0));
}

TEST_CASE("bot --compare sets each number against the company", "[bot]") {
  const Result r = compute_bot("b1", inputs(), true);
  // Company first responses 10, 20, 30, 100, 40: mean 40 -> difference 0, 0 %.
  const Node& first = *r.root.find("performance_metrics")->find("avg_first_response_seconds");
  REQUIRE(first.find("value")->as_number() == Approx(40.0));
  REQUIRE(first.find("company_average")->as_number() == Approx(40.0));
  REQUIRE(first.find("difference")->as_number() == Approx(0.0));
  REQUIRE(first.find("difference_pct")->as_number() == Approx(0.0));
  // Counts: the company total. ai_resolved 1 vs 2: -1, -50 %.
  const Node& ai = *r.root.find("conversation_metrics")->find("ai_resolved_count");
  REQUIRE(ai.find("value")->as_integer() == 1);
  REQUIRE(ai.find("company_average")->as_integer() == 2);
  REQUIRE(ai.find("difference")->as_integer() == -1);
  REQUIRE(ai.find("difference_pct")->as_number() == Approx(-50.0));
  // csat 4.0 vs (5+3+4)/3 = 4.0; ai_quality 0.7 vs (0.9+0.5+0.2)/3.
  const Node& quality = *r.root.find("quality_metrics")->find("ai_quality_avg");
  REQUIRE(quality.find("difference")->as_number() == Approx(0.7 - 1.6 / 3));
  REQUIRE(quality.find("difference_pct")->as_number() == Approx((0.7 - 1.6 / 3) / (1.6 / 3) * 100));
}

TEST_CASE("bot --compare difference_pct is null when the company average is 0 or null", "[bot]") {
  BotInputs in = inputs();
  in.activity[0].thumbs_up = 0;  // no thumbs up anywhere: company 0
  in.bot_responses.clear();
  in.company_responses.clear();
  const Result r = compute_bot("b1", in, true);
  const Node& up = *r.root.find("quality_metrics")->find("thumbs_up");
  REQUIRE(up.find("value")->as_integer() == 0);
  REQUIRE(up.find("company_average")->as_integer() == 0);
  REQUIRE(up.find("difference")->as_integer() == 0);
  REQUIRE(up.find("difference_pct")->is_null());
  const Node& csat = *r.root.find("quality_metrics")->find("csat_avg");
  REQUIRE(csat.find("value")->is_null());
  REQUIRE(csat.find("company_average")->is_null());
  REQUIRE(csat.find("difference")->is_null());
  REQUIRE(csat.find("difference_pct")->is_null());
}
