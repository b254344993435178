// usage and usage daily|monthly [002, 000, 001] on hand-built rows around the
// Paris DST day (2026-03-29 has 23 hours: 02:00-03:00 does not exist); every
// expected number is counted in the comments.
#include <catch2/catch.hpp>

#include "core/kpi/usage.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/render_json.hpp"

using namespace convstat::core;
using convstat::testing::json_of;
using convstat::testing::date_range;
using convstat::testing::instant;
using convstat::testing::rendered_json;

namespace {

// Paris 03-28..03-30 = [2026-03-27T23:00Z, 2026-03-30T22:00Z).
ConversationStarts paris_conversations() {
  ConversationStarts c;
  c.started_at = {instant("2026-03-27T22:59:00Z"),   // Paris 03-27 23:59: out (contact 1 only here)
                  instant("2026-03-27T23:30:00Z"),   // Sat 03-28 00:30, hour 0, contact 0
                  instant("2026-03-29T00:30:00Z"),   // Sun 03-29 01:30 CET, hour 1, contact 0
                  instant("2026-03-29T01:30:00Z"),   // Sun 03-29 03:30 CEST, hour 3, no contact
                  instant("2026-03-30T21:00:00Z")};  // Mon 03-30 23:00 CEST, hour 23, contact 2
  c.contact = {1, 0, 0, -1, 2};
  c.contact_count = 3;
  return c;
}

LlmUsageGroup group(const char* provider, std::optional<std::string> model, std::int64_t requests,
                    std::vector<double> latencies) {
  LlmUsageGroup g;
  g.provider = provider;
  g.model = std::move(model);
  g.requests = requests;
  g.input_tokens = requests * 10;
  g.output_tokens = requests;
  g.error_count = requests > 1 ? 1 : 0;
  g.cost_usd = 0.001 * static_cast<double>(requests);
  g.latencies_ms = std::move(latencies);
  return g;
}

}  // namespace

TEST_CASE("usage counts interactions per local hour, ISO weekday and month", "[usage]") {
  const TimeZone paris("Europe/Paris");
  UsageInputs in;
  in.conversations = paris_conversations();
  in.call_starts = {instant("2026-03-29T10:00:00Z"),   // Sun 12:00 CEST
                    instant("2026-03-30T22:00:00Z")};  // the exclusive end: out
  const nlohmann::json d = rendered_json(compute_usage(in, date_range("2026-03-28", "2026-03-30", paris), paris, false));
  CHECK(d["total_conversations"] == 4);
  CHECK(d["active_users"] == 2);  // contacts 0 and 2; contact 1 started out of range
  CHECK(d["total_calls"] == 1);
  std::vector<int> hourly(24);
  hourly[0] = hourly[1] = hourly[3] = hourly[12] = hourly[23] = 1;  // hour 2 does not exist that day
  REQUIRE(d["hourly_distribution"].size() == 24);
  for (int h = 0; h < 24; ++h) {
    CHECK(d["hourly_distribution"][static_cast<std::size_t>(h)]["hour"] == h);
    CHECK(d["hourly_distribution"][static_cast<std::size_t>(h)]["count"] == hourly[static_cast<std::size_t>(h)]);
  }
  // Sat 1, Sun 2 conversations + 1 call = 3, Mon 1.
  CHECK(d["weekly_distribution"] == json_of(R"([{"day_of_week":1,"count":1},{"day_of_week":2,"count":0},
      {"day_of_week":3,"count":0},{"day_of_week":4,"count":0},{"day_of_week":5,"count":0},
      {"day_of_week":6,"count":1},{"day_of_week":7,"count":3}])"));
  CHECK(d["monthly_trends"] == json_of(R"([{"month":"2026-03","count":5}])"));
}

TEST_CASE("usage lists every month the range touches, zero months included", "[usage]") {
  const TimeZone utc = TimeZone::utc();
  UsageInputs in;
  in.call_starts = {instant("2026-03-02T10:00:00Z")};
  const nlohmann::json d = rendered_json(compute_usage(in, date_range("2026-01-30", "2026-03-02", utc), utc, false));
  CHECK(d["monthly_trends"] ==
        json_of(R"([{"month":"2026-01","count":0},{"month":"2026-02","count":0},{"month":"2026-03","count":1}])"));
  CHECK(d["weekly_distribution"][0]["count"] == 1);  // 2026-03-02 is a Monday
}

TEST_CASE("usage on an empty range: counts 0, means null, lists of fixed size or empty", "[usage]") {
  const TimeZone utc = TimeZone::utc();
  RangeRequest r;
  r.from = "2026-03-10T00:00:00Z";
  r.to = "2026-03-10T00:00:00Z";
  r.as_of = "2026-04-01T00:00:00Z";
  const nlohmann::json d = rendered_json(compute_usage({}, resolve_range(r, utc), utc, false));
  CHECK(d["total_conversations"] == 0);
  CHECK(d["hourly_distribution"].size() == 24);
  CHECK(d["weekly_distribution"].size() == 7);
  CHECK(d["monthly_trends"] == nlohmann::json::array());
  CHECK(d["llm_usage"] == nlohmann::json::array());
  CHECK(d["avg_tokens_per_call"].is_null());
  CHECK(d["api"] == json_of(R"({"total_requests":0,"error_count":0,"error_rate":null,"avg_latency_ms":null,
      "p95_latency_ms":null})"));
}

TEST_CASE("usage llm_usage by requests desc then provider; latency mean and p95 over entries with one", "[usage]") {
  const TimeZone utc = TimeZone::utc();
  UsageInputs in;
  in.llm = {group("anthropic", std::nullopt, 1, {50}), group("openai", std::nullopt, 3, {}),
            group("groq", std::nullopt, 3, {300, 100, 200})};
  in.call_tokens = {190, 2};
  in.api = {4, 2, {100, 300, 200, 50}};
  const nlohmann::json d = rendered_json(compute_usage(in, date_range("2026-03-10", "2026-03-10", utc), utc, false));
  // groq and openai tie on 3 requests: by provider; anthropic (1) last.
  // groq latencies 100 200 300: mean 200.0, p95 rank 1.9 -> 200 + 100 x 0.9 = 290.0.
  CHECK(d["llm_usage"] == json_of(R"([
      {"provider":"groq","total_requests":3,"total_input_tokens":30,"total_output_tokens":3,
       "avg_latency_ms":200.0,"p95_latency_ms":290.0,"error_count":1,"total_cost_usd":0.003},
      {"provider":"openai","total_requests":3,"total_input_tokens":30,"total_output_tokens":3,
       "avg_latency_ms":null,"p95_latency_ms":null,"error_count":1,"total_cost_usd":0.003},
      {"provider":"anthropic","total_requests":1,"total_input_tokens":10,"total_output_tokens":1,
       "avg_latency_ms":50.0,"p95_latency_ms":50.0,"error_count":0,"total_cost_usd":0.001}])"));
  CHECK(d["avg_tokens_per_call"] == 95.0);  // 190 tokens / 2 calls
  // api latencies 50 100 200 300: mean 162.5, p95 rank 2.85 -> 200 + 100 x 0.85 = 285.0; 2 / 4 errors.
  CHECK(d["api"] == json_of(R"({"total_requests":4,"error_count":2,"error_rate":50.0,"avg_latency_ms":162.5,
      "p95_latency_ms":285.0})"));
}

TEST_CASE("usage --by model adds the model key; a null model sorts first on a tie", "[usage]") {
  const TimeZone utc = TimeZone::utc();
  UsageInputs in;
  in.llm = {group("groq", std::string("mixtral"), 1, {}), group("groq", std::nullopt, 1, {}),
            group("groq", std::string("llama"), 2, {})};
  const nlohmann::json d = rendered_json(compute_usage(in, date_range("2026-03-10", "2026-03-10", utc), utc, true));
  REQUIRE(d["llm_usage"].size() == 3);
  CHECK(d["llm_usage"][0]["model"] == "llama");
  CHECK(d["llm_usage"][1]["model"].is_null());
  CHECK(d["llm_usage"][2]["model"] == "mixtral");
  CHECK(d["llm_usage"][0]["provider"] == "groq");
}

TEST_CASE("usage daily: per local day, zero-filled, distinct contacts per day", "[usage]") {
  const TimeZone paris("Europe/Paris");
  const std::vector<std::int64_t> messages = {instant("2026-03-27T23:00:00Z"),   // 03-28 00:00 Paris
                                              instant("2026-03-29T21:59:00Z"),   // 03-29 23:59 Paris
                                              instant("2026-03-29T22:00:00Z"),   // 03-30 00:00 Paris
                                              instant("2026-03-30T22:00:00Z")};  // 03-31 00:00 Paris
  const Result r = compute_usage_series(paris_conversations(), messages, date_range("2026-03-28", "2026-03-31", paris),
                                        paris, SeriesStep::day);
  CHECK(r.command == "usage daily");
  CHECK(r.main_section == "data");
  // 03-28: 1 conversation (contact 0); 03-29: 2 (contact 0 and none) -> 1 user; 03-30: 1 (contact 2); 03-31: none.
  CHECK(rendered_json(r) == json_of(R"({"data":[
      {"date":"2026-03-28","conversations":1,"messages":1,"active_users":1},
      {"date":"2026-03-29","conversations":2,"messages":1,"active_users":1},
      {"date":"2026-03-30","conversations":1,"messages":1,"active_users":1},
      {"date":"2026-03-31","conversations":0,"messages":1,"active_users":0}]})"));
}

TEST_CASE("usage monthly: per local month, a contact counted once per month", "[usage]") {
  const TimeZone paris("Europe/Paris");
  ConversationStarts c;
  c.started_at = {instant("2026-02-28T23:30:00Z"),   // Paris 03-01 00:30: March
                  instant("2026-03-15T10:00:00Z"),   // March, same contact 0
                  instant("2026-02-10T10:00:00Z")};  // February, contact 1
  c.contact = {0, 0, 1};
  c.contact_count = 2;
  const Result r = compute_usage_series(c, {}, date_range("2026-02-01", "2026-04-10", paris), paris, SeriesStep::month);
  CHECK(rendered_json(r) == json_of(R"({"data":[
      {"month":"2026-02","conversations":1,"messages":0,"active_users":1},
      {"month":"2026-03","conversations":2,"messages":0,"active_users":1},
      {"month":"2026-04","conversations":0,"messages":0,"active_users":0}]})"));
}
