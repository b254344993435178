#include "core/kpi/usage.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

#include "core/kpi/stats.hpp"

namespace convstat::core {
namespace {

// The buckets of a series: the local days of the range, or the months they
// fall in; bucket_of[day index] = the bucket of that day.
struct Buckets {
  std::vector<std::string> labels;
  std::vector<int> bucket_of;
};

Buckets buckets_of(const DayBuckets& days, SeriesStep step) {
  Buckets b;
  for (int i = 0; i < days.size(); ++i) {
    std::string label = step == SeriesStep::day ? format_date(days.day(i)) : format_month(days.day(i));
    if (b.labels.empty() || b.labels.back() != label) b.labels.push_back(std::move(label));
    b.bucket_of.push_back(static_cast<int>(b.labels.size()) - 1);
  }
  return b;
}

// The bucket of an instant, or -1 outside the range.
int bucket(const DayBuckets& days, const Buckets& b, std::int64_t at) {
  const int day = days.index(at);
  return day < 0 ? -1 : b.bucket_of[static_cast<std::size_t>(day)];
}

Node number_list(const std::vector<std::int64_t>& counts, const char* key, int first) {
  Node list = Node::list();
  for (std::size_t i = 0; i < counts.size(); ++i)
    list.push(Node::object().set(key, Node::integer(static_cast<std::int64_t>(i) + first)).set("count",
                                                                                              Node::integer(counts[i])));
  return list;
}

struct Distributions {
  std::vector<std::int64_t> hourly = std::vector<std::int64_t>(24), weekly = std::vector<std::int64_t>(7), monthly;
};

void count_interaction(const DayBuckets& days, const Buckets& months, const TimeZone& tz, std::int64_t at,
                       Distributions& d) {
  const int day = days.index(at);
  if (day < 0) return;
  ++d.hourly[static_cast<std::size_t>(tz.local_hour(at))];
  ++d.weekly[static_cast<std::size_t>(iso_weekday(days.day(day)) - 1)];
  ++d.monthly[static_cast<std::size_t>(months.bucket_of[static_cast<std::size_t>(day)])];
}

Node latency_number(std::optional<double> v) { return Node::number(v, Unit::decimal1); }

Node llm_usage(std::vector<LlmUsageGroup>& groups, bool by_model) {
  std::sort(groups.begin(), groups.end(), [](const LlmUsageGroup& a, const LlmUsageGroup& b) {
    if (a.requests != b.requests) return a.requests > b.requests;
    return std::tie(a.provider, a.model) < std::tie(b.provider, b.model);
  });
  Node list = Node::list();
  for (auto& g : groups) {
    Node item = Node::object().set("provider", Node::string(g.provider));
    if (by_model) item.set("model", Node::string(g.model));
    const auto avg = mean(g.latencies_ms);
    item.set("total_requests", Node::integer(g.requests))
        .set("total_input_tokens", Node::integer(g.input_tokens))
        .set("total_output_tokens", Node::integer(g.output_tokens))
        .set("avg_latency_ms", latency_number(avg))
        .set("p95_latency_ms", latency_number(percentile(g.latencies_ms, 95)))
        .set("error_count", Node::integer(g.error_count))
        .set("total_cost_usd", Node::number(g.cost_usd, Unit::usd));
    list.push(std::move(item));
  }
  return list;
}

Node api_block(ApiEvents& api) {
  const auto avg = mean(api.latencies_ms);
  return Node::object()
      .set("total_requests", Node::integer(api.requests))
      .set("error_count", Node::integer(api.errors))
      .set("error_rate", Node::number(percent(api.errors, api.requests), Unit::percent))
      .set("avg_latency_ms", latency_number(avg))
      .set("p95_latency_ms", latency_number(percentile(api.latencies_ms, 95)));
}

}  // namespace

Result compute_usage(UsageInputs inputs, const TimeRange& range, const TimeZone& tz, bool by_model) {
  const DayBuckets days(range, tz);
  const Buckets months = buckets_of(days, SeriesStep::month);
  Distributions d;
  d.monthly.assign(months.labels.size(), 0);
  std::vector<bool> active(static_cast<std::size_t>(inputs.conversations.contact_count));
  std::int64_t conversations = 0, calls = 0, active_users = 0;
  const auto& starts = inputs.conversations.started_at;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    if (!range.contains(starts[i])) continue;
    ++conversations;
    count_interaction(days, months, tz, starts[i], d);
    const std::int32_t contact = inputs.conversations.contact[i];
    if (contact >= 0 && !active[static_cast<std::size_t>(contact)]) {
      active[static_cast<std::size_t>(contact)] = true;
      ++active_users;
    }
  }
  for (const auto at : inputs.call_starts) {
    if (!range.contains(at)) continue;
    ++calls;
    count_interaction(days, months, tz, at, d);
  }
  Node monthly = Node::list();
  for (std::size_t i = 0; i < months.labels.size(); ++i)
    monthly.push(Node::object().set("month", Node::string(months.labels[i])).set("count", Node::integer(d.monthly[i])));
  Result result{"usage", "Usage patterns and LLM usage", Node::object(), "llm_usage"};
  result.root.set("total_conversations", Node::integer(conversations))
      .set("active_users", Node::integer(active_users))
      .set("total_calls", Node::integer(calls))
      .set("hourly_distribution", number_list(d.hourly, "hour", 0))
      .set("weekly_distribution", number_list(d.weekly, "day_of_week", 1))
      .set("monthly_trends", std::move(monthly))
      .set("llm_usage", llm_usage(inputs.llm, by_model))
      .set("avg_tokens_per_call",
           Node::number(ratio(static_cast<double>(inputs.call_tokens.tokens), inputs.call_tokens.calls), Unit::ratio4))
      .set("api", api_block(inputs.api));
  return result;
}

Result compute_usage_series(const ConversationStarts& conversations, const std::vector<std::int64_t>& message_at,
                            const TimeRange& range, const TimeZone& tz, SeriesStep step) {
  const DayBuckets days(range, tz);
  const Buckets b = buckets_of(days, step);
  const std::size_t n = b.labels.size();
  std::vector<std::int64_t> started(n), messages(n), users(n);
  std::vector<std::pair<int, std::int32_t>> seen;  // (bucket, contact)
  for (std::size_t i = 0; i < conversations.started_at.size(); ++i) {
    const int k = bucket(days, b, conversations.started_at[i]);
    if (k < 0) continue;
    ++started[static_cast<std::size_t>(k)];
    if (conversations.contact[i] >= 0) seen.emplace_back(k, conversations.contact[i]);
  }
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  for (const auto& [k, contact] : seen) ++users[static_cast<std::size_t>(k)];
  for (const auto at : message_at) {
    const int k = bucket(days, b, at);
    if (k >= 0) ++messages[static_cast<std::size_t>(k)];
  }
  const bool daily = step == SeriesStep::day;
  Node data = Node::list();
  for (std::size_t i = 0; i < n; ++i)
    data.push(Node::object()
                  .set(daily ? "date" : "month", Node::string(b.labels[i]))
                  .set("conversations", Node::integer(started[i]))
                  .set("messages", Node::integer(messages[i]))
                  .set("active_users", Node::integer(users[i])));
  Result result{daily ? "usage daily" : "usage monthly", daily ? "Daily usage" : "Monthly usage", Node::object(),
                "data"};
  result.root.set("data", std::move(data));
  return result;
}

}  // namespace convstat::core
