#pragma once
// `bot ID` (kpis.md "bot ID"): one AI agent's performance, quality and volume
// over the range, optionally against the company average (`--compare`).
#include <string>
#include <vector>

#include "core/query/bots.hpp"
#include "core/query/conversations.hpp"
#include "core/result.hpp"

namespace convstat::core {

// The rows of the tenant's range conversations (every bot) and their CSAT.
struct BotInputs {
  std::vector<ConversationRow> conversations;        // every range conversation in scope
  std::vector<ConversationActivityRow> activity;     // the same conversations' activity
  std::vector<CsatResponseRow> bot_responses;        // range responses of the bot's conversations
  std::vector<CsatResponseRow> company_responses;    // range responses of every conversation in scope
};

// The metrics of the conversations with bot_id `bot_id`. With `compare`, every
// number becomes {value, company_average, difference, difference_pct}: the
// company average is the same metric over every conversation of `inputs`
// (counts: the total), difference = value - average, difference_pct = the
// difference in % of the average (null when the average is 0 or null).
Result compute_bot(const std::string& bot_id, const BotInputs& inputs, bool compare);

}  // namespace convstat::core
