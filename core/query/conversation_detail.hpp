#pragma once
// Reading one conversation with its messages and CSAT responses out of the
// cache, for the `conversation ID` drill-down. KPI code works on these rows.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"
#include "core/query/conversations.hpp"

namespace convstat::core {

enum class Direction : std::uint8_t { inbound, outbound };

struct MessageRow {
  std::int64_t at = 0;
  Direction direction = Direction::inbound;
  std::optional<std::string> author;  // user, ai, human, system; absent when not given
};

struct CsatRatingRow {
  std::string id;
  std::int64_t responded_at = k_no_time;  // k_no_time: no response
  std::optional<int> rating;              // absent: no rating (comment-only or no response)
};

// One conversation as stored, with what the drill-down prints about it.
struct ConversationDetail {
  std::string id, tenant, channel;  // channel: "chat" when not stored
  std::int64_t started_at = 0;
  std::int64_t ended_at = k_no_time, escalated_at = k_no_time;
  std::vector<std::string> topics;  // the stored JSON list; empty when none
  std::optional<double> sentiment;
  std::optional<std::string> resolved_by;  // "ai", "human" or absent, as stored
  std::vector<MessageRow> messages;        // by at, then id
  std::vector<CsatRatingRow> csat;         // the conversation's csat records
};

// The conversation `id` of `tenant` (any tenant when absent: the first by tenant
// name), or nullopt when there is none.
std::optional<ConversationDetail> load_conversation_detail(Cache& cache, const std::string& id,
                                                           const std::optional<std::string>& tenant);

}  // namespace convstat::core
