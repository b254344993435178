#pragma once
// Breakdown lists of kpis.md "Sorting": by the count descending, then by key ascending.
#include <cstdint>
#include <map>
#include <string>

#include "core/result.hpp"

namespace convstat::core {

// [{<key_name>: key, <count_name>: count}] from `counts`, by count descending, then key ascending.
Node count_breakdown(const std::map<std::string, std::int64_t>& counts, const char* key_name, const char* count_name);

}  // namespace convstat::core
