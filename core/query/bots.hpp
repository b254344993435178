#pragma once
// Reading what the `bot ID` metrics need beyond conversations: whether a bot
// exists, and per conversation its messages, AI quality and thumbs feedback.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"
#include "core/query/filters.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// True when any conversation (any start) of `tenant` (any tenant when absent) has bot_id `bot_id`.
bool bot_exists(Cache& cache, const std::string& bot_id, const std::optional<std::string>& tenant);

// One range conversation's activity: every message of it, and every feedback of it.
struct ConversationActivityRow {
  std::string tenant, id;
  std::optional<std::string> bot_id;
  std::optional<double> ai_quality;  // 0-1, as stored
  std::int64_t messages = 0;
  std::int64_t thumbs_up = 0;    // messages with feedback positive + thumbs feedback with rating 1
  std::int64_t thumbs_down = 0;  // messages with feedback negative + thumbs feedback with rating -1
};

// The activity of the conversations load_conversations returns for the same arguments.
std::vector<ConversationActivityRow> load_conversation_activity(Cache& cache, const TimeRange& range,
                                                                const Filters& filters);

}  // namespace convstat::core
