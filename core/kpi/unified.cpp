#include "core/kpi/unified.hpp"

#include <algorithm>

#include "core/kpi/calls.hpp"
#include "core/kpi/insights.hpp"
#include "core/kpi/overview.hpp"
#include "core/kpi/stats.hpp"

namespace convstat::core {
namespace {

Node profile_of(const UnifiedInputs& in) {
  if (in.has_calls && in.has_conversations) return Node::string("complete");
  if (in.has_calls) return Node::string("voice");
  if (in.has_conversations) return Node::string("platform");
  return Node::null();
}

Node cross_product(const UnifiedInputs& in) {
  if (!in.has_calls && !in.has_conversations) return Node::null();
  const auto calls = static_cast<std::int64_t>(in.calls.size());
  const auto conversations = static_cast<std::int64_t>(in.conversations.size());
  const auto resolved = std::count_if(in.conversations.begin(), in.conversations.end(),
                                      [](const ConversationRow& c) { return has_time(c.resolved_at); });
  const auto first_call_resolved =
      std::count_if(in.calls.begin(), in.calls.end(), [](const CallRow& c) { return c.first_call_resolution; });
  const std::int64_t total = calls + conversations;
  return Node::object()
      .set("total_interactions", Node::integer(total))
      .set("blended_resolution_rate", Node::number(percent(resolved + first_call_resolved, total), Unit::percent))
      .set("voice_share", Node::number(percent(calls, total), Unit::percent))
      .set("cs_share", Node::number(percent(conversations, total), Unit::percent));
}

Node kb_block(const std::vector<KbArticleRow>& articles) {
  const KbTotals totals = kb_totals(articles);
  return Node::object()
      .set("total_published", Node::integer(totals.published))
      .set("total_views", Node::integer(totals.views))
      .set("helpfulness_rate", Node::number(totals.helpfulness_rate(), Unit::percent))
      .set("ai_resolutions", Node::null());
}

}  // namespace

Result compute_unified(const UnifiedInputs& in) {
  Result result{"unified", "Unified overview", Node::object(), ""};
  result.root.set("profile", profile_of(in))
      .set("voice", in.has_calls ? call_kpis(in.calls) : Node::null())
      .set("cs", in.has_conversations ? compute_overview(in.conversations, in.csat_responses).root : Node::null())
      .set("cross_product", cross_product(in))
      .set("kb", in.has_kb ? kb_block(in.kb_articles) : Node::null());
  return result;
}

}  // namespace convstat::core
