#pragma once
// SQL derived from the record schema: the DDL of each schema version and the
// upsert statement of each record type.
#include <string>
#include <vector>

#include "core/records/schema.hpp"

namespace convstat::core {

// migrations[v] holds the statements that take the cache from version v to v+1.
const std::vector<std::vector<std::string>>& schema_migrations();

// INSERT … ON CONFLICT(tenant, id) DO UPDATE … RETURNING rid, binding the
// record's cells in field order, then extra, then content_hash. The update
// happens only when the content differs and the stored record is not strictly
// newer by updated_at; no row is returned when nothing changed.
std::string upsert_sql(const RecordType& type);

}  // namespace convstat::core
