#include "core/kpi/bot.hpp"

#include <cmath>

#include "core/kpi/stats.hpp"

namespace convstat::core {
namespace {

constexpr double k_ms_per_second = 1000.0;
constexpr double k_ms_per_minute = 60000.0;

// One printed number: its section, key, unit and unrounded value.
struct Figure {
  const char* section;
  const char* key;
  Unit unit;
  std::optional<double> value;
};

std::vector<Figure> performance(const std::vector<const ConversationRow*>& conversations) {
  std::vector<double> first_response_seconds;
  MeanAccumulator resolution_minutes;
  for (const ConversationRow* c : conversations) {
    if (has_time(c->first_response_at))
      first_response_seconds.push_back(static_cast<double>(c->first_response_at - c->started_at) / k_ms_per_second);
    if (has_time(c->resolved_at))
      resolution_minutes.add(static_cast<double>(c->resolved_at - c->started_at) / k_ms_per_minute);
  }
  const char* s = "performance_metrics";
  return {{s, "avg_first_response_seconds", Unit::decimal1, mean(first_response_seconds)},
          {s, "median_first_response_seconds", Unit::decimal1, median(first_response_seconds)},
          {s, "p90_first_response_seconds", Unit::decimal1, percentile(first_response_seconds, 90)},
          {s, "avg_resolution_minutes", Unit::decimal1, resolution_minutes.value()}};
}

std::vector<Figure> quality(const std::vector<const ConversationRow*>& conversations,
                            const std::vector<const ConversationActivityRow*>& activity,
                            const std::vector<CsatResponseRow>& responses) {
  MeanAccumulator rating, ai_quality;
  std::int64_t positive = 0, up = 0, down = 0, escalated = 0;
  for (const auto& r : responses)
    if (r.rating) {
      rating.add(*r.rating);
      if (*r.rating >= 4) ++positive;
    }
  for (const ConversationActivityRow* a : activity) {
    if (a->ai_quality) ai_quality.add(*a->ai_quality);
    up += a->thumbs_up;
    down += a->thumbs_down;
  }
  for (const ConversationRow* c : conversations)
    if (has_time(c->escalated_at)) ++escalated;
  const auto total = static_cast<std::int64_t>(conversations.size());
  const char* s = "quality_metrics";
  return {{s, "csat_avg", Unit::decimal1, rating.value()},
          {s, "positive_rate", Unit::percent, percent(positive, rating.count)},
          {s, "ai_quality_avg", Unit::ratio4, ai_quality.value()},
          {s, "thumbs_up", Unit::count, static_cast<double>(up)},
          {s, "thumbs_down", Unit::count, static_cast<double>(down)},
          {s, "escalation_rate", Unit::percent, percent(escalated, total)}};
}

std::vector<Figure> volume(const std::vector<const ConversationRow*>& conversations,
                           const std::vector<const ConversationActivityRow*>& activity) {
  std::int64_t ai = 0, messages = 0;
  MeanAccumulator duration;
  for (const ConversationRow* c : conversations) {
    if (has_time(c->resolved_at) && c->resolved_by == ResolvedBy::ai) ++ai;
    if (has_time(c->ended_at)) duration.add(static_cast<double>(c->ended_at - c->started_at) / k_ms_per_minute);
  }
  for (const ConversationActivityRow* a : activity) messages += a->messages;
  const auto total = static_cast<std::int64_t>(conversations.size());
  const char* s = "conversation_metrics";
  return {{s, "total_conversations", Unit::count, static_cast<double>(total)},
          {s, "ai_resolved_count", Unit::count, static_cast<double>(ai)},
          {s, "ai_resolution_rate", Unit::percent, percent(ai, total)},
          {s, "avg_messages_per_conversation", Unit::ratio4, ratio(static_cast<double>(messages), total)},
          {s, "avg_duration_minutes", Unit::decimal1, duration.value()}};
}

// Every figure of one set of conversations, in output order.
std::vector<Figure> figures(const std::vector<const ConversationRow*>& conversations,
                            const std::vector<const ConversationActivityRow*>& activity,
                            const std::vector<CsatResponseRow>& responses) {
  std::vector<Figure> all = performance(conversations);
  auto q = quality(conversations, activity, responses);
  auto v = volume(conversations, activity);
  all.insert(all.end(), q.begin(), q.end());
  all.insert(all.end(), v.begin(), v.end());
  return all;
}

Node value_node(std::optional<double> v, Unit unit) {
  if (unit == Unit::count) return v ? Node::integer(std::llround(*v)) : Node::null();
  return Node::number(v, unit);
}

Node compared_node(const Figure& bot, const Figure& company) {
  std::optional<double> difference, difference_pct;
  if (bot.value && company.value) {
    difference = *bot.value - *company.value;
    if (*company.value != 0) difference_pct = *difference / *company.value * 100.0;
  }
  Node n = Node::object();
  n.set("value", value_node(bot.value, bot.unit))
      .set("company_average", value_node(company.value, company.unit))
      .set("difference", value_node(difference, bot.unit))
      .set("difference_pct", Node::number(difference_pct, Unit::percent));
  return n;
}

}  // namespace

Result compute_bot(const std::string& bot_id, const BotInputs& inputs, bool compare) {
  std::vector<const ConversationRow*> all_conversations, bot_conversations;
  for (const auto& c : inputs.conversations) {
    all_conversations.push_back(&c);
    if (c.bot_id == bot_id) bot_conversations.push_back(&c);
  }
  std::vector<const ConversationActivityRow*> all_activity, bot_activity;
  for (const auto& a : inputs.activity) {
    all_activity.push_back(&a);
    if (a.bot_id == bot_id) bot_activity.push_back(&a);
  }
  const auto bot = figures(bot_conversations, bot_activity, inputs.bot_responses);
  const auto company = compare ? figures(all_conversations, all_activity, inputs.company_responses)
                               : std::vector<Figure>{};
  Result result{"bot", "AI agent " + bot_id, Node::object(), ""};
  result.root.set("bot_id", Node::string(bot_id));
  Node* section = nullptr;
  std::string section_name;
  for (size_t i = 0; i < bot.size(); ++i) {
    if (bot[i].section != section_name) {
      section_name = bot[i].section;
      result.root.set(section_name, Node::object());
      section = &result.root.as_object().back().second;
    }
    section->set(bot[i].key, compare ? compared_node(bot[i], company[i]) : value_node(bot[i].value, bot[i].unit));
  }
  return result;
}

}  // namespace convstat::core
