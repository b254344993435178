#include "core/kpi/registry_parts.hpp"

namespace convstat::core {

std::vector<KpiDefinition> pipeline_kpis() { return {}; }

}  // namespace convstat::core
