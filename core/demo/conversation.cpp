// The timeline of one conversation (bot part, hand-over, human part, cut at
// the dataset's end) and its conversation, message and csat records.
#include "core/demo/generator.hpp"

#include <algorithm>
#include <cmath>

namespace convstat::core::demo {
namespace {

// How fast each side answers on a channel: medians in seconds, log-space sigma.
struct Pace {
  double user_s;              // customer's next message
  double ai_s;                // bot reply (text bots; pipelines time their own turns)
  double human_next_s;        // a human's later replies
  double human_first_factor;  // times the priority's first-reply median
  double sigma;
};
constexpr std::array<Pace, k_channel_count> k_paces = {{
    {35, 2.5, 120, 1.0, 0.8},      // chat
    {10800, 40, 9000, 2.5, 1.0},   // email
    {120, 3, 300, 1.5, 0.9},       // whatsapp
    {30, 2, 120, 1.0, 0.8},        // web
    {5, 1.2, 20, 0.05, 0.5},       // voice: warm transfer, agents on the line
    {180, 4, 600, 2.0, 0.9},       // sms
}};
// Median minutes to a human's first reply by priority (urgent, high, medium, low, unset).
constexpr std::array<double, 5> k_human_first_minutes = {6, 20, 60, 150, 90};

const Pace& pace_of(const Plan& p) { return k_paces[static_cast<std::size_t>(p.channel)]; }
std::size_t lang(const Plan& p) { return static_cast<std::size_t>(p.language); }

std::int64_t seconds_to_ms(double seconds) { return static_cast<std::int64_t>(seconds * 1000.0); }

std::int64_t user_delay_ms(Rng& rng, const Plan& p) {
  const Pace& pace = pace_of(p);
  return std::max(k_second_ms, seconds_to_ms(rng.lognormal(pace.user_s, pace.sigma)));
}

int pick_team(Rng& rng, const Plan& p) {
  if (p.language == 1 && rng.chance(0.8)) return k_paris;
  const int team = k_topics[static_cast<std::size_t>(p.topic)].team;
  const bool pressing = p.priority == 0 || p.priority == 1;  // urgent, high
  if (team == k_tier1 && rng.chance(pressing ? 0.5 : 0.15)) return k_tier2;
  return team;
}

int pick_agent(Rng& rng, int team) {
  int members = 0;
  for (const Agent& a : k_agents) members += a.team == team ? 1 : 0;
  auto nth = rng.between(0, members - 1);
  for (std::size_t i = 0; i < k_agents.size(); ++i)
    if (k_agents[i].team == team && nth-- == 0) return static_cast<int>(i);
  return 0;
}

constexpr std::array<double, 4> k_priority_weights = {5, 20, 45, 25};
constexpr std::array<double, 3> k_bot_outcomes = {49, 31, 20};  // ai, human, unresolved
constexpr std::array<double, 3> k_botless_outcomes = {0, 70, 30};

}  // namespace

void Generator::plan_conversation(Rng& rng, Plan& p) {
  p.ended_at_ms = p.first_response_at_ms = p.resolved_at_ms = p.escalated_at_ms = p.handover_at_ms = k_none;
  p.first_response_due_ms = p.resolution_due_ms = k_none;
  p.team = p.agent = p.bot = p.second_topic = p.priority = -1;
  p.cut_at_end = false;
  p.messages.clear();
  p.turns.clear();

  p.channel = static_cast<Channel>(rng.weighted(k_channel_weights));
  p.has_contact = !rng.chance(0.04);
  if (p.has_contact) {
    const Tenant& t = *p.tenant;
    const std::int64_t index = rng.chance(0.3) ? rng.between(0, t.regulars - 1) : rng.between(0, t.contact_pool - 1);
    describe_contact(t, index, p.contact);
    p.language = rng.chance(0.95) ? p.contact.language : static_cast<int>(rng.weighted(k_language_weights));
  } else {
    p.language = static_cast<int>(rng.weighted(k_language_weights));
  }
  p.topic = static_cast<int>(rng.weighted(m_topic_weights));
  if (rng.chance(0.25)) p.second_topic = static_cast<int>((p.topic + 1 + rng.between(0, 10)) % 12);
  p.has_topics = !rng.chance(0.05);
  p.has_subject = p.channel == Channel::email || rng.chance(p.channel == Channel::voice ? 0.4 : 0.8);
  if (!rng.chance(0.05)) p.priority = static_cast<int>(rng.weighted(k_priority_weights));
  const double botless = p.channel == Channel::email ? 0.3 : p.channel == Channel::voice ? 0.0 : 0.03;
  if (!rng.chance(botless))
    p.bot = static_cast<int>(p.channel == Channel::voice ? Bot::voice : k_topics[static_cast<std::size_t>(p.topic)].bot);
  p.outcome = static_cast<Outcome>(rng.weighted(p.bot >= 0 ? k_bot_outcomes : k_botless_outcomes));
  p.pipeline = p.channel == Channel::voice || (p.channel == Channel::web && p.bot >= 0 && rng.chance(0.4));
  p.speech = p.channel == Channel::voice || (p.pipeline && rng.chance(0.5));
  p.translate = p.pipeline && p.language != 0 && rng.chance(0.7);
  p.optimization_level = static_cast<int>(rng.weighted(std::array<double, 3>{25, 50, 25}));

  std::int64_t t = p.started_at_ms;
  const Topic& topic = k_topics[static_cast<std::size_t>(p.topic)];
  if (p.language == 0) {
    m_scratch = topic.opener_en[rng.index(2)];
  } else {
    m_scratch = k_opener_other[lang(p)];
    m_scratch += ' ';
    m_scratch += topic.subject[lang(p)];
  }
  const double pii = rng.uniform();  // some openers carry contact details, for redaction tests
  if (p.has_contact && pii < 0.04) m_scratch += (p.language == 0 ? " You can reach me at " : " Tel. ") + p.contact.phone;
  else if (p.has_contact && pii < 0.08) m_scratch += (p.language == 0 ? " My email is " : " E-mail: ") + p.contact.email;
  add_message(rng, p, t, Author::user, m_scratch);

  bool escalate = p.bot < 0 || p.outcome == Outcome::human_resolved;
  if (p.bot >= 0) plan_bot_part(rng, p, t, escalate);
  if (escalate) plan_human_part(rng, p, t);
  p.ended_at_ms = std::max(p.messages.back().at_ms, p.resolved_at_ms);
  cut_at_end(p);
  settle(rng, p);
}

void Generator::plan_bot_part(Rng& rng, Plan& p, std::int64_t& t, bool& escalate) {
  const bool ai_resolves = p.outcome == Outcome::ai_resolved;
  const int exchanges = 1 + static_cast<int>(ai_resolves ? rng.weighted(std::array<double, 4>{30, 35, 20, 15})
                                                         : rng.weighted(std::array<double, 3>{45, 35, 20}));
  auto ai_reply = [&](std::size_t phrase) {
    if (p.pipeline) t += plan_turn(rng, p, t);
    else t += std::max<std::int64_t>(300, seconds_to_ms(rng.lognormal(pace_of(p).ai_s, 0.4)));
    add_message(rng, p, t, Author::ai, k_ai_replies[phrase][lang(p)]);
  };
  for (int i = 0; i < exchanges; ++i) {
    if (i > 0) {
      t += user_delay_ms(rng, p);
      add_message(rng, p, t, Author::user, k_user_followups[rng.index(4)][lang(p)]);
    }
    ai_reply(ai_resolves && i == exchanges - 1 ? 3 : i == 0 ? rng.index(2) : 1 + rng.index(2));
  }
  auto request_human = [&] {
    t += user_delay_ms(rng, p);
    p.handover_at_ms = t;
    add_message(rng, p, t, Author::user, k_handover_requests[lang(p)]);
  };
  if (ai_resolves) {
    if (rng.chance(0.08)) {  // asks for a human, but the bot solves it after all
      request_human();
      ai_reply(3);
    }
    if (rng.chance(0.7)) {
      t += user_delay_ms(rng, p);
      add_message(rng, p, t, Author::user, k_user_thanks[lang(p)]);
    }
    p.resolved_at_ms = t + rng.between(0, 30 * k_second_ms);
    return;
  }
  if (p.outcome == Outcome::unresolved) {
    const std::size_t kind = rng.weighted(std::array<double, 3>{50, 20, 30});  // abandoned, gave up waiting, escalated
    if (kind == 0) return;
    if (kind == 1) return request_human();
  }
  escalate = true;
  if (rng.chance(0.8)) request_human();
  t += rng.between(2 * k_second_ms, 30 * k_second_ms);
  p.escalated_at_ms = t;
  p.team = pick_team(rng, p);
  m_scratch = k_transfer_notes[lang(p)];
  m_scratch += k_teams[static_cast<std::size_t>(p.team)].name;
  add_message(rng, p, t, Author::system, m_scratch);
}

void Generator::plan_human_part(Rng& rng, Plan& p, std::int64_t& t) {
  const Pace& pace = pace_of(p);
  if (p.team < 0) p.team = pick_team(rng, p);
  const bool resolves = p.outcome == Outcome::human_resolved;
  if (!resolves && rng.chance(0.5)) return;  // still waiting in the team's queue, nobody assigned
  p.agent = pick_agent(rng, p.team);
  const double first_minutes =
      k_human_first_minutes[static_cast<std::size_t>(p.priority < 0 ? 4 : p.priority)] * pace.human_first_factor;
  t += std::max(10 * k_second_ms, seconds_to_ms(rng.lognormal(first_minutes * 60.0, 1.0)));
  if (p.channel != Channel::voice) t = staffed_from(t);
  add_message(rng, p, t, Author::human, k_human_replies[0][lang(p)]);
  const auto rounds = resolves ? rng.between(1, 3) : rng.between(0, 1);
  for (std::int64_t r = 0; r < rounds; ++r) {
    t += user_delay_ms(rng, p);
    add_message(rng, p, t, Author::user, k_user_followups[rng.index(4)][lang(p)]);
    t += std::max(5 * k_second_ms, seconds_to_ms(rng.lognormal(pace.human_next_s, pace.sigma)));
    if (p.channel != Channel::voice) t = staffed_from(t);
    add_message(rng, p, t, Author::human, k_human_replies[resolves && r == rounds - 1 ? 2 : 1][lang(p)]);
  }
  if (!resolves) return;
  if (rng.chance(0.6)) {
    t += user_delay_ms(rng, p);
    add_message(rng, p, t, Author::user, k_user_thanks[lang(p)]);
  }
  p.resolved_at_ms = t + rng.between(0, 10 * k_minute_ms);
}

void Generator::add_message(Rng& rng, Plan& p, std::int64_t at_ms, Author author, std::string_view text) {
  PlannedMessage& m = p.messages.emplace_back();
  m.at_ms = at_ms;
  m.author = author;
  // Some customer messages carry no text (attachments, stickers); voice transcripts always do.
  const bool textless = author == Author::user && p.messages.size() > 1 && p.channel != Channel::voice &&
                        rng.chance(0.06);
  if (!textless) m.text = text;
  if (author == Author::ai && p.first_response_at_ms == k_none) p.first_response_at_ms = at_ms;
  if (author == Author::human && p.first_response_at_ms == k_none) p.first_response_at_ms = at_ms;
}

std::int64_t Generator::staffed_from(std::int64_t at_ms) const {
  // Agents work 08-20 on weekdays and 09-17 on weekends (local time).
  for (int attempt = 0; attempt < 3; ++attempt) {
    const std::int32_t day = m_zone.local_day(at_ms);
    const bool weekend = iso_weekday(day) >= 6;
    const int open = weekend ? 9 : 8;
    const int close = weekend ? 17 : 20;
    const int hour = m_zone.local_hour(at_ms);
    if (hour >= open && hour < close) return at_ms;
    if (hour < open) return m_zone.local_to_utc_ms(day, open * k_hour_ms) + at_ms % (20 * k_minute_ms);
    at_ms = m_zone.local_to_utc_ms(day + 1, 0);
  }
  return at_ms;
}

void Generator::cut_at_end(Plan& p) const {
  const auto past_end = [this](std::int64_t ms) { return ms != k_none && ms >= m_end_ms; };
  const auto first_late = std::find_if(p.messages.begin(), p.messages.end(),
                                       [&](const PlannedMessage& m) { return past_end(m.at_ms); });
  if (first_late == p.messages.end() && !past_end(p.resolved_at_ms)) return;
  p.cut_at_end = true;
  p.messages.erase(first_late, p.messages.end());
  std::erase_if(p.turns, [&](const PlannedTurn& turn) {
    return past_end(turn.at_ms + static_cast<std::int64_t>(turn.total_ms));
  });
  for (std::int64_t* ms : {&p.first_response_at_ms, &p.resolved_at_ms, &p.escalated_at_ms, &p.handover_at_ms})
    if (past_end(*ms)) *ms = k_none;
  p.ended_at_ms = std::max(p.messages.back().at_ms, p.resolved_at_ms);
}

void Generator::settle(Rng& rng, Plan& p) const {
  const bool resolved = p.resolved_at_ms != k_none;
  if (resolved) p.status = m_end_ms - p.resolved_at_ms > 3 * k_day_ms && rng.chance(0.7) ? "closed" : "resolved";
  else if (p.escalated_at_ms != k_none) p.status = "pending";
  else if (p.cut_at_end || m_end_ms - p.ended_at_ms < k_day_ms) p.status = "open";
  else p.status = "abandoned";
  // Most abandoned chats leave the SLA clock (customer gone); the rest count as breached.
  if (p.priority >= 0 && !(p.status == "abandoned" && rng.chance(0.7))) {
    const Priority& priority = k_priorities[static_cast<std::size_t>(p.priority)];
    p.first_response_due_ms = p.started_at_ms + priority.first_response_target_ms;
    p.resolution_due_ms = p.started_at_ms + priority.resolution_target_ms;
  }
  const double mood = !resolved ? (p.cut_at_end ? 0.0 : -0.3)
                      : p.outcome == Outcome::ai_resolved ? 0.45 : 0.25;
  p.sentiment.reset();
  if (!rng.chance(0.08)) p.sentiment = round_to(std::clamp(rng.normal(mood, 0.3), -1.0, 1.0), 2);
  p.ai_quality.reset();
  if (p.bot >= 0 && !rng.chance(0.03)) {
    const double quality = p.outcome == Outcome::ai_resolved ? 0.86 : p.escalated_at_ms != k_none ? 0.55 : 0.64;
    p.ai_quality = round_to(std::clamp(rng.normal(quality, 0.08), 0.0, 1.0), 3);
  }
  const double happy = p.outcome == Outcome::ai_resolved ? 0.82 : 0.4;
  for (PlannedMessage& m : p.messages) {
    m.feedback = 0;
    if (m.author == Author::ai && rng.chance(0.06)) m.feedback = rng.chance(happy) ? 1 : -1;
    else if (m.author == Author::human && rng.chance(0.02)) m.feedback = rng.chance(0.75) ? 1 : -1;
  }
}

void Generator::emit_conversation(const Plan& p) {
  const ConversationFields& f = m_out.conversation;
  RecordBuilder& b = m_out.begin(Type::conversation, p.tenant->name);
  b.set(f.id, p.id);
  if (p.bot >= 0) b.set(f.bot_id, k_bot_ids[static_cast<std::size_t>(p.bot)]);
  b.set(f.channel, k_channel_names[static_cast<std::size_t>(p.channel)]);
  b.set(f.started_at, p.started_at_ms);
  set_time(b, f.ended_at, p.ended_at_ms);
  set_time(b, f.first_response_at, p.first_response_at_ms);
  set_time(b, f.resolved_at, p.resolved_at_ms);
  if (p.resolved_at_ms != k_none) b.set(f.resolved_by, p.outcome == Outcome::ai_resolved ? "ai" : "human");
  set_time(b, f.escalated_at, p.escalated_at_ms);
  set_time(b, f.handover_requested_at, p.handover_at_ms);
  b.set(f.status, p.status);
  if (p.priority >= 0) b.set(f.priority, k_priorities[static_cast<std::size_t>(p.priority)].name);
  if (p.team >= 0) {
    const Team& team = k_teams[static_cast<std::size_t>(p.team)];
    b.set(f.team_id, team.id).set(f.team_name, team.name);
  }
  if (p.agent >= 0) {
    const Agent& agent = k_agents[static_cast<std::size_t>(p.agent)];
    b.set(f.assignee_id, agent.id).set(f.assignee_name, agent.name);
  }
  if (p.has_contact) b.set(f.contact_id, p.contact.id);
  const Topic& topic = k_topics[static_cast<std::size_t>(p.topic)];
  if (p.has_subject) b.set(f.subject, topic.subject[lang(p)]);
  if (p.has_topics) {
    m_scratch = "[\"";
    m_scratch += topic.name;
    if (p.second_topic >= 0) {
      m_scratch += "\",\"";
      m_scratch += k_topics[static_cast<std::size_t>(p.second_topic)].name;
    }
    m_scratch += "\"]";
    b.set(f.topics, m_scratch);
  }
  b.set(f.language, k_language_codes[lang(p)]);
  set_number(b, f.sentiment, p.sentiment);
  set_number(b, f.ai_quality, p.ai_quality);
  set_time(b, f.first_response_due_at, p.first_response_due_ms);
  set_time(b, f.resolution_due_at, p.resolution_due_ms);
  m_out.emit(Type::conversation);
}

void Generator::emit_messages(const Plan& p) {
  static constexpr std::array<std::string_view, 4> k_authors = {"user", "ai", "human", "system"};
  const MessageFields& f = m_out.message;
  for (std::size_t i = 0; i < p.messages.size(); ++i) {
    const PlannedMessage& m = p.messages[i];
    RecordBuilder& b = m_out.begin(Type::message, p.tenant->name);
    m_scratch = "msg-" + p.key + "-" + std::to_string(i + 1);
    b.set(f.id, m_scratch).set(f.conversation_id, p.id).set(f.at, m.at_ms);
    b.set(f.direction, m.author == Author::user ? "inbound" : "outbound");
    b.set(f.author, k_authors[static_cast<std::size_t>(m.author)]);
    if (!m.text.empty()) b.set(f.text, m.text);
    if (m.feedback != 0) b.set(f.feedback, m.feedback > 0 ? "positive" : "negative");
    m_out.emit(Type::message);
  }
}

void Generator::emit_csat(Rng& rng, const Plan& p) {
  if (p.resolved_at_ms == k_none || !rng.chance(p.channel == Channel::voice ? 0.6 : 0.8)) return;
  const double delay_s = rng.lognormal(p.channel == Channel::email ? 3600 : 300, 0.6);
  const std::int64_t sent_at = p.resolved_at_ms + std::max(30 * k_second_ms, seconds_to_ms(delay_s));
  if (sent_at >= m_end_ms) return;
  std::int64_t responded_at = k_none;
  if (rng.chance(0.62)) responded_at = sent_at + seconds_to_ms(rng.lognormal(25 * 60, 1.2));
  if (responded_at != k_none && responded_at >= m_end_ms) responded_at = k_none;

  const bool responded = responded_at != k_none;
  const bool comment_only = responded && rng.chance(0.09);  // answered with a comment, no rating
  int rating = 0;
  if (responded && !comment_only) {
    const double mean = (p.outcome == Outcome::ai_resolved ? 4.2 : 3.9) + 0.9 * p.sentiment.value_or(0.0);
    rating = rng.chance(0.04) ? static_cast<int>(rng.between(1, 2))  // angry whatever happened
                              : static_cast<int>(std::clamp(std::round(rng.normal(mean, 0.9)), 1.0, 5.0));
  }
  std::string_view comment;
  if (comment_only || (rating > 0 && rng.chance(0.35))) {
    const bool happy = rating > 0 ? rating >= 4 : p.sentiment.value_or(0.0) >= 0.2;
    comment = happy ? k_positive_comments[rng.index(k_positive_comments.size())]
                    : k_negative_comments[rng.index(k_negative_comments.size())];
  }

  const CsatFields& f = m_out.csat;
  RecordBuilder& b = m_out.begin(Type::csat, p.tenant->name);
  m_scratch = "csat-" + p.key;
  b.set(f.id, m_scratch).set(f.conversation_id, p.id).set(f.sent_at, sent_at);
  set_time(b, f.responded_at, responded_at);
  if (rating > 0) b.set(f.rating, rating);
  if (!comment.empty()) b.set(f.comment, comment);
  if (responded && rng.chance(0.25)) b.set(f.followup_answer, k_followup_answers[rng.index(k_followup_answers.size())]);
  if (rng.chance(0.2)) b.set(f.channel, "email");  // survey sent by e-mail; otherwise the conversation's channel
  m_out.emit(Type::csat);
}

}  // namespace convstat::core::demo
