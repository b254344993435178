#include "core/kpi/daily.hpp"

#include <algorithm>
#include <utility>

#include "core/kpi/cursor.hpp"
#include "core/kpi/options.hpp"
#include "core/kpi/stats.hpp"

namespace convstat::core {
namespace {

constexpr std::int64_t k_max_limit = 365;

using Counts = std::vector<std::int64_t>;

Counts zeros(const DayBuckets& buckets) { return Counts(static_cast<std::size_t>(buckets.size())); }

Node day_item(const DayBuckets& buckets, int i) {
  return Node::object().set("date", Node::string(format_date(buckets.day(i))));
}

}  // namespace

DailyPage daily_page(const std::map<std::string, std::string>& options, const std::string& command,
                     const TimeRange& range, const TimeZone& tz) {
  DailyPage page;
  if (options.count("limit"))
    page.limit = bounded_option(options, "limit", 0, 1, k_max_limit, "an integer from 1 to 365");
  const auto cursor = options.find("cursor");
  if (cursor != options.end()) page.offset = decode_day_cursor(cursor->second, command, range, tz);
  return page;
}

List daily_messages_items(const DailyMessageRows& rows, const TimeRange& range, const TimeZone& tz) {
  const DayBuckets buckets(range, tz);
  Counts inbound = zeros(buckets), outbound = zeros(buckets), positive = zeros(buckets), negative = zeros(buckets);
  Counts requests = zeros(buckets), starts = zeros(buckets);
  for (const DailyMessageRow& m : rows.messages) {
    buckets.count(m.at, m.inbound ? inbound : outbound);
    if (m.feedback != 0) buckets.count(m.at, m.feedback > 0 ? positive : negative);
  }
  for (const auto at : rows.handover_requested_at) buckets.count(at, requests);
  for (const auto at : rows.escalated_at) buckets.count(at, starts);
  List items;
  for (int i = 0; i < buckets.size(); ++i) {
    const auto d = static_cast<std::size_t>(i);
    items.push_back(day_item(buckets, i)
                        .set("inbound_messages", Node::integer(inbound[d]))
                        .set("outbound_messages", Node::integer(outbound[d]))
                        .set("positive_feedback", Node::integer(positive[d]))
                        .set("negative_feedback", Node::integer(negative[d]))
                        .set("ht_requests", Node::integer(requests[d]))
                        .set("ht_starts", Node::integer(starts[d])));
  }
  return items;
}

List daily_chats_items(const std::vector<std::int64_t>& started_at, const TimeRange& range, const TimeZone& tz) {
  const DayBuckets buckets(range, tz);
  Counts counts = zeros(buckets);
  for (const auto at : started_at) buckets.count(at, counts);
  List items;
  for (int i = 0; i < buckets.size(); ++i)
    items.push_back(day_item(buckets, i).set("count", Node::integer(counts[static_cast<std::size_t>(i)])));
  return items;
}

List daily_users_items(const std::vector<ContactActivityRow>& rows, const TimeRange& range, const TimeZone& tz) {
  const DayBuckets buckets(range, tz);
  std::vector<std::pair<int, std::int32_t>> active;  // (day, contact), made unique below
  std::vector<std::int64_t> first_seen;               // by contact
  for (const ContactActivityRow& r : rows) {
    const int i = buckets.index(r.started_at);
    if (i < 0) continue;
    active.emplace_back(i, r.contact);
    const auto contact = static_cast<std::size_t>(r.contact);
    if (first_seen.size() <= contact) first_seen.resize(contact + 1);
    first_seen[contact] = r.first_seen_at;
  }
  std::sort(active.begin(), active.end());
  active.erase(std::unique(active.begin(), active.end()), active.end());
  Counts unique = zeros(buckets), returning = zeros(buckets);
  for (const auto& [i, contact] : active) {
    ++unique[static_cast<std::size_t>(i)];
    if (first_seen[static_cast<std::size_t>(contact)] < buckets.start_ms(i)) ++returning[static_cast<std::size_t>(i)];
  }
  List items;
  for (int i = 0; i < buckets.size(); ++i) {
    const auto d = static_cast<std::size_t>(i);
    items.push_back(day_item(buckets, i)
                        .set("unique_users", Node::integer(unique[d]))
                        .set("returning_users", Node::integer(returning[d])));
  }
  return items;
}

List daily_csat_items(const std::vector<CsatResponseRow>& rows, const TimeRange& range, const TimeZone& tz) {
  const DayBuckets buckets(range, tz);
  Counts totals = zeros(buckets);
  std::vector<MeanAccumulator> scores(totals.size());
  for (const CsatResponseRow& r : rows) {
    const int i = buckets.index(r.responded_at);
    if (i < 0) continue;
    ++totals[static_cast<std::size_t>(i)];
    if (r.rating) scores[static_cast<std::size_t>(i)].add(*r.rating);
  }
  List items;
  for (int i = 0; i < buckets.size(); ++i) {
    const auto d = static_cast<std::size_t>(i);
    items.push_back(day_item(buckets, i)
                        .set("total", Node::integer(totals[d]))
                        .set("avg_score", Node::number(scores[d].value(), Unit::decimal1)));
  }
  return items;
}

List daily_ai_quality_items(const std::vector<AiQualityRow>& rows, const TimeRange& range, const TimeZone& tz) {
  const DayBuckets buckets(range, tz);
  std::vector<MeanAccumulator> scores(static_cast<std::size_t>(buckets.size()));
  for (const AiQualityRow& r : rows) {
    const int i = buckets.index(r.started_at);
    if (i >= 0) scores[static_cast<std::size_t>(i)].add(r.ai_quality);
  }
  List items;
  for (int i = 0; i < buckets.size(); ++i) {
    const auto& s = scores[static_cast<std::size_t>(i)];
    items.push_back(day_item(buckets, i)
                        .set("score", Node::number(s.value(), Unit::ratio4))
                        .set("sample_size", Node::integer(s.count)));
  }
  return items;
}

List daily_errors_items(const std::vector<std::int64_t>& error_at, const TimeRange& range, const TimeZone& tz) {
  const DayBuckets buckets(range, tz);
  Counts counts = zeros(buckets);
  for (const auto at : error_at) buckets.count(at, counts);
  List items;
  for (int i = 0; i < buckets.size(); ++i)
    items.push_back(day_item(buckets, i)
                        .set("bucket", Node::string(format_instant_local(buckets.start_ms(i), tz)))
                        .set("error_count", Node::integer(counts[static_cast<std::size_t>(i)])));
  return items;
}

std::string daily_count_key(const std::string& command) {
  if (command == "daily messages" || command == "daily ai-quality") return "total_days";
  if (command == "daily csat") return "days_count";
  return "total_count";
}

Result compute_daily(const std::string& command, const List& items, const DailyPage& page, const TimeRange& range,
                     const TimeZone& tz) {
  const auto total = static_cast<std::int64_t>(items.size());
  const std::int64_t begin = std::min(page.offset, total);
  const std::int64_t end = page.limit ? std::min(total, begin + *page.limit) : total;
  Node data = Node::list();
  for (std::int64_t i = begin; i < end; ++i) data.push(items[static_cast<std::size_t>(i)]);
  const Node next = end < total ? Node::string(encode_day_cursor(command, range, tz, end)) : Node();
  std::string title = command;
  title[0] = 'D';
  Result result{command, title, Node::object(), "data"};
  result.root.set("status", Node::string("SUCCESS"))
      .set("data", std::move(data))
      .set("metadata", Node::object().set(daily_count_key(command), Node::integer(total)).set("next_cursor", next));
  return result;
}

}  // namespace convstat::core
