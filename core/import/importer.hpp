#pragma once
// `convstat import`: stream input files, validate every record
// (data-model.md), upsert the valid ones into the cache in one transaction.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"

namespace convstat::core {

// Where the import is, for a progress display (called every few thousand
// records and when each file ends).
struct ImportProgress {
  std::string file;                          // as displayed ("<stdin>" for "-")
  std::size_t file_index = 0;                // 0-based
  std::size_t file_count = 0;
  std::uint64_t bytes_read = 0;              // of this file (compressed bytes for gzip)
  std::optional<std::uint64_t> total_bytes;  // of this file; nullopt for a pipe
  std::int64_t records = 0;                  // items read so far, all files
  std::int64_t rejected = 0;                 // invalid ones among them
};

// The default rejects file: "convstat-rejects.ndjson" in the current directory.
inline constexpr const char* k_default_rejects_path = "convstat-rejects.ndjson";

struct ImportRequest {
  std::vector<std::string> files;           // paths; "-" = standard input (at most once)
  std::optional<std::string> type;          // --type: the record type of objects without "type"; required for CSV
  std::optional<std::string> input_format;  // --input-format ndjson|json|csv: for "-" or names without a known extension
  bool skip_invalid = false;                // --skip-invalid: write the valid records, reject the others
  // --rejects PATH, with skip_invalid: where rejected records go (k_default_rejects_path
  // when unset). Written atomically, and only when something was rejected;
  // an existing file is replaced.
  std::optional<std::string> rejects_path;
  std::optional<std::string> assume_tz;     // --assume-tz ZONE: zone of timestamps without a UTC offset
  std::size_t max_listed_errors = 50;       // ImportSummary::errors keeps this many
  std::function<void(const ImportProgress&)> on_progress;  // optional
  std::optional<std::int64_t> now_ms;       // "now" for defaulted timestamps; unset: the clock (tests set it)
  // Optional: runs inside the import's transaction just before it commits
  // (only when it commits), so a caller's own rows (sync state) commit with
  // the records or not at all. Gets the number of items read.
  std::function<void(SQLite::Database&, std::int64_t records)> before_commit;
};

struct ImportSummary {
  // Per record type name, what the upserts did; empty when nothing was committed.
  std::map<std::string, TypeCounts> counts;
  std::int64_t records = 0;         // items read (valid + rejected)
  std::int64_t rejected = 0;        // records with at least one error
  // "FILE:LINE: FIELD: REASON", one per error, the first max_listed_errors of them.
  std::vector<std::string> errors;
  std::int64_t total_errors = 0;    // all errors, listed or not
  bool committed = false;           // false: the cache is exactly as before
  std::optional<std::string> rejects_path;  // set when a rejects file was written
};

// Imports every file of the request in ONE transaction covering all files.
// Default (all-or-nothing): any invalid record -> nothing is written, and the
// summary has committed == false and the errors (the caller exits 3).
// skip_invalid: valid records are committed; each rejected record goes to the
// rejects file as one NDJSON line {"file","line","errors":["FIELD: REASON"],"raw"}
// ("raw" is the record's text as read - a CSV row without its line break;
// bytes that are not UTF-8 appear as U+FFFD there).
// Throws UsageError: unknown --type, --input-format or --assume-tz zone, a file
// that cannot be opened or whose format cannot be told, CSV without --type, "-"
// twice. DataError: an input that cannot be read on (corrupt gzip, broken JSON
// document structure, bad CSV header) - nothing is written. LocalError: the
// cache or the rejects file cannot be written.
ImportSummary run_import(Cache& cache, const ImportRequest& request);

}  // namespace convstat::core
