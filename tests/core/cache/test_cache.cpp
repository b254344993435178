#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"
#include "core/cache/schema_sql.hpp"
#include "core/error.hpp"
#include "core/import/validate.hpp"
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

TEST_CASE("upsert outcomes hold whatever rowids other tables, triggers and clear_all assign", "[cache]") {
  TempDir dir;
  Cache cache(dir.file("c.db"), OpenMode::read_write);
  const RecordValidator validator;
  const auto conversation = [&](const std::string& id, const std::string& subject) {
    Validation v = validator.validate(nlohmann::json{
        {"type", "conversation"}, {"id", id}, {"started_at", "2026-03-02T09:15:00Z"}, {"subject", subject}});
    REQUIRE(v.ok());
    return std::move(*v.record);
  };
  RecordWriter w(cache);
  CHECK(w.upsert(article("a", 10, Cell{}, "h1")) == UpsertOutcome::inserted);  // kb_articles rid 1
  // conversations rids 1-3, each indexed by a trigger's insert into search_index
  for (const char* id : {"c1", "c2", "c3"}) CHECK(w.upsert(conversation(id, "VPN down")) == UpsertOutcome::inserted);
  // SQLite's last insert rowid is 3 here, from another table: still an update
  CHECK(w.upsert(article("a", 11, Cell{}, "h2")) == UpsertOutcome::updated);
  CHECK(w.upsert(article("a", 11, Cell{}, "h2")) == UpsertOutcome::unchanged);
  CHECK(w.upsert(conversation("c1", "VPN up")) == UpsertOutcome::updated);  // its trigger re-indexes it
  CHECK(w.upsert(conversation("c4", "VPN")) == UpsertOutcome::inserted);
  // after clear_all, rowids start again at 1: inserts all the same
  w.clear_all();
  CHECK(w.upsert(article("a", 11, Cell{}, "h2")) == UpsertOutcome::inserted);
  CHECK(w.upsert(conversation("c1", "VPN up")) == UpsertOutcome::inserted);
  w.commit();
  CHECK(w.counts().at("kb_article").inserted == 2);
  CHECK(w.counts().at("kb_article").updated == 1);
  CHECK(w.counts().at("kb_article").unchanged == 1);
  CHECK(w.counts().at("conversation").inserted == 5);
  CHECK(w.counts().at("conversation").updated == 1);
  CHECK(cache.db().execAndGet("SELECT count(*) FROM search_index WHERE search_index MATCH 'up'").getInt64() == 1);
}

TEST_CASE("upsert_all writes and counts as upsert() on each record does", "[cache]") {
  // Runs of one type longer than a statement's rows, others shorter; records
  // new, changed, unchanged, older by updated_at, and given twice in one statement.
  std::vector<Record> records;
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 150; ++i) {
      const std::string id = "a" + std::to_string(i % 97);
      const std::int64_t views = round == 1 && i % 3 == 0 ? 100 + i : i % 97;
      const Cell updated_at = i % 5 == 0 ? Cell{std::int64_t{1000 - round}} : Cell{};
      records.push_back(article(id, views, updated_at, "h" + std::to_string(views) + "-" + std::to_string(i % 5 == 0 ? round : 0)));
      if (i % 70 == 69) {
        records.push_back(article("solo" + std::to_string(round), 1, Cell{}, "s"));
        Record note;  // a record of another type between runs
        note.type = find_record_type("event");
        note.cells.resize(note.type->fields.size());
        note.cells[0] = "e" + std::to_string(i % 4);
        note.cells[1] = std::string("default");
        note.cells[2] = std::int64_t{1772442900000};
        note.cells[3] = std::string("ping");
        note.content_hash = "e" + std::to_string(round);
        records.push_back(std::move(note));
      }
    }
  TempDir dir;
  Cache one_by_one(dir.file("a.db"), OpenMode::read_write), together(dir.file("b.db"), OpenMode::read_write);
  std::map<std::string, TypeCounts> expected, got;
  {
    RecordWriter w(one_by_one);
    for (const Record& r : records) w.upsert(r);
    w.commit();
    expected = w.counts();
  }
  {
    RecordWriter w(together);
    std::vector<const Record*> all;
    for (const Record& r : records) all.push_back(&r);
    REQUIRE(all.size() > 3 * RecordWriter::k_rows_per_statement);
    w.upsert_all(all);
    w.commit();
    got = w.counts();
  }
  REQUIRE(got.size() == 2);
  for (const auto& [type, counts] : expected) {
    INFO(type);
    CHECK(got.at(type).inserted == counts.inserted);
    CHECK(got.at(type).updated == counts.updated);
    CHECK(got.at(type).unchanged == counts.unchanged);
  }
  CHECK(expected.at("kb_article").updated > 0);
  CHECK(expected.at("kb_article").unchanged > 0);
  const auto rows = [](Cache& cache) {
    std::vector<std::string> out;
    SQLite::Statement q(cache.db(), "SELECT rid, id, views, updated_at, content_hash FROM kb_articles ORDER BY rid");
    while (q.executeStep())
      out.push_back(q.getColumn(0).getString() + "|" + q.getColumn(1).getString() + "|" + q.getColumn(2).getString() +
                    "|" + q.getColumn(3).getString() + "|" + q.getColumn(4).getString());
    return out;
  };
  CHECK(rows(together) == rows(one_by_one));
  CHECK(rows(together).size() == 100);
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
