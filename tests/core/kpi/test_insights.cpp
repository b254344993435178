// insights (kpis.md "insights" and "Precise readings"): each block worked out
// by hand on a few rows; the timings only for presence and sign.
#include <catch2/catch.hpp>

#include "core/kpi/insights.hpp"

using namespace convstat::core;

namespace {

constexpr std::int64_t k_minute = 60000;
constexpr std::int64_t k_hour = 60 * k_minute;
constexpr std::int64_t k_t0 = 1772355600000;  // 2026-03-01T09:00:00Z

ConversationRow conversation(const std::string& id, std::int64_t started_at, std::vector<std::string> topics = {},
                             const std::string& channel = "chat") {
  ConversationRow c;
  c.id = id;
  c.tenant = "default";
  c.channel = channel;
  c.started_at = started_at;
  c.topics = std::move(topics);
  return c;
}

TimeRange range_of(const std::string& from, const std::string& to, const std::string& as_of, const TimeZone& tz) {
  RangeRequest request;
  request.from = from;
  request.to = to;
  request.as_of = as_of;
  return resolve_range(request, tz);
}

KbArticleRow article(const std::string& id, bool published, std::int64_t views, std::int64_t helpful,
                     std::int64_t not_helpful) {
  KbArticleRow a;
  a.id = id;
  a.tenant = "default";
  a.title = "Title " + id;
  a.slug = "slug-" + id;
  a.published = published;
  a.views = views;
  a.helpful = helpful;
  a.not_helpful = not_helpful;
  return a;
}

const Node& at_key(const Node& n, const char* key) {
  const Node* v = n.find(key);
  REQUIRE(v);
  return *v;
}

std::vector<std::pair<std::int64_t, std::int64_t>> hour_counts(const Node& list) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& item : list.as_list())
    out.emplace_back(at_key(item, "hour").as_integer(), at_key(item, "conversation_count").as_integer());
  return out;
}

}  // namespace

TEST_CASE("busiest hours: top 5 by count, ties by hour, only hours with conversations", "[insights]") {
  // UTC hours: 9 x2, 11 x2, 10, 8, 7, 6 -> 9 and 11 lead; of the four 1s, 6, 7, 8 by hour.
  const std::vector<ConversationRow> rows = {
      conversation("a", k_t0 + 2 * k_hour), conversation("b", k_t0), conversation("c", k_t0 + 10 * k_minute),
      conversation("d", k_t0 + 2 * k_hour + 5 * k_minute), conversation("e", k_t0 + k_hour),
      conversation("f", k_t0 - k_hour), conversation("g", k_t0 - 2 * k_hour), conversation("h", k_t0 - 3 * k_hour)};
  const TimeZone utc = TimeZone::utc();
  CHECK(hour_counts(busiest_hours_block(rows, utc)) ==
        std::vector<std::pair<std::int64_t, std::int64_t>>{{9, 2}, {11, 2}, {6, 1}, {7, 1}, {8, 1}});
  // Three hours only: three items, no zero hours.
  const std::vector<ConversationRow> few(rows.begin(), rows.begin() + 3);
  CHECK(hour_counts(busiest_hours_block(few, utc)) ==
        std::vector<std::pair<std::int64_t, std::int64_t>>{{9, 2}, {11, 1}});
  CHECK(busiest_hours_block({}, utc).as_list().empty());
  // Paris (UTC+1 in March): 09:00Z is local 10.
  CHECK(hour_counts(busiest_hours_block(few, TimeZone("Europe/Paris"))) ==
        std::vector<std::pair<std::int64_t, std::int64_t>>{{10, 2}, {12, 1}});
}

TEST_CASE("busiest hours: the repeated DST hour is one bucket", "[insights]") {
  // Paris 2026-10-25: 02:00-03:00 happens twice. 02:30 CEST = 00:30Z, 02:30 CET = 01:30Z; 03:30 CET = 02:30Z.
  constexpr std::int64_t k_oct25 = 1792886400000;  // 2026-10-25T00:00:00Z
  const std::vector<ConversationRow> rows = {conversation("x", k_oct25 + 30 * k_minute),
                                             conversation("y", k_oct25 + 90 * k_minute),
                                             conversation("z", k_oct25 + 150 * k_minute)};
  CHECK(hour_counts(busiest_hours_block(rows, TimeZone("Europe/Paris"))) ==
        std::vector<std::pair<std::int64_t, std::int64_t>>{{2, 2}, {3, 1}});
}

TEST_CASE("top topics: once per conversation, share over all conversations", "[insights]") {
  // 4 conversations, c3 without topics: billing 2 (c1 twice counts once) = 50 %,
  // login 2 = 50 % (tie: by topic), vpn 1 = 25 %.
  const std::vector<ConversationRow> rows = {conversation("c1", k_t0, {"billing", "login", "billing"}),
                                             conversation("c2", k_t0, {"billing"}), conversation("c3", k_t0),
                                             conversation("c4", k_t0, {"vpn", "login"})};
  const Node topics = top_topics_block(rows);
  REQUIRE(topics.as_list().size() == 3);
  const std::vector<std::tuple<std::string, std::int64_t, double>> expected = {
      {"billing", 2, 50.0}, {"login", 2, 50.0}, {"vpn", 1, 25.0}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Node& item = topics.as_list()[i];
    CHECK(at_key(item, "topic").as_string() == std::get<0>(expected[i]));
    CHECK(at_key(item, "conversation_count").as_integer() == std::get<1>(expected[i]));
    CHECK(at_key(item, "share").as_number() == Approx(std::get<2>(expected[i])));
    CHECK(at_key(item, "share").unit() == Unit::percent);
  }
  CHECK(top_topics_block({}).as_list().empty());
}

TEST_CASE("top topics: ten at most", "[insights]") {
  // t00..t11: t00 on 3 conversations, t01 on 2, the others on 1 -> t00, t01, then t02..t09.
  std::vector<ConversationRow> rows;
  for (int i = 0; i < 12; ++i) rows.push_back(conversation("c" + std::to_string(i), k_t0, {"t" + std::string(i < 10 ? "0" : "") + std::to_string(i)}));
  rows.push_back(conversation("x1", k_t0, {"t00", "t01"}));
  rows.push_back(conversation("x2", k_t0, {"t00"}));
  const Node topics = top_topics_block(rows);
  REQUIRE(topics.as_list().size() == 10);
  CHECK(at_key(topics.as_list()[0], "topic").as_string() == "t00");
  CHECK(at_key(topics.as_list()[0], "conversation_count").as_integer() == 3);
  CHECK(at_key(topics.as_list()[1], "topic").as_string() == "t01");
  CHECK(at_key(topics.as_list()[9], "topic").as_string() == "t09");
  CHECK(at_key(topics.as_list()[9], "share").as_number() == Approx(100.0 / 14));
}

TEST_CASE("help center: published snapshots, helpfulness, top articles; null without articles", "[insights]") {
  CHECK(help_center_block({}).is_null());
  // a2 is not published. Published: views 100 + 300 + 100 = 500, helpful 8 + 1 + 0 = 9,
  // not helpful 2 + 1 + 0 = 3 -> 75 %. Top: a3 (300), then a1 and a4 (100, by id).
  const Node kb = help_center_block({article("a1", true, 100, 8, 2), article("a2", false, 999, 50, 50),
                                     article("a3", true, 300, 1, 1), article("a4", true, 100, 0, 0)});
  CHECK(at_key(kb, "article_count").as_integer() == 3);
  CHECK(at_key(kb, "total_views").as_integer() == 500);
  CHECK(at_key(kb, "helpful_feedback").as_integer() == 9);
  CHECK(at_key(kb, "not_helpful_feedback").as_integer() == 3);
  CHECK(at_key(kb, "deflection_rate").is_null());
  CHECK(at_key(kb, "helpfulness_rate").as_number() == Approx(75.0));
  const List& top = at_key(kb, "top_articles").as_list();
  REQUIRE(top.size() == 3);
  CHECK(at_key(top[0], "article_id").as_string() == "a3");
  CHECK(at_key(top[1], "article_id").as_string() == "a1");
  CHECK(at_key(top[2], "article_id").as_string() == "a4");
  CHECK(at_key(top[1], "title").as_string() == "Title a1");
  CHECK(at_key(top[1], "slug").as_string() == "slug-a1");
  CHECK(at_key(top[1], "view_count").as_integer() == 100);
  CHECK(at_key(top[1], "helpful_count").as_integer() == 8);
  CHECK(at_key(top[1], "not_helpful_count").as_integer() == 2);

  // Seven published: five listed. Only unpublished: an object with zeros and a null rate.
  std::vector<KbArticleRow> many;
  for (int i = 0; i < 7; ++i) many.push_back(article("k" + std::to_string(i), true, i, 0, 0));
  const Node seven = help_center_block(many);
  REQUIRE(at_key(seven, "top_articles").as_list().size() == 5);
  CHECK(at_key(at_key(seven, "top_articles").as_list()[0], "article_id").as_string() == "k6");
  CHECK(at_key(seven, "helpfulness_rate").is_null());
  const Node hidden = help_center_block({article("h", false, 5, 1, 0)});
  REQUIRE(hidden.is_object());
  CHECK(at_key(hidden, "article_count").as_integer() == 0);
  CHECK(at_key(hidden, "total_views").as_integer() == 0);
  CHECK(at_key(hidden, "helpfulness_rate").is_null());
  CHECK(at_key(hidden, "top_articles").as_list().empty());
}

TEST_CASE("sla breach trend: judged at as-of, by started_at day, zero-filled", "[insights]") {
  const TimeZone utc = TimeZone::utc();
  const TimeRange range = range_of("2026-03-01", "2026-03-03", "2026-03-02T12:00:00Z", utc);
  // Day 1: m met (FR due +10, at +5), b breached (RES due +30, none, as-of past), n no target,
  // p pending (FR due 03-04, after as-of). Day 3: q breached (FR at +20, due +10) and met RES.
  auto m = conversation("m", k_t0);
  m.first_response_due_at = k_t0 + 10 * k_minute;
  m.first_response_at = k_t0 + 5 * k_minute;
  auto b = conversation("b", k_t0 + k_hour);
  b.resolution_due_at = b.started_at + 30 * k_minute;
  auto n = conversation("n", k_t0 + 2 * k_hour);
  auto p = conversation("p", k_t0 + 3 * k_hour);
  p.first_response_due_at = k_t0 + 3 * 24 * k_hour;
  auto q = conversation("q", k_t0 + 2 * 24 * k_hour);
  q.first_response_due_at = q.started_at + 10 * k_minute;
  q.first_response_at = q.started_at + 20 * k_minute;
  q.resolution_due_at = q.started_at + 60 * k_minute;
  q.resolved_at = q.started_at + 30 * k_minute;
  const Node trend = sla_breach_trend_block({m, b, n, p, q}, range, utc);
  REQUIRE(trend.as_list().size() == 3);
  const std::vector<std::tuple<std::string, std::int64_t, std::int64_t, std::int64_t>> expected = {
      {"2026-03-01", 2, 1, 1}, {"2026-03-02", 0, 0, 0}, {"2026-03-03", 1, 1, 0}};
  for (std::size_t i = 0; i < 3; ++i) {
    const Node& day = trend.as_list()[i];
    CHECK(at_key(day, "day").as_string() == std::get<0>(expected[i]));
    CHECK(at_key(day, "tracked").as_integer() == std::get<1>(expected[i]));
    CHECK(at_key(day, "breached").as_integer() == std::get<2>(expected[i]));
    CHECK(at_key(day, "met").as_integer() == std::get<3>(expected[i]));
  }
  CHECK(at_key(trend.as_list()[0], "compliance_rate").as_number() == Approx(50.0));
  CHECK(at_key(trend.as_list()[1], "compliance_rate").is_null());
  CHECK(at_key(trend.as_list()[2], "compliance_rate").as_number() == Approx(0.0));
}

TEST_CASE("email channel metrics count email conversations and pass the message counts", "[insights]") {
  const Node email = email_channel_block(
      {conversation("e1", k_t0, {}, "email"), conversation("c1", k_t0), conversation("e2", k_t0, {}, "email")},
      EmailMessageCounts{7, 4});
  CHECK(at_key(email, "email_conversations").as_integer() == 2);
  CHECK(at_key(email, "inbound_messages").as_integer() == 7);
  CHECK(at_key(email, "outbound_messages").as_integer() == 4);
}

TEST_CASE("aggregation health: budgets and target_met", "[insights]") {
  InsightsTimings t;
  t.conversations_scanned = 42;
  t.overview_ms = 500.0;
  t.sla_compliance_ms = 10.0;
  t.agent_performance_ms = 20.0;
  t.total_runtime_ms = 2000.0;
  const Node ok = aggregation_health_block(t);
  CHECK(at_key(ok, "target_conversation_volume").as_integer() == 100000);
  CHECK(at_key(ok, "per_query_budget_ms").as_number() == 500.0);
  CHECK(at_key(ok, "total_budget_ms").as_number() == 2000.0);
  CHECK(at_key(ok, "conversations_scanned").as_integer() == 42);
  CHECK(at_key(ok, "target_met").as_bool());
  t.agent_performance_ms = 500.5;  // one part over its budget
  CHECK_FALSE(at_key(aggregation_health_block(t), "target_met").as_bool());
  t.agent_performance_ms = 20.0;
  t.total_runtime_ms = 2000.1;  // the total over its budget
  CHECK_FALSE(at_key(aggregation_health_block(t), "target_met").as_bool());
}

TEST_CASE("metadata: the range with the zone's offset, exclusive end", "[insights]") {
  const TimeZone paris("Europe/Paris");
  const Node meta = insights_metadata_block(range_of("2026-03-28", "2026-03-30", "2026-04-01T00:00:00Z", paris), paris);
  CHECK(at_key(meta, "date_from").as_string() == "2026-03-28T00:00:00+01:00");
  CHECK(at_key(meta, "date_to").as_string() == "2026-03-31T00:00:00+02:00");
  CHECK(at_key(meta, "tz").as_string() == "Europe/Paris");
  const TimeZone utc = TimeZone::utc();
  CHECK(at_key(insights_metadata_block(range_of("2026-03-01", "2026-03-01", "2026-04-01T00:00:00Z", utc), utc),
               "date_to")
            .as_string() == "2026-03-02T00:00:00+00:00");
}

TEST_CASE("compute_insights: every key in order, measured timings", "[insights]") {
  const TimeZone utc = TimeZone::utc();
  InsightsData data;
  data.conversations = {conversation("c1", k_t0, {"billing"}), conversation("c2", k_t0 + k_hour)};
  const Result result = compute_insights(data, range_of("2026-03-01", "2026-03-01", "2026-03-02T00:00:00Z", utc),
                                         utc, 1.5);
  CHECK(result.command == "insights");
  std::vector<std::string> keys;
  for (const auto& [key, value] : result.root.as_object()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"csat", "busiest_hours", "top_topics", "agent_performance",
                                         "team_performance", "help_center_deflection", "sla_breach_trend",
                                         "email_channel_metrics", "aggregation_health", "metadata"});
  CHECK(at_key(result.root, "help_center_deflection").is_null());
  CHECK(at_key(at_key(result.root, "csat"), "total_responses").as_integer() == 0);
  const Node& health = at_key(result.root, "aggregation_health");
  CHECK(at_key(health, "conversations_scanned").as_integer() == 2);
  for (const char* part : {"overview_ms", "sla_compliance_ms", "agent_performance_ms", "total_runtime_ms"}) {
    INFO(part);
    CHECK(at_key(health, part).is_number());
    CHECK(at_key(health, part).as_number() >= 0.0);
  }
  CHECK(at_key(health, "overview_ms").as_number() >= 1.5);  // the load time is part of it
  CHECK(at_key(health, "total_runtime_ms").as_number() >= at_key(health, "overview_ms").as_number());
  CHECK(at_key(health, "target_met").is_bool());
}
