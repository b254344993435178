// The pipeline loaders (usage, latency, sessions, feedback) on the hand-counted
// dataset of tests/data/pipeline (its README lists the counts): SQL scope,
// joins and aggregation.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/error.hpp"
#include "core/kpi/feedback.hpp"
#include "core/query/feedback.hpp"
#include "core/query/latency.hpp"
#include "core/query/sessions.hpp"
#include "core/query/usage.hpp"
#include "tests/support/fixtures.hpp"

using namespace convstat::core;

namespace {

struct PipelineCache : convstat::testing::ImportedCache {
  PipelineCache() : ImportedCache("pipeline/records.ndjson") {}
};

TimeRange march_10_to_12() { return convstat::testing::date_range("2026-03-10", "2026-03-12", TimeZone::utc()); }

Filters chat() {
  Filters f;
  f.channel = "chat";
  return f;
}

}  // namespace

TEST_CASE("usage loaders: conversations with contacts, calls with --bot/--outcome, messages", "[query][usage]") {
  PipelineCache c;
  const TimeRange range = march_10_to_12();
  const ConversationStarts starts = load_conversation_starts(c.cache, range, {});
  CHECK(starts.started_at.size() == 4);
  CHECK(starts.contact_count == 3);  // (default,u1) (default,u2) (other,u1)
  CHECK(starts.contact == std::vector<std::int32_t>{0, 1, 0, 2});
  Filters outcome;
  outcome.outcome = "resolved";
  CHECK(load_call_starts(c.cache, range, {}).size() == 3);
  CHECK(load_call_starts(c.cache, range, outcome).size() == 1);
  Filters bot;
  bot.bot = "b1";
  CHECK(load_call_starts(c.cache, range, bot).size() == 1);
  CHECK(load_conversation_starts(c.cache, range, bot).started_at.size() == 2);
  CHECK(load_message_instants(c.cache, range, {}).size() == 4);
  CHECK(load_message_instants(c.cache, range, chat()).size() == 3);  // m4's conversation s9 is absent
}

TEST_CASE("usage loaders: llm groups, tokens per call, api events", "[query][usage]") {
  PipelineCache c;
  const TimeRange range = march_10_to_12();
  auto llm = load_llm_usage(c.cache, range, {}, false);
  std::sort(llm.begin(), llm.end(), [](const auto& a, const auto& b) { return a.provider < b.provider; });
  REQUIRE(llm.size() == 2);
  CHECK(llm[0].provider == "groq");
  CHECK(llm[0].requests == 3);
  CHECK(llm[0].input_tokens == 310);
  CHECK(llm[0].output_tokens == 160);
  CHECK(llm[0].error_count == 1);
  CHECK(llm[0].cost_usd == Approx(0.007));
  CHECK(llm[0].latencies_ms.size() == 2);  // x6 has no latency
  CHECK(llm[1].output_tokens == 0);        // x4's absent output counts 0
  CHECK(load_llm_usage(c.cache, range, {}, true).size() == 3);
  CHECK(load_llm_usage(c.cache, range, chat(), false).size() == 1);  // x4 (openai) has no conversation
  const CallTokens tokens = load_call_tokens(c.cache, range, {});
  CHECK(tokens.tokens == 190);
  CHECK(tokens.calls == 2);
  CHECK(load_call_tokens(c.cache, range, chat()).calls == 1);
  const ApiEvents api = load_api_events(c.cache, range, std::nullopt);
  CHECK(api.requests == 4);
  CHECK(api.errors == 2);
  CHECK(api.latencies_ms.size() == 4);
  CHECK(load_api_events(c.cache, range, std::string("other")).requests == 1);
}

TEST_CASE("latency loader groups the range's turns by a column", "[query][latency]") {
  PipelineCache c;
  const TimeRange range = march_10_to_12();
  const auto all = load_latency_groups(c.cache, range, {}, "");
  REQUIRE(all.size() == 1);
  CHECK(all[0].turns == 5);
  CHECK(all[0].stages[0].size() == 4);  // asr on t1-t4
  CHECK(all[0].stages[4].size() == 5);
  CHECK(load_latency_groups(c.cache, range, chat(), "")[0].turns == 4);
  const auto by_language = load_latency_groups(c.cache, range, {}, "language_code");
  CHECK(by_language.size() == 3);  // hi-IN, en-IN, null
}

TEST_CASE("sessions: existence through any record, one session's records, the range's totals", "[query][sessions]") {
  PipelineCache c;
  CHECK(session_exists(c.cache, "s1", std::nullopt));
  CHECK(session_exists(c.cache, "s9", std::nullopt));  // turn, usage, message only
  CHECK(session_exists(c.cache, "s7", std::nullopt));  // feedback only
  CHECK(session_exists(c.cache, "s4", std::string("other")));
  CHECK_FALSE(session_exists(c.cache, "s4", std::string("default")));
  CHECK_FALSE(session_exists(c.cache, "nope", std::nullopt));
  const SessionRecords s1 = load_session(c.cache, "s1", std::nullopt);
  CHECK(s1.turns.size() == 4);  // t6 too: any time
  CHECK(s1.turns.back().at > s1.turns.front().at);
  CHECK(s1.costs.size() == 2);
  CHECK(s1.conversation_language == "hi-IN");
  auto rows = load_session_summaries(c.cache, march_10_to_12(), std::nullopt);
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.session_id < b.session_id; });
  REQUIRE(rows.size() == 3);  // s1 s3 s9
  CHECK(rows[0].session_id == "s1");
  CHECK(rows[0].turns == 3);
  CHECK(rows[0].failed_turns == 1);
  CHECK(rows[0].total_ms_sum == 1500.0);
  CHECK(rows[1].cost_usd == Approx(0.005));
  CHECK(rows[2].session_id == "s9");
}

TEST_CASE("feedback: the range's rows in scope, and add writes the next integer id", "[query][feedback]") {
  PipelineCache c;
  CHECK(load_feedback(c.cache, march_10_to_12(), {}).size() == 6);
  CHECK(load_feedback(c.cache, march_10_to_12(), chat()).size() == 5);  // f3's s7 has no conversation
  CHECK(next_feedback_id(c.cache, "default") == 8);  // after "7"
  CHECK(next_feedback_id(c.cache, "other") == 42);
  CHECK(next_feedback_id(c.cache, "fresh") == 1);
  const std::int64_t created = *parse_timestamp("2026-03-12T08:00:00Z", nullptr, nullptr);
  add_feedback(c.cache, {{"conversation", "s3"}, {"rating", "5"}, {"rating-type", "stars"}}, std::nullopt, created);
  CHECK(next_feedback_id(c.cache, "default") == 9);
  CHECK(load_feedback(c.cache, march_10_to_12(), {}).size() == 7);
  const std::map<std::string, std::string> bad = {{"conversation", "s3"}, {"rating", "9"}, {"rating-type", "stars"}};
  CHECK_THROWS_AS(add_feedback(c.cache, bad, std::nullopt, created), UsageError);
  CHECK(load_feedback(c.cache, march_10_to_12(), {}).size() == 7);  // nothing written
}
