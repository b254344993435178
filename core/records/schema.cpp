#include "core/records/schema.hpp"

namespace convstat::core {
namespace {

using K = FieldKind;

FieldSpec id(bool required) { return {"id", K::string, required}; }
FieldSpec tenant() { return {"tenant", K::string}; }
FieldSpec ts(std::string_view name, bool required = false) { return {name, K::timestamp, required}; }
FieldSpec str(std::string_view name, bool required = false) { return {name, K::string, required}; }
FieldSpec non_negative(std::string_view name, K kind) { return {name, kind, false, {}, 0.0}; }
FieldSpec flag(std::string_view name) { return {name, K::boolean}; }

std::vector<RecordType> make_types() {
  std::vector<RecordType> t;
  t.push_back({"conversation", "conversations", "conversations", true, {
      id(true), tenant(), str("bot_id"), {"channel", K::lower_string}, ts("started_at", true),
      ts("ended_at"), ts("first_response_at"), ts("resolved_at"),
      {"resolved_by", K::choice, false, {"ai", "human"}}, ts("escalated_at"), ts("handover_requested_at"),
      str("status"), {"priority", K::choice, false, {"urgent", "high", "medium", "low"}},
      str("team_id"), str("team_name"), str("assignee_id"), str("assignee_name"), str("contact_id"),
      str("subject"), {"topics", K::string_list}, str("language"),
      {"sentiment", K::number, false, {}, -1.0, 1.0}, {"ai_quality", K::number, false, {}, 0.0, 1.0},
      ts("first_response_due_at"), ts("resolution_due_at"), ts("updated_at")}});
  t.push_back({"message", "messages", "messages", false, {
      id(false), tenant(), str("conversation_id", true), ts("at", true),
      {"direction", K::choice, true, {"inbound", "outbound"}},
      {"author", K::choice, false, {"user", "ai", "human", "system"}}, str("text"),
      {"feedback", K::choice, false, {"positive", "negative"}}, ts("updated_at")}});
  t.push_back({"csat", "csat", "csat", true, {
      id(true), tenant(), str("conversation_id", true), ts("sent_at", true), ts("responded_at"),
      {"rating", K::integer, false, {}, 1.0, 5.0}, str("comment"), str("followup_answer"),
      {"channel", K::lower_string}, ts("updated_at")}});
  t.push_back({"call", "calls", "calls", true, {
      id(true), tenant(), str("bot_id"), str("phone"), ts("started_at", true),
      non_negative("duration_seconds", K::number), {"status", K::choice, true, {"completed", "failed"}},
      str("outcome"), flag("first_call_resolution"), non_negative("tickets_created", K::integer),
      flag("escalated"), str("category"), non_negative("resolution_seconds", K::number), str("transcript"),
      ts("updated_at")}});
  t.push_back({"turn", "turns", "turns", false, {
      id(false), tenant(), str("conversation_id", true), ts("at", true),
      {"status", K::choice, true, {"success", "failed", "interrupted"}},
      non_negative("asr_ms", K::number), non_negative("llm_ms", K::number),
      non_negative("translation_ms", K::number), non_negative("tts_ms", K::number),
      non_negative("total_ms", K::number), {"llm_cache", K::choice, false, {"hit", "miss"}},
      {"tts_cache", K::choice, false, {"hit", "miss"}}, non_negative("guardrail_violations", K::integer),
      flag("guardrail_blocked"), str("language_code"), str("optimization_level"), ts("updated_at")}});
  t.push_back({"usage", "usage", "usage", false, {
      id(false), tenant(), ts("at", true), str("conversation_id"), str("turn_id"), str("call_id"),
      str("service", true), str("provider", true), str("model"), str("operation"),
      non_negative("input_tokens", K::integer), non_negative("output_tokens", K::integer),
      {"units", K::number}, str("unit_type"), non_negative("cost_usd", K::number), flag("cached"),
      non_negative("latency_ms", K::number), flag("error"), str("optimization_level"), ts("updated_at")}});
  t.push_back({"feedback", "feedback", "feedback", false, {
      id(false), tenant(), str("conversation_id", true), str("turn_id"), str("message_id"),
      {"rating", K::integer, true}, {"rating_type", K::choice, true, {"thumbs", "stars"}},
      str("feedback_text"), str("feedback_category"), flag("incorrect_response"), flag("too_slow"),
      flag("unhelpful"), flag("offensive"), str("user_input"), str("assistant_response"),
      {"metadata", K::object}, ts("created_at"), ts("updated_at")}});
  t.push_back({"lead", "leads", "leads", true, {
      id(true), tenant(), str("bot_id"), str("conversation_id"), str("source"),
      {"stage", K::choice, true, {"new", "contacted", "qualified", "converted", "lost"}},
      {"lost_at_stage", K::choice, false, {"new", "contacted", "qualified", "converted"}},
      ts("created_at", true), ts("converted_at"), {"value", K::number}, ts("updated_at")}});
  t.push_back({"event", "events", "events", false, {
      id(false), tenant(), ts("at", true), str("kind", true), str("endpoint"),
      {"status_code", K::integer}, non_negative("latency_ms", K::number),
      non_negative("tokens", K::integer), ts("updated_at")}});
  t.push_back({"kb_article", "kb_articles", "kb_articles", true, {
      id(true), tenant(), str("title"), str("slug"), flag("published"),
      non_negative("views", K::integer), non_negative("helpful", K::integer),
      non_negative("not_helpful", K::integer), ts("updated_at")}});
  return t;
}

}  // namespace

int RecordType::field_index(std::string_view field) const {
  for (size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == field) return static_cast<int>(i);
  return -1;
}

const std::vector<RecordType>& record_types() {
  static const std::vector<RecordType> types = make_types();
  return types;
}

const RecordType* find_record_type(std::string_view name) {
  for (const auto& t : record_types())
    if (t.name == name || t.plural == name) return &t;
  return nullptr;
}

}  // namespace convstat::core
