#pragma once
// Reading what the `daily` series and `engagement` count out of the cache
// (kpis.md daily [004], engagement [001]), reduced to a few numbers per row:
// these run over millions of messages.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"
#include "core/query/filters.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// One message: when, which way, and its thumbs (+1 positive, -1 negative, 0 none).
struct DailyMessageRow {
  std::int64_t at = 0;
  bool inbound = false;
  std::int8_t feedback = 0;
};

struct DailyMessageRows {
  std::vector<DailyMessageRow> messages;              // at in range
  std::vector<std::int64_t> handover_requested_at;  // of conversations, in range
  std::vector<std::int64_t> escalated_at;           // of conversations, in range
};

// Messages with at in [range.from_ms, range.to_ms) (the conversation filters
// through their conversation; without such a filter messages whose
// conversation is absent count too), and the handover_requested_at and
// escalated_at instants in range of the conversations matching the filters.
DailyMessageRows load_daily_messages(Cache& cache, const TimeRange& range, const Filters& filters);

// started_at of the conversations started in range matching the filters, ascending.
std::vector<std::int64_t> load_conversation_start_instants(Cache& cache, const TimeRange& range, const Filters& filters);

// A conversation started in range that has ai_quality (0-1).
struct AiQualityRow {
  std::int64_t started_at = 0;
  double ai_quality = 0;
};
std::vector<AiQualityRow> load_ai_quality(Cache& cache, const TimeRange& range, const Filters& filters);

// `at` of the events of kind api_error in range, of filters.tenant only (events follow --tenant only).
std::vector<std::int64_t> load_api_errors(Cache& cache, const TimeRange& range, const Filters& filters);

// A conversation with a contact, started in range: its contact (an index
// standing for (tenant, contact_id), equal for the same contact within one
// load) and the contact's first conversation start over all time in the
// tenant scope (filters.tenant, else every tenant; other filters ignored).
struct ContactActivityRow {
  std::int64_t started_at = 0;
  std::int64_t first_seen_at = 0;
  std::int32_t contact = 0;
};

// The conversations with a contact_id started in [from_ms, to_ms) matching the
// filters, by started_at.
std::vector<ContactActivityRow> load_contact_activity(Cache& cache, std::int64_t from_ms, std::int64_t to_ms,
                                                      const Filters& filters);

}  // namespace convstat::core
