#include "core/kpi/dashboard.hpp"

#include <set>
#include <utility>

namespace convstat::core {
namespace {

using TenantKey = std::pair<std::string, std::string>;  // (tenant, id)

Node usage_trend(const DashboardRows& rows, const TimeRange& range, const TimeZone& tz) {
  const DayBuckets buckets(range, tz);
  std::vector<std::int64_t> conversations(static_cast<std::size_t>(buckets.size()));
  std::vector<std::int64_t> messages(conversations.size());
  for (const auto& c : rows.conversations) buckets.count(c.started_at, conversations);
  for (const auto at : rows.message_at) buckets.count(at, messages);
  Node list = Node::list();
  for (int i = 0; i < buckets.size(); ++i) {
    const auto day = static_cast<std::size_t>(i);
    list.push(Node::object()
                  .set("date", Node::string(format_date(buckets.day(i))))
                  .set("conversations", Node::integer(conversations[day]))
                  .set("messages", Node::integer(messages[day])));
  }
  return list;
}

std::int64_t count_in(const std::vector<std::int64_t>& instants, const TimeRange& range) {
  std::int64_t n = 0;
  for (const auto at : instants) n += range.contains(at) ? 1 : 0;
  return n;
}

}  // namespace

Result compute_dashboard(const DashboardRows& rows, const TimeRange& range, const TimeZone& tz) {
  std::set<TenantKey> bots, contacts;
  std::int64_t conversations = 0, calls = 0;
  for (const auto& c : rows.conversations) {
    if (!range.contains(c.started_at)) continue;
    ++conversations;
    if (c.bot_id) bots.emplace(c.tenant, *c.bot_id);
    if (c.contact_id) contacts.emplace(c.tenant, *c.contact_id);
  }
  for (const auto& c : rows.calls) {
    if (!range.contains(c.started_at)) continue;
    ++calls;
    if (c.bot_id) bots.emplace(c.tenant, *c.bot_id);
  }
  Result result{"dashboard", "Dashboard", Node::object(), "usage_trend"};
  result.root.set("bots", Node::integer(static_cast<std::int64_t>(bots.size())))
      .set("conversations", Node::integer(conversations))
      .set("messages", Node::integer(count_in(rows.message_at, range)))
      .set("leads", Node::integer(count_in(rows.lead_created_at, range)))
      .set("contacts", Node::integer(static_cast<std::int64_t>(contacts.size())))
      .set("calls", Node::integer(calls))
      .set("usage_trend", usage_trend(rows, range, tz));
  result.sparkline = Sparkline{"usage_trend", "conversations", "conversations/day"};
  return result;
}

}  // namespace convstat::core
