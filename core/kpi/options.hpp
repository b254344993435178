#pragma once
// Reading a KPI command's own options (KpiRequest::options) with their bounds.
#include <cstdint>
#include <map>
#include <string>

namespace convstat::core {

// The integer option `name` (absent: fallback) within [low, high]; anything
// else is UsageError("invalid --NAME 'TEXT' (expected BOUNDS)").
std::int64_t bounded_option(const std::map<std::string, std::string>& options, const std::string& name,
                            std::int64_t fallback, std::int64_t low, std::int64_t high, const std::string& bounds);

}  // namespace convstat::core
