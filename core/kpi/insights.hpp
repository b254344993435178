#pragma once
// insights (kpis.md "insights" and "Precise readings"): the blocks are pure
// functions from rows; compute_insights assembles them and measures its own
// parts (aggregation_health); run_insights loads the rows for a request.
#include <array>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "core/kpi/registry.hpp"
#include "core/kpi/stats.hpp"
#include "core/query/conversations.hpp"
#include "core/query/csat.hpp"
#include "core/query/insights.hpp"
#include "core/result.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// [{hour, conversation_count}]: conversations by the local hour (0-23, `tz`) of
// started_at, hours with conversations only, the top 5 by count descending, ties
// by hour. A repeated DST hour is one bucket.
Node busiest_hours_block(const std::vector<ConversationRow>& conversations, const TimeZone& tz);
// The same from the conversation count of each local hour.
Node busiest_hours_list(const std::array<std::int64_t, 24>& counts);

// [{topic, conversation_count, share}]: the top 10 topics by the number of
// conversations carrying them (a topic counts once per conversation), ties by
// topic (code points); share = conversation_count / all the conversations
// (those without topics included), %.
Node top_topics_block(const std::vector<ConversationRow>& conversations);
// The same from (topic, conversation count) pairs, any order, and the count of all the conversations.
Node top_topics_list(std::vector<std::pair<std::string_view, std::int64_t>> counts, std::int64_t total);

// {article_count, total_views, helpful_feedback, not_helpful_feedback,
// deflection_rate (always null), helpfulness_rate (helpful / (helpful +
// not_helpful), %), top_articles [{article_id, title, slug, view_count,
// helpful_count, not_helpful_count}] (top 5 by views descending, then
// article_id, then tenant)} over the published articles; null when `articles`
// (published or not) is empty.
Node help_center_block(const std::vector<KbArticleRow>& articles);

// Sums over the published articles (help_center_deflection, unified kb).
struct KbTotals {
  std::int64_t published = 0, views = 0, helpful = 0, not_helpful = 0;
  // helpful / (helpful + not_helpful), %; null without votes.
  std::optional<double> helpfulness_rate() const { return percent(helpful, helpful + not_helpful); }
};
KbTotals kb_totals(const std::vector<KbArticleRow>& articles);

// [{day, tracked, breached, met, compliance_rate}] per local day of the range
// (`tz`), zero-filled, by started_at: each conversation judged at
// range.as_of_ms by judge_sla_conversation; tracked = met + breached;
// compliance_rate = met / tracked (%, null when 0).
Node sla_breach_trend_block(const std::vector<ConversationRow>& conversations, const TimeRange& range,
                            const TimeZone& tz);
// The same from the (met, breached) counts of each day of `buckets`.
Node sla_breach_trend_list(const DayBuckets& buckets, const std::vector<std::array<std::int64_t, 2>>& days);

// {email_conversations (of `conversations`, channel email), inbound_messages,
// outbound_messages}.
Node email_channel_block(const std::vector<ConversationRow>& conversations, const EmailMessageCounts& messages);
// The same from the count of email conversations.
Node email_channel_node(std::int64_t email_conversations, const EmailMessageCounts& messages);

// The wall times of one insights run, milliseconds (steady clock).
struct InsightsTimings {
  std::int64_t conversations_scanned = 0;
  double overview_ms = 0;           // loading the rows; csat, hours, topics, help center, email
  double sla_compliance_ms = 0;     // sla_breach_trend
  double agent_performance_ms = 0;  // agent and team performance
  double total_runtime_ms = 0;      // the whole run
};

constexpr std::int64_t k_target_conversation_volume = 100000;
constexpr double k_per_query_budget_ms = 500.0;
constexpr double k_total_budget_ms = 2000.0;

// {target_conversation_volume, per_query_budget_ms, total_budget_ms,
// conversations_scanned, total_runtime_ms, target_met, overview_ms,
// sla_compliance_ms, agent_performance_ms}; target_met = total within the
// total budget and each part within the per-query budget.
Node aggregation_health_block(const InsightsTimings& timings);

// {date_from, date_to (the exclusive end), tz}: RFC 3339 with the offset of `tz`.
Node insights_metadata_block(const TimeRange& range, const TimeZone& tz);

// The rows insights reads (see run_insights).
struct InsightsData {
  std::vector<ConversationRow> conversations;  // range conversations after filters, with topics
  std::vector<CsatRecordRow> csat;
  std::vector<KbArticleRow> kb_articles;
  EmailMessageCounts email_messages;
};

// The blocks of one insights result, computed by whichever path.
struct InsightsParts {
  Node csat, busiest_hours, top_topics, agent_performance, team_performance, help_center, sla_breach_trend,
      email_channel;
};

// The insights result of `parts`, with aggregation_health from `timings` and metadata.
Result insights_result(InsightsParts parts, const InsightsTimings& timings, const TimeRange& range,
                       const TimeZone& tz);

// insights [002 AI Insights]: {csat, busiest_hours, top_topics,
// agent_performance, team_performance, help_center_deflection,
// sla_breach_trend, email_channel_metrics, aggregation_health, metadata}.
// `load_ms` (the time spent loading `data`) is counted in overview_ms and
// total_runtime_ms; the rest is measured here. Main list top_topics.
Result compute_insights(const InsightsData& data, const TimeRange& range, const TimeZone& tz, double load_ms);

// Loads the rows of `request` (timed) and computes insights.
Result run_insights(const KpiRequest& request);

}  // namespace convstat::core
