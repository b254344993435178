#pragma once
// The KPI registry in parts, one file each, concatenated by registry.cpp in
// this order (the order `convstat --help` lists the commands).
#include <vector>

#include "core/kpi/registry.hpp"

namespace convstat::core {

std::vector<KpiDefinition> support_kpis();     // registry_support.cpp: overview … bot [000, 002]
std::vector<KpiDefinition> voice_kpis();       // registry_voice.cpp: calls, unified [002]
std::vector<KpiDefinition> pipeline_kpis();    // registry_pipeline.cpp: usage, latency, sessions, feedback [000-003]
std::vector<KpiDefinition> engagement_kpis();  // registry_engagement.cpp: leads, daily, engagement, realtime [000, 001, 004]

}  // namespace convstat::core
