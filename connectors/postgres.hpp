#pragma once
// The postgres backend (libpq): canonical tables named like the cache's
// (conversations, messages, csat, calls, turns, usage, feedback, leads,
// events, kb_articles) with the record fields as columns, or one SQL query per
// record type (query.TABLE in the config). Every table or query must have
// non-null `id` and `updated_at` columns; rows are read in (updated_at, id)
// order after the stream's watermark, a page at a time.
#include <string>
#include <string_view>

#include "connectors/backend_config.hpp"
#include "connectors/sync.hpp"

namespace convstat::connectors {

// Syncs a postgres backend into an open cache (the caller holds the sync lock).
SyncSummary sync_postgres(core::Cache& cache, const BackendSpec& backend, const SyncOptions& options);

// `backends test` for postgres: connects, runs SELECT 1, lists the streams it
// would read: "connected (server 15.4); streams: conversations, messages".
// Throws BackendError (the connection string is never in the message).
std::string test_postgres(const BackendSpec& backend, const EnvLookup& env);

// A timestamp as PostgreSQL prints it in the UTC session zone ("2026-03-02
// 09:15:00.5+00"; without zone for `timestamp`) as RFC 3339 ("2026-03-02T09:15:00.5Z").
std::string pg_timestamp_to_rfc3339(std::string_view text);

// The page query over `source` (a quoted table name or "(SELECT …)"): the
// first page, or the rows after ($1, $2) = (updated_at, id).
std::string page_query(const std::string& source, bool after_watermark, std::int64_t limit);

}  // namespace convstat::connectors
