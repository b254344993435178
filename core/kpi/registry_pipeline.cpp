// The speech/LLM pipeline KPI commands [seeds 000-003]: usage, usage
// daily|monthly, latency, sessions costs|metrics|list, feedback, feedback add.
#include "core/kpi/registry_parts.hpp"

#include "core/error.hpp"
#include "core/kpi/feedback.hpp"
#include "core/kpi/latency.hpp"
#include "core/kpi/options.hpp"
#include "core/kpi/sessions.hpp"
#include "core/kpi/usage.hpp"
#include "core/query/feedback.hpp"
#include "core/query/latency.hpp"
#include "core/query/sessions.hpp"
#include "core/query/usage.hpp"

namespace convstat::core {
namespace {

constexpr std::int64_t k_max_sessions = 1000;  // sessions list --limit bound

std::string option_or(const KpiRequest& r, const std::string& name, const std::string& fallback) {
  const auto it = r.options.find(name);
  return it == r.options.end() ? fallback : it->second;
}

Result run_usage(const KpiRequest& r) {
  const std::string by = option_or(r, "by", "provider");
  if (by != "provider" && by != "model") throw UsageError("invalid --by '" + by + "' (expected provider or model)");
  UsageInputs inputs{load_conversation_starts(r.cache, r.range, r.filters), load_call_starts(r.cache, r.range, r.filters),
                     load_llm_usage(r.cache, r.range, r.filters, by == "model"),
                     load_call_tokens(r.cache, r.range, r.filters),
                     load_api_events(r.cache, r.range, r.filters.tenant)};
  return compute_usage(std::move(inputs), r.range, r.tz, by == "model");
}

Result run_usage_series(const KpiRequest& r, SeriesStep step) {
  return compute_usage_series(load_conversation_starts(r.cache, r.range, r.filters),
                              load_message_instants(r.cache, r.range, r.filters), r.range, r.tz, step);
}

Result run_latency(const KpiRequest& r) {
  const auto it = r.options.find("by");
  std::optional<std::string> by;
  std::string column;
  if (it != r.options.end()) {
    by = it->second;
    if (*by == "language") column = "language_code";
    else if (*by == "optimization_level") column = "optimization_level";
    else throw UsageError("invalid --by '" + *by + "' (expected language or optimization_level)");
  }
  return compute_latency(load_latency_groups(r.cache, r.range, r.filters, column), by);
}

// The session of `sessions costs|metrics ID`, any time; DataError when no record refers to it.
SessionRecords session_of(const KpiRequest& r) {
  const std::string id = option_or(r, "id", "");
  if (!session_exists(r.cache, id, r.filters.tenant))
    throw DataError("Session not found", "no record refers to session '" + id + "' in the cache");
  return load_session(r.cache, id, r.filters.tenant);
}

Result run_sessions_list(const KpiRequest& r) {
  const SessionSort sort = session_sort(r.options);  // usage errors before any query
  const std::int64_t limit = bounded_option(r.options, "limit", 50, 1, k_max_sessions, "1-1000");
  return compute_session_list(load_session_summaries(r.cache, r.range, r.filters.tenant), sort, limit);
}

Result run_feedback_add(const KpiRequest& r) {
  return add_feedback(r.cache, r.options, r.filters.tenant, r.range.as_of_ms);
}

std::vector<MetricDoc> stage_docs(const std::string& prefix) {
  std::vector<MetricDoc> docs;
  for (const char* stage : k_stage_names) {
    const std::string p = prefix + stage;
    docs.push_back({p + ".count", std::string("turns carrying ") + stage + " latency"});
    docs.push_back({p + ".avg_ms", "their mean latency, ms"});
    docs.push_back({p + ".p50_ms", "50th percentile (linear interpolation), ms"});
    docs.push_back({p + ".p90_ms", "90th percentile, ms"});
    docs.push_back({p + ".p95_ms", "95th percentile, ms"});
    docs.push_back({p + ".p99_ms", "99th percentile, ms"});
    docs.push_back({p + ".max_ms", "the largest, ms"});
  }
  return docs;
}

std::vector<MetricDoc> latency_docs() {
  std::vector<MetricDoc> docs = stage_docs("");
  docs.push_back({"by", "--by: language or optimization_level"});
  docs.push_back({"groups[].key", "the turns' language_code or optimization_level, by turns desc then key"});
  docs.push_back({"groups[].turns", "range turns of the group"});
  for (auto& d : stage_docs("groups[].")) docs.push_back(std::move(d));
  return docs;
}

std::vector<MetricDoc> series_docs(const char* bucket) {
  const std::string b = bucket;
  return {{"data[]." + std::string(b == "day" ? "date" : "month"), "every local " + b + " of the range in --tz"},
          {"data[].conversations", "conversations started in the " + b},
          {"data[].messages", "messages with at in the " + b},
          {"data[].active_users", "distinct contact_id (per tenant) of the " + b + "'s conversations"}};
}

}  // namespace

std::vector<KpiDefinition> pipeline_kpis() {
  const auto& conv = conversation_filter_names();
  std::vector<std::string> usage_filters = conv;
  usage_filters.push_back("outcome");
  return {
      {"usage", "Usage patterns: interactions per hour, weekday and month, LLM usage, tokens per call, API", usage_filters,
       run_usage,
       {{"total_conversations", "conversations started in the range"},
        {"active_users", "distinct contact_id (per tenant) of those conversations"},
        {"total_calls", "calls started in the range (--bot, --outcome apply)"},
        {"hourly_distribution[].count", "conversations + calls started in that local hour (--tz), all 24 hours"},
        {"weekly_distribution[].count", "conversations + calls started on that ISO weekday (1 = Monday), all 7"},
        {"monthly_trends[].count", "conversations + calls started in that month, every month the range touches"},
        {"llm_usage[].provider", "provider of usage entries with service llm, by total_requests desc then provider"},
        {"llm_usage[].model", "with --by model: the model (null: none given)"},
        {"llm_usage[].total_requests", "llm usage entries in the range"},
        {"llm_usage[].total_input_tokens", "their input_tokens (absent: 0)"},
        {"llm_usage[].total_output_tokens", "their output_tokens (absent: 0)"},
        {"llm_usage[].avg_latency_ms", "mean latency_ms over the entries carrying one, ms"},
        {"llm_usage[].p95_latency_ms", "95th percentile of the same, ms"},
        {"llm_usage[].error_count", "entries with error"},
        {"llm_usage[].total_cost_usd", "their cost_usd, USD"},
        {"avg_tokens_per_call", "input + output tokens of usage entries with a call_id / distinct such calls"},
        {"api.total_requests", "events of kind api_request or api_error in the range (--tenant only)"},
        {"api.error_count", "of those, kind api_error or status_code >= 500"},
        {"api.error_rate", "error_count / total_requests, %"},
        {"api.avg_latency_ms", "mean latency_ms of the requests carrying one, ms"},
        {"api.p95_latency_ms", "95th percentile of the same, ms"}},
       {{"by", "group llm_usage by provider (default) or by provider and model", false, false, false,
         {"provider", "model"}}}},
      {"usage daily", "Daily usage: conversations, messages and active users per day, zero-filled", conv,
       [](const KpiRequest& r) { return run_usage_series(r, SeriesStep::day); }, series_docs("day")},
      {"usage monthly", "Monthly usage: conversations, messages and active users per month, zero-filled", conv,
       [](const KpiRequest& r) { return run_usage_series(r, SeriesStep::month); }, series_docs("month")},
      {"latency", "Pipeline latency percentiles per stage (asr, llm, translation, tts, total) over turns", conv,
       run_latency, latency_docs(),
       {{"by", "one group per language_code or optimization_level", false, false, false,
         {"language", "optimization_level"}}}},
      {"sessions", "Speech/LLM sessions: costs, metrics, list", {}, nullptr, {}},
      {"sessions costs", "One session's costs by service and provider, cache savings (any time)", {},
       [](const KpiRequest& r) { return compute_session_costs(session_of(r)); },
       {{"total_cost_usd", "cost_usd of the session's usage entries, USD"},
        {"breakdown_by_service", "cost per service, keys in alphabetical order, USD"},
        {"breakdown_by_provider", "cost per provider, keys in alphabetical order, USD"},
        {"total_entries", "the session's usage entries"},
        {"cache_savings_usd", "50 % of the cost of cached entries, USD"},
        {"optimization_level", "of the latest turn or entry carrying one"}},
       {{"id", "the session id (a conversation_id)", true, true}}},
      {"sessions metrics", "One session's turns, stage latencies, cache hits, guardrails, cost (any time)", {},
       [](const KpiRequest& r) { return compute_session_metrics(session_of(r)); },
       {{"total_turns", "the session's turns"},
        {"successful_turns", "turns with status success"},
        {"failed_turns", "turns with status failed"},
        {"interrupted_turns", "turns with status interrupted (barge-in)"},
        {"avg_asr_latency_ms", "mean asr_ms over the turns carrying it, ms"},
        {"avg_llm_latency_ms", "mean llm_ms, ms"},
        {"avg_translation_latency_ms", "mean translation_ms, ms"},
        {"avg_tts_latency_ms", "mean tts_ms, ms"},
        {"avg_total_latency_ms", "mean total_ms, ms"},
        {"cache_hit_rate", "(llm + tts hits) / (llm + tts hits and misses), 0-1"},
        {"llm_cache_hits", "turns with llm_cache hit"},
        {"llm_cache_misses", "turns with llm_cache miss"},
        {"tts_cache_hits", "turns with tts_cache hit"},
        {"tts_cache_misses", "turns with tts_cache miss"},
        {"guardrail_violations", "sum of guardrail_violations"},
        {"guardrail_blocks", "turns with guardrail_blocked"},
        {"total_cost_usd", "cost_usd of the session's usage entries, USD"},
        {"optimization_level", "of the latest turn or entry carrying one"},
        {"language_code", "the latest turn's carrying one, else the conversation's language"}},
       {{"id", "the session id (a conversation_id)", true, true}}},
      {"sessions list", "Sessions with turns or usage in the range, costliest (or slowest, most failing) first", {},
       run_sessions_list,
       {{"[].session_id", "sessions with turns or usage entries in the range; descending by --sort, ties by id"},
        {"[].turns", "the session's turns in the range"},
        {"[].failed_turns", "of those, status failed"},
        {"[].total_cost_usd", "cost_usd of the session's usage entries in the range, USD"},
        {"[].avg_total_latency_ms", "mean total_ms of the range turns carrying it, ms"}},
       {{"sort", "cost (default), latency or failures, descending", false, false, false,
         {"cost", "latency", "failures"}},
        {"limit", "sessions to print, 1-1000 (default 50)"}}},
      {"feedback", "User feedback: thumbs, stars, flags, categories", conv,
       [](const KpiRequest& r) { return compute_feedback(load_feedback(r.cache, r.range, r.filters)); },
       {{"total", "feedback records created in the range"},
        {"thumbs_up", "thumbs records rated 1"},
        {"thumbs_down", "thumbs records rated -1"},
        {"thumbs_up_rate", "thumbs_up / (thumbs_up + thumbs_down), %"},
        {"stars_count", "stars records"},
        {"stars_avg", "mean rating of the stars records"},
        {"flags.incorrect_response", "records flagged incorrect_response"},
        {"flags.too_slow", "records flagged too_slow"},
        {"flags.unhelpful", "records flagged unhelpful"},
        {"flags.offensive", "records flagged offensive"},
        {"by_category[].count", "records per feedback_category (none left out), by count desc then category"}}},
      {"feedback add", "Store one feedback record (id = next integer of the tenant, created_at = --as-of or now)", {},
       run_feedback_add,
       {{"id", "the new record's id: 1 + the tenant's largest all-digit feedback id"},
        {"session_id", "--conversation"},
        {"rating", "--rating"},
        {"rating_type", "--rating-type"},
        {"created_at", "--as-of when given, else now, UTC"}},
       {{"conversation", "the session (conversation) id", false, true},
        {"rating", "thumbs: -1 or 1; stars: 1-5", false, true},
        {"rating-type", "thumbs or stars", false, true, false, {"thumbs", "stars"}},
        {"text", "free-form feedback text"},
        {"category", "feedback category (quality, accuracy, speed, ...)"},
        {"incorrect-response", "flag: the response was incorrect", false, false, true},
        {"too-slow", "flag: the response was too slow", false, false, true},
        {"unhelpful", "flag: the response was unhelpful", false, false, true},
        {"offensive", "flag: the response was offensive", false, false, true},
        {"turn", "the turn id"},
        {"message", "the message id"}},
       false,
       true},
  };
}

}  // namespace convstat::core
