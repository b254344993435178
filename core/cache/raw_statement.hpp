#pragma once
// A prepared statement over SQLite's raw handle, for the few loops that run
// once per row of a large table: KPI scans, the hot columns' build, the
// import's upserts. SQLiteCpp's Column objects cost a shared_ptr copy per
// value and its binds a name check each, a tenth of such a loop (bench/scale).
// Errors throw SQLite::Exception, like SQLiteCpp, so callers' error mapping
// (guard_sqlite) is the same for both.
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace convstat::core {

class RawStatement {
public:
  RawStatement(sqlite3* db, const std::string& sql) : m_db(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &m_stmt, nullptr) != SQLITE_OK)
      throw SQLite::Exception(db, sqlite3_errcode(db));
  }
  ~RawStatement() { sqlite3_finalize(m_stmt); }
  RawStatement(const RawStatement&) = delete;
  RawStatement& operator=(const RawStatement&) = delete;

  // true: a row is ready; false: the statement is done. Throws SQLite::Exception.
  bool step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) throw SQLite::Exception(m_db, rc);
    return false;
  }
  // Ready to run again; the bindings stay.
  void reset() { sqlite3_reset(m_stmt); }

  // Parameters, 1-based. Texts are not copied: they must outlive the step.
  void bind_null(int i) { check(sqlite3_bind_null(m_stmt, i)); }
  void bind(int i, std::int64_t value) { check(sqlite3_bind_int64(m_stmt, i, value)); }
  void bind(int i, double value) { check(sqlite3_bind_double(m_stmt, i, value)); }
  void bind_no_copy(int i, std::string_view text) {
    check(sqlite3_bind_text(m_stmt, i, text.data(), static_cast<int>(text.size()), SQLITE_STATIC));
  }

  // Columns of the current row, 0-based.
  int type(int i) const { return sqlite3_column_type(m_stmt, i); }
  bool null(int i) const { return type(i) == SQLITE_NULL; }
  // Valid until the next step or reset.
  std::string_view text(int i) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, i));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, i))) : std::string_view();
  }
  std::int64_t integer(int i) const { return sqlite3_column_int64(m_stmt, i); }
  std::int32_t integer32(int i) const { return sqlite3_column_int(m_stmt, i); }

  sqlite3* db() const { return m_db; }

private:
  void check(int rc) const {
    if (rc != SQLITE_OK) throw SQLite::Exception(m_db, rc);
  }

  sqlite3* m_db;
  sqlite3_stmt* m_stmt = nullptr;
};

}  // namespace convstat::core
