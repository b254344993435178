#include "core/kpi/csat.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>

#include "core/error.hpp"
#include "core/kpi/agents.hpp"
#include "core/kpi/options.hpp"
#include "core/kpi/stats.hpp"
#include "core/util/redact.hpp"

namespace convstat::core {
namespace {

// Free text shown in a KPI result: e-mail addresses and phone numbers redacted.
std::optional<std::string> redacted(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return redact_text(*text);
}

constexpr std::int64_t k_max_limit = 200;

bool responded_in(const CsatRecordRow& r, const TimeRange& range) {
  return has_time(r.responded_at) && range.contains(r.responded_at);
}

Node distribution(const std::array<std::int64_t, 6>& counts) {
  Node list = Node::list();
  for (int rating = 5; rating >= 1; --rating)
    list.push(Node::object()
                  .set("rating", Node::integer(rating))
                  .set("response_count", Node::integer(counts[static_cast<std::size_t>(rating)])));
  return list;
}

Node trend(const DayBuckets& buckets, const std::vector<MeanAccumulator>& days) {
  Node list = Node::list();
  for (int i = 0; i < buckets.size(); ++i) {
    const MeanAccumulator& day = days[static_cast<std::size_t>(i)];
    list.push(Node::object()
                  .set("day", Node::string(format_date(buckets.day(i))))
                  .set("count", Node::integer(day.count))
                  .set("avg_rating", Node::number(day.value(), Unit::decimal1)));
  }
  return list;
}

Node per_agent(const std::map<std::string, CsatAgent>& agents) {
  std::vector<std::pair<std::string, CsatAgent>> sorted(agents.begin(), agents.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second.ratings.count() > b.second.ratings.count(); });
  Node list = Node::list();
  for (const auto& [id, a] : sorted)
    list.push(Node::object()
                  .set("assignee_user_id", Node::string(id))
                  .set("assignee_name", Node::string(a.name.name()))
                  .set("response_count", Node::integer(a.ratings.count()))
                  .set("avg_rating", Node::number(a.ratings.mean.value(), Unit::decimal1))
                  .set("positive_rate", Node::number(percent(a.ratings.positive, a.ratings.count()), Unit::percent)));
  return list;
}

Node item(const CsatRecordRow& r) {
  return Node::object()
      .set("id", Node::string(r.id))
      .set("conversation_id", Node::string(r.conversation_id))
      .set("contact_id", Node::string(r.contact_id))
      .set("rating", r.rating ? Node::integer(*r.rating) : Node::null())
      .set("comment", Node::string(redacted(r.comment)))
      .set("followup_answer", Node::string(redacted(r.followup_answer)))
      .set("channel", Node::string(r.channel))
      .set("sent_at", Node::string(format_instant_utc(r.sent_at)))
      .set("responded_at", Node::string(format_instant_utc(r.responded_at)))
      .set("conversation_subject", Node::string(r.subject))
      .set("assignee_user_id", Node::string(r.assignee_id))
      .set("assignee_name", Node::string(r.assignee_name))
      .set("assignee_team_id", Node::string(r.team_id))
      .set("assignee_team_name", Node::string(r.team_name));
}

}  // namespace

Node csat_block(const std::vector<CsatRecordRow>& records, const TimeRange& range, const TimeZone& tz) {
  const DayBuckets buckets(range, tz);
  CsatTotals t;
  t.trend_days.resize(static_cast<std::size_t>(buckets.size()));
  for (const auto& r : records) {
    if (range.contains(r.sent_at)) {
      ++t.sent;
      if (has_time(r.responded_at)) ++t.sent_answered;
    }
    if (!responded_in(r, range)) continue;
    ++t.total;
    if (!r.rating) continue;
    t.add_rating(*r.rating);
    if (const int i = buckets.index(r.responded_at); i >= 0) t.trend_days[static_cast<std::size_t>(i)].add(*r.rating);
    if (!r.assignee_id) continue;
    CsatAgent& a = t.per_agent[*r.assignee_id];
    a.name.offer(r.assignee_name, r.conversation_started_at, r.conversation_id);
    a.ratings.add(*r.rating);
  }
  return csat_totals_block(t, buckets);
}

void CsatTotals::add_rating(int rating) {
  ratings.add(rating);
  if (rating >= 1 && rating <= 5) ++counts[static_cast<std::size_t>(rating)];
}

Node csat_totals_block(const CsatTotals& t, const DayBuckets& buckets) {
  Node root = Node::object();
  root.set("total_responses", Node::integer(t.total))
      .set("rated_responses", Node::integer(t.ratings.count()))
      .set("avg_rating", Node::number(t.ratings.mean.value(), Unit::decimal1))
      .set("positive_responses", Node::integer(t.ratings.positive))
      .set("positive_rate", Node::number(percent(t.ratings.positive, t.ratings.count()), Unit::percent))
      .set("distribution", distribution(t.counts))
      .set("trend", trend(buckets, t.trend_days))
      .set("per_agent", per_agent(t.per_agent))
      .set("surveys_sent", Node::integer(t.sent))
      .set("response_rate", Node::number(percent(t.sent_answered, t.sent), Unit::percent));
  return root;
}

Result compute_csat(const std::vector<CsatRecordRow>& records, const TimeRange& range, const TimeZone& tz) {
  return Result{"csat", "CSAT analytics", csat_block(records, range, tz), "trend"};
}

CsatPage csat_page(const std::map<std::string, std::string>& options) {
  CsatPage page;
  page.limit = bounded_option(options, "limit", page.limit, 1, k_max_limit, "an integer from 1 to 200");
  page.offset = bounded_option(options, "offset", page.offset, 0, std::numeric_limits<std::int64_t>::max(),
                               "an integer of 0 or more");
  return page;
}

Result compute_csat_responses(const std::vector<CsatRecordRow>& records, const TimeRange& range,
                              const CsatPage& page) {
  std::vector<const CsatRecordRow*> responses;
  for (const auto& r : records)
    if (responded_in(r, range)) responses.push_back(&r);
  std::sort(responses.begin(), responses.end(), [](const CsatRecordRow* a, const CsatRecordRow* b) {
    if (a->responded_at != b->responded_at) return a->responded_at > b->responded_at;
    if (a->id != b->id) return a->id < b->id;
    return a->tenant < b->tenant;
  });
  const auto total = static_cast<std::int64_t>(responses.size());
  Node items = Node::list();
  for (std::int64_t i = page.offset; i < total && i - page.offset < page.limit; ++i)
    items.push(item(*responses[static_cast<std::size_t>(i)]));
  Result result{"csat responses", "CSAT responses", Node::object(), "items"};
  result.root.set("items", std::move(items))
      .set("total", Node::integer(total))
      .set("limit", Node::integer(page.limit))
      .set("offset", Node::integer(page.offset));
  return result;
}

}  // namespace convstat::core
