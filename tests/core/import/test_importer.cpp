#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/cache/cache.hpp"
#include "core/error.hpp"
#include "core/import/importer.hpp"
#include "tests/core/import/import_fixtures.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::core;
using convstat::testing::read_text;
using convstat::testing::TempDir;
using convstat::testing::write_gzip;
using convstat::testing::write_text;

namespace {

constexpr std::int64_t k_now_ms = 1772442900000;  // 2026-03-02T09:15:00Z

const char* const k_conversations =
    "{\"type\":\"conversation\",\"id\":\"c1\",\"started_at\":\"2026-03-02T09:15:00Z\"}\n"
    "{\"type\":\"conversation\",\"id\":\"c2\",\"started_at\":\"2026-03-02T10:00:00Z\",\"channel\":\"Email\"}\n"
    "{\"type\":\"message\",\"conversation_id\":\"c1\",\"at\":\"2026-03-02T09:15:01Z\",\"direction\":\"inbound\"}\n";

// A cache and input files in one temporary folder.
struct Fixture {
  TempDir dir;
  Cache cache{dir.file("cache.db"), OpenMode::read_write};

  std::string file(const std::string& name, const std::string& text) {
    const std::string path = dir.file(name);
    write_text(path, text);
    return path;
  }
  ImportSummary import(std::vector<std::string> files, ImportRequest request = {}) {
    request.files = std::move(files);
    if (!request.now_ms) request.now_ms = k_now_ms;
    return run_import(cache, request);
  }
  std::int64_t count(const std::string& table) {
    return cache.db().execAndGet("SELECT count(*) FROM " + table).getInt64();
  }
  std::string text_of(const std::string& sql) { return cache.db().execAndGet(sql).getString(); }
};

bool same_counts(const TypeCounts& a, const TypeCounts& b) {
  return a.inserted == b.inserted && a.updated == b.updated && a.unchanged == b.unchanged;
}

}  // namespace

TEST_CASE("import: NDJSON records of several types are upserted and counted", "[import]") {
  Fixture f;
  const auto summary = f.import({f.file("x.ndjson", k_conversations)});
  CHECK(summary.committed);
  CHECK(summary.records == 3);
  CHECK(summary.rejected == 0);
  CHECK(summary.errors.empty());
  CHECK(same_counts(summary.counts.at("conversation"), {2, 0, 0}));
  CHECK(same_counts(summary.counts.at("message"), {1, 0, 0}));
  CHECK(f.count("conversations") == 2);
  CHECK(f.count("messages") == 1);
  CHECK(f.text_of("SELECT channel FROM conversations WHERE id = 'c2'") == "email");
}

TEST_CASE("import: re-importing the same file changes nothing", "[import]") {
  Fixture f;
  const std::string path = f.file("x.ndjson", k_conversations);
  f.import({path});
  const auto again = f.import({path});
  CHECK(again.committed);
  CHECK(same_counts(again.counts.at("conversation"), {0, 0, 2}));
  CHECK(same_counts(again.counts.at("message"), {0, 0, 1}));  // hashed id: no duplicate
  CHECK(f.count("messages") == 1);
}

TEST_CASE("import: undated feedback imported again is unchanged and keeps its created_at", "[import]") {
  Fixture f;
  const std::string path = f.file("f.ndjson", "{\"type\":\"feedback\",\"session_id\":\"s1\",\"rating\":1,\"rating_type\":\"thumbs\"}\n");
  f.import({path});
  ImportRequest later;
  later.now_ms = k_now_ms + 86400000;
  const auto again = f.import({path}, later);
  CHECK(same_counts(again.counts.at("feedback"), {0, 0, 1}));
  CHECK(f.cache.db().execAndGet("SELECT created_at FROM feedback").getInt64() == k_now_ms);
}

TEST_CASE("import: one invalid record and nothing is written (all-or-nothing)", "[import]") {
  Fixture f;
  f.import({f.file("first.ndjson", k_conversations)});
  const std::string path = f.file("x.ndjson",
                                  "{\"type\":\"conversation\",\"id\":\"c3\",\"started_at\":\"2026-03-02T09:15:00Z\"}\n"
                                  "{\"type\":\"conversation\",\"id\":\"c4\"}\n"
                                  "not json\n"
                                  "{\"type\":\"convo\",\"id\":\"c5\"}\n"
                                  "{\"id\":\"c6\"}\n");
  const auto summary = f.import({path});
  CHECK_FALSE(summary.committed);
  CHECK(summary.counts.empty());
  CHECK(summary.records == 5);
  CHECK(summary.rejected == 4);
  CHECK(summary.total_errors == 4);
  REQUIRE(summary.errors.size() == 4);
  CHECK(summary.errors[0] == path + ":2: started_at: required");
  CHECK(summary.errors[1] ==
        path + ":3: -: invalid JSON: syntax error while parsing value - invalid literal; last read: 'no'");
  CHECK(summary.errors[2] == path + ":4: type: unknown record type 'convo' (did you mean 'conversation'?)");
  CHECK(summary.errors[3] == path + ":5: type: required (or pass --type)");
  CHECK(f.count("conversations") == 2);  // c3 was valid but is not written
  CHECK_FALSE(summary.rejects_path);
}

TEST_CASE("import: one transaction covers all files", "[import]") {
  Fixture f;
  const std::string good = f.file("good.ndjson", k_conversations);
  const std::string bad = f.file("bad.ndjson", "{\"type\":\"conversation\",\"id\":\"c9\"}\n");
  const auto summary = f.import({good, bad});
  CHECK_FALSE(summary.committed);
  CHECK(summary.errors == std::vector<std::string>{bad + ":1: started_at: required"});
  CHECK(f.count("conversations") == 0);
  CHECK(f.count("messages") == 0);
}

TEST_CASE("import: errors are listed up to the limit and all counted", "[import]") {
  Fixture f;
  std::string text;
  for (int i = 0; i < 5; ++i) text += "{\"type\":\"conversation\"}\n";  // two errors each
  ImportRequest request;
  request.max_listed_errors = 3;
  const auto summary = f.import({f.file("x.ndjson", text)}, request);
  CHECK(summary.errors.size() == 3);
  CHECK(summary.total_errors == 10);
  CHECK(summary.rejected == 5);
}

TEST_CASE("import: --skip-invalid writes the valid records and the rejects file", "[import]") {
  Fixture f;
  const std::string path = f.file("x.ndjson",
                                  "{\"type\":\"conversation\",\"id\":\"c1\",\"started_at\":\"2026-03-02T09:15:00Z\"}\n"
                                  "{\"type\":\"conversation\",\"id\":\"c2\",\"priority\":\"asap\"}\n"
                                  "{oops\n");
  ImportRequest request;
  request.skip_invalid = true;
  request.rejects_path = f.dir.file("rejects.ndjson");
  const auto summary = f.import({path}, request);
  CHECK(summary.committed);
  CHECK(summary.rejected == 2);
  CHECK(same_counts(summary.counts.at("conversation"), {1, 0, 0}));
  CHECK(f.count("conversations") == 1);
  REQUIRE(summary.rejects_path == request.rejects_path);
  nlohmann::json first = {{"file", path},
                          {"line", 2},
                          {"errors", {"started_at: required",
                                      "priority: must be one of urgent, high, medium, low (got \"asap\")"}},
                          {"raw", "{\"type\":\"conversation\",\"id\":\"c2\",\"priority\":\"asap\"}"}};
  const std::string rejects = read_text(*summary.rejects_path);
  const auto newline = rejects.find('\n');
  REQUIRE(newline != std::string::npos);
  CHECK(nlohmann::json::parse(rejects.substr(0, newline)) == first);
  CHECK(rejects.rfind("{\"file\":", 0) == 0);  // keys in the documented order
  const auto second = nlohmann::json::parse(rejects.substr(newline + 1));
  CHECK(second["line"] == 3);
  CHECK(second["raw"] == "{oops");
  // No temporary file is left behind.
  for (const auto& entry : std::filesystem::directory_iterator(f.dir.path()))
    CHECK(entry.path().filename().string().find(".tmp.") == std::string::npos);
}

TEST_CASE("import: many batches of records, fast and general lines, are written in input order", "[import]") {
  // 3,000 lines over several read-ahead batches and many-row statements: ids
  // c0..c1999, so c0..c999 come twice (the later line wins); every 10th line
  // has an unknown key (the general path), every 97th is invalid (rejected).
  Fixture f;
  std::string text;
  std::map<std::string, std::string> subject_of;  // what the cache must hold
  TypeCounts expected;
  std::int64_t invalid = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::string id = "c" + std::to_string(i % 2000);
    const std::string subject = "subject " + std::to_string(i);
    std::string line = "{\"type\":\"conversation\",\"id\":\"" + id + "\",\"subject\":\"" + subject + "\"";
    if (i % 10 == 0) line += ",\"vip\":true";
    if (i % 97 == 0) {
      line += ",\"priority\":\"asap\"";
      ++invalid;
    }
    text += line + ",\"started_at\":\"2026-03-02T09:15:00Z\"}\n";
    if (i % 97 == 0) continue;
    (subject_of.count(id) ? expected.updated : expected.inserted) += 1;
    subject_of[id] = subject;
  }
  ImportRequest request;
  request.skip_invalid = true;
  request.rejects_path = f.dir.file("rejects.ndjson");
  const auto summary = f.import({f.file("many.ndjson", text)}, request);
  CHECK(summary.records == 3000);
  CHECK(summary.rejected == invalid);
  CHECK(same_counts(summary.counts.at("conversation"), expected));
  std::map<std::string, std::string> stored;
  SQLite::Statement q(f.cache.db(), "SELECT id, subject FROM conversations");
  while (q.executeStep()) stored[q.getColumn(0).getString()] = q.getColumn(1).getString();
  CHECK(stored == subject_of);
  CHECK(f.text_of("SELECT count(*) FROM conversations WHERE extra = '{\"vip\":true}'") != "0");
}

TEST_CASE("import: --skip-invalid without rejects writes no rejects file", "[import]") {
  Fixture f;
  ImportRequest request;
  request.skip_invalid = true;
  request.rejects_path = f.dir.file("rejects.ndjson");
  const auto summary = f.import({f.file("x.ndjson", k_conversations)}, request);
  CHECK(summary.committed);
  CHECK_FALSE(summary.rejects_path);
  CHECK_FALSE(std::filesystem::exists(*request.rejects_path));
}

TEST_CASE("import: CSV rows need --type and report their own lines", "[import]") {
  Fixture f;
  const std::string path = f.file("calls.csv",
                                  "id,started_at,status,escalated,notes\n"
                                  "k1,2026-03-02T09:15:00Z,completed,yes,\"two\nlines\"\n"
                                  "k2,2026-03-02 10:15:00,failed,,\n");
  CHECK_THROWS_WITH(f.import({path}), "'" + path + "' is CSV: --type is required");

  ImportRequest request;
  request.type = "call";
  auto summary = f.import({path}, request);
  CHECK(summary.errors ==
        std::vector<std::string>{path + ":4: started_at: timestamp has no UTC offset (use --assume-tz ZONE)"});

  request.assume_tz = "Europe/Paris";
  summary = f.import({path}, request);
  REQUIRE(summary.committed);
  CHECK(same_counts(summary.counts.at("call"), {2, 0, 0}));
  CHECK(f.cache.db().execAndGet("SELECT started_at FROM calls WHERE id = 'k2'").getInt64() == k_now_ms);
  CHECK(f.cache.db().execAndGet("SELECT escalated FROM calls WHERE id = 'k1'").getInt64() == 1);
  CHECK(f.text_of("SELECT extra FROM calls WHERE id = 'k1'") == "{\"notes\":\"two\\nlines\"}");
}

TEST_CASE("import: gzip and JSON inputs", "[import]") {
  Fixture f;
  const std::string gz = f.dir.file("x.ndjson.gz");
  write_gzip(gz, k_conversations);
  const std::string json = f.file("y.json",
                                  "{\"records\": [\n"
                                  "  {\"type\": \"lead\", \"id\": \"l1\", \"stage\": \"new\", \"created_at\": \"2026-03-02T09:15:00Z\"},\n"
                                  "  {\"type\": \"lead\", \"id\": \"l2\", \"stage\": \"won\", \"created_at\": \"2026-03-02T09:15:00Z\"}\n"
                                  "]}\n");
  const auto summary = f.import({gz, json});
  CHECK_FALSE(summary.committed);
  CHECK(summary.errors ==
        std::vector<std::string>{json + ":3: stage: must be one of new, contacted, qualified, converted, lost (got \"won\")"});
}

TEST_CASE("import: updated_at decides between versions of a record", "[import]") {
  Fixture f;
  auto version = [&](const std::string& name, const std::string& updated_at, const std::string& subject) {
    return f.file(name, "{\"type\":\"conversation\",\"id\":\"c1\",\"started_at\":\"2026-03-02T09:15:00Z\",\"updated_at\":\"" +
                            updated_at + "\",\"subject\":\"" + subject + "\"}\n");
  };
  auto subject = [&] { return f.text_of("SELECT subject FROM conversations WHERE id = 'c1'"); };
  f.import({version("v2.ndjson", "2026-03-02T12:00:00Z", "second")});

  auto older = f.import({version("v1.ndjson", "2026-03-02T11:00:00Z", "first")});
  CHECK(same_counts(older.counts.at("conversation"), {0, 0, 1}));  // stored is strictly newer: kept
  CHECK(subject() == "second");

  auto equal = f.import({version("v2b.ndjson", "2026-03-02T12:00:00Z", "second, again")});
  CHECK(same_counts(equal.counts.at("conversation"), {0, 1, 0}));  // not strictly newer: replaced
  CHECK(subject() == "second, again");

  auto newer = f.import({version("v3.ndjson", "2026-03-02T13:00:00Z", "third")});
  CHECK(same_counts(newer.counts.at("conversation"), {0, 1, 0}));
  CHECK(subject() == "third");
}

TEST_CASE("import: request problems are usage errors", "[import]") {
  Fixture f;
  const std::string good = f.file("x.ndjson", k_conversations);
  ImportRequest request;
  CHECK_THROWS_WITH(f.import({f.dir.file("missing.ndjson")}),
                    "cannot open '" + f.dir.file("missing.ndjson") + "': No such file or directory");
  request.type = "convo";
  CHECK_THROWS_WITH(f.import({good}, request), "--type: unknown record type 'convo' (did you mean 'conversation'?)");
  request = {};
  request.input_format = "xml";
  CHECK_THROWS_AS(f.import({good}, request), UsageError);
  request = {};
  request.assume_tz = "Mars/Olympus";
  CHECK_THROWS_AS(f.import({good}, request), UsageError);
  CHECK_THROWS_WITH(f.import({"-", "-"}), "standard input ('-') can be read only once");
  CHECK_THROWS_AS(f.import({}), UsageError);
  CHECK(f.count("conversations") == 0);
}

TEST_CASE("import: a broken JSON document aborts the import with nothing written", "[import]") {
  Fixture f;
  const std::string good = f.file("x.ndjson", k_conversations);
  const std::string broken = f.file("y.json", "[{\"type\":\"lead\"}\n");
  CHECK_THROWS_AS(f.import({good, broken}), DataError);
  CHECK(f.count("conversations") == 0);
}

TEST_CASE("import: progress is reported per file", "[import]") {
  Fixture f;
  std::vector<ImportProgress> seen;
  ImportRequest request;
  request.on_progress = [&](const ImportProgress& p) { seen.push_back(p); };
  const std::string path = f.file("x.ndjson", k_conversations);
  f.import({path}, request);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].file == path);
  CHECK(seen[0].file_count == 1);
  CHECK(seen[0].records == 3);
  CHECK(seen[0].total_bytes == std::optional<std::uint64_t>(std::string(k_conversations).size()));
  CHECK(seen[0].bytes_read == seen[0].total_bytes.value_or(0));
}
