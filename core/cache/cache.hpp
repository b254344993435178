#pragma once
// The local SQLite cache: schema (versioned by PRAGMA user_version, forward
// migrations), WAL and a busy timeout so a cron job and an analyst share it,
// record upserts, info and integrity check.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/records/schema.hpp"

namespace convstat::core {

enum class OpenMode {
  read_only,    // KPI commands: the file must exist (LocalError otherwise)
  read_write,   // import/demo: created with its parent folders when absent
};

class Cache {
public:
  static constexpr int k_schema_version = 6;  // 2: the search_index full-text table; 3: audit_log and reports; 4: sync state;
                                              // 5: served_answers; 6: hot_changes (core/hot)

  // Opens (and when read_write, creates and migrates) the cache at `path`.
  // Throws LocalError when it cannot be opened, is not a convstat cache, or is
  // of a newer schema than this binary knows.
  Cache(const std::string& path, OpenMode mode, int busy_timeout_ms = 10000);

  SQLite::Database& db() { return *m_db; }
  const std::string& path() const { return m_path; }
  int schema_version();

private:
  void migrate();
  std::string m_path;
  std::unique_ptr<SQLite::Database> m_db;
};

// Default cache location: $XDG_DATA_HOME/convstat/cache.db, else ~/.local/share/convstat/cache.db.
std::string default_cache_path();

enum class UpsertOutcome { inserted, updated, unchanged };

struct TypeCounts {
  std::int64_t inserted = 0, updated = 0, unchanged = 0;
  void count(UpsertOutcome outcome) {
    if (outcome == UpsertOutcome::inserted) ++inserted;
    else if (outcome == UpsertOutcome::updated) ++updated;
    else ++unchanged;
  }
};

// Writes records inside one transaction. Nothing is visible to others until
// commit(); destroying an uncommitted writer rolls everything back.
// Upsert rule (data-model.md): same (type, tenant, id) replaces the stored
// record unless both carry updated_at and the stored one is strictly newer;
// an identical record (same content hash) is left untouched ("unchanged").
class RecordWriter {
public:
  explicit RecordWriter(Cache& cache);
  ~RecordWriter();
  RecordWriter(const RecordWriter&) = delete;
  RecordWriter& operator=(const RecordWriter&) = delete;

  UpsertOutcome upsert(const Record& record);
  // Upserts `records` in order, as upsert() on each would, counting their
  // outcomes (counts()); faster for many records: a run of records of one
  // type is written k_rows_per_statement to a statement.
  void upsert_all(const std::vector<const Record*>& records);
  static constexpr std::size_t k_rows_per_statement = 64;
  // Deletes every record of every type (inside this transaction).
  void clear_all();
  void commit();
  void rollback();
  // Per record type name: what upsert() did so far.
  const std::map<std::string, TypeCounts>& counts() const { return m_counts; }

private:
  struct TableWriter;
  TableWriter& table_for(const RecordType& type);
  UpsertOutcome upsert_one(TableWriter& table, const Record& record);
  void upsert_rows(TableWriter& table, const Record* const* records);
  Cache& m_cache;
  bool m_open = false;
  // By record type: types live for the whole program (record_types()), so
  // finding a table per upsert is a pointer comparison, not a string's.
  std::map<const RecordType*, std::unique_ptr<TableWriter>> m_tables;
  std::map<std::string, TypeCounts> m_counts;
};

struct TypeInfo {
  std::string type;          // "conversation"
  std::int64_t count = 0;
  std::optional<std::int64_t> oldest_ms, newest_ms;  // by the type's membership timestamp
};

struct CacheInfo {
  std::string path;
  int schema_version = 0;
  std::int64_t file_size_bytes = 0;  // database + WAL
  std::vector<TypeInfo> types;
};

// Counts per type, oldest/newest record, schema version, size on disk.
CacheInfo cache_info(Cache& cache);
// PRAGMA integrity_check and foreign-key-free consistency checks; empty when healthy.
std::vector<std::string> cache_check(Cache& cache);

// The column that places a record of this type in time (started_at, at, responded_at...).
std::string_view membership_column(const RecordType& type);

}  // namespace convstat::core
