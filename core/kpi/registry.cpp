#include "core/kpi/registry.hpp"

#include "core/kpi/overview.hpp"
#include "core/query/conversations.hpp"

namespace convstat::core {
namespace {

Result run_overview(const KpiRequest& r) {
  return compute_overview(load_conversations(r.cache, r.range, r.filters),
                          load_csat_responses(r.cache, r.range, r.filters));
}

Result run_resolution(const KpiRequest& r) {
  return compute_resolution(load_conversations(r.cache, r.range, r.filters));
}

std::vector<KpiDefinition> make_registry() {
  const auto& conv = conversation_filter_names();
  return {
      {"overview", "Conversation overview: volume, resolution, escalation, channels", conv, run_overview,
       {{"total_conversations", "conversations started in the range"},
        {"ai_resolved_count", "conversations resolved (resolved_at set) by the AI"},
        {"ai_resolution_rate", "ai_resolved_count / total_conversations, %"},
        {"human_resolved_count", "conversations resolved by a human"},
        {"escalation_rate", "conversations with escalated_at / total_conversations, %"},
        {"first_response_minutes_avg", "mean of first_response_at - started_at over conversations with one, minutes"},
        {"resolution_minutes_median", "median of resolved_at - started_at over resolved conversations, minutes"},
        {"channel_distribution[].conversation_count", "conversations per channel, by count desc then channel"},
        {"unique_contacts", "distinct contact_id (per tenant) of the range's conversations"},
        {"avg_duration_minutes", "mean of ended_at - started_at over conversations with ended_at, minutes"},
        {"csat_avg", "mean rating of CSAT responses given in the range (comment-only left out)"}}},
      {"resolution", "Resolution rates: AI, human and overall, by priority", conv, run_resolution,
       {{"total_conversations", "conversations started in the range"},
        {"resolved_count", "conversations with resolved_at"},
        {"ai_resolved_count", "resolved by the AI"},
        {"human_resolved_count", "resolved by a human"},
        {"ai_resolution_rate", "ai_resolved_count / total_conversations, %"},
        {"human_resolution_rate", "human_resolved_count / total_conversations, %"},
        {"resolution_rate", "resolved_count / total_conversations, %"},
        {"by_priority[].resolution_rate", "resolved / total per priority (urgent, high, medium, low, unset), %"}}},
  };
}

}  // namespace

const std::vector<std::string>& conversation_filter_names() {
  static const std::vector<std::string> names = {"channel", "bot", "team", "assignee", "priority"};
  return names;
}

const std::vector<KpiDefinition>& kpi_registry() {
  static const std::vector<KpiDefinition> registry = make_registry();
  return registry;
}

const KpiDefinition* find_kpi(std::string_view name) {
  for (const auto& k : kpi_registry())
    if (k.name == name) return &k;
  return nullptr;
}

}  // namespace convstat::core
