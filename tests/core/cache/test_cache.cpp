#include <catch2/catch.hpp>

#include "core/cache/cache.hpp"
#include "core/cache/schema_sql.hpp"
#include "core/error.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::core;
using convstat::testing::TempDir;

namespace {

// A kb_article record: id, tenant, title, slug, published, views, helpful, not_helpful, updated_at.
Record article(const std::string& id, std::int64_t views, Cell updated_at, const std::string& hash) {
  const RecordType* type = find_record_type("kb_article");
  Record r;
  r.type = type;
  r.cells = {id, std::string("default"), std::string("Title"), Cell{}, std::int64_t{1}, views, std::int64_t{0},
             std::int64_t{0}, std::move(updated_at)};
  r.content_hash = hash;
  return r;
}

std::int64_t views_of(Cache& cache, const std::string& id) {
  SQLite::Statement q(cache.db(), "SELECT views FROM kb_articles WHERE id = ?");
  q.bind(1, id);
  REQUIRE(q.executeStep());
  return q.getColumn(0).getInt64();
}

}  // namespace

TEST_CASE("a new cache is created with its folder, at the current schema version, in WAL mode", "[cache]") {
  TempDir dir;
  Cache cache(dir.file("sub/dir/cache.db"), OpenMode::read_write);
  CHECK(cache.schema_version() == Cache::k_schema_version);
  CHECK(cache.db().execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(cache.db().tableExists("conversations"));
  CHECK(cache_check(cache).empty());
}

TEST_CASE("opening a missing cache read-only is a local error with a hint", "[cache]") {
  TempDir dir;
  try {
    Cache cache(dir.file("none.db"), OpenMode::read_only);
    FAIL("expected LocalError");
  } catch (const LocalError& e) {
    CHECK(std::string(e.what()).find("no cache at") != std::string::npos);
    CHECK(e.hint().find("convstat demo") != std::string::npos);
  }
}

TEST_CASE("a cache of a newer schema is refused", "[cache]") {
  TempDir dir;
  { Cache cache(dir.file("c.db"), OpenMode::read_write); cache.db().exec("PRAGMA user_version = 99"); }
  CHECK_THROWS_AS(Cache(dir.file("c.db"), OpenMode::read_write), LocalError);
}

TEST_CASE("upsert inserts, leaves identical records unchanged and replaces changed ones", "[cache]") {
  TempDir dir;
  Cache cache(dir.file("c.db"), OpenMode::read_write);
  {
    RecordWriter w(cache);
    CHECK(w.upsert(article("a", 10, Cell{}, "h1")) == UpsertOutcome::inserted);
    CHECK(w.upsert(article("b", 20, Cell{}, "h2")) == UpsertOutcome::inserted);
    w.commit();
  }
  RecordWriter w(cache);
  CHECK(w.upsert(article("a", 10, Cell{}, "h1")) == UpsertOutcome::unchanged);
  CHECK(w.upsert(article("b", 25, Cell{}, "h3")) == UpsertOutcome::updated);
  CHECK(w.upsert(article("c", 30, Cell{}, "h4")) == UpsertOutcome::inserted);
  w.commit();
  CHECK(w.counts().at("kb_article").inserted == 1);
  CHECK(w.counts().at("kb_article").updated == 1);
  CHECK(w.counts().at("kb_article").unchanged == 1);
  CHECK(views_of(cache, "b") == 25);
}

TEST_CASE("a stored record strictly newer by updated_at is kept", "[cache]") {
  TempDir dir;
  Cache cache(dir.file("c.db"), OpenMode::read_write);
  RecordWriter w(cache);
  w.upsert(article("a", 10, std::int64_t{2000}, "h1"));
  CHECK(w.upsert(article("a", 11, std::int64_t{1000}, "h2")) == UpsertOutcome::unchanged);  // older: ignored
  CHECK(views_of(cache, "a") == 10);
  CHECK(w.upsert(article("a", 12, std::int64_t{2000}, "h3")) == UpsertOutcome::updated);  // equal: replaces
  CHECK(w.upsert(article("a", 13, Cell{}, "h4")) == UpsertOutcome::updated);  // incoming without: replaces
  CHECK(views_of(cache, "a") == 13);
  w.commit();
}

TEST_CASE("an uncommitted writer leaves the cache as it was", "[cache]") {
  TempDir dir;
  Cache cache(dir.file("c.db"), OpenMode::read_write);
  { RecordWriter w(cache); w.upsert(article("a", 10, Cell{}, "h1")); }
  CHECK(cache.db().execAndGet("SELECT count(*) FROM kb_articles").getInt64() == 0);
}

TEST_CASE("cache info counts records per type with their time span", "[cache]") {
  TempDir dir;
  Cache cache(dir.file("c.db"), OpenMode::read_write);
  { RecordWriter w(cache); w.upsert(article("a", 1, std::int64_t{500}, "h1")); w.upsert(article("b", 1, std::int64_t{900}, "h2")); w.commit(); }
  const CacheInfo info = cache_info(cache);
  CHECK(info.schema_version == Cache::k_schema_version);
  CHECK(info.file_size_bytes > 0);
  for (const TypeInfo& t : info.types) {
    if (t.type == "kb_article") {
      CHECK(t.count == 2);
      CHECK(t.oldest_ms == 500);
      CHECK(t.newest_ms == 900);
    } else {
      CHECK(t.count == 0);
      CHECK_FALSE(t.oldest_ms.has_value());
    }
  }
}

TEST_CASE("a version 3 cache migrates to version 4 (sync state) keeping its records", "[cache]") {
  TempDir dir;
  const std::string path = dir.file("v3.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (int v = 0; v < 3; ++v)
      for (const auto& sql : schema_migrations()[static_cast<std::size_t>(v)]) db.exec(sql);
    db.exec("PRAGMA user_version = 3");
    db.exec("INSERT INTO conversations (id, tenant, started_at, content_hash) VALUES ('old', 'default', 0, 'h')");
  }
  {
    Cache read_only(path, OpenMode::read_only);
    CHECK(read_only.schema_version() == 3);
    CHECK_FALSE(read_only.db().tableExists("sync_files"));
  }
  Cache cache(path, OpenMode::read_write);
  CHECK(cache.schema_version() == Cache::k_schema_version);
  for (const char* table : {"sync_files", "sync_streams", "sync_runs"}) CHECK(cache.db().tableExists(table));
  CHECK(cache.db().execAndGet("SELECT id FROM conversations").getString() == "old");
  CHECK(cache_check(cache).empty());
}
