#pragma once
// Reading conversations (and the records KPIs join to them) out of the cache
// for one range and filter set. KPI code works on these rows, never on SQL.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/cache/cache.hpp"
#include "core/query/filters.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

constexpr std::int64_t k_no_time = std::numeric_limits<std::int64_t>::min();  // an absent timestamp
inline bool has_time(std::int64_t t) { return t != k_no_time; }

enum class ResolvedBy : std::uint8_t { none, ai, human };
enum class Priority : std::uint8_t { urgent, high, medium, low, unset };  // the fixed order of kpis.md

const char* priority_name(Priority p);
// The priority a stored text names; unset for any other text.
Priority priority_named(std::string_view p);

struct ConversationRow {
  std::string id, tenant, channel;
  std::optional<std::string> bot_id, team_id, team_name, assignee_id, assignee_name, contact_id;
  std::int64_t started_at = 0;
  std::int64_t ended_at = k_no_time, first_response_at = k_no_time, resolved_at = k_no_time;
  std::int64_t escalated_at = k_no_time, handover_requested_at = k_no_time;
  std::int64_t first_response_due_at = k_no_time, resolution_due_at = k_no_time;
  ResolvedBy resolved_by = ResolvedBy::none;
  Priority priority = Priority::unset;
  std::vector<std::string> topics;  // read only when load_conversations is asked for them
};

// Conversations with started_at in [range.from_ms, range.to_ms) matching the filters, by started_at.
// `with_topics`: also read topics (a JSON array of strings; absent or malformed: none).
std::vector<ConversationRow> load_conversations(Cache& cache, const TimeRange& range, const Filters& filters,
                                                bool with_topics = false);

struct CsatResponseRow {
  std::int64_t responded_at = 0;
  std::optional<int> rating;  // absent: a comment-only response
};

// CSAT responses with responded_at in range; tenant from the csat record; the
// conversation filters apply through the joined conversation (a response whose
// conversation is absent drops out when such a filter is given).
std::vector<CsatResponseRow> load_csat_responses(Cache& cache, const TimeRange& range, const Filters& filters);

}  // namespace convstat::core
