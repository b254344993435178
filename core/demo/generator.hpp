#pragma once
// Internals of the demo generator (core/demo/*.cpp): field indices, the record
// emitter, the per-conversation plan and the Generator that fills it. Not part
// of the public API (see demo.hpp).
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/demo/catalog.hpp"
#include "core/demo/demo.hpp"
#include "core/demo/random.hpp"
#include "core/records/builder.hpp"
#include "core/time/time.hpp"

namespace convstat::core::demo {

constexpr std::int64_t k_second_ms = 1000;
constexpr std::int64_t k_minute_ms = 60 * k_second_ms;
constexpr std::int64_t k_hour_ms = 60 * k_minute_ms;
constexpr std::int64_t k_day_ms = 24 * k_hour_ms;
// An absent timestamp in a plan.
constexpr std::int64_t k_none = std::numeric_limits<std::int64_t>::min();

// Independent random streams: derive_seed(seed, stream(tenant, kind), n).
enum class Stream : std::uint64_t { schedule = 1, conversation = 2, contact = 3, kb_article = 4 };
constexpr std::uint64_t stream(std::uint64_t tenant, Stream kind) {
  return (tenant << 8) | static_cast<std::uint64_t>(kind);
}

// Record types in data-model.md order (the index into record_types()).
enum class Type { conversation, message, csat, call, turn, usage, feedback, lead, event, kb_article };
constexpr std::size_t k_type_count = 10;

// Field indices of each type, resolved once by name.
struct ConversationFields {
  int id, bot_id, channel, started_at, ended_at, first_response_at, resolved_at, resolved_by, escalated_at,
      handover_requested_at, status, priority, team_id, team_name, assignee_id, assignee_name, contact_id,
      subject, topics, language, sentiment, ai_quality, first_response_due_at, resolution_due_at;
  explicit ConversationFields(const RecordBuilder& b);
};
struct MessageFields {
  int id, conversation_id, at, direction, author, text, feedback;
  explicit MessageFields(const RecordBuilder& b);
};
struct CsatFields {
  int id, conversation_id, sent_at, responded_at, rating, comment, followup_answer, channel;
  explicit CsatFields(const RecordBuilder& b);
};
struct CallFields {
  int id, bot_id, phone, started_at, duration_seconds, status, outcome, first_call_resolution, tickets_created,
      escalated, category, resolution_seconds, transcript;
  explicit CallFields(const RecordBuilder& b);
};
struct TurnFields {
  int id, conversation_id, at, status, asr_ms, llm_ms, translation_ms, tts_ms, total_ms, llm_cache, tts_cache,
      guardrail_violations, guardrail_blocked, language_code, optimization_level;
  explicit TurnFields(const RecordBuilder& b);
};
struct UsageFields {
  int id, at, conversation_id, turn_id, call_id, service, provider, model, operation, input_tokens, output_tokens,
      units, unit_type, cost_usd, cached, latency_ms, error, optimization_level;
  explicit UsageFields(const RecordBuilder& b);
};
struct FeedbackFields {
  int id, conversation_id, turn_id, message_id, rating, rating_type, feedback_text, feedback_category,
      incorrect_response, too_slow, unhelpful, offensive, user_input, assistant_response, metadata, created_at;
  explicit FeedbackFields(const RecordBuilder& b);
};
struct LeadFields {
  int id, bot_id, conversation_id, source, stage, lost_at_stage, created_at, converted_at, value;
  explicit LeadFields(const RecordBuilder& b);
};
struct EventFields {
  int id, at, kind, endpoint, status_code, latency_ms, tokens;
  explicit EventFields(const RecordBuilder& b);
};
struct KbArticleFields {
  int id, title, slug, published, views, helpful, not_helpful, updated_at;
  explicit KbArticleFields(const RecordBuilder& b);
};

// Builds records of every type, hashes them and hands them to the sink.
class Emitter {
public:
  explicit Emitter(const RecordSink& sink);
  // Starts a record of type t for `tenant` (every other cell null).
  RecordBuilder& begin(Type t, std::string_view tenant);
  // Finishes the record begun last for t and sends it.
  void emit(Type t);
  std::map<std::string, std::int64_t> counts() const;

private:
  const RecordSink& m_sink;
  std::vector<RecordBuilder> m_builders;  // by Type
  std::array<std::int64_t, k_type_count> m_counts{};

public:
  const ConversationFields conversation;
  const MessageFields message;
  const CsatFields csat;
  const CallFields call;
  const TurnFields turn;
  const UsageFields usage;
  const FeedbackFields feedback;
  const LeadFields lead;
  const EventFields event;
  const KbArticleFields kb_article;
};

// A timestamp cell, left null for k_none.
inline void set_time(RecordBuilder& b, int field, std::int64_t ms) {
  if (ms != k_none) b.set(field, ms);
}
inline void set_number(RecordBuilder& b, int field, const std::optional<double>& value) {
  if (value) b.set(field, *value);
}
// Rounds to `decimals` decimal places (exact, deterministic).
double round_to(double value, int decimals);

enum class Outcome { ai_resolved, human_resolved, unresolved };
enum class Author { user, ai, human, system };
enum class TurnStatus { success, failed, interrupted };

struct PlannedMessage {
  std::int64_t at_ms = 0;
  Author author = Author::user;
  std::string text;  // empty: no text
  int feedback = 0;  // +1 thumbs up, -1 thumbs down, 0 none
};

// One speech/LLM pipeline round trip; latencies < 0 mean the stage did not run.
struct PlannedTurn {
  std::int64_t at_ms = 0;
  TurnStatus status = TurnStatus::success;
  double asr_ms = -1, llm_ms = -1, translation_ms = -1, tts_ms = -1, total_ms = 0;
  bool llm_hit = false, tts_hit = false;
  int guardrail_violations = 0;
  bool guardrail_blocked = false;
  double audio_seconds = 0;
  std::int64_t input_tokens = 0, output_tokens = 0, tts_chars = 0;
};

struct Tenant {
  std::string name;
  std::uint64_t index = 0;
  std::int64_t contact_pool = 1;  // contacts are drawn from [0, contact_pool)
  std::int64_t regulars = 1;      // [0, regulars): contacts who come back often
  std::vector<std::pair<std::int64_t, std::int64_t>> incidents;  // API outage windows [from, to)
  std::int64_t next_extra_lead = 1;  // numbering of leads without a conversation
};

struct Contact {
  int language = 0;
  std::string id, phone, email;
};

// Everything decided about one conversation before its records are written.
// Reused from one conversation to the next (vectors keep their capacity).
struct Plan {
  const Tenant* tenant = nullptr;
  std::string key;  // "acme-000042": the tail of every id of this conversation
  std::string id;   // "conv-acme-000042"
  std::int64_t started_at_ms = 0, ended_at_ms = k_none, first_response_at_ms = k_none, resolved_at_ms = k_none,
               escalated_at_ms = k_none, handover_at_ms = k_none;
  std::int64_t first_response_due_ms = k_none, resolution_due_ms = k_none;
  Channel channel = Channel::chat;
  int language = 0, topic = 0, second_topic = -1, priority = -1, team = -1, agent = -1, bot = -1;
  bool has_contact = false;
  Contact contact;
  Outcome outcome = Outcome::unresolved;
  bool cut_at_end = false;  // still in progress at end_ms
  std::string_view status;
  bool has_subject = true, has_topics = true;
  std::optional<double> sentiment, ai_quality;
  bool pipeline = false, speech = false, translate = false;
  int optimization_level = 1;
  std::vector<PlannedMessage> messages;
  std::vector<PlannedTurn> turns;
};

// Conversation start instants over [start_ms, end_ms): hour slots weighted by
// the local hour and weekday in `zone` (busy weekday office hours, quiet nights
// and weekends) and a slight growth over the period.
class ArrivalSchedule {
public:
  ArrivalSchedule(std::int64_t start_ms, std::int64_t end_ms, const TimeZone& zone);
  // An instant in [start_ms, end_ms).
  std::int64_t sample(Rng& rng) const;

private:
  std::int64_t m_start_ms;
  std::int64_t m_end_ms;
  std::vector<double> m_cumulative;  // cumulative weight per UTC hour slot
};

class Generator {
public:
  Generator(const RecordSink& sink, const DemoOptions& options);
  DemoSummary run();

private:
  // demo.cpp
  void tenant_run(Tenant& tenant, std::int64_t conversations, const ArrivalSchedule& schedule, std::int64_t& done);
  void describe_contact(const Tenant& tenant, std::int64_t index, Contact& contact) const;
  // conversation.cpp: the timeline, then the conversation, its messages and csat.
  void plan_conversation(Rng& rng, Plan& p);
  void plan_bot_part(Rng& rng, Plan& p, std::int64_t& t, bool& escalate);
  void plan_human_part(Rng& rng, Plan& p, std::int64_t& t);
  void add_message(Rng& rng, Plan& p, std::int64_t at_ms, Author author, std::string_view text);
  std::int64_t staffed_from(std::int64_t at_ms) const;
  void cut_at_end(Plan& p) const;
  void settle(Rng& rng, Plan& p) const;
  void emit_conversation(const Plan& p);
  void emit_messages(const Plan& p);
  void emit_csat(Rng& rng, const Plan& p);
  // pipeline.cpp: voice calls, pipeline turns and usage.
  std::int64_t plan_turn(Rng& rng, Plan& p, std::int64_t at_ms);
  void emit_call(Rng& rng, const Plan& p);
  void emit_turns(Rng& rng, const Plan& p);
  void emit_text_usage(Rng& rng, const Plan& p);
  // extras.cpp: feedback, leads, API events, kb articles.
  void emit_feedback(Rng& rng, const Plan& p);
  void emit_leads(Rng& rng, Tenant& tenant, const Plan& p);
  void emit_lead(Rng& rng, const Plan& p, const std::string& id, std::int64_t created_at_ms, std::string_view source,
                 bool with_conversation);
  void emit_events(Rng& rng, const Plan& p);
  void emit_kb_articles(const Tenant& tenant, std::int64_t conversations);

  const DemoOptions& m_options;
  Emitter m_out;
  TimeZone m_zone;  // Europe/Paris: seasonality and staffed hours
  std::int64_t m_start_ms = 0;
  std::int64_t m_end_ms = 0;
  std::array<double, 12> m_topic_weights{};
  std::string m_scratch;  // reused text buffer
};

}  // namespace convstat::core::demo
