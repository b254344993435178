#include "core/kpi/calls.hpp"

#include <algorithm>
#include <array>

#include "core/error.hpp"
#include "core/kpi/options.hpp"
#include "core/kpi/stats.hpp"
#include "core/util/redact.hpp"

namespace convstat::core {
namespace {

using Key = std::optional<std::string>;  // a breakdown key; null sorts first

struct KeyCount {
  Key key;
  std::int64_t count = 0;
  std::int64_t resolved = 0;
};

// Counts per key, by count desc then key (null first).
template <typename KeyOf, typename IsResolved>
std::vector<KeyCount> breakdown(const std::vector<CallRow>& calls, KeyOf key_of, IsResolved is_resolved) {
  std::map<Key, KeyCount> by_key;
  for (const CallRow& c : calls) {
    KeyCount& k = by_key[key_of(c)];
    k.key = key_of(c);
    ++k.count;
    k.resolved += is_resolved(c) ? 1 : 0;
  }
  std::vector<KeyCount> out;
  for (auto& [key, k] : by_key) out.push_back(std::move(k));
  std::stable_sort(out.begin(), out.end(), [](const KeyCount& a, const KeyCount& b) { return a.count > b.count; });
  return out;
}

std::optional<double> fcr_rate(const std::vector<CallRow>& calls) {
  const auto fcr = std::count_if(calls.begin(), calls.end(), [](const CallRow& c) { return c.first_call_resolution; });
  return percent(fcr, static_cast<std::int64_t>(calls.size()));
}

Node call_volume(const std::vector<CallRow>& calls, const TimeRange& range, const TimeZone& tz) {
  const DayBuckets buckets(range, tz);
  std::vector<std::array<std::int64_t, 2>> days(static_cast<std::size_t>(buckets.size()));  // completed, failed
  for (const CallRow& c : calls) {
    const int i = buckets.index(c.started_at);
    if (i >= 0) ++days[static_cast<std::size_t>(i)][c.completed ? 0 : 1];
  }
  Node list = Node::list();
  for (int i = 0; i < buckets.size(); ++i) {
    const auto& [completed, failed] = days[static_cast<std::size_t>(i)];
    list.push(Node::object()
                  .set("date", Node::string(format_date(buckets.day(i))))
                  .set("total_calls", Node::integer(completed + failed))
                  .set("completed_calls", Node::integer(completed))
                  .set("failed_calls", Node::integer(failed)));
  }
  return list;
}

Node outcome_breakdown(const std::vector<CallRow>& calls) {
  const auto total = static_cast<std::int64_t>(calls.size());
  Node list = Node::list();
  for (const KeyCount& k :
       breakdown(calls, [](const CallRow& c) { return c.outcome; }, [](const CallRow&) { return false; }))
    list.push(Node::object()
                  .set("outcome", Node::string(k.key))
                  .set("count", Node::integer(k.count))
                  .set("percentage", Node::number(percent(k.count, total), Unit::percent)));
  return list;
}

Node peak_hours(const std::vector<CallRow>& calls, const TimeZone& tz) {
  std::array<std::int64_t, 7 * 24> cells{};  // (day_of_week - 1) * 24 + hour
  for (const CallRow& c : calls)
    ++cells[static_cast<std::size_t>((iso_weekday(tz.local_day(c.started_at)) - 1) * 24 + tz.local_hour(c.started_at))];
  std::vector<int> order;
  for (int i = 0; i < 7 * 24; ++i)
    if (cells[static_cast<std::size_t>(i)] > 0) order.push_back(i);
  // Cell index order is day_of_week, then hour: the tie order.
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return cells[static_cast<std::size_t>(a)] > cells[static_cast<std::size_t>(b)];
  });
  Node list = Node::list();
  for (const int i : order)
    list.push(Node::object()
                  .set("hour", Node::integer(i % 24))
                  .set("day_of_week", Node::integer(i / 24 + 1))
                  .set("call_count", Node::integer(cells[static_cast<std::size_t>(i)])));
  return list;
}

Node fcr_trend(const std::vector<CallRow>& calls, const TimeRange& range, const TimeZone& tz) {
  const DayBuckets buckets(range, tz);
  std::vector<std::array<std::int64_t, 2>> days(static_cast<std::size_t>(buckets.size()));  // total, fcr
  for (const CallRow& c : calls) {
    const int i = buckets.index(c.started_at);
    if (i < 0) continue;
    ++days[static_cast<std::size_t>(i)][0];
    days[static_cast<std::size_t>(i)][1] += c.first_call_resolution ? 1 : 0;
  }
  Node list = Node::list();
  for (int i = 0; i < buckets.size(); ++i) {
    const auto& [total, fcr] = days[static_cast<std::size_t>(i)];
    list.push(Node::object()
                  .set("date", Node::string(format_date(buckets.day(i))))
                  .set("total_calls", Node::integer(total))
                  .set("fcr_rate", Node::number(percent(fcr, total), Unit::percent)));
  }
  return list;
}

Node resolution_by_category(const std::vector<CallRow>& calls) {
  Node list = Node::list();
  for (const KeyCount& k : breakdown(
           calls, [](const CallRow& c) { return c.category; }, [](const CallRow& c) { return c.first_call_resolution; }))
    list.push(Node::object()
                  .set("category", Node::string(k.key))
                  .set("total_calls", Node::integer(k.count))
                  .set("resolved", Node::integer(k.resolved))
                  .set("resolution_rate", Node::number(percent(k.resolved, k.count), Unit::percent)));
  return list;
}

std::optional<double> avg_resolution_seconds(const std::vector<CallRow>& calls) {
  MeanAccumulator m;
  for (const CallRow& c : calls)
    if (c.resolution_seconds) m.add(*c.resolution_seconds);
  return m.value();
}

// A first or last day of the range as a date; null for an empty range.
std::optional<std::string> period_day(std::int32_t day, const TimeRange& range) {
  if (range.day_count() == 0) return std::nullopt;
  return format_date(day);
}

Node period_comparison(const std::vector<CallRow>& calls, const PreviousCalls& previous) {
  const auto now = static_cast<std::int64_t>(calls.size());
  const auto before = static_cast<std::int64_t>(previous.calls.size());
  const std::optional<double> rate_now = fcr_rate(calls), rate_before = fcr_rate(previous.calls);
  std::optional<double> change_pct, change_points;
  if (before > 0) change_pct = (static_cast<double>(now) - static_cast<double>(before)) / static_cast<double>(before) * 100.0;
  if (rate_now && rate_before) change_points = *rate_now - *rate_before;
  return Node::object()
      .set("previous_start", Node::string(period_day(previous.range.first_day, previous.range)))
      .set("previous_end", Node::string(period_day(previous.range.last_day, previous.range)))
      .set("total_calls", Node::integer(before))
      .set("first_call_resolution_rate", Node::number(rate_before, Unit::percent))
      .set("total_calls_change_pct", Node::number(change_pct, Unit::percent))
      .set("fcr_rate_change_points", Node::number(change_points, Unit::decimal1));
}

}  // namespace

Node call_kpis(const std::vector<CallRow>& calls) {
  std::int64_t completed = 0, tickets = 0, escalations = 0;
  MeanAccumulator duration;
  for (const CallRow& c : calls) {
    if (c.completed) {
      ++completed;
      duration.add(c.duration_seconds);
    }
    tickets += c.tickets_created;
    escalations += c.escalated ? 1 : 0;
  }
  const auto total = static_cast<std::int64_t>(calls.size());
  return Node::object()
      .set("total_calls", Node::integer(total))
      .set("completed_calls", Node::integer(completed))
      .set("failed_calls", Node::integer(total - completed))
      .set("avg_duration_seconds", Node::number(duration.value(), Unit::decimal1))
      .set("first_call_resolution_rate", Node::number(fcr_rate(calls), Unit::percent))
      .set("tickets_created", Node::integer(tickets))
      .set("escalation_count", Node::integer(escalations));
}

Result compute_calls(const std::vector<CallRow>& calls, const TimeRange& range, const TimeZone& tz) {
  Node kpis = call_kpis(calls);
  kpis.set("period_start", Node::string(period_day(range.first_day, range)))
      .set("period_end", Node::string(period_day(range.last_day, range)));
  Result result{"calls", "Call metrics", Node::object(), "call_volume"};
  result.root.set("kpis", std::move(kpis))
      .set("call_volume", call_volume(calls, range, tz))
      .set("outcome_breakdown", outcome_breakdown(calls))
      .set("peak_hours", peak_hours(calls, tz));
  result.heatmap = Heatmap{"peak_hours", "day_of_week", "hour", "call_count", "calls by weekday and hour (" + tz.name() + ")"};
  return result;
}

Result compute_calls_resolution(const std::vector<CallRow>& calls, const TimeRange& range, const TimeZone& tz,
                                const std::optional<PreviousCalls>& previous) {
  Result result{"calls resolution", "Call resolution", Node::object(), "fcr_trend"};
  result.root.set("fcr_trend", fcr_trend(calls, range, tz))
      .set("resolution_by_category", resolution_by_category(calls))
      .set("avg_resolution_time_seconds", Node::number(avg_resolution_seconds(calls), Unit::decimal1))
      .set("period_comparison", previous ? period_comparison(calls, *previous) : Node::null());
  return result;
}

PhoneSearch phone_search(const std::map<std::string, std::string>& options) {
  PhoneSearch search;
  const auto it = options.find("phone");
  search.digits = digits_of(it == options.end() ? std::string_view() : std::string_view(it->second));
  if (search.digits.size() < 4)
    throw UsageError("--phone needs at least 4 digits (got " + std::to_string(search.digits.size()) + ")",
                     "spaces, '+', '-' and other non-digits are ignored");
  search.limit = bounded_option(options, "limit", 50, 1, 100, "1-100");
  return search;
}

Result compute_calls_search(const std::vector<PhoneMatch>& matches, const PhoneSearch& search) {
  Node results = Node::list();
  const auto shown = std::min<std::size_t>(matches.size(), static_cast<std::size_t>(search.limit));
  for (std::size_t i = 0; i < shown; ++i) {
    const PhoneMatch& m = matches[i];
    results.push(Node::object()
                     .set("call_id", Node::string(m.call_id))
                     .set("phone_number_redacted", Node::string(m.phone_redacted))
                     .set("start_time", Node::string(format_instant_utc(m.started_at)))
                     .set("duration_seconds", Node::number(m.duration_seconds, Unit::raw))
                     .set("outcome", Node::string(m.outcome))
                     .set("status", Node::string(m.status)));
  }
  Result result{"calls search", "Calls by phone number", Node::object(), "results"};
  result.root.set("results", std::move(results))
      .set("total_count", Node::integer(static_cast<std::int64_t>(matches.size())))
      .set("search_term_redacted", Node::string(redact_phone(search.digits)));
  return result;
}

}  // namespace convstat::core
