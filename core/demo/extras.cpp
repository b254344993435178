// Feedback, leads, API events and help-center articles.
#include "core/demo/generator.hpp"

#include <algorithm>
#include <cmath>

namespace convstat::core::demo {
namespace {

constexpr std::array<std::string_view, 5> k_stages = {"new", "contacted", "qualified", "converted", "lost"};

std::array<double, k_endpoints.size()> endpoint_weights() {
  std::array<double, k_endpoints.size()> weights{};
  for (std::size_t i = 0; i < k_endpoints.size(); ++i) weights[i] = k_endpoints[i].weight;
  return weights;
}

// Index of the message before `index` written by the customer, or -1.
int previous_user_message(const Plan& p, std::size_t index) {
  for (std::size_t i = index; i-- > 0;)
    if (p.messages[i].author == Author::user) return static_cast<int>(i);
  return -1;
}

}  // namespace

void Generator::emit_feedback(Rng& rng, const Plan& p) {
  if (p.bot < 0 || !rng.chance(0.045)) return;
  // Rated target: a pipeline turn, else one of the bot's messages.
  std::int64_t target_ms = k_none;
  std::size_t turn = 0, message = 0;
  if (!p.turns.empty()) {
    turn = rng.index(p.turns.size());
    target_ms = p.turns[turn].at_ms + static_cast<std::int64_t>(p.turns[turn].total_ms);
  } else {
    std::size_t replies = 0;
    for (const PlannedMessage& m : p.messages) replies += m.author == Author::ai ? 1 : 0;
    if (replies == 0) return;
    auto nth = rng.index(replies);
    for (message = 0; message < p.messages.size(); ++message)
      if (p.messages[message].author == Author::ai && nth-- == 0) break;
    target_ms = p.messages[message].at_ms;
  }
  const std::int64_t created_at = target_ms + static_cast<std::int64_t>(rng.lognormal(20, 0.8) * 1000);
  if (created_at >= m_end_ms) return;

  const bool happy = rng.chance(p.outcome == Outcome::ai_resolved ? 0.8 : 0.45);
  const bool stars = rng.chance(0.3);
  const int rating = !stars ? (happy ? 1 : -1)
                     : happy ? static_cast<int>(rng.between(4, 5)) : static_cast<int>(rng.between(1, 3));
  const bool negative = stars ? rating <= 2 : rating < 0;
  int category = -1;
  if (negative) category = static_cast<int>(rng.weighted(std::array<double, 5>{35, 20, 35, 5, 5}));
  else if (rng.chance(0.5)) category = rng.chance(0.7) ? 2 : 1;  // helpfulness, speed

  const FeedbackFields& f = m_out.feedback;
  RecordBuilder& b = m_out.begin(Type::feedback, p.tenant->name);
  m_scratch = "fb-" + p.key;
  b.set(f.id, m_scratch).set(f.conversation_id, p.id);
  if (!p.turns.empty()) {
    b.set(f.turn_id, "turn-" + p.key + "-" + std::to_string(turn + 1));
  } else {
    b.set(f.message_id, "msg-" + p.key + "-" + std::to_string(message + 1));
    const int asked = previous_user_message(p, message);
    if (asked >= 0 && !p.messages[static_cast<std::size_t>(asked)].text.empty())
      b.set(f.user_input, p.messages[static_cast<std::size_t>(asked)].text);
    b.set(f.assistant_response, p.messages[message].text);
  }
  b.set(f.rating, rating).set(f.rating_type, stars ? "stars" : "thumbs");
  if (category >= 0) b.set(f.feedback_category, k_feedback_categories[static_cast<std::size_t>(category)]);
  if (rng.chance(0.5)) {
    b.set(f.feedback_text, negative ? k_feedback_negative_texts[static_cast<std::size_t>(std::max(category, 0))]
                                    : k_feedback_positive_texts[rng.index(k_feedback_positive_texts.size())]);
  }
  b.set_bool(f.incorrect_response, negative && category == 0).set_bool(f.too_slow, negative && category == 1);
  b.set_bool(f.unhelpful, negative && category == 2).set_bool(f.offensive, negative && category == 3);
  if (rng.chance(0.5)) {
    b.set(f.metadata, p.channel == Channel::voice ? R"({"client":"phone","region":"eu-west-1"})"
                      : rng.chance(0.6)           ? R"({"client":"web-widget","widget_version":"3.2.1"})"
                                                  : R"({"app_version":"5.0.2","client":"ios"})");
  }
  b.set(f.created_at, created_at);
  m_out.emit(Type::feedback);
}

void Generator::emit_leads(Rng& rng, Tenant& tenant, const Plan& p) {
  const bool sales = k_topics[static_cast<std::size_t>(p.topic)].bot == Bot::sales;
  if (rng.chance(sales ? 0.45 : 0.015)) {
    std::string_view source = "web";
    if (p.channel == Channel::whatsapp) source = "whatsapp";
    else if (p.channel == Channel::voice || p.channel == Channel::sms) source = "phone";
    else if (p.channel == Channel::email) source = rng.chance(0.3) ? "referral" : "web";
    else if (rng.chance(0.25)) source = "ads";
    const std::int64_t created_at = p.started_at_ms + rng.between(1 * k_minute_ms, 20 * k_minute_ms);
    if (created_at < m_end_ms) emit_lead(rng, p, "lead-" + p.key, created_at, source, true);
  }
  if (rng.chance(0.02)) {  // a lead from a form or a campaign, with no conversation
    const std::string id = "lead-" + tenant.name + "-x" + std::to_string(tenant.next_extra_lead++);
    const std::int64_t created_at = std::max(m_start_ms, p.started_at_ms - rng.between(0, 6 * k_hour_ms));
    const std::string_view source = rng.chance(0.6) ? "ads" : rng.chance(0.5) ? "referral" : "web";
    emit_lead(rng, p, id, created_at, source, false);
  }
}

void Generator::emit_lead(Rng& rng, const Plan& p, const std::string& id, std::int64_t created_at_ms,
                          std::string_view source, bool with_conversation) {
  const bool fresh = m_end_ms - created_at_ms < 2 * k_day_ms;
  auto stage = fresh ? rng.weighted(std::array<double, 5>{60, 30, 10, 0, 0})
                     : rng.weighted(std::array<double, 5>{25, 25, 17, 15, 18});
  std::int64_t converted_at = k_none;
  if (stage == 3) {
    converted_at = created_at_ms + static_cast<std::int64_t>(rng.lognormal(5, 0.7) * static_cast<double>(k_day_ms));
    if (converted_at >= m_end_ms) {
      converted_at = k_none;
      stage = 2;  // not converted yet
    }
  }
  const std::size_t lost_at = stage == 4 ? rng.weighted(std::array<double, 3>{40, 35, 25}) : 0;
  std::optional<double> value;
  if (stage == 2 || stage == 3 || (stage == 4 && lost_at == 2)) value = round_to(rng.lognormal(1500, 0.8), 2);
  else if (rng.chance(0.25)) value = round_to(rng.lognormal(900, 0.8), 2);

  const LeadFields& f = m_out.lead;
  RecordBuilder& b = m_out.begin(Type::lead, p.tenant->name);
  b.set(f.id, id);
  if (with_conversation) {
    b.set(f.conversation_id, p.id);
    if (p.bot >= 0) b.set(f.bot_id, k_bot_ids[static_cast<std::size_t>(p.bot)]);
  }
  b.set(f.source, source).set(f.stage, k_stages[stage]);
  if (stage == 4) b.set(f.lost_at_stage, k_stages[lost_at]);
  b.set(f.created_at, created_at_ms);
  set_time(b, f.converted_at, converted_at);
  set_number(b, f.value, value);
  m_out.emit(Type::lead);
}

void Generator::emit_events(Rng& rng, const Plan& p) {
  static const auto k_weights = endpoint_weights();
  const auto count = rng.weighted(std::array<double, 3>{30, 50, 20});
  const EventFields& f = m_out.event;
  for (std::size_t i = 0; i < count; ++i) {
    const std::int64_t span = std::max<std::int64_t>(1, p.ended_at_ms - p.started_at_ms);
    const std::int64_t at = p.started_at_ms + (i == 0 ? rng.between(0, 3 * k_second_ms) : rng.between(0, span));
    const Endpoint& endpoint = k_endpoints[rng.weighted(k_weights)];
    const bool incident = std::any_of(p.tenant->incidents.begin(), p.tenant->incidents.end(),
                                      [at](const auto& window) { return at >= window.first && at < window.second; });
    const double fate = rng.uniform();
    const double server_errors = incident ? 0.3 : 0.008;
    int status = endpoint.path == "/v1/conversations" ? 201 : 200;
    if (fate < server_errors) status = std::array<int, 4>{500, 502, 503, 504}[rng.weighted(std::array<double, 4>{30, 30, 30, 10})];
    else if (fate < server_errors + 0.02) status = std::array<int, 5>{400, 401, 404, 422, 429}[rng.index(5)];
    double latency = rng.lognormal(endpoint.median_latency_ms * (incident ? 4 : 1), 0.5);
    if (status == 504) latency = 30000;
    if (at >= m_end_ms) continue;

    RecordBuilder& b = m_out.begin(Type::event, p.tenant->name);
    m_scratch = "evt-" + p.key + "-" + std::to_string(i + 1);
    b.set(f.id, m_scratch).set(f.at, at);
    b.set(f.kind, status >= 500 && rng.chance(0.75) ? "api_error" : "api_request");
    b.set(f.endpoint, endpoint.path).set(f.status_code, status).set(f.latency_ms, round_to(latency, 1));
    if (endpoint.tokens && status < 300) b.set(f.tokens, static_cast<std::int64_t>(rng.lognormal(700, 0.5)));
    m_out.emit(Type::event);
  }
}

void Generator::emit_kb_articles(const Tenant& tenant, std::int64_t conversations) {
  const KbArticleFields& f = m_out.kb_article;
  for (std::size_t i = 0; i < k_kb_articles.size(); ++i) {
    Rng rng(derive_seed(m_options.seed, stream(tenant.index, Stream::kb_article), i));
    const KbArticle& article = k_kb_articles[i];
    const auto views = static_cast<std::int64_t>(static_cast<double>(conversations) * article.popularity * 0.04 *
                                                 rng.uniform(0.7, 1.3));
    const auto share = [&](double lo, double hi) {
      return static_cast<std::int64_t>(static_cast<double>(views) * rng.uniform(lo, hi));
    };
    RecordBuilder& b = m_out.begin(Type::kb_article, tenant.name);
    m_scratch = "kb-" + tenant.name + "-" + (i < 9 ? "0" : "") + std::to_string(i + 1);
    b.set(f.id, m_scratch).set(f.title, article.title).set(f.slug, article.slug);
    b.set_bool(f.published, article.published);
    b.set(f.views, views);
    const std::int64_t helpful = share(0.05, 0.12);
    b.set(f.helpful, helpful).set(f.not_helpful, share(0.01, 0.04));
    b.set(f.updated_at, rng.between(m_start_ms, m_end_ms - 1));
    m_out.emit(Type::kb_article);
  }
}

}  // namespace convstat::core::demo
