#include "core/demo/generator.hpp"

#include <cmath>
#include <stdexcept>

namespace convstat::core::demo {

ConversationFields::ConversationFields(const RecordBuilder& b)
    : id(b.field("id")), bot_id(b.field("bot_id")), channel(b.field("channel")),
      started_at(b.field("started_at")), ended_at(b.field("ended_at")),
      first_response_at(b.field("first_response_at")), resolved_at(b.field("resolved_at")),
      resolved_by(b.field("resolved_by")), escalated_at(b.field("escalated_at")),
      handover_requested_at(b.field("handover_requested_at")), status(b.field("status")),
      priority(b.field("priority")), team_id(b.field("team_id")), team_name(b.field("team_name")),
      assignee_id(b.field("assignee_id")), assignee_name(b.field("assignee_name")),
      contact_id(b.field("contact_id")), subject(b.field("subject")), topics(b.field("topics")),
      language(b.field("language")), sentiment(b.field("sentiment")), ai_quality(b.field("ai_quality")),
      first_response_due_at(b.field("first_response_due_at")), resolution_due_at(b.field("resolution_due_at")) {}

MessageFields::MessageFields(const RecordBuilder& b)
    : id(b.field("id")), conversation_id(b.field("conversation_id")), at(b.field("at")),
      direction(b.field("direction")), author(b.field("author")), text(b.field("text")),
      feedback(b.field("feedback")) {}

CsatFields::CsatFields(const RecordBuilder& b)
    : id(b.field("id")), conversation_id(b.field("conversation_id")), sent_at(b.field("sent_at")),
      responded_at(b.field("responded_at")), rating(b.field("rating")), comment(b.field("comment")),
      followup_answer(b.field("followup_answer")), channel(b.field("channel")) {}

CallFields::CallFields(const RecordBuilder& b)
    : id(b.field("id")), bot_id(b.field("bot_id")), phone(b.field("phone")), started_at(b.field("started_at")),
      duration_seconds(b.field("duration_seconds")), status(b.field("status")), outcome(b.field("outcome")),
      first_call_resolution(b.field("first_call_resolution")), tickets_created(b.field("tickets_created")),
      escalated(b.field("escalated")), category(b.field("category")),
      resolution_seconds(b.field("resolution_seconds")), transcript(b.field("transcript")) {}

TurnFields::TurnFields(const RecordBuilder& b)
    : id(b.field("id")), conversation_id(b.field("conversation_id")), at(b.field("at")), status(b.field("status")),
      asr_ms(b.field("asr_ms")), llm_ms(b.field("llm_ms")), translation_ms(b.field("translation_ms")),
      tts_ms(b.field("tts_ms")), total_ms(b.field("total_ms")), llm_cache(b.field("llm_cache")),
      tts_cache(b.field("tts_cache")), guardrail_violations(b.field("guardrail_violations")),
      guardrail_blocked(b.field("guardrail_blocked")), language_code(b.field("language_code")),
      optimization_level(b.field("optimization_level")) {}

UsageFields::UsageFields(const RecordBuilder& b)
    : id(b.field("id")), at(b.field("at")), conversation_id(b.field("conversation_id")),
      turn_id(b.field("turn_id")), call_id(b.field("call_id")), service(b.field("service")),
      provider(b.field("provider")), model(b.field("model")), operation(b.field("operation")),
      input_tokens(b.field("input_tokens")), output_tokens(b.field("output_tokens")), units(b.field("units")),
      unit_type(b.field("unit_type")), cost_usd(b.field("cost_usd")), cached(b.field("cached")),
      latency_ms(b.field("latency_ms")), error(b.field("error")), optimization_level(b.field("optimization_level")) {}

FeedbackFields::FeedbackFields(const RecordBuilder& b)
    : id(b.field("id")), conversation_id(b.field("conversation_id")), turn_id(b.field("turn_id")),
      message_id(b.field("message_id")), rating(b.field("rating")), rating_type(b.field("rating_type")),
      feedback_text(b.field("feedback_text")), feedback_category(b.field("feedback_category")),
      incorrect_response(b.field("incorrect_response")), too_slow(b.field("too_slow")),
      unhelpful(b.field("unhelpful")), offensive(b.field("offensive")), user_input(b.field("user_input")),
      assistant_response(b.field("assistant_response")), metadata(b.field("metadata")),
      created_at(b.field("created_at")) {}

LeadFields::LeadFields(const RecordBuilder& b)
    : id(b.field("id")), bot_id(b.field("bot_id")), conversation_id(b.field("conversation_id")),
      source(b.field("source")), stage(b.field("stage")), lost_at_stage(b.field("lost_at_stage")),
      created_at(b.field("created_at")), converted_at(b.field("converted_at")), value(b.field("value")) {}

EventFields::EventFields(const RecordBuilder& b)
    : id(b.field("id")), at(b.field("at")), kind(b.field("kind")), endpoint(b.field("endpoint")),
      status_code(b.field("status_code")), latency_ms(b.field("latency_ms")), tokens(b.field("tokens")) {}

KbArticleFields::KbArticleFields(const RecordBuilder& b)
    : id(b.field("id")), title(b.field("title")), slug(b.field("slug")), published(b.field("published")),
      views(b.field("views")), helpful(b.field("helpful")), not_helpful(b.field("not_helpful")),
      updated_at(b.field("updated_at")) {}

namespace {

std::vector<RecordBuilder> make_builders() {
  std::vector<RecordBuilder> builders;
  builders.reserve(k_type_count);
  for (const RecordType& type : record_types()) builders.emplace_back(type);
  return builders;
}

}  // namespace

Emitter::Emitter(const RecordSink& sink)
    : m_sink(sink), m_builders(make_builders()),
      conversation(m_builders[static_cast<std::size_t>(Type::conversation)]),
      message(m_builders[static_cast<std::size_t>(Type::message)]),
      csat(m_builders[static_cast<std::size_t>(Type::csat)]),
      call(m_builders[static_cast<std::size_t>(Type::call)]),
      turn(m_builders[static_cast<std::size_t>(Type::turn)]),
      usage(m_builders[static_cast<std::size_t>(Type::usage)]),
      feedback(m_builders[static_cast<std::size_t>(Type::feedback)]),
      lead(m_builders[static_cast<std::size_t>(Type::lead)]),
      event(m_builders[static_cast<std::size_t>(Type::event)]),
      kb_article(m_builders[static_cast<std::size_t>(Type::kb_article)]) {
  static constexpr std::array<std::string_view, k_type_count> k_names = {
      "conversation", "message", "csat", "call", "turn", "usage", "feedback", "lead", "event", "kb_article"};
  for (std::size_t i = 0; i < k_type_count; ++i)
    if (m_builders.size() != k_type_count || m_builders[i].type().name != k_names[i])
      throw std::logic_error("demo: record types are not in data-model.md order");
}

RecordBuilder& Emitter::begin(Type t, std::string_view tenant) {
  RecordBuilder& b = m_builders[static_cast<std::size_t>(t)];
  b.clear();
  b.set(1, tenant);  // field 1 is "tenant" in every type (schema.hpp)
  return b;
}

void Emitter::emit(Type t) {
  const auto i = static_cast<std::size_t>(t);
  m_sink(m_builders[i].finish());
  ++m_counts[i];
}

std::map<std::string, std::int64_t> Emitter::counts() const {
  std::map<std::string, std::int64_t> out;
  for (std::size_t i = 0; i < k_type_count; ++i) out[std::string(m_builders[i].type().name)] = m_counts[i];
  return out;
}

double round_to(double value, int decimals) {
  double scale = 1.0;
  for (int i = 0; i < decimals; ++i) scale *= 10.0;
  return std::round(value * scale) / scale;
}

}  // namespace convstat::core::demo
