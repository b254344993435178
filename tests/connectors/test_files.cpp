#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "connectors/files.hpp"
#include "connectors/sync_state.hpp"
#include "core/error.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::connectors;
using convstat::core::Cache;
using convstat::core::OpenMode;
using convstat::testing::TempDir;

namespace {

void write(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::vector<std::string> names(const std::vector<FileStat>& files, const std::string& base) {
  std::vector<std::string> out;
  for (const FileStat& f : files) out.push_back(std::filesystem::relative(f.path, base).string());
  return out;
}

BackendSpec files_backend(const std::string& path) {
  BackendSpec spec{"local", find_kind("files"), {}, ""};
  spec.table.values["kind"] = "files";
  spec.table.values["path"] = path;
  return spec;
}

const char* const k_two = "{\"type\":\"conversation\",\"id\":\"c1\",\"started_at\":\"2026-03-02T09:15:00Z\"}\n"
                          "{\"type\":\"conversation\",\"id\":\"c2\",\"started_at\":\"2026-03-02T10:00:00Z\"}\n";

}  // namespace

TEST_CASE("files: a folder lists its record files recursively, a glob its matches, sorted", "[connectors][files]") {
  TempDir dir;
  const std::string base = dir.path().string();
  for (const char* name : {"d/b.ndjson", "d/a.json", "d/sub/c.csv.gz", "d/notes.txt", "d/x.jsonl"}) write(dir.file(name), "");
  CHECK(names(list_files(dir.file("d"), "/"), base) ==
        std::vector<std::string>{"d/a.json", "d/b.ndjson", "d/sub/c.csv.gz", "d/x.jsonl"});
  CHECK(names(list_files("d/*.*json*", base), base) == std::vector<std::string>{"d/a.json", "d/b.ndjson", "d/x.jsonl"});
  CHECK(names(list_files("d/notes.txt", base), base) == std::vector<std::string>{"d/notes.txt"});
  CHECK(list_files("nowhere/*.ndjson", base).empty());
  CHECK(list_files("missing.ndjson", base).empty());
}

TEST_CASE("files: change detection by size and mtime, then content hash", "[connectors][files]") {
  const FileStat now{"f", 10, 2000};
  int hashed = 0;
  const auto hash = [&] { ++hashed; return std::string("h1"); };
  std::string got;
  CHECK(decide_file(std::nullopt, now, hash, &got) == FileAction::import);
  CHECK(got == "h1");
  CHECK(decide_file(FileState{10, 2000, "h0", 5}, now, hash, &got) == FileAction::skip);
  CHECK(got.empty());
  CHECK(hashed == 1);  // same size and mtime: not read
  CHECK(decide_file(FileState{10, 1000, "h1", 5}, now, hash, &got) == FileAction::touch);
  CHECK(decide_file(FileState{10, 1000, "h0", 5}, now, hash, &got) == FileAction::import);
  CHECK(decide_file(FileState{9, 2000, "h0", 5}, now, hash, &got) == FileAction::import);
  CHECK(hashed == 4);
}

TEST_CASE("files: a CSV file's record type comes from its name", "[connectors][files]") {
  CHECK(csv_record_type("/x/conversations.csv") == "conversation");
  CHECK(csv_record_type("2026-03-calls.csv.gz") == "call");
  CHECK(csv_record_type("export_csat.csv") == "csat");
  CHECK_THROWS_AS(csv_record_type("data.csv"), convstat::core::UsageError);
}

TEST_CASE("files: sync imports new and changed files once, each with its state", "[connectors][files]") {
  TempDir dir;
  write(dir.file("in/a.ndjson"), k_two);
  Cache cache(dir.file("c.db"), OpenMode::read_write);
  const BackendSpec spec = files_backend(dir.file("in"));
  SyncSummary s = sync_files(cache, spec, {});
  CHECK(s.files_imported == 1);
  CHECK(s.counts.inserted == 2);
  const auto state = load_file_state(cache.db(), "local", dir.file("in/a.ndjson"));
  REQUIRE(state);
  CHECK(state->records == 2);
  CHECK(state->size == static_cast<std::int64_t>(std::string(k_two).size()));
  CHECK(state->sha256 == file_sha256(dir.file("in/a.ndjson")));

  s = sync_files(cache, spec, {});
  CHECK(s.files_imported == 0);
  CHECK(s.files_unchanged == 1);
  CHECK(s.records == 0);

  // A bad file after a good new one: the good one stays, nothing of the bad one, no state for it.
  write(dir.file("in/b.ndjson"), "{\"type\":\"conversation\",\"id\":\"c3\",\"started_at\":\"2026-03-02T09:15:00Z\"}\n");
  write(dir.file("in/c.ndjson"), "{\"type\":\"conversation\",\"id\":\"c4\",\"started_at\":\"2026-03-02T09:15:00Z\"}\n"
                                 "{\"type\":\"conversation\",\"id\":\"c5\"}\n");
  try {
    sync_files(cache, spec, {});
    FAIL("a file with an invalid record must throw");
  } catch (const convstat::core::DataError& e) {
    CHECK_THAT(e.what(), Catch::Contains("c.ndjson:2: started_at:"));
  }
  CHECK(cache.db().execAndGet("SELECT group_concat(id) FROM (SELECT id FROM conversations ORDER BY id)").getString() ==
        "c1,c2,c3");
  CHECK_FALSE(load_file_state(cache.db(), "local", dir.file("in/c.ndjson")));
}

TEST_CASE("files: test_files and an empty match", "[connectors][files]") {
  TempDir dir;
  CHECK_THROWS_WITH(test_files(files_backend(dir.file("none/*.ndjson"))), Catch::Contains("no files match"));
  write(dir.file("in/a.ndjson"), k_two);
  CHECK(test_files(files_backend(dir.file("in"))) == "1 readable file, 140 bytes");
}

TEST_CASE("files: a file's records and its state are one transaction", "[connectors][files]") {
  TempDir dir;
  write(dir.file("in/a.ndjson"), k_two);
  Cache cache(dir.file("c.db"), OpenMode::read_write);
  // the state write fails inside the file's transaction
  cache.db().exec("CREATE TRIGGER injected BEFORE INSERT ON sync_files BEGIN SELECT RAISE(ABORT, 'injected'); END");
  CHECK_THROWS_WITH(sync_files(cache, files_backend(dir.file("in")), {}), Catch::Contains("injected"));
  CHECK(cache.db().execAndGet("SELECT count(*) FROM conversations").getInt64() == 0);
}
