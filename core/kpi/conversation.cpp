#include "core/kpi/conversation.hpp"

#include <algorithm>

#include "core/kpi/stats.hpp"
#include "core/time/time.hpp"

namespace convstat::core {
namespace {

constexpr double k_ms_per_second = 1000.0;
constexpr double k_ms_per_minute = 60000.0;

Node message_statistics(const ConversationDetail& c) {
  std::int64_t inbound = 0, user = 0, ai = 0, human = 0, system = 0;
  for (const auto& m : c.messages) {
    if (m.direction == Direction::inbound) ++inbound;
    if (!m.author) continue;
    if (*m.author == "user") ++user;
    else if (*m.author == "ai") ++ai;
    else if (*m.author == "human") ++human;
    else if (*m.author == "system") ++system;
  }
  const auto total = static_cast<std::int64_t>(c.messages.size());
  Node by_author = Node::object();
  by_author.set("user", Node::integer(user))
      .set("ai", Node::integer(ai))
      .set("human", Node::integer(human))
      .set("system", Node::integer(system));
  Node stats = Node::object();
  stats.set("total", Node::integer(total))
      .set("inbound", Node::integer(inbound))
      .set("outbound", Node::integer(total - inbound))
      .set("by_author", std::move(by_author))
      .set("avg_response_seconds", Node::number(avg_response_seconds(c.messages), Unit::decimal1));
  return stats;
}

}  // namespace

std::optional<double> avg_response_seconds(const std::vector<MessageRow>& messages) {
  std::vector<std::int64_t> outbound;
  for (const auto& m : messages)
    if (m.direction == Direction::outbound) outbound.push_back(m.at);
  std::sort(outbound.begin(), outbound.end());
  MeanAccumulator delay;
  for (const auto& m : messages) {
    if (m.direction != Direction::inbound) continue;
    const auto reply = std::lower_bound(outbound.begin(), outbound.end(), m.at);
    if (reply != outbound.end()) delay.add(static_cast<double>(*reply - m.at) / k_ms_per_second);
  }
  return delay.value();
}

std::optional<int> latest_csat_rating(const std::vector<CsatRatingRow>& csat) {
  const CsatRatingRow* latest = nullptr;
  for (const auto& r : csat) {
    if (!r.rating || !has_time(r.responded_at)) continue;
    if (!latest || r.responded_at > latest->responded_at ||
        (r.responded_at == latest->responded_at && r.id > latest->id))
      latest = &r;
  }
  return latest ? latest->rating : std::nullopt;
}

Result compute_conversation(const ConversationDetail& c) {
  Node topics = Node::list();
  for (const auto& t : c.topics) topics.push(Node::string(t));
  std::optional<double> duration;
  if (has_time(c.ended_at)) duration = static_cast<double>(c.ended_at - c.started_at) / k_ms_per_minute;
  const std::optional<int> csat = latest_csat_rating(c.csat);
  Result result{"conversation", "Conversation " + c.id, Node::object(), ""};
  result.root.set("conversation_id", Node::string(c.id))
      .set("channel", Node::string(c.channel))
      .set("started_at", Node::string(format_instant_utc(c.started_at)))
      .set("duration_minutes", Node::number(duration, Unit::decimal1))
      .set("message_statistics", message_statistics(c))
      .set("topics", std::move(topics))
      .set("sentiment", Node::number(c.sentiment, Unit::raw))
      .set("resolved_by", Node::string(c.resolved_by))
      .set("escalated", Node::boolean(has_time(c.escalated_at)))
      .set("csat", csat ? Node::integer(*csat) : Node::null());
  return result;
}

}  // namespace convstat::core
