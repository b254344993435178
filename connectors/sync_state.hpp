#pragma once
// The state of `sync` in the cache (schema version 4): what each file of a
// files backend was when it was imported, each stream's watermark, each
// backend's last run. Writers take the database so they join the caller's
// open transaction: a file's or a page's records and its state commit together.
#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>

namespace convstat::connectors {

// A file as it was when last imported.
struct FileState {
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string sha256;
  std::int64_t records = 0;
};

// Where a stream stands: the (updated_at, id) of the last row committed, as
// the source prints them.
struct Watermark {
  std::string updated_at;
  std::string id;
  std::int64_t records = 0;  // rows committed so far, all runs
};

// A backend's last successful sync.
struct SyncRun {
  std::string kind;
  std::int64_t finished_at_ms = 0;
  std::int64_t records = 0, inserted = 0, updated = 0, unchanged = 0;
};

std::optional<FileState> load_file_state(SQLite::Database& db, const std::string& backend, const std::string& path);
void save_file_state(SQLite::Database& db, const std::string& backend, const std::string& path, const FileState& state);

std::optional<Watermark> load_watermark(SQLite::Database& db, const std::string& backend, const std::string& stream);
void save_watermark(SQLite::Database& db, const std::string& backend, const std::string& stream, const Watermark& mark);

// nullopt when the backend never synced, or the cache predates schema version 4.
std::optional<SyncRun> load_last_run(SQLite::Database& db, const std::string& backend);
void save_last_run(SQLite::Database& db, const std::string& backend, const SyncRun& run);

}  // namespace convstat::connectors
