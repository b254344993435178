#include "core/kpi/registry_parts.hpp"

namespace convstat::core {

std::vector<KpiDefinition> voice_kpis() { return {}; }

}  // namespace convstat::core
