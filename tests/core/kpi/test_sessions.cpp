// sessions costs|metrics|list [003] on hand-built session records; every
// expected number is worked out in the comments.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/kpi/sessions.hpp"
#include "tests/support/render_json.hpp"

using namespace convstat::core;
using convstat::testing::json_of;
using convstat::testing::rendered_json;

namespace {

SessionTurnRow turn(std::int64_t at, const char* status, std::optional<double> total) {
  SessionTurnRow t;
  t.at = at;
  t.status = status;
  t.stages[4] = total;
  return t;
}

SessionCostRow cost(std::int64_t at, const char* service, const char* provider, double usd, bool cached,
                    std::optional<std::string> level = std::nullopt) {
  return {at, service, provider, usd, cached, std::move(level)};
}

// Turns at 1 (success, asr 100, llm miss, tts hit, hi-IN, balanced), 3 (failed,
// asr 200, llm hit, 2 violations, blocked, speed), 5 (interrupted, tts miss,
// en-IN), 7 (success, total only); entries at 2 (llm groq 0.002), 4 (tts eleven
// 0.001 cached, quality), 6 (llm openai 0.004 cached).
SessionRecords session() {
  SessionRecords s;
  s.turns = {turn(1, "success", 650), turn(3, "failed", 700), turn(5, "interrupted", 150), turn(7, "success", 5000)};
  s.turns[0].stages[0] = 100;
  s.turns[0].llm_cache = CacheUse::miss;
  s.turns[0].tts_cache = CacheUse::hit;
  s.turns[0].language_code = "hi-IN";
  s.turns[0].optimization_level = "balanced";
  s.turns[1].stages[0] = 200;
  s.turns[1].llm_cache = CacheUse::hit;
  s.turns[1].guardrail_violations = 2;
  s.turns[1].guardrail_blocked = true;
  s.turns[1].optimization_level = "speed";
  s.turns[2].tts_cache = CacheUse::miss;
  s.turns[2].language_code = "en-IN";
  s.costs = {cost(2, "llm", "groq", 0.002, false), cost(4, "tts", "eleven", 0.001, true, "quality"),
             cost(6, "llm", "openai", 0.004, true)};
  s.conversation_language = "ta-IN";
  return s;
}

SessionSummaryRow summary(const char* id, std::int64_t turns, std::int64_t failed, double usd, double ms_sum,
                          std::int64_t ms_count) {
  return {id, turns, failed, usd, ms_sum, ms_count};
}

std::vector<std::string> ids(const Result& r) {
  std::vector<std::string> out;
  for (const auto& item : rendered_json(r)) out.push_back(item["session_id"]);
  return out;
}

}  // namespace

TEST_CASE("sessions costs: totals, breakdowns in key order, 50 % of cached cost", "[sessions]") {
  // total 0.002 + 0.001 + 0.004 = 0.007; cached 0.001 + 0.004 = 0.005 -> savings 0.0025.
  // optimization_level: the latest carrying one is the entry at 4 (quality) after the turn at 3 (speed).
  CHECK(rendered_json(compute_session_costs(session())) == json_of(R"({"total_cost_usd":0.007,
      "breakdown_by_service":{"llm":0.006,"tts":0.001},"breakdown_by_provider":{"eleven":0.001,"groq":0.002,
      "openai":0.004},"total_entries":3,"cache_savings_usd":0.0025,"optimization_level":"quality"})"));
  CHECK(rendered_json(compute_session_costs(SessionRecords{})) == json_of(R"({"total_cost_usd":0.0,
      "breakdown_by_service":{},"breakdown_by_provider":{},"total_entries":0,"cache_savings_usd":0.0,
      "optimization_level":null})"));
}

TEST_CASE("sessions optimization_level: a turn wins a tie with an entry", "[sessions]") {
  SessionRecords s;
  s.costs = {cost(9, "llm", "groq", 0, false, "quality")};
  s.turns = {turn(9, "success", std::nullopt)};
  s.turns[0].optimization_level = "speed";
  CHECK(latest_optimization_level(s) == "speed");
}

TEST_CASE("sessions metrics: turn counts, stage means, cache hit rate, guardrails, language", "[sessions]") {
  // asr (100 + 200) / 2 = 150; total (650 + 700 + 150 + 5000) / 4 = 1625; hits llm 1 + tts 1 of 4 -> 0.5.
  CHECK(rendered_json(compute_session_metrics(session())) == json_of(R"({"total_turns":4,"successful_turns":2,
      "failed_turns":1,"interrupted_turns":1,"avg_asr_latency_ms":150.0,"avg_llm_latency_ms":null,
      "avg_translation_latency_ms":null,"avg_tts_latency_ms":null,"avg_total_latency_ms":1625.0,
      "cache_hit_rate":0.5,"llm_cache_hits":1,"llm_cache_misses":1,"tts_cache_hits":1,"tts_cache_misses":1,
      "guardrail_violations":2,"guardrail_blocks":1,"total_cost_usd":0.007,"optimization_level":"quality",
      "language_code":"en-IN"})"));
}

TEST_CASE("sessions metrics: without turns, null means and the conversation's language", "[sessions]") {
  SessionRecords s;
  s.conversation_language = "ta-IN";
  const nlohmann::json d = rendered_json(compute_session_metrics(s));
  CHECK(d["total_turns"] == 0);
  CHECK(d["avg_total_latency_ms"].is_null());
  CHECK(d["cache_hit_rate"].is_null());
  CHECK(d["language_code"] == "ta-IN");
}

TEST_CASE("sessions list sorts descending by the key, ties by id, null latency last, limited", "[sessions]") {
  auto rows = [] {
    return std::vector<SessionSummaryRow>{summary("s3", 1, 0, 0.005, 800, 1), summary("s1", 3, 1, 0.003, 1500, 3),
                                          summary("s9", 1, 0, 0.005, 1000, 1), summary("s0", 0, 0, 0.001, 0, 0)};
  };
  // cost: 0.005 s3 and s9 tie -> by id; then s1 0.003, s0 0.001.
  CHECK(ids(compute_session_list(rows(), SessionSort::cost, 50)) == std::vector<std::string>{"s3", "s9", "s1", "s0"});
  // latency: s9 1000, s3 800, s1 1500 / 3 = 500, s0 null last.
  CHECK(ids(compute_session_list(rows(), SessionSort::latency, 50)) ==
        std::vector<std::string>{"s9", "s3", "s1", "s0"});
  // failures: s1 1, then the zeros by id.
  CHECK(ids(compute_session_list(rows(), SessionSort::failures, 2)) == std::vector<std::string>{"s1", "s0"});
  const nlohmann::json d = rendered_json(compute_session_list(rows(), SessionSort::cost, 1));
  CHECK(d == json_of(R"([{"session_id":"s3","turns":1,"failed_turns":0,"total_cost_usd":0.005,
      "avg_total_latency_ms":800.0}])"));
}

TEST_CASE("sessions list --sort accepts cost, latency, failures only", "[sessions]") {
  CHECK(session_sort({}) == SessionSort::cost);
  CHECK(session_sort({{"sort", "latency"}}) == SessionSort::latency);
  CHECK(session_sort({{"sort", "failures"}}) == SessionSort::failures);
  CHECK_THROWS_AS(session_sort({{"sort", "price"}}), UsageError);
}
