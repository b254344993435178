#pragma once
// cache info as a KPI-style Result, so every renderer prints it.
#include "core/cache/cache.hpp"
#include "core/result.hpp"

namespace convstat::core {

// {path, schema_version, file_size_bytes, records, types: [{type, count, oldest, newest}]};
// oldest/newest are the membership instants in UTC, null for an empty type.
Result cache_info_result(const CacheInfo& info);

}  // namespace convstat::core
