// The voice KPI commands [seed 002]: calls, calls resolution, calls search,
// and unified (voice + support + knowledge base).
#include "core/cache/audit.hpp"
#include "core/kpi/calls.hpp"
#include "core/kpi/registry_parts.hpp"
#include "core/kpi/unified.hpp"
#include "core/query/calls.hpp"
#include "core/query/conversations.hpp"
#include "core/query/insights.hpp"
#include "core/util/redact.hpp"

namespace convstat::core {
namespace {

Result run_calls(const KpiRequest& r) {
  return compute_calls(load_calls(r.cache, r.range, r.filters), r.range, r.tz);
}

Result run_calls_resolution(const KpiRequest& r) {
  std::optional<PreviousCalls> previous;
  if (r.options.count("compare")) {
    const TimeRange before = previous_range(r.range, r.tz);
    previous = PreviousCalls{before, load_calls(r.cache, before, r.filters)};
  }
  return compute_calls_resolution(load_calls(r.cache, r.range, r.filters), r.range, r.tz, previous);
}

// Every search leaves an audit entry with the redacted term, matches or not.
Result run_calls_search(const KpiRequest& r) {
  const PhoneSearch search = phone_search(r.options);  // usage errors before any query
  const auto matches = find_calls_by_phone(r.cache, r.range, r.filters, search.digits);
  Result result = compute_calls_search(matches, search);
  append_audit(r.cache, {now_ms(), "calls search", r.filters.tenant, redact_phone(search.digits),
                         static_cast<std::int64_t>(matches.size())});
  return result;
}

Result run_unified(const KpiRequest& r) {
  UnifiedInputs in;
  in.has_calls = scope_has_records(r.cache, "calls", r.filters.tenant);
  in.has_conversations = scope_has_records(r.cache, "conversations", r.filters.tenant);
  in.has_kb = scope_has_records(r.cache, "kb_articles", r.filters.tenant);
  if (in.has_calls) in.calls = load_calls(r.cache, r.range, r.filters);
  if (in.has_conversations) {
    in.conversations = load_conversations(r.cache, r.range, r.filters);
    in.csat_responses = load_csat_responses(r.cache, r.range, r.filters);
  }
  if (in.has_kb) in.kb_articles = load_kb_articles(r.cache, r.filters.tenant);
  return compute_unified(in);
}

}  // namespace

std::vector<KpiDefinition> voice_kpis() {
  const std::vector<std::string> call_filters = {"bot", "outcome"};
  std::vector<std::string> unified_filters = conversation_filter_names();
  unified_filters.push_back("outcome");
  return {
      {"calls", "Voice call metrics: KPIs, daily volume, outcomes, peak-hours heatmap", call_filters, run_calls,
       {{"kpis.total_calls", "calls started in the range"},
        {"kpis.completed_calls", "calls with status completed"},
        {"kpis.failed_calls", "calls with status failed"},
        {"kpis.avg_duration_seconds", "mean duration_seconds of the completed calls (absent counts 0), s"},
        {"kpis.first_call_resolution_rate",
         "calls with first_call_resolution (absent: outcome resolved or ticket_created) / total_calls, %"},
        {"kpis.tickets_created", "sum of tickets_created (absent: 1 for outcome ticket_created)"},
        {"kpis.escalation_count", "calls escalated (absent: outcome escalated)"},
        {"kpis.period_start", "first day of the range in --tz"},
        {"kpis.period_end", "last day of the range in --tz (inclusive)"},
        {"call_volume[].total_calls", "calls started per local day, zero-filled"},
        {"call_volume[].completed_calls", "completed calls per local day"},
        {"call_volume[].failed_calls", "failed calls per local day"},
        {"outcome_breakdown[].count", "calls per outcome (null included), by count desc then outcome"},
        {"outcome_breakdown[].percentage", "count / total_calls, %"},
        {"peak_hours[].call_count",
         "calls per (local hour, ISO day_of_week) cell, non-empty cells by count desc, then day, hour"}}},
      {"calls resolution", "Call resolution: FCR trend, resolution by category, resolution time, period comparison",
       call_filters, run_calls_resolution,
       {{"fcr_trend[].total_calls", "calls started per local day, zero-filled"},
        {"fcr_trend[].fcr_rate", "first-call-resolved calls / total_calls of the day, % (null on empty days)"},
        {"resolution_by_category[].total_calls", "calls per category (null is a group), by count desc then category"},
        {"resolution_by_category[].resolved", "of those, calls with first_call_resolution"},
        {"resolution_by_category[].resolution_rate", "resolved / total_calls, %"},
        {"avg_resolution_time_seconds", "mean resolution_seconds over the calls with one, s"},
        {"period_comparison.total_calls", "calls of the equally long range just before (with --compare previous)"},
        {"period_comparison.first_call_resolution_rate", "the previous range's first_call_resolution_rate, %"},
        {"period_comparison.total_calls_change_pct", "(total_calls - previous) / previous, % (null when previous is 0)"},
        {"period_comparison.fcr_rate_change_points", "first_call_resolution_rate - the previous one, points"}},
       {{"compare", "add period_comparison against the equally long range just before", false, false, false,
         {"previous"}}}},
      {"calls search", "Calls by phone number digits (redacted; each search is audit-logged)", call_filters,
       run_calls_search,
       {{"results[].call_id", "range calls whose phone digits contain the query's, newest first then call_id"},
        {"results[].phone_number_redacted", "***-***- and the last four digits of the call's number"},
        {"results[].start_time", "the call's started_at, UTC"},
        {"results[].duration_seconds", "the call's duration as stored"},
        {"total_count", "every matching call of the range (results shows at most --limit)"},
        {"search_term_redacted", "***-***- and the last four digits of the query"}},
       {{"phone", "digits to look for: at least 4; spaces, '+', '-' are ignored", false, true},
        {"limit", "results to print, 1-100 (default 50)"}},
       false,
       true},
      {"unified", "Cross-product overview: voice, support and knowledge base, shares and blended resolution",
       unified_filters, run_unified,
       {{"profile", "complete (calls and conversations in scope), voice (calls only) or platform (conversations only)"},
        {"voice.total_calls", "as calls kpis; voice is null when the scope holds no call at all"},
        {"voice.first_call_resolution_rate", "as calls kpis, %"},
        {"cs.total_conversations", "as overview; cs is null when the scope holds no conversation at all"},
        {"cs.ai_resolution_rate", "as overview, %"},
        {"cs.csat_avg", "as overview: mean rating of the range's CSAT responses"},
        {"cross_product.total_interactions", "calls + conversations of the range"},
        {"cross_product.blended_resolution_rate",
         "(resolved conversations + first-call-resolved calls) / total_interactions, %"},
        {"cross_product.voice_share", "calls / total_interactions, %"},
        {"cross_product.cs_share", "conversations / total_interactions, %"},
        {"kb.total_published", "published kb articles of the scope (any time); kb is null without articles"},
        {"kb.total_views", "views of the published articles"},
        {"kb.helpfulness_rate", "helpful / (helpful + not_helpful) of the published articles, %"},
        {"kb.ai_resolutions", "always null: the cache has no link from an article to a resolution"}}},
  };
}

}  // namespace convstat::core
