#include "connectors/sync_state.hpp"

#include <SQLiteCpp/Statement.h>

#include "core/time/time.hpp"

namespace convstat::connectors {

std::optional<FileState> load_file_state(SQLite::Database& db, const std::string& backend, const std::string& path) {
  SQLite::Statement q(db, "SELECT size, mtime_ns, sha256, records FROM sync_files WHERE backend = ? AND path = ?");
  q.bind(1, backend);
  q.bind(2, path);
  if (!q.executeStep()) return std::nullopt;
  return FileState{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   q.getColumn(3).getInt64()};
}

void save_file_state(SQLite::Database& db, const std::string& backend, const std::string& path, const FileState& state) {
  SQLite::Statement q(db,
                      "INSERT INTO sync_files (backend, path, size, mtime_ns, sha256, records, synced_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (backend, path) DO UPDATE SET size = excluded.size, "
                      "mtime_ns = excluded.mtime_ns, sha256 = excluded.sha256, records = excluded.records, "
                      "synced_at = excluded.synced_at");
  q.bind(1, backend);
  q.bind(2, path);
  q.bind(3, state.size);
  q.bind(4, state.mtime_ns);
  q.bind(5, state.sha256);
  q.bind(6, state.records);
  q.bind(7, core::now_ms());
  q.exec();
}

std::optional<Watermark> load_watermark(SQLite::Database& db, const std::string& backend, const std::string& stream) {
  SQLite::Statement q(db, "SELECT watermark, watermark_id, records FROM sync_streams WHERE backend = ? AND stream = ?");
  q.bind(1, backend);
  q.bind(2, stream);
  if (!q.executeStep()) return std::nullopt;
  return Watermark{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt64()};
}

void save_watermark(SQLite::Database& db, const std::string& backend, const std::string& stream, const Watermark& mark) {
  SQLite::Statement q(db,
                      "INSERT INTO sync_streams (backend, stream, watermark, watermark_id, records, synced_at) "
                      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (backend, stream) DO UPDATE SET "
                      "watermark = excluded.watermark, watermark_id = excluded.watermark_id, "
                      "records = excluded.records, synced_at = excluded.synced_at");
  q.bind(1, backend);
  q.bind(2, stream);
  q.bind(3, mark.updated_at);
  q.bind(4, mark.id);
  q.bind(5, mark.records);
  q.bind(6, core::now_ms());
  q.exec();
}

std::optional<SyncRun> load_last_run(SQLite::Database& db, const std::string& backend) {
  if (!db.tableExists("sync_runs")) return std::nullopt;
  SQLite::Statement q(db, "SELECT kind, finished_at, records, inserted, updated, unchanged FROM sync_runs "
                          "WHERE backend = ?");
  q.bind(1, backend);
  if (!q.executeStep()) return std::nullopt;
  return SyncRun{q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
                 q.getColumn(3).getInt64(),  q.getColumn(4).getInt64(), q.getColumn(5).getInt64()};
}

void save_last_run(SQLite::Database& db, const std::string& backend, const SyncRun& run) {
  SQLite::Statement q(db,
                      "INSERT INTO sync_runs (backend, kind, finished_at, records, inserted, updated, unchanged) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (backend) DO UPDATE SET kind = excluded.kind, "
                      "finished_at = excluded.finished_at, records = excluded.records, inserted = excluded.inserted, "
                      "updated = excluded.updated, unchanged = excluded.unchanged");
  q.bind(1, backend);
  q.bind(2, run.kind);
  q.bind(3, run.finished_at_ms);
  q.bind(4, run.records);
  q.bind(5, run.inserted);
  q.bind(6, run.updated);
  q.bind(7, run.unchanged);
  q.exec();
}

}  // namespace convstat::connectors
