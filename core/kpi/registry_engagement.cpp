// The engagement KPI commands [seeds 000, 001, 004]: leads, the daily series,
// engagement and realtime.
#include "core/kpi/registry_parts.hpp"

#include "core/kpi/daily.hpp"
#include "core/kpi/engagement.hpp"
#include "core/kpi/leads.hpp"
#include "core/kpi/realtime.hpp"
#include "core/query/daily.hpp"
#include "core/query/engagement.hpp"
#include "core/query/leads.hpp"

namespace convstat::core {
namespace {

Result run_leads(const KpiRequest& r) {
  const LeadGrouping grouping = lead_grouping(r.options);  // usage errors before any query
  const std::int64_t previous = count_leads(r.cache, previous_range(r.range, r.tz), r.filters);
  return compute_leads(load_leads(r.cache, r.range, r.filters), previous, r.range, r.tz, grouping);
}

// One daily series: the page is checked before any query, then `items` loads and lists every day.
template <typename Items>
std::function<Result(const KpiRequest&)> daily(const std::string& command, Items items) {
  return [command, items](const KpiRequest& r) {
    const DailyPage page = daily_page(r.options, command, r.range, r.tz);
    return compute_daily(command, items(r), page, r.range, r.tz);
  };
}

List daily_messages(const KpiRequest& r) {
  return daily_messages_items(load_daily_messages(r.cache, r.range, r.filters), r.range, r.tz);
}
List daily_chats(const KpiRequest& r) {
  return daily_chats_items(load_conversation_start_instants(r.cache, r.range, r.filters), r.range, r.tz);
}
List daily_users(const KpiRequest& r) {
  return daily_users_items(load_contact_activity(r.cache, r.range.from_ms, r.range.to_ms, r.filters), r.range, r.tz);
}
List daily_csat(const KpiRequest& r) {
  return daily_csat_items(load_csat_responses(r.cache, r.range, r.filters), r.range, r.tz);
}
List daily_ai_quality(const KpiRequest& r) {
  return daily_ai_quality_items(load_ai_quality(r.cache, r.range, r.filters), r.range, r.tz);
}
List daily_errors(const KpiRequest& r) {
  return daily_errors_items(load_api_errors(r.cache, r.range, r.filters), r.range, r.tz);
}

Result run_engagement(const KpiRequest& r) {
  EngagementInputs inputs{
      load_contact_activity(r.cache, r.range.from_ms, retention_end_ms(r.range, r.tz), r.filters),
      load_csat_responses(r.cache, r.range, r.filters), load_thumbs(r.cache, r.range, r.filters)};
  return compute_engagement(inputs, r.range, r.tz);
}

Result run_realtime(const KpiRequest& r) {
  const std::int64_t window = realtime_window_minutes(r.options);  // usage errors before any query
  return compute_realtime(load_realtime(r.cache, r.range.as_of_ms, window * 60000, r.filters), window);
}

const std::vector<KpiOption>& page_options() {
  static const std::vector<KpiOption> options = {
      {"limit", "days per page, 1-365 (default: every day of the range)"},
      {"cursor", "continue with the next_cursor of the previous page (same command, range and --tz)"}};
  return options;
}

std::vector<MetricDoc> envelope_metrics(const std::string& count_key, std::vector<MetricDoc> items) {
  items.insert(items.begin(), {"status", "always SUCCESS (the seed 004 envelope)"});
  items.push_back({"metadata." + count_key, "days of the whole range (every page)"});
  items.push_back({"metadata.next_cursor", "the cursor of the next page with --limit; null on the last page"});
  return items;
}

}  // namespace

std::vector<KpiDefinition> engagement_kpis() {
  const auto& conv = conversation_filter_names();
  return {
      {"leads", "Lead analytics: conversions, funnel, sources, growth per day, week or month", {"bot"}, run_leads,
       {{"total_leads", "leads created in the range"},
        {"converted", "of those, leads at stage converted"},
        {"conversion_rate", "converted / total_leads, %"},
        {"funnel[].count", "leads that reached the stage (new, contacted, qualified, converted); lost: new, "
                           "else up to lost_at_stage"},
        {"funnel[].conversion_from_previous", "count / the previous stage's count, % (new: 100.0)"},
        {"funnel[].conversion_from_start", "count / the new stage's count, %"},
        {"sources[].leads", "leads per source (absent: unknown), by leads desc then source"},
        {"sources[].converted", "the source's leads at stage converted"},
        {"sources[].conversion_rate", "converted / leads per source, %"},
        {"growth[].leads", "leads created per day, ISO week or month (--group-by) in --tz, zero-filled"},
        {"growth[].converted", "of those, leads at stage converted"},
        {"growth_rate", "(total_leads - previous) / previous, % over the equally long range just before"}},
       {{"group-by", "growth buckets: day, week (ISO, default) or month", false, false, false,
         {"day", "week", "month"}}}},
      {"daily", "Daily series in the seed 004 envelope: messages, chats, users, csat, ai-quality, errors", {}, {},
       {}},
      {"daily messages", "Messages in and out, thumbs and human-takeover requests and starts per day", conv,
       daily("daily messages", daily_messages),
       envelope_metrics("total_days",
                        {{"data[].inbound_messages", "inbound messages (by at) of the local day"},
                         {"data[].outbound_messages", "outbound messages of the day"},
                         {"data[].positive_feedback", "the day's messages with feedback positive"},
                         {"data[].negative_feedback", "the day's messages with feedback negative"},
                         {"data[].ht_requests", "conversations with handover_requested_at on the day"},
                         {"data[].ht_starts", "conversations with escalated_at on the day"}}),
       page_options()},
      {"daily chats", "Conversations started per day", conv, daily("daily chats", daily_chats),
       envelope_metrics("total_count", {{"data[].count", "conversations started on the local day"}}),
       page_options()},
      {"daily users", "Unique and returning users per day (exact distinct contacts)", conv,
       daily("daily users", daily_users),
       envelope_metrics("total_count",
                        {{"data[].unique_users", "distinct contacts of the conversations started on the day"},
                         {"data[].returning_users",
                          "of those, contacts first seen (all time, tenant scope) before the day"}}),
       page_options()},
      {"daily csat", "CSAT responses and mean score per day", conv, daily("daily csat", daily_csat),
       envelope_metrics("days_count",
                        {{"data[].total", "CSAT responses of the day (comment-only included)"},
                         {"data[].avg_score", "mean rating of the day's rated responses (null when none)"}}),
       page_options()},
      {"daily ai-quality", "Mean AI quality score per day", conv, daily("daily ai-quality", daily_ai_quality),
       envelope_metrics("total_days",
                        {{"data[].score", "mean ai_quality (0-1) of the conversations started on the day"},
                         {"data[].sample_size", "the day's conversations with ai_quality"}}),
       page_options()},
      {"daily errors", "api_error events per day", {}, daily("daily errors", daily_errors),
       envelope_metrics("total_count",
                        {{"data[].bucket", "the local day's start, RFC 3339 with the --tz offset"},
                         {"data[].error_count", "events of kind api_error on the day"}}),
       page_options()},
      {"engagement", "User engagement: active, new and returning users, weekly retention, satisfaction", conv,
       run_engagement,
       {{"active_users", "distinct contacts (per tenant) of the range's conversations"},
        {"new_users", "active contacts first seen (all time, tenant scope) on or after the range start"},
        {"returning_users", "active_users - new_users"},
        {"avg_conversations_per_user", "range conversations with a contact / active_users"},
        {"retention[].cohort_week", "ISO week (--tz) of the first conversation of contacts first seen in range"},
        {"retention[].users", "contacts of the cohort"},
        {"retention[].week_1", "% of the cohort with a conversation 1 ISO week later (null until it ends)"},
        {"retention[].week_2", "% of the cohort with a conversation 2 ISO weeks later (null until it ends)"},
        {"retention[].week_3", "% of the cohort with a conversation 3 ISO weeks later (null until it ends)"},
        {"retention[].week_4", "% of the cohort with a conversation 4 ISO weeks later (null until it ends)"},
        {"satisfaction.csat_avg", "mean rating of CSAT responses given in the range"},
        {"satisfaction.positive_rate", "ratings >= 4 / rated responses, %"},
        {"satisfaction.thumbs_up_rate", "thumbs up / all thumbs (message feedback + thumbs feedback) in range, %"}}},
      {"realtime", "Real-time: active sessions, messages per minute and active calls before as-of", conv,
       run_realtime,
       {{"active_sessions", "conversations with a message in [as-of - window, as-of)"},
        {"messages_per_minute", "messages in the window / window_minutes"},
        {"active_calls", "calls with started_at <= as-of < started_at + duration"},
        {"window_minutes", "--window, 1-1440 minutes (default 5)"},
        {"data_as_of", "the newest activity instant in scope (SLA due instants excluded), UTC"}},
       {{"window", "the window before as-of in minutes, 1-1440 (default 5)"}}},
  };
}

}  // namespace convstat::core
