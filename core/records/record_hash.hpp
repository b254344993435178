#pragma once
// The content hash of a stored record: how the cache tells an identical
// re-import ("unchanged") from a changed record.
#include <string>

#include "core/records/schema.hpp"

namespace convstat::core {

// Hex SHA-256 of a record's canonical stored form (type, every cell with its
// variant tag, extra_json): equal for records that would be stored identically.
std::string content_hash(const Record& record);

}  // namespace convstat::core
