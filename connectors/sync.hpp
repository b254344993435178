#pragma once
// `convstat sync`: pull a backend's records into the cache incrementally,
// under the sync lock (connectors/lock.hpp). Each unit of work - one file of a
// files backend, one page of a postgres stream - commits its records and its
// sync state in one transaction, so a sync killed at any moment resumes
// without losing or duplicating a record.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "connectors/backend_config.hpp"
#include "core/cache/cache.hpp"

namespace convstat::connectors {

// Where a sync is, for a progress bar (called after each file or page, and
// every few thousand records of a file).
struct SyncProgress {
  std::string label;            // the file or stream being read
  std::int64_t records = 0;     // records read so far, all files/streams
  std::int64_t pages = 0;       // pages committed so far (postgres)
  std::int64_t files_done = 0;  // files handled so far (files)
  std::int64_t files_total = 0;
};

struct SyncOptions {
  double wait_seconds = 30;          // --wait: how long to wait for another sync's lock
  std::int64_t page_size = 5000;     // rows per postgres page (one transaction each)
  std::function<void(const SyncProgress&)> on_progress;  // optional
  std::function<void()> on_wait;     // optional: called once when the lock is busy
  EnvLookup env = process_environment();
};

struct SyncSummary {
  std::string backend, kind;
  std::int64_t records = 0;          // records read from the source
  core::TypeCounts counts;           // what the upserts did, all types
  std::int64_t files_imported = 0, files_unchanged = 0;  // files
  std::int64_t pages = 0, streams = 0;                   // postgres
  double seconds = 0;
};

// Syncs `backend` into the cache at `cache_path` (created and migrated when
// needed), holding the sync lock. Throws: LocalError (5) when the lock stays
// busy past the wait or the cache cannot be written; DataError (3) for an
// invalid record (everything committed before it stays, nothing of its file
// or page is written); BackendError (4) for an unreachable source, a kind
// whose connector is not built yet, or a source with nothing to read;
// UsageError (2) for a bad configuration or a kind that serves aggregates only
// (indigo, speechai, botserver: no records to sync).
SyncSummary sync_backend(const std::string& cache_path, const BackendSpec& backend, const SyncOptions& options);

// One line for humans: "sync NAME (files): 2 files imported, 3 unchanged;
// records 120 new, 4 updated, 0 unchanged; 1.2 s, 103 records/s", or
// "sync NAME (files): nothing new (5 files unchanged)".
std::string summary_line(const SyncSummary& summary);

// The BackendError thrown for an HTTP kind with records whose sync is not built
// (none today: aurion and analytic are).
[[noreturn]] void throw_not_built(const BackendSpec& backend, const std::string& what);

// The days an HTTP sync (aurion, analytic) reads, as UTC day numbers: from
// `first_day` (the backend's sync_from, default 90 days before today) on the
// first run; each later run reads the last `settle_days` (default 7) again.
// A sync_from that is not a date is a usage error.
struct SyncDays {
  std::int64_t today = 0, first_day = 0, settle_days = 0;
};
SyncDays sync_days(const BackendSpec& backend, std::int64_t now_ms);

}  // namespace convstat::connectors
