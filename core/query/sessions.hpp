#pragma once
// Reading one session's turns and cost entries (a session is a
// conversation_id), and the per-session totals of `sessions list`.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

enum class CacheUse : std::uint8_t { none, hit, miss };  // a turn's llm_cache / tts_cache

struct SessionTurnRow {
  std::int64_t at = 0;
  std::string status;  // success | failed | interrupted
  std::array<std::optional<double>, 5> stages;  // ms, in k_stage_names order (query/latency.hpp)
  CacheUse llm_cache = CacheUse::none, tts_cache = CacheUse::none;
  std::int64_t guardrail_violations = 0;
  bool guardrail_blocked = false;
  std::optional<std::string> language_code, optimization_level;
};

struct SessionCostRow {
  std::int64_t at = 0;
  std::string service, provider;
  double cost_usd = 0;
  bool cached = false;
  std::optional<std::string> optimization_level;
};

struct SessionRecords {
  std::vector<SessionTurnRow> turns;   // by at, then tenant, id
  std::vector<SessionCostRow> costs;   // usage entries, by at, then tenant, id
  std::optional<std::string> conversation_language;  // of the conversation, when cached and set
};

// True when any record (conversation, turn, usage, feedback, message, csat,
// lead) of `tenant` (every tenant when absent) refers to session `id`.
bool session_exists(Cache& cache, const std::string& id, const std::optional<std::string>& tenant);

// Every turn and usage entry of session `id` (any time) of `tenant` (every tenant when absent).
SessionRecords load_session(Cache& cache, const std::string& id, const std::optional<std::string>& tenant);

// One session's totals over the range's turns and usage entries.
struct SessionSummaryRow {
  std::string session_id;
  std::int64_t turns = 0, failed_turns = 0;
  double cost_usd = 0;
  double total_ms_sum = 0;
  std::int64_t total_ms_count = 0;  // turns carrying total_ms
};

// Sessions with turns or usage entries (with a conversation_id) at in range,
// of `tenant` when given (else all tenants, merged by session id). No order.
std::vector<SessionSummaryRow> load_session_summaries(Cache& cache, const TimeRange& range,
                                                      const std::optional<std::string>& tenant);

}  // namespace convstat::core
