#pragma once
// unified (kpis.md [002 Unified Overview]): voice, support and knowledge-base
// blocks with the cross-product shares, as a pure function of its inputs.
#include <vector>

#include "core/query/calls.hpp"
#include "core/query/conversations.hpp"
#include "core/query/insights.hpp"
#include "core/result.hpp"

namespace convstat::core {

struct UnifiedInputs {
  // Whether the tenant scope holds records of each kind at all (any time):
  // a block without them is null.
  bool has_calls = false, has_conversations = false, has_kb = false;
  std::vector<CallRow> calls;                    // the range's calls
  std::vector<ConversationRow> conversations;    // the range's conversations
  std::vector<CsatResponseRow> csat_responses;   // the range's responses (cs.csat_avg)
  std::vector<KbArticleRow> kb_articles;         // the scope's articles
};

// {profile (voice | platform | complete), voice (call_kpis), cs (overview,
// with csat_avg), cross_product {total_interactions, blended_resolution_rate,
// voice_share, cs_share}, kb {total_published, total_views,
// helpfulness_rate, ai_resolutions: null}}. blended_resolution_rate =
// (resolved conversations + first-call-resolved calls) / total_interactions;
// profile and cross_product are null with neither calls nor conversations.
Result compute_unified(const UnifiedInputs& inputs);

}  // namespace convstat::core
