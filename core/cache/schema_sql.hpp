#pragma once
// SQL derived from the record schema: the DDL of each schema version and the
// upsert statement of each record type.
#include <cstddef>
#include <string>
#include <vector>

#include "core/records/schema.hpp"

namespace convstat::core {

// migrations[v] holds the statements that take the cache from version v to v+1.
const std::vector<std::vector<std::string>>& schema_migrations();

// INSERT … ON CONFLICT(tenant, id) DO UPDATE …, binding the record's cells in
// field order, then extra, then content_hash. The update happens only when the
// content differs and the stored record is not strictly newer by updated_at;
// nothing changes (sqlite3_changes() is 0) otherwise. With `rows` > 1, the
// VALUES list has that many rows (SQLite applies them in order, as that many
// statements would): the parameters of each record follow the previous one's.
std::string upsert_sql(const RecordType& type, std::size_t rows = 1);

}  // namespace convstat::core
