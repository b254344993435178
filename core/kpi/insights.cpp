#include "core/kpi/insights.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <unordered_map>

#include "core/hot/hot_kpis.hpp"
#include "core/kpi/agents.hpp"
#include "core/kpi/csat.hpp"
#include "core/kpi/sla.hpp"
#include "core/kpi/stats.hpp"

namespace convstat::core {
namespace {

constexpr std::size_t k_busiest_hours = 5;
constexpr std::size_t k_top_topics = 10;
constexpr std::size_t k_top_articles = 5;

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// A conversation's topics, each once.
std::vector<std::string_view> distinct_topics(const ConversationRow& c) {
  std::vector<std::string_view> topics(c.topics.begin(), c.topics.end());
  std::sort(topics.begin(), topics.end());
  topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
  return topics;
}

Node article_item(const KbArticleRow& a) {
  return Node::object()
      .set("article_id", Node::string(a.id))
      .set("title", Node::string(a.title))
      .set("slug", Node::string(a.slug))
      .set("view_count", Node::integer(a.views))
      .set("helpful_count", Node::integer(a.helpful))
      .set("not_helpful_count", Node::integer(a.not_helpful));
}

}  // namespace

Node busiest_hours_block(const std::vector<ConversationRow>& conversations, const TimeZone& tz) {
  std::array<std::int64_t, 24> counts{};
  for (const auto& c : conversations) ++counts[static_cast<std::size_t>(tz.local_hour(c.started_at))];
  return busiest_hours_list(counts);
}

Node busiest_hours_list(const std::array<std::int64_t, 24>& counts) {
  std::vector<int> hours;
  for (int h = 0; h < 24; ++h)
    if (counts[static_cast<std::size_t>(h)] > 0) hours.push_back(h);
  std::stable_sort(hours.begin(), hours.end(), [&](int a, int b) {
    return counts[static_cast<std::size_t>(a)] > counts[static_cast<std::size_t>(b)];
  });
  if (hours.size() > k_busiest_hours) hours.resize(k_busiest_hours);
  Node list = Node::list();
  for (int h : hours)
    list.push(Node::object()
                  .set("hour", Node::integer(h))
                  .set("conversation_count", Node::integer(counts[static_cast<std::size_t>(h)])));
  return list;
}

Node top_topics_block(const std::vector<ConversationRow>& conversations) {
  std::unordered_map<std::string_view, std::int64_t> counts;
  for (const auto& c : conversations)
    for (std::string_view topic : distinct_topics(c)) ++counts[topic];
  return top_topics_list({counts.begin(), counts.end()}, static_cast<std::int64_t>(conversations.size()));
}

Node top_topics_list(std::vector<std::pair<std::string_view, std::int64_t>> sorted, std::int64_t total) {
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (sorted.size() > k_top_topics) sorted.resize(k_top_topics);
  Node list = Node::list();
  for (const auto& [topic, count] : sorted)
    list.push(Node::object()
                  .set("topic", Node::string(std::string(topic)))
                  .set("conversation_count", Node::integer(count))
                  .set("share", Node::number(percent(count, total), Unit::percent)));
  return list;
}

KbTotals kb_totals(const std::vector<KbArticleRow>& articles) {
  KbTotals t;
  for (const auto& a : articles) {
    if (!a.published) continue;
    ++t.published;
    t.views += a.views;
    t.helpful += a.helpful;
    t.not_helpful += a.not_helpful;
  }
  return t;
}

Node help_center_block(const std::vector<KbArticleRow>& articles) {
  if (articles.empty()) return Node::null();
  const KbTotals totals = kb_totals(articles);
  std::vector<const KbArticleRow*> published;
  for (const auto& a : articles)
    if (a.published) published.push_back(&a);
  std::sort(published.begin(), published.end(), [](const KbArticleRow* a, const KbArticleRow* b) {
    if (a->views != b->views) return a->views > b->views;
    return a->id != b->id ? a->id < b->id : a->tenant < b->tenant;
  });
  Node top = Node::list();
  for (std::size_t i = 0; i < published.size() && i < k_top_articles; ++i) top.push(article_item(*published[i]));
  return Node::object()
      .set("article_count", Node::integer(totals.published))
      .set("total_views", Node::integer(totals.views))
      .set("helpful_feedback", Node::integer(totals.helpful))
      .set("not_helpful_feedback", Node::integer(totals.not_helpful))
      .set("deflection_rate", Node::null())
      .set("helpfulness_rate", Node::number(totals.helpfulness_rate(), Unit::percent))
      .set("top_articles", std::move(top));
}

Node sla_breach_trend_block(const std::vector<ConversationRow>& conversations, const TimeRange& range,
                            const TimeZone& tz) {
  const DayBuckets buckets(range, tz);
  std::vector<std::array<std::int64_t, 2>> days(static_cast<std::size_t>(buckets.size()));  // met, breached
  for (const auto& c : conversations) {
    const SlaOutcome outcome = judge_sla_conversation(c, range.as_of_ms);
    if (outcome != SlaOutcome::met && outcome != SlaOutcome::breached) continue;
    const int i = buckets.index(c.started_at);
    if (i >= 0) ++days[static_cast<std::size_t>(i)][outcome == SlaOutcome::met ? 0 : 1];
  }
  return sla_breach_trend_list(buckets, days);
}

Node sla_breach_trend_list(const DayBuckets& buckets, const std::vector<std::array<std::int64_t, 2>>& days) {
  Node list = Node::list();
  for (int i = 0; i < buckets.size(); ++i) {
    const auto [met, breached] = days[static_cast<std::size_t>(i)];
    list.push(Node::object()
                  .set("day", Node::string(format_date(buckets.day(i))))
                  .set("tracked", Node::integer(met + breached))
                  .set("breached", Node::integer(breached))
                  .set("met", Node::integer(met))
                  .set("compliance_rate", Node::number(percent(met, met + breached), Unit::percent)));
  }
  return list;
}

Node email_channel_block(const std::vector<ConversationRow>& conversations, const EmailMessageCounts& messages) {
  const auto email = std::count_if(conversations.begin(), conversations.end(),
                                   [](const ConversationRow& c) { return c.channel == "email"; });
  return email_channel_node(static_cast<std::int64_t>(email), messages);
}

Node email_channel_node(std::int64_t email_conversations, const EmailMessageCounts& messages) {
  return Node::object()
      .set("email_conversations", Node::integer(email_conversations))
      .set("inbound_messages", Node::integer(messages.inbound))
      .set("outbound_messages", Node::integer(messages.outbound));
}

Node aggregation_health_block(const InsightsTimings& t) {
  const bool met = t.total_runtime_ms <= k_total_budget_ms && t.overview_ms <= k_per_query_budget_ms &&
                   t.sla_compliance_ms <= k_per_query_budget_ms && t.agent_performance_ms <= k_per_query_budget_ms;
  return Node::object()
      .set("target_conversation_volume", Node::integer(k_target_conversation_volume))
      .set("per_query_budget_ms", Node::number(k_per_query_budget_ms, Unit::decimal1))
      .set("total_budget_ms", Node::number(k_total_budget_ms, Unit::decimal1))
      .set("conversations_scanned", Node::integer(t.conversations_scanned))
      .set("total_runtime_ms", Node::number(t.total_runtime_ms, Unit::decimal1))
      .set("target_met", Node::boolean(met))
      .set("overview_ms", Node::number(t.overview_ms, Unit::decimal1))
      .set("sla_compliance_ms", Node::number(t.sla_compliance_ms, Unit::decimal1))
      .set("agent_performance_ms", Node::number(t.agent_performance_ms, Unit::decimal1));
}

Node insights_metadata_block(const TimeRange& range, const TimeZone& tz) {
  return Node::object()
      .set("date_from", Node::string(format_instant_local(range.from_ms, tz)))
      .set("date_to", Node::string(format_instant_local(range.to_ms, tz)))
      .set("tz", Node::string(tz.name()));
}

Result compute_insights(const InsightsData& data, const TimeRange& range, const TimeZone& tz, double load_ms) {
  const Clock::time_point start = Clock::now();
  InsightsTimings timings;
  timings.conversations_scanned = static_cast<std::int64_t>(data.conversations.size());
  Node csat = csat_block(data.csat, range, tz);
  Node hours = busiest_hours_block(data.conversations, tz);
  Node topics = top_topics_block(data.conversations);
  Node help_center = help_center_block(data.kb_articles);
  Node email = email_channel_block(data.conversations, data.email_messages);
  timings.overview_ms = load_ms + ms_since(start);

  Clock::time_point part = Clock::now();
  Node sla_trend = sla_breach_trend_block(data.conversations, range, tz);
  timings.sla_compliance_ms = ms_since(part);

  part = Clock::now();
  Node agents = agent_performance_block(data.conversations);
  Node teams = team_performance_block(data.conversations);
  timings.agent_performance_ms = ms_since(part);
  timings.total_runtime_ms = load_ms + ms_since(start);

  InsightsParts parts{std::move(csat), std::move(hours), std::move(topics), std::move(agents), std::move(teams),
                     std::move(help_center), std::move(sla_trend), std::move(email)};
  return insights_result(std::move(parts), timings, range, tz);
}

Result insights_result(InsightsParts parts, const InsightsTimings& timings, const TimeRange& range,
                       const TimeZone& tz) {
  Result result{"insights", "Insights", Node::object(), "top_topics"};
  result.root.set("csat", std::move(parts.csat))
      .set("busiest_hours", std::move(parts.busiest_hours))
      .set("top_topics", std::move(parts.top_topics))
      .set("agent_performance", std::move(parts.agent_performance))
      .set("team_performance", std::move(parts.team_performance))
      .set("help_center_deflection", std::move(parts.help_center))
      .set("sla_breach_trend", std::move(parts.sla_breach_trend))
      .set("email_channel_metrics", std::move(parts.email_channel))
      .set("aggregation_health", aggregation_health_block(timings))
      .set("metadata", insights_metadata_block(range, tz));
  return result;
}

Result run_insights(const KpiRequest& r) {
  const Clock::time_point start = Clock::now();
  if (const auto hot = hot_columns_for(r)) {
    const HotScope scope{r.range, r.filters.tenant};
    if (auto result = hot_insights(*hot, scope, r.tz, load_kb_articles(r.cache, r.filters.tenant), start))
      return std::move(*result);
  }
  InsightsData data;
  data.conversations = load_conversations(r.cache, r.range, r.filters, true);
  data.csat = load_csat_records(r.cache, r.range, r.filters);
  data.kb_articles = load_kb_articles(r.cache, r.filters.tenant);
  data.email_messages = count_email_messages(r.cache, r.range, r.filters);
  return compute_insights(data, r.range, r.tz, ms_since(start));
}

}  // namespace convstat::core
