// Voice calls, speech/LLM pipeline turns and the usage (cost) entries of
// turns and of text bots.
#include "core/demo/generator.hpp"

#include <algorithm>

namespace convstat::core::demo {
namespace {

constexpr std::array<std::string_view, 3> k_turn_statuses = {"success", "failed", "interrupted"};
constexpr std::array<double, 3> k_tts_median_ms = {340, 260, 200};  // by optimization level

double ms_of(Rng& rng, double median, double sigma) { return round_to(rng.lognormal(median, sigma), 1); }
double usd(double value) { return round_to(value, 8); }

}  // namespace

std::int64_t Generator::plan_turn(Rng& rng, Plan& p, std::int64_t at_ms) {
  PlannedTurn& turn = p.turns.emplace_back();
  turn.at_ms = at_ms;
  const auto level = static_cast<std::size_t>(p.optimization_level);
  const double fate = rng.uniform();
  turn.status = fate < 0.025 ? TurnStatus::failed : fate < 0.09 ? TurnStatus::interrupted : TurnStatus::success;
  const bool failed = turn.status == TurnStatus::failed;
  double total = 0;
  if (p.speech) {
    turn.audio_seconds = round_to(rng.lognormal(3.5, 0.5), 2);
    total += turn.asr_ms = ms_of(rng, 180, 0.35);
  }
  if (p.translate) total += turn.translation_ms = ms_of(rng, 110, 0.4);
  turn.llm_hit = !failed && rng.chance(0.18);
  if (failed && rng.chance(0.3)) turn.llm_ms = static_cast<double>(rng.between(8000, 10000));  // provider timeout
  else turn.llm_ms = turn.llm_hit ? ms_of(rng, 25, 0.4) : ms_of(rng, k_pipeline_models[level].median_latency_ms, 0.45);
  total += turn.llm_ms;
  const auto index = static_cast<double>(p.turns.size() - 1);
  turn.input_tokens = static_cast<std::int64_t>(rng.lognormal(450 + 120 * index, 0.3));
  turn.output_tokens = failed ? 0 : static_cast<std::int64_t>(rng.lognormal(60, 0.5));
  if (p.speech && !failed) {
    turn.tts_hit = rng.chance(0.3);
    turn.tts_chars = turn.output_tokens * 4;
    total += turn.tts_ms = turn.tts_hit ? ms_of(rng, 12, 0.5) : ms_of(rng, k_tts_median_ms[level], 0.4);
  }
  turn.total_ms = round_to(total + rng.lognormal(35, 0.5), 1);  // stages plus orchestration overhead
  const double guard = rng.uniform();
  turn.guardrail_violations = guard < 0.006 ? 2 : guard < 0.03 ? 1 : 0;
  turn.guardrail_blocked = turn.guardrail_violations > 0 && rng.chance(0.35);
  return static_cast<std::int64_t>(turn.total_ms) + rng.between(50, 400);
}

void Generator::emit_call(Rng& rng, const Plan& p) {
  const bool failed = rng.chance(0.04);
  const bool resolved = p.resolved_at_ms != k_none;
  const bool escalated = p.escalated_at_ms != k_none;
  std::string_view outcome;
  if (failed) outcome = rng.chance(0.5) ? "abandoned" : "";
  else if (resolved && p.outcome == Outcome::ai_resolved) outcome = "resolved";
  else if (resolved) outcome = rng.chance(0.6) ? "escalated" : "resolved";
  else if (escalated) outcome = rng.chance(0.6) ? "escalated" : "ticket_created";
  else outcome = rng.chance(0.6) ? "abandoned" : "ticket_created";
  const double duration_s = failed ? static_cast<double>(rng.between(0, 8))
                                   : static_cast<double>((p.ended_at_ms - p.started_at_ms) / k_second_ms +
                                                         (p.cut_at_end ? 0 : rng.between(3, 40)));

  const CallFields& f = m_out.call;
  RecordBuilder& b = m_out.begin(Type::call, p.tenant->name);
  m_scratch = "call-" + p.key;
  b.set(f.id, m_scratch).set(f.bot_id, k_bot_ids[static_cast<std::size_t>(Bot::voice)]);
  if (p.has_contact) b.set(f.phone, p.contact.phone);  // no contact: caller id withheld
  b.set(f.started_at, p.started_at_ms).set(f.duration_seconds, duration_s);
  b.set(f.status, failed ? "failed" : "completed");
  if (!outcome.empty()) b.set(f.outcome, outcome);
  b.set_bool(f.first_call_resolution, outcome == "resolved" || outcome == "ticket_created");
  b.set(f.tickets_created, outcome == "ticket_created" ? 1 : 0);
  b.set_bool(f.escalated, escalated || outcome == "escalated");
  b.set(f.category, k_call_categories[static_cast<std::size_t>(k_topics[static_cast<std::size_t>(p.topic)].call_category)]);
  if (resolved && !failed) b.set(f.resolution_seconds, static_cast<double>((p.resolved_at_ms - p.started_at_ms) / k_second_ms));
  if (!failed && rng.chance(0.35)) {
    m_scratch.clear();
    for (const PlannedMessage& m : p.messages) {
      if (m.author == Author::system || m.text.empty()) continue;
      m_scratch += m.author == Author::user ? "Caller: " : m.author == Author::ai ? "Assistant: " : "Agent: ";
      m_scratch += m.text;
      m_scratch += '\n';
    }
    if (!m_scratch.empty()) m_scratch.pop_back();
    b.set(f.transcript, m_scratch);
  }
  m_out.emit(Type::call);
}

void Generator::emit_turns(Rng& rng, const Plan& p) {
  const TurnFields& f = m_out.turn;
  const UsageFields& u = m_out.usage;
  const std::string_view level = k_optimization_levels[static_cast<std::size_t>(p.optimization_level)];
  const std::string call_id = p.channel == Channel::voice ? "call-" + p.key : std::string();
  std::string turn_id;
  for (std::size_t i = 0; i < p.turns.size(); ++i) {
    const PlannedTurn& turn = p.turns[i];
    turn_id = "turn-" + p.key + "-" + std::to_string(i + 1);
    RecordBuilder& b = m_out.begin(Type::turn, p.tenant->name);
    b.set(f.id, turn_id).set(f.conversation_id, p.id).set(f.at, turn.at_ms);
    b.set(f.status, k_turn_statuses[static_cast<std::size_t>(turn.status)]);
    if (turn.asr_ms >= 0) b.set(f.asr_ms, turn.asr_ms);
    b.set(f.llm_ms, turn.llm_ms);
    if (turn.translation_ms >= 0) b.set(f.translation_ms, turn.translation_ms);
    if (turn.tts_ms >= 0) b.set(f.tts_ms, turn.tts_ms);
    b.set(f.total_ms, turn.total_ms);
    b.set(f.llm_cache, turn.llm_hit ? "hit" : "miss");
    if (turn.tts_ms >= 0) b.set(f.tts_cache, turn.tts_hit ? "hit" : "miss");
    b.set(f.guardrail_violations, turn.guardrail_violations).set_bool(f.guardrail_blocked, turn.guardrail_blocked);
    b.set(f.language_code, k_language_codes[static_cast<std::size_t>(p.language)]).set(f.optimization_level, level);
    m_out.emit(Type::turn);

    // One usage entry per stage that ran, at the instant the stage finished.
    double elapsed = 0;
    auto usage = [&](std::string_view service, double latency_ms) -> RecordBuilder& {
      elapsed += latency_ms;
      RecordBuilder& e = m_out.begin(Type::usage, p.tenant->name);
      m_scratch = "use-" + p.key + "-" + std::to_string(i + 1) + "-";
      m_scratch += service;
      e.set(u.id, m_scratch).set(u.at, turn.at_ms + static_cast<std::int64_t>(elapsed));
      e.set(u.conversation_id, p.id).set(u.turn_id, turn_id);
      if (!call_id.empty()) e.set(u.call_id, call_id);
      e.set(u.service, service).set(u.latency_ms, latency_ms).set(u.optimization_level, level);
      e.set_bool(u.cached, false).set_bool(u.error, false);
      return e;
    };
    if (turn.asr_ms >= 0) {
      RecordBuilder& e = usage("asr", turn.asr_ms);
      e.set(u.provider, "deepgram").set(u.model, "nova-2").set(u.operation, "transcribe");
      e.set(u.units, turn.audio_seconds).set(u.unit_type, "audio_seconds").set(u.cost_usd, usd(turn.audio_seconds / 60 * 0.0043));
      m_out.emit(Type::usage);
    }
    if (turn.translation_ms >= 0) {
      const double chars = static_cast<double>(turn.output_tokens * 4 + 40);
      RecordBuilder& e = usage("translation", turn.translation_ms);
      e.set(u.provider, "google").set(u.model, "translate-v3").set(u.operation, "translate");
      e.set(u.units, chars).set(u.unit_type, "chars").set(u.cost_usd, usd(chars * 20e-6));
      m_out.emit(Type::usage);
    }
    {
      const LlmModel& model = k_pipeline_models[static_cast<std::size_t>(p.optimization_level)];
      RecordBuilder& e = usage("llm", turn.llm_ms);
      e.set(u.provider, model.provider).set(u.model, model.model).set(u.operation, "chat.completions");
      e.set(u.input_tokens, turn.input_tokens).set(u.output_tokens, turn.output_tokens);
      e.set(u.units, static_cast<double>(turn.input_tokens + turn.output_tokens)).set(u.unit_type, "tokens");
      e.set(u.cost_usd, usd(static_cast<double>(turn.input_tokens) / 1000 * model.usd_per_1k_input +
                            static_cast<double>(turn.output_tokens) / 1000 * model.usd_per_1k_output));
      e.set_bool(u.cached, turn.llm_hit).set_bool(u.error, turn.status == TurnStatus::failed);
      m_out.emit(Type::usage);
    }
    if (turn.tts_ms >= 0) {
      const bool eleven = rng.chance(0.7);
      const auto chars = static_cast<double>(turn.tts_chars);
      RecordBuilder& e = usage("tts", turn.tts_ms);
      e.set(u.provider, eleven ? "elevenlabs" : "google").set(u.model, eleven ? "eleven_turbo_v2_5" : "neural2");
      e.set(u.operation, "synthesize").set(u.units, chars).set(u.unit_type, "chars");
      e.set(u.cost_usd, usd(chars * (eleven ? 180e-6 : 16e-6))).set_bool(u.cached, turn.tts_hit);
      m_out.emit(Type::usage);
    }
  }
}

void Generator::emit_text_usage(Rng& rng, const Plan& p) {
  if (p.bot < 0) return;
  std::int64_t first_ai_ms = k_none, last_ai_ms = k_none, replies = 0;
  for (const PlannedMessage& m : p.messages) {
    if (m.author != Author::ai) continue;
    if (first_ai_ms == k_none) first_ai_ms = m.at_ms;
    last_ai_ms = m.at_ms;
    ++replies;
  }
  if (replies == 0) return;
  const UsageFields& u = m_out.usage;
  const auto n = static_cast<double>(replies);
  // The bot's LLM calls for the whole conversation, as one entry.
  const LlmModel& model = k_chat_models[rng.weighted(k_chat_model_weights)];
  const auto input = static_cast<std::int64_t>(rng.lognormal(380 * n + 150, 0.25));
  const auto output = static_cast<std::int64_t>(rng.lognormal(70 * n, 0.35));
  RecordBuilder& b = m_out.begin(Type::usage, p.tenant->name);
  m_scratch = "use-" + p.key + "-llm";
  b.set(u.id, m_scratch).set(u.at, last_ai_ms).set(u.conversation_id, p.id);
  b.set(u.service, "llm").set(u.provider, model.provider).set(u.model, model.model).set(u.operation, "chat.completions");
  b.set(u.input_tokens, input).set(u.output_tokens, output);
  b.set(u.units, static_cast<double>(input + output)).set(u.unit_type, "tokens");
  b.set(u.cost_usd, usd(static_cast<double>(input) / 1000 * model.usd_per_1k_input +
                        static_cast<double>(output) / 1000 * model.usd_per_1k_output));
  b.set_bool(u.cached, rng.chance(0.05)).set(u.latency_ms, ms_of(rng, model.median_latency_ms, 0.4));
  b.set_bool(u.error, rng.chance(0.006));
  m_out.emit(Type::usage);
  if (!rng.chance(0.3)) return;
  // Knowledge-base retrieval before the first answer.
  const auto tokens = static_cast<std::int64_t>(rng.lognormal(40, 0.4)) + 1;
  RecordBuilder& e = m_out.begin(Type::usage, p.tenant->name);
  m_scratch = "use-" + p.key + "-emb";
  e.set(u.id, m_scratch).set(u.at, std::max(p.started_at_ms, first_ai_ms - 200)).set(u.conversation_id, p.id);
  e.set(u.service, "embedding").set(u.provider, "openai").set(u.model, "text-embedding-3-small");
  e.set(u.operation, "embeddings").set(u.input_tokens, tokens);
  e.set(u.units, static_cast<double>(tokens)).set(u.unit_type, "tokens");
  e.set(u.cost_usd, usd(static_cast<double>(tokens) / 1000 * 0.00002)).set_bool(u.cached, false);
  e.set(u.latency_ms, ms_of(rng, 90, 0.4)).set_bool(u.error, false);
  m_out.emit(Type::usage);
}

}  // namespace convstat::core::demo
