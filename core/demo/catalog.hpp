#pragma once
// The demo dataset's vocabulary: channels, languages, bots, teams, agents,
// topics and the short phrases messages are made of. Plain constant data;
// weights are relative.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace convstat::core::demo {

constexpr std::size_t k_language_count = 5;  // en-US, fr-FR, de-DE, es-ES, hi-IN
using PerLanguage = std::array<std::string_view, k_language_count>;

enum class Channel { chat, email, whatsapp, web, voice, sms };
constexpr std::size_t k_channel_count = 6;
extern const std::array<std::string_view, k_channel_count> k_channel_names;
extern const std::array<double, k_channel_count> k_channel_weights;

extern const std::array<std::string_view, k_language_count> k_language_codes;
extern const std::array<double, k_language_count> k_language_weights;

enum class Bot { sales, support, billing, voice };
extern const std::array<std::string_view, 4> k_bot_ids;

struct Team {
  std::string_view id, name;
};
enum TeamIndex : int { k_tier1, k_tier2, k_billing_team, k_paris };
extern const std::array<Team, 4> k_teams;

struct Agent {
  std::string_view id, name;
  int team;  // index into k_teams
};
extern const std::array<Agent, 14> k_agents;

// Call categories (call.category), derived from the topic.
extern const std::array<std::string_view, 6> k_call_categories;

struct Topic {
  std::string_view name;
  double weight;
  Bot bot;
  int team;                         // default team
  int call_category;                // index into k_call_categories
  PerLanguage subject;              // conversation subject per language
  std::array<std::string_view, 2> opener_en;  // first customer message (English variants)
};
extern const std::array<Topic, 12> k_topics;

// Priority names with their weights and SLA targets.
struct Priority {
  std::string_view name;
  double weight;
  std::int64_t first_response_target_ms, resolution_target_ms;
};
extern const std::array<Priority, 4> k_priorities;

// Customer phrases per language.
extern const PerLanguage k_opener_other;     // generic opener for non-English conversations
extern const std::array<PerLanguage, 4> k_user_followups;
extern const PerLanguage k_handover_requests;
extern const PerLanguage k_user_thanks;
// Bot and human phrases per language.
extern const std::array<PerLanguage, 4> k_ai_replies;
extern const std::array<PerLanguage, 3> k_human_replies;
extern const PerLanguage k_transfer_notes;  // system message, the team name follows

// CSAT comments (by sentiment) and follow-up answers.
extern const std::array<std::string_view, 6> k_positive_comments;
extern const std::array<std::string_view, 6> k_negative_comments;
extern const std::array<std::string_view, 5> k_followup_answers;

// Contact name parts for fake e-mail addresses (example.com/example.org).
extern const std::array<std::string_view, 12> k_first_names;
extern const std::array<std::string_view, 12> k_last_names;

// Feedback categories and texts.
extern const std::array<std::string_view, 5> k_feedback_categories;  // accuracy, speed, helpfulness, tone, other
extern const std::array<std::string_view, 5> k_feedback_negative_texts;  // per category
extern const std::array<std::string_view, 3> k_feedback_positive_texts;

// LLM model choices for text bots: provider, model, $ per 1k input / output tokens.
struct LlmModel {
  std::string_view provider, model;
  double usd_per_1k_input, usd_per_1k_output;
  double median_latency_ms;
};
extern const std::array<LlmModel, 5> k_chat_models;
extern const std::array<double, 5> k_chat_model_weights;
// The pipeline's LLM per optimization level (quality, balanced, speed).
extern const std::array<LlmModel, 3> k_pipeline_models;
extern const std::array<std::string_view, 3> k_optimization_levels;

// API endpoints for events.
struct Endpoint {
  std::string_view path;
  double weight;
  double median_latency_ms;
  bool tokens;
};
extern const std::array<Endpoint, 7> k_endpoints;

struct KbArticle {
  std::string_view title, slug;
  double popularity;
  bool published;
};
extern const std::array<KbArticle, 12> k_kb_articles;

// Tenant ids: acme, globex, initech, ... (later tenants are tenant-11, ...).
extern const std::array<std::string_view, 10> k_tenant_names;

}  // namespace convstat::core::demo
