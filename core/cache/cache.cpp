#include "core/cache/cache.hpp"

#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <system_error>

#include "core/cache/raw_statement.hpp"
#include "core/cache/schema_sql.hpp"
#include "core/error.hpp"

namespace convstat::core {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void throw_locked(const std::string& path, int timeout_ms) {
  throw LocalError("the cache '" + path + "' is locked by another process (waited " +
                       std::to_string(timeout_ms / 1000) + " s)",
                   "another convstat import, demo or sync is writing it; try again when it ends");
}

// Runs fn, turning SQLite busy/locked errors into LocalError and other SQLite errors into LocalError too.
template <typename Fn>
auto guard_sqlite(const std::string& path, int timeout_ms, Fn&& fn) {
  try {
    return fn();
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xff;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) throw_locked(path, timeout_ms);
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
      throw LocalError("the cache '" + path + "' is corrupt or not a convstat cache: " + e.what(),
                       "run `convstat cache check`; move the file away to start a new cache");
    if (code == SQLITE_FULL) throw LocalError("disk full while writing the cache '" + path + "'");
    throw LocalError("cache '" + path + "': " + e.what());
  }
}

}  // namespace

std::string default_cache_path() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg && *xdg) return (fs::path(xdg) / "convstat" / "cache.db").string();
  const char* home = std::getenv("HOME");
  return (fs::path(home && *home ? home : ".") / ".local" / "share" / "convstat" / "cache.db").string();
}

Cache::Cache(const std::string& path, OpenMode mode, int busy_timeout_ms) : m_path(path) {
  // SQLite's memory statistics take a global mutex on every allocation; no
  // one reads them, and an import's writer allocates per statement step.
  // Only possible before SQLite initializes, i.e. before the first connection.
  static const int k_memstatus_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)k_memstatus_off;
  std::error_code ec;
  if (mode == OpenMode::read_only && !fs::exists(path, ec))
    throw LocalError("no cache at '" + path + "'",
                     "fill it with `convstat demo` or `convstat import FILE`, or point --cache at another file");
  if (mode == OpenMode::read_write) {
    const fs::path parent = fs::path(path).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    if (ec) throw LocalError("cannot create the folder '" + parent.string() + "' for the cache: " + ec.message());
  }
  // NOMUTEX: a Cache (its connection) is used by one thread at a time, so
  // SQLite's per-call mutex only cost time (an eighth of a long scan).
  const int flags = SQLite::OPEN_NOMUTEX | (mode == OpenMode::read_only ? SQLite::OPEN_READONLY
                                                                        : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  guard_sqlite(path, busy_timeout_ms, [&] {
    m_db = std::make_unique<SQLite::Database>(path, flags, busy_timeout_ms);
    m_db->exec("PRAGMA foreign_keys = OFF");
    if (mode == OpenMode::read_write) {
      m_db->exec("PRAGMA journal_mode = WAL");
      m_db->exec("PRAGMA synchronous = NORMAL");
    }
    m_db->exec("PRAGMA temp_store = MEMORY");
    m_db->exec("PRAGMA cache_size = -65536");  // 64 MiB page cache
    // Reads map the file instead of copying pages through pread: KPI scans of
    // millions of rows spend most of their time there otherwise (bench/scale).
    m_db->exec("PRAGMA mmap_size = 17179869184");  // 16 GiB, capped by SQLITE_MAX_MMAP_SIZE
    const int version = schema_version();
    if (version > k_schema_version)
      throw LocalError("the cache '" + path + "' has schema version " + std::to_string(version) +
                           ", newer than this convstat knows (" + std::to_string(k_schema_version) + ")",
                       "upgrade convstat");
    if (mode == OpenMode::read_write) migrate();
    else if (version == 0)
      throw LocalError("'" + path + "' is not a convstat cache (empty schema)",
                       "fill it with `convstat demo` or `convstat import FILE`");
    return 0;
  });
  (void)busy_timeout_ms;
}

int Cache::schema_version() { return m_db->execAndGet("PRAGMA user_version").getInt(); }

void Cache::migrate() {
  const auto& steps = schema_migrations();
  int version = schema_version();
  while (version < static_cast<int>(steps.size())) {
    m_db->exec("BEGIN IMMEDIATE");
    try {
      for (const auto& sql : steps[static_cast<size_t>(version)]) m_db->exec(sql);
      ++version;
      m_db->exec("PRAGMA user_version = " + std::to_string(version));
      m_db->exec("COMMIT");
    } catch (...) {
      m_db->exec("ROLLBACK");
      throw;
    }
  }
}

// ---- RecordWriter ------------------------------------------------------------

struct RecordWriter::TableWriter {
  RawStatement upsert;                     // one record
  std::unique_ptr<RawStatement> upsert_k;  // k_rows_per_statement records, prepared when first needed
  std::unique_ptr<RawStatement> max_rid;   // the table's greatest rid, likewise
  const RecordType& type;
  TypeCounts* counts;  // the writer's entry for this type
  TableWriter(SQLite::Database& db, const RecordType& t, TypeCounts& type_counts)
      : upsert(db.getHandle(), upsert_sql(t)), type(t), counts(&type_counts) {}
};

RecordWriter::RecordWriter(Cache& cache) : m_cache(cache) {
  guard_sqlite(cache.path(), 10000, [&] { return m_cache.db().exec("BEGIN IMMEDIATE"); });
  m_open = true;
}

RecordWriter::~RecordWriter() {
  if (!m_open) return;
  try {
    rollback();
  } catch (...) {  // destructors never throw; SQLite rolls back on close anyway
  }
}

RecordWriter::TableWriter& RecordWriter::table_for(const RecordType& type) {
  auto it = m_tables.find(&type);
  if (it == m_tables.end())
    it = m_tables.emplace(&type, std::make_unique<TableWriter>(m_cache.db(), type, m_counts[std::string(type.name)]))
             .first;
  return *it->second;
}

namespace {

// Binds a record's cells, extra and content hash from parameter `first` on;
// texts are not copied (`record` outlives the step).
void bind_record(RawStatement& stmt, int first, const Record& record) {
  int index = first;
  for (const Cell& cell : record.cells) {
    std::visit([&](const auto& v) {
      using T = std::decay_t<decltype(v)>;
      if constexpr (std::is_same_v<T, std::monostate>) stmt.bind_null(index);
      else if constexpr (std::is_same_v<T, std::string>) stmt.bind_no_copy(index, v);
      else stmt.bind(index, v);
    }, cell);
    ++index;
  }
  if (record.extra_json.empty()) stmt.bind_null(index++);
  else stmt.bind_no_copy(index++, record.extra_json);
  stmt.bind_no_copy(index, record.content_hash);
}

}  // namespace

// What the upsert did, told by SQLite without a RETURNING clause (which
// costs an ephemeral table per row): no row changed -> unchanged; a row
// changed and a rowid was assigned (the last insert rowid, zeroed before the
// step, is set only by an insert; triggers' inserts restore it) -> inserted;
// else updated.
UpsertOutcome RecordWriter::upsert_one(TableWriter& table, const Record& record) {
  RawStatement& stmt = table.upsert;
  stmt.reset();  // in case a step threw
  bind_record(stmt, 1, record);
  sqlite3* const db = stmt.db();
  sqlite3_set_last_insert_rowid(db, 0);
  stmt.step();
  stmt.reset();
  if (sqlite3_changes(db) == 0) return UpsertOutcome::unchanged;
  return sqlite3_last_insert_rowid(db) != 0 ? UpsertOutcome::inserted : UpsertOutcome::updated;
}

// k_rows_per_statement records of one type in one statement. Its outcomes as
// counts: sqlite3_changes() = inserted + updated rows, and the inserted rows
// took the rids after the table's greatest one, one each, in order (a table
// never holds rid 2^63-1, where SQLite would pick rids at random), so the last
// insert rowid tells how many there were.
void RecordWriter::upsert_rows(TableWriter& table, const Record* const* records) {
  constexpr std::size_t k = k_rows_per_statement;
  sqlite3* const db = m_cache.db().getHandle();
  if (!table.upsert_k) {
    table.upsert_k = std::make_unique<RawStatement>(db, upsert_sql(table.type, k));
    table.max_rid = std::make_unique<RawStatement>(
        db, "SELECT coalesce(max(rid), 0) FROM " + std::string(table.type.table));
  }
  table.max_rid->reset();
  table.max_rid->step();
  const std::int64_t max_before = table.max_rid->integer(0);
  table.max_rid->reset();
  RawStatement& stmt = *table.upsert_k;
  stmt.reset();
  const int per_record = static_cast<int>(table.type.fields.size()) + 2;
  for (std::size_t i = 0; i < k; ++i) bind_record(stmt, 1 + static_cast<int>(i) * per_record, *records[i]);
  sqlite3_set_last_insert_rowid(db, 0);
  stmt.step();
  stmt.reset();
  const auto changed = static_cast<std::int64_t>(sqlite3_changes(db));
  const std::int64_t last = sqlite3_last_insert_rowid(db);
  const std::int64_t inserted = last == 0 ? 0 : last - max_before;
  table.counts->inserted += inserted;
  table.counts->updated += changed - inserted;
  table.counts->unchanged += static_cast<std::int64_t>(k) - changed;
}

UpsertOutcome RecordWriter::upsert(const Record& record) {
  return guard_sqlite(m_cache.path(), 10000, [&] {
    TableWriter& table = table_for(*record.type);
    const UpsertOutcome outcome = upsert_one(table, record);
    table.counts->count(outcome);
    return outcome;
  });
}

void RecordWriter::upsert_all(const std::vector<const Record*>& records) {
  guard_sqlite(m_cache.path(), 10000, [&] {
    std::size_t i = 0;
    while (i < records.size()) {
      TableWriter& table = table_for(*records[i]->type);
      std::size_t end = i;  // the run of records of this type
      while (end < records.size() && records[end]->type == records[i]->type) ++end;
      for (; end - i >= k_rows_per_statement; i += k_rows_per_statement) upsert_rows(table, &records[i]);
      for (; i < end; ++i) table.counts->count(upsert_one(table, *records[i]));
    }
    return 0;
  });
}

void RecordWriter::clear_all() {
  guard_sqlite(m_cache.path(), 10000, [&] {
    for (const RecordType& type : record_types()) m_cache.db().exec("DELETE FROM " + std::string(type.table));
    return 0;
  });
}

void RecordWriter::commit() {
  m_tables.clear();  // finalize statements before COMMIT
  guard_sqlite(m_cache.path(), 10000, [&] { return m_cache.db().exec("COMMIT"); });
  m_open = false;
}

void RecordWriter::rollback() {
  m_tables.clear();
  if (m_open) m_cache.db().exec("ROLLBACK");
  m_open = false;
}

// ---- info and check -------------------------------------------------------------

std::string_view membership_column(const RecordType& type) {
  const std::string_view name = type.name;
  if (name == "conversation" || name == "call") return "started_at";
  if (name == "csat") return "responded_at";
  if (name == "lead" || name == "feedback") return "created_at";
  if (name == "kb_article") return "updated_at";
  return "at";
}

CacheInfo cache_info(Cache& cache) {
  CacheInfo info;
  info.path = cache.path();
  info.schema_version = cache.schema_version();
  std::error_code ec;
  for (const char* suffix : {"", "-wal"}) {
    const auto size = fs::file_size(cache.path() + suffix, ec);
    if (!ec) info.file_size_bytes += static_cast<std::int64_t>(size);
  }
  for (const RecordType& type : record_types()) {
    const std::string col(membership_column(type));
    SQLite::Statement q(cache.db(), "SELECT count(*), min(" + col + "), max(" + col + ") FROM " +
                                        std::string(type.table));
    q.executeStep();
    TypeInfo t{std::string(type.name), q.getColumn(0).getInt64(), {}, {}};
    if (!q.getColumn(1).isNull()) t.oldest_ms = q.getColumn(1).getInt64();
    if (!q.getColumn(2).isNull()) t.newest_ms = q.getColumn(2).getInt64();
    info.types.push_back(std::move(t));
  }
  return info;
}

std::vector<std::string> cache_check(Cache& cache) {
  std::vector<std::string> problems;
  SQLite::Statement q(cache.db(), "PRAGMA integrity_check");
  while (q.executeStep()) {
    const std::string line = q.getColumn(0).getString();
    if (line != "ok") problems.push_back(line);
  }
  for (const RecordType& type : record_types()) {
    const std::string table(type.table);
    if (!cache.db().tableExists(table)) {
      problems.push_back("missing table '" + table + "'");
      continue;
    }
    const auto bad = cache.db().execAndGet("SELECT count(*) FROM " + table +
                                           " WHERE id IS NULL OR tenant IS NULL OR content_hash IS NULL").getInt64();
    if (bad > 0) problems.push_back(table + ": " + std::to_string(bad) + " rows without id, tenant or hash");
  }
  if (cache.schema_version() < 1)  // an older version is no damage: the next write migrates it
    problems.push_back("schema version " + std::to_string(cache.schema_version()) + ", expected " +
                       std::to_string(Cache::k_schema_version));
  return problems;
}

}  // namespace convstat::core
