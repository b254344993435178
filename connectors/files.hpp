#pragma once
// The files backend: a folder or glob of NDJSON/JSON/CSV files in import's
// formats. New or changed files (path, size, mtime, content hash) are
// imported, each in its own transaction with its sync-state row; unchanged
// ones are skipped.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "connectors/backend_config.hpp"
#include "connectors/sync.hpp"
#include "connectors/sync_state.hpp"

namespace convstat::connectors {

struct FileStat {
  std::string path;
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
};

// The files `pattern` names, sorted by path: a folder -> every file under it
// (recursively) with an import extension (.ndjson .jsonl .json .csv, each
// optionally .gz); a pattern with * ? or [ -> its glob(3) matches; else the
// file itself when it exists. A relative pattern is relative to `base_dir`
// (itself relative to the working folder); the paths are absolute.
std::vector<FileStat> list_files(const std::string& pattern, const std::string& base_dir);

enum class FileAction {
  import,  // new, or its content changed
  skip,    // same size and mtime as when imported: not even read
  touch,   // size or mtime changed but not the content: only its state row is updated
};

// What to do with a file, given its stored state. `hash` computes the file's
// SHA-256 and is called only when size or mtime differ; the hash it returned
// is left in `*hash_out` (empty when not called).
FileAction decide_file(const std::optional<FileState>& stored, const FileStat& now,
                       const std::function<std::string()>& hash, std::string* hash_out);

// Hex SHA-256 of a file's bytes. Throws BackendError when it cannot be read.
std::string file_sha256(const std::string& path);

// The record type of a CSV file, from its name: "conversations.csv",
// "2026-03-calls.csv.gz" (the last '-', '_' or '.' separated word). Throws
// UsageError when the name does not tell.
std::string csv_record_type(const std::string& path);

// Syncs a files backend into an open cache (the caller holds the sync lock).
SyncSummary sync_files(core::Cache& cache, const BackendSpec& backend, const SyncOptions& options);

// `backends test` for files: "3 files, 12345 bytes". Throws BackendError when
// nothing matches or a file cannot be read.
std::string test_files(const BackendSpec& backend);

}  // namespace convstat::connectors
