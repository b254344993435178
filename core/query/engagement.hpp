#pragma once
// Reading what `engagement` (thumbs) and `realtime` count out of the cache
// (kpis.md engagement, realtime [001]), aggregated in SQL where exact.
#include <cstdint>
#include <optional>

#include "core/cache/cache.hpp"
#include "core/query/filters.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// Thumbs given in a range: message feedback (by the message's at) plus
// feedback records of rating_type thumbs (by created_at).
struct ThumbsCounts {
  std::int64_t up = 0;    // positive messages + thumbs rated 1
  std::int64_t down = 0;  // negative messages + thumbs rated -1
};

// The thumbs of [range.from_ms, range.to_ms); the conversation filters apply
// through each record's conversation (records whose conversation is absent
// drop out only when such a filter is given).
ThumbsCounts load_thumbs(Cache& cache, const TimeRange& range, const Filters& filters);

// What realtime counts in the window [as_of_ms - window_ms, as_of_ms).
struct RealtimeCounts {
  std::int64_t messages = 0;         // messages with at in the window
  std::int64_t active_sessions = 0;  // distinct (tenant, conversation_id) of those messages
  std::int64_t active_calls = 0;     // calls with started_at <= as-of < started_at + duration
  std::optional<std::int64_t> data_as_of;  // the newest activity instant in scope, any time
};

// Messages follow the conversation filters through their conversation; calls
// follow --tenant and --bot; data_as_of is the newest of every record type's
// own instants (SLA due instants and updated_at excluded) of filters.tenant
// (else all tenants), none when the scope has no record.
RealtimeCounts load_realtime(Cache& cache, std::int64_t as_of_ms, std::int64_t window_ms, const Filters& filters);

}  // namespace convstat::core
