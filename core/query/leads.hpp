#pragma once
// Reading leads (kpis.md leads [000 Lead Analytics]) out of the cache:
// membership by created_at, --tenant and --bot narrow them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"
#include "core/query/filters.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// Funnel order of data-model.md; `lost` is outside the funnel.
enum class LeadStage : std::uint8_t { new_lead, contacted, qualified, converted, lost };

// The stage spelled `name` ("new" ... "lost"); nullopt for anything else.
std::optional<LeadStage> lead_stage_of(const std::string& name);

struct LeadRow {
  std::int64_t created_at = 0;
  std::string source;  // "unknown" when absent
  LeadStage stage = LeadStage::new_lead;
  std::optional<LeadStage> lost_at_stage;  // the stage a lost lead left the funnel at
};

// Leads with created_at in [range.from_ms, range.to_ms), of filters.tenant
// and filters.bot when given, by created_at.
std::vector<LeadRow> load_leads(Cache& cache, const TimeRange& range, const Filters& filters);

// The number of leads load_leads would return for the same arguments (one COUNT).
std::int64_t count_leads(Cache& cache, const TimeRange& range, const Filters& filters);

}  // namespace convstat::core
