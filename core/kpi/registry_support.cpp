// The support-desk KPI commands [seeds 000, 002]: overview, resolution, sla,
// csat, teams, agents, conversation, insights, dashboard, search, bot.
#include "core/kpi/registry_parts.hpp"

#include "core/error.hpp"
#include "core/kpi/agents.hpp"
#include "core/kpi/bot.hpp"
#include "core/kpi/conversation.hpp"
#include "core/kpi/csat.hpp"
#include "core/kpi/dashboard.hpp"
#include "core/kpi/insights.hpp"
#include "core/hot/hot_kpis.hpp"
#include "core/kpi/overview.hpp"
#include "core/kpi/search.hpp"
#include "core/kpi/sla.hpp"
#include "core/query/bots.hpp"
#include "core/query/conversation_detail.hpp"
#include "core/query/conversations.hpp"
#include "core/query/csat.hpp"
#include "core/query/teams.hpp"

namespace convstat::core {
namespace {

// The result of `compute` on the hot columns when they serve `r`.
template <class Compute>
std::optional<Result> from_hot_columns(const KpiRequest& r, Compute compute) {
  const auto hot = hot_columns_for(r);
  return hot ? compute(*hot, HotScope{r.range, r.filters.tenant}) : std::nullopt;
}

Result run_overview(const KpiRequest& r) {
  if (auto result = from_hot_columns(r, hot_overview)) return std::move(*result);
  return compute_overview(load_conversations(r.cache, r.range, r.filters),
                          load_csat_responses(r.cache, r.range, r.filters));
}

Result run_resolution(const KpiRequest& r) {
  return compute_resolution(load_conversations(r.cache, r.range, r.filters));
}

Result run_sla(const KpiRequest& r) {
  if (auto result = from_hot_columns(r, hot_sla)) return std::move(*result);
  return compute_sla(load_conversations(r.cache, r.range, r.filters), r.range.as_of_ms);
}

Result run_csat(const KpiRequest& r) {
  if (auto result = from_hot_columns(r, [&r](const HotColumns& hot, const HotScope& scope) {
        return hot_csat(hot, scope, r.tz);
      }))
    return std::move(*result);
  return compute_csat(load_csat_records(r.cache, r.range, r.filters), r.range, r.tz);
}

Result run_csat_responses(const KpiRequest& r) {
  const CsatPage page = csat_page(r.options);  // usage errors before any query
  return compute_csat_responses(load_csat_records(r.cache, r.range, r.filters), r.range, page);
}

Result run_teams(const KpiRequest& r) { return compute_teams(load_team_sightings(r.cache, r.filters.tenant)); }

Result run_agents(const KpiRequest& r) {
  if (auto result = from_hot_columns(r, hot_agents)) return std::move(*result);
  return compute_agents(load_conversations(r.cache, r.range, r.filters));
}

// `conversation ID`: the range does not apply; --tenant does.
Result run_conversation(const KpiRequest& r) {
  const auto it = r.options.find("id");
  const std::string id = it == r.options.end() ? std::string() : it->second;
  const auto detail = load_conversation_detail(r.cache, id, r.filters.tenant);
  if (!detail) throw DataError("Conversation not found", "no conversation '" + id + "' in the cache");
  return compute_conversation(*detail);
}

Result run_dashboard(const KpiRequest& r) {
  return compute_dashboard(load_dashboard_rows(r.cache, r.range, r.filters.tenant), r.range, r.tz);
}

Result run_search(const KpiRequest& r) {
  const SearchRequest search = search_request(r.options);  // usage errors before any query
  return compute_search(search_conversations(r.cache, search.query, r.filters.tenant, search.limit));
}

// `bot ID`: the range conversations in scope (every bot, for --compare) and their CSAT.
Result run_bot(const KpiRequest& r) {
  const auto it = r.options.find("id");
  const std::string id = it == r.options.end() ? std::string() : it->second;
  if (!bot_exists(r.cache, id, r.filters.tenant))
    throw DataError("Bot not found", "no conversation with bot_id '" + id + "' in the cache");
  Filters company = r.filters;
  company.bot.reset();
  Filters bot = company;
  bot.bot = id;
  BotInputs inputs{load_conversations(r.cache, r.range, company), load_conversation_activity(r.cache, r.range, company),
                   load_csat_responses(r.cache, r.range, bot), load_csat_responses(r.cache, r.range, company)};
  return compute_bot(id, inputs, r.options.count("compare") > 0);
}

}  // namespace

std::vector<KpiDefinition> support_kpis() {
  const auto& conv = conversation_filter_names();
  return {
      {"overview", "Conversation overview: volume, resolution, escalation, channels", conv, run_overview,
       {{"total_conversations", "conversations started in the range"},
        {"ai_resolved_count", "conversations resolved (resolved_at set) by the AI"},
        {"ai_resolution_rate", "ai_resolved_count / total_conversations, %"},
        {"human_resolved_count", "conversations resolved by a human"},
        {"escalation_rate", "conversations with escalated_at / total_conversations, %"},
        {"first_response_minutes_avg", "mean of first_response_at - started_at over conversations with one, minutes"},
        {"resolution_minutes_median", "median of resolved_at - started_at over resolved conversations, minutes"},
        {"channel_distribution[].conversation_count", "conversations per channel, by count desc then channel"},
        {"unique_contacts", "distinct contact_id (per tenant) of the range's conversations"},
        {"avg_duration_minutes", "mean of ended_at - started_at over conversations with ended_at, minutes"},
        {"csat_avg", "mean rating of CSAT responses given in the range (comment-only left out)"}},
       {},
       true},
      {"resolution", "Resolution rates: AI, human and overall, by priority", conv, run_resolution,
       {{"total_conversations", "conversations started in the range"},
        {"resolved_count", "conversations with resolved_at"},
        {"ai_resolved_count", "resolved by the AI"},
        {"human_resolved_count", "resolved by a human"},
        {"ai_resolution_rate", "ai_resolved_count / total_conversations, %"},
        {"human_resolution_rate", "human_resolved_count / total_conversations, %"},
        {"resolution_rate", "resolved_count / total_conversations, %"},
        {"by_priority[].resolution_rate", "resolved / total per priority (urgent, high, medium, low, unset), %"}},
       {},
       true},
      {"sla", "SLA compliance: first response and resolution targets, by priority and team", conv, run_sla,
       {{"first_response.tracked", "conversations with first_response_due_at, met + breached at as-of"},
        {"first_response.met", "first_response_at <= first_response_due_at"},
        {"first_response.breached", "first_response_at after the due instant, or none and as-of past it"},
        {"first_response.pending", "no first_response_at and as-of not past the due instant (not tracked)"},
        {"first_response.compliance_rate", "first_response.met / first_response.tracked, %"},
        {"resolution.tracked", "conversations with resolution_due_at, met + breached at as-of"},
        {"resolution.met", "resolved_at <= resolution_due_at"},
        {"resolution.breached", "resolved_at after the due instant, or none and as-of past it"},
        {"resolution.pending", "no resolved_at and as-of not past the due instant (not tracked)"},
        {"resolution.compliance_rate", "resolution.met / resolution.tracked, %"},
        {"by_priority[].priority", "urgent, high, medium, low, unset: priorities of conversations with a target"},
        {"by_priority[].tracked", "conversations judged on all targets: met + breached"},
        {"by_priority[].met", "conversations whose every target is met"},
        {"by_priority[].breached", "conversations with any target breached"},
        {"by_priority[].pending", "conversations with a pending target and none breached (not tracked)"},
        {"by_priority[].compliance_rate", "met / tracked per priority, %"},
        {"by_team[].team_id", "teams of conversations with a target, by tracked desc then team_id"},
        {"by_team[].team_name", "the name on the team's latest-started conversation carrying one"},
        {"by_team[].tracked", "the team's conversations judged on all targets: met + breached"},
        {"by_team[].met", "the team's conversations whose every target is met"},
        {"by_team[].breached", "the team's conversations with any target breached"},
        {"by_team[].pending", "the team's conversations with a pending target and none breached (not tracked)"},
        {"by_team[].compliance_rate", "met / tracked per team, %"}},
       {},
       true},
      {"csat", "CSAT analytics: ratings, distribution, daily trend, per agent, response rate", conv, run_csat,
       {{"total_responses", "csat records with responded_at in the range (comment-only included)"},
        {"rated_responses", "responses in the range with a rating"},
        {"avg_rating", "mean rating of the rated responses (one decimal)"},
        {"positive_responses", "rated responses with rating >= 4"},
        {"positive_rate", "positive_responses / rated_responses, %"},
        {"distribution[].response_count", "rated responses per rating, 5 to 1, zeros included"},
        {"trend[].count", "rated responses per day of the range in --tz, zero-filled"},
        {"trend[].avg_rating", "mean rating of the day's rated responses (null on empty days)"},
        {"per_agent[].assignee_user_id", "assignee of the response's conversation, by response_count desc then id"},
        {"per_agent[].assignee_name", "the name on the agent's latest-started conversation carrying one"},
        {"per_agent[].response_count", "the agent's rated responses"},
        {"per_agent[].avg_rating", "mean rating of the agent's rated responses"},
        {"per_agent[].positive_rate", "the agent's ratings >= 4 / its rated responses, %"},
        {"surveys_sent", "csat records with sent_at in the range"},
        {"response_rate", "surveys sent in the range that have any responded_at / surveys_sent, %"}},
       {},
       true},
      {"csat responses", "CSAT responses one by one, newest first, with conversation and agent", conv,
       run_csat_responses,
       {{"items[].rating", "the response's rating (null: comment-only)"},
        {"items[].channel", "the csat's channel, else the conversation's"},
        {"items[].responded_at", "the response instant, UTC; items by responded_at desc then id"},
        {"total", "responses with responded_at in the range (comment-only included)"},
        {"limit", "the page size, --limit 1-200 (default 50)"},
        {"offset", "responses skipped before the page, --offset (default 0)"}},
       {{"limit", "page size, 1-200 (default 50)"}, {"offset", "responses to skip, 0 or more (default 0)"}}},
      {"teams", "Teams of the tenant's conversations, all time", {}, run_teams,
       {{"teams[].team_id", "distinct team_id of the conversations (any start), by team_name then team_id"},
        {"teams[].team_name", "the name on the team's latest-started conversation carrying one"}}},
      {"agents", "Human agent and team performance: assigned, resolved, response and resolution times", conv,
       run_agents,
       {{"agent_performance[].assignee_user_id", "assignees of range conversations, by assigned_count desc then id"},
        {"agent_performance[].assignee_name", "the name on the agent's latest-started conversation carrying one"},
        {"agent_performance[].assigned_count", "range conversations assigned to the agent"},
        {"agent_performance[].resolved_count", "of those, conversations with resolved_at"},
        {"agent_performance[].resolution_rate", "resolved_count / assigned_count, %"},
        {"agent_performance[].avg_first_response_minutes", "mean first_response_at - started_at, minutes"},
        {"agent_performance[].avg_resolution_minutes", "mean resolved_at - started_at over resolved, minutes"},
        {"team_performance[].team_id", "teams of range conversations, by assigned_count desc then team_id"},
        {"team_performance[].team_name", "the name on the team's latest-started conversation carrying one"},
        {"team_performance[].assigned_count", "range conversations of the team"},
        {"team_performance[].resolved_count", "of those, conversations with resolved_at"},
        {"team_performance[].resolution_rate", "resolved_count / assigned_count, %"},
        {"team_performance[].avg_resolution_minutes", "mean resolved_at - started_at over resolved, minutes"}}},
      {"conversation", "One conversation: messages, response time, duration, topics, sentiment, CSAT", {},
       run_conversation,
       {{"duration_minutes", "ended_at - started_at, minutes (null without ended_at)"},
        {"message_statistics.total", "the conversation's messages"},
        {"message_statistics.inbound", "its inbound messages"},
        {"message_statistics.outbound", "its outbound messages"},
        {"message_statistics.by_author.user", "messages by the user"},
        {"message_statistics.by_author.ai", "messages by the AI"},
        {"message_statistics.by_author.human", "messages by a human agent"},
        {"message_statistics.by_author.system", "system messages"},
        {"message_statistics.avg_response_seconds",
         "mean delay from each inbound message to the first outbound at or after it (unanswered left out), s"},
        {"sentiment", "the stored sentiment, -1 to 1"},
        {"csat", "rating of the conversation's latest rated CSAT response"}},
       {{"id", "the conversation id", true, true}}},
      {"insights", "Insights: CSAT, busiest hours, topics, agents, help center, SLA trend, email, timings", conv,
       run_insights,
       {{"csat.avg_rating", "as csat: mean rating of the rated responses in the range"},
        {"csat.positive_rate", "as csat: rated responses with rating >= 4 / rated responses, %"},
        {"busiest_hours[].hour", "local hour (--tz) of started_at; the top 5 by count, ties by hour"},
        {"busiest_hours[].conversation_count", "range conversations started in that hour"},
        {"top_topics[].topic", "the top 10 topics by conversations carrying them, ties by topic"},
        {"top_topics[].conversation_count", "range conversations carrying the topic (once each)"},
        {"top_topics[].share", "conversation_count / all range conversations (topic-less included), %"},
        {"agent_performance[].resolution_rate", "as agents: resolved_count / assigned_count, %"},
        {"team_performance[].resolution_rate", "as agents: resolved_count / assigned_count, %"},
        {"help_center_deflection.article_count", "published kb articles of the tenant scope (any time)"},
        {"help_center_deflection.total_views", "views of the published articles"},
        {"help_center_deflection.helpful_feedback", "helpful votes of the published articles"},
        {"help_center_deflection.not_helpful_feedback", "not-helpful votes of the published articles"},
        {"help_center_deflection.helpfulness_rate", "helpful / (helpful + not_helpful), %"},
        {"sla_breach_trend[].tracked", "conversations started that local day judged met or breached at as-of"},
        {"sla_breach_trend[].breached", "of those, conversations with any target breached"},
        {"sla_breach_trend[].met", "of those, conversations whose every target is met"},
        {"sla_breach_trend[].compliance_rate", "met / tracked per day, %"},
        {"email_channel_metrics.email_conversations", "range conversations with channel email"},
        {"email_channel_metrics.inbound_messages", "inbound messages in the range of email conversations"},
        {"email_channel_metrics.outbound_messages", "outbound messages in the range of email conversations"},
        {"aggregation_health.conversations_scanned", "range conversations after filters"},
        {"aggregation_health.total_runtime_ms", "measured wall time of this run, ms"},
        {"aggregation_health.overview_ms", "loading the rows plus csat, hours, topics, help center, email, ms"},
        {"aggregation_health.sla_compliance_ms", "computing sla_breach_trend, ms"},
        {"aggregation_health.agent_performance_ms", "computing agent and team performance, ms"}}},
      {"dashboard", "One-screen summary: bots, conversations, messages, leads, contacts, calls, daily usage", {},
       run_dashboard,
       {{"bots", "distinct bot_id (per tenant) of the range's conversations and calls"},
        {"conversations", "conversations started in the range"},
        {"messages", "messages with at in the range"},
        {"leads", "leads created in the range"},
        {"contacts", "distinct contact_id (per tenant) of the range's conversations"},
        {"calls", "calls started in the range"},
        {"usage_trend[].conversations", "conversations started per day of the range in --tz, zero-filled"},
        {"usage_trend[].messages", "messages per day of the range in --tz, zero-filled"}}},
      {"search", "Full-text search over conversation subjects and message texts (all time)", {}, run_search,
       {{"results[].conversation_id", "conversations matching QUERY, best first: score desc then conversation_id"},
        {"results[].score", "-bm25 of the conversation's best matching subject or message (higher is better)"},
        {"results[].snippet", "that subject or text around the match, terms in [ ]"},
        {"results[].started_at", "the conversation's start, UTC (null when only its messages are cached)"},
        {"results[].channel", "the conversation's channel"}},
       {{"query", "FTS5 query: words, \"a phrase\", prefix*, AND, OR, NOT", true, true},
        {"limit", "results to print, 1-50 (default 10)"},
        {"bot", "with --backend NAME of kind analytic: the agent (UUID) whose documents are searched"}}},
      {"bot", "One AI agent: response times, quality, volume; --compare against the company",
       {"channel", "team", "assignee", "priority"}, run_bot,
       {{"performance_metrics.avg_first_response_seconds",
         "mean first_response_at - started_at of the bot's range conversations, s"},
        {"performance_metrics.median_first_response_seconds", "median of the same, s"},
        {"performance_metrics.p90_first_response_seconds", "90th percentile (linear interpolation) of the same, s"},
        {"performance_metrics.avg_resolution_minutes", "mean resolved_at - started_at over resolved, minutes"},
        {"quality_metrics.csat_avg", "mean rating of range CSAT responses of the bot's conversations"},
        {"quality_metrics.positive_rate", "ratings >= 4 / rated responses, %"},
        {"quality_metrics.ai_quality_avg", "mean stored ai_quality (0-1) of the bot's range conversations"},
        {"quality_metrics.thumbs_up", "positive message feedback + thumbs feedback records rated 1"},
        {"quality_metrics.thumbs_down", "negative message feedback + thumbs feedback records rated -1"},
        {"quality_metrics.escalation_rate", "conversations with escalated_at / total_conversations, %"},
        {"conversation_metrics.total_conversations", "the bot's conversations started in the range"},
        {"conversation_metrics.ai_resolved_count", "of those, resolved by the AI"},
        {"conversation_metrics.ai_resolution_rate", "ai_resolved_count / total_conversations, %"},
        {"conversation_metrics.avg_messages_per_conversation", "messages of those conversations / total_conversations"},
        {"conversation_metrics.avg_duration_minutes", "mean ended_at - started_at over those with ended_at, minutes"}},
       {{"id", "the bot id", true, true},
        {"compare", "print each number as {value, company_average, difference, difference_pct}", false, false,
         true}}},
  };
}


}  // namespace convstat::core
