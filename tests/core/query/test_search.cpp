// search over a temporary cache: the FTS5 index of schema version 2, its
// triggers and backfill, tenant scoping, grouping per conversation and errors.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include "core/cache/schema_sql.hpp"
#include "core/error.hpp"
#include "core/kpi/search.hpp"
#include "core/query/search.hpp"
#include "core/records/builder.hpp"
#include "core/time/time.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::core;
using convstat::testing::TempDir;

namespace {

std::int64_t at(const char* rfc3339) { return *parse_timestamp(rfc3339, nullptr, nullptr); }

void conversation(RecordWriter& w, const char* tenant, const char* id, const char* subject, const char* started) {
  RecordBuilder b("conversation");
  b.set("id", id).set("tenant", tenant).set("channel", "email").set("started_at", at(started));
  if (subject) b.set("subject", subject);
  w.upsert(b.finish());
}

void message(RecordWriter& w, const char* tenant, const char* id, const char* conversation_id, const char* text) {
  RecordBuilder b("message");
  b.set("id", id).set("tenant", tenant).set("conversation_id", conversation_id)
      .set("at", at("2026-03-10T10:00:00Z")).set("direction", "inbound").set("text", text);
  w.upsert(b.finish());
}

// c1 (t1): the subject "Équipe de support" and two messages; c2 (t1): a message
// about a refund; c3 (t2): "refund" in its subject; m9 (t1) of the absent c9.
struct SearchCache {
  TempDir dir;
  Cache cache{dir.file("cache.db"), OpenMode::read_write};
  SearchCache() {
    RecordWriter w(cache);
    conversation(w, "t1", "c1", "\u00c9quipe de support", "2026-03-10T09:00:00Z");
    conversation(w, "t1", "c2", nullptr, "2026-03-11T09:00:00Z");
    conversation(w, "t2", "c3", "Refund request", "2026-03-12T09:00:00Z");
    message(w, "t1", "m1", "c1", "my parcel is late");
    message(w, "t1", "m2", "c1", "still late, very late");
    message(w, "t1", "m3", "c2", "I want a refund for the late parcel");
    message(w, "t1", "m9", "c9", "orphan refund text");
    w.commit();
  }
};

std::vector<std::string> ids(const std::vector<SearchHit>& hits) {
  std::vector<std::string> out;
  for (const auto& h : hits) out.push_back(h.conversation_id);
  return out;
}

}  // namespace

TEST_CASE("search finds subjects and message texts, one hit per conversation", "[search]") {
  SearchCache s;
  const auto late = search_conversations(s.cache, "late", std::nullopt, 10);
  REQUIRE(ids(late) == std::vector<std::string>{"c1", "c2"});  // c1's "late, very late" scores higher
  CHECK(late[0].snippet == "still [late], very [late]");
  CHECK(late[0].score > late[1].score);
  CHECK(late[0].started_at == at("2026-03-10T09:00:00Z"));
  CHECK(late[0].channel == "email");
  const auto refund = search_conversations(s.cache, "refund", std::nullopt, 10);
  CHECK(ids(refund).size() == 3);  // c2 (text), c3 (subject), c9 (orphan message)
  for (const auto& h : refund)
    if (h.conversation_id == "c9") CHECK((!h.started_at && !h.channel));
  CHECK(ids(search_conversations(s.cache, "refund", std::nullopt, 1)).size() == 1);
}

TEST_CASE("search ignores diacritics and case", "[search]") {
  SearchCache s;
  const auto hits = search_conversations(s.cache, "equipe", std::nullopt, 10);
  REQUIRE(ids(hits) == std::vector<std::string>{"c1"});
  CHECK(hits[0].snippet == "[\u00c9quipe] de support");
  CHECK(ids(search_conversations(s.cache, "SUPPORT", std::nullopt, 10)) == std::vector<std::string>{"c1"});
}

TEST_CASE("search is scoped by --tenant", "[search]") {
  SearchCache s;
  CHECK(ids(search_conversations(s.cache, "refund", std::string("t2"), 10)) == std::vector<std::string>{"c3"});
  CHECK(ids(search_conversations(s.cache, "equipe", std::string("t2"), 10)).empty());
  CHECK(search_conversations(s.cache, "refund", std::string("none"), 10).empty());
}

TEST_CASE("the index follows updates and deletes", "[search]") {
  SearchCache s;
  {
    RecordWriter w(s.cache);
    conversation(w, "t1", "c1", "Billing question", "2026-03-10T09:00:00Z");  // subject replaced
    w.commit();
  }
  CHECK(ids(search_conversations(s.cache, "equipe", std::nullopt, 10)).empty());
  CHECK(ids(search_conversations(s.cache, "billing", std::nullopt, 10)) == std::vector<std::string>{"c1"});
  s.cache.db().exec("DELETE FROM messages WHERE id = 'm3'");
  CHECK(ids(search_conversations(s.cache, "parcel", std::nullopt, 10)) == std::vector<std::string>{"c1"});
}

TEST_CASE("a malformed query is a usage error with SQLite's reason", "[search]") {
  SearchCache s;
  for (const char* bad : {"\"unbalanced", "AND", "nosuchcolumn:x"}) {
    try {
      search_conversations(s.cache, bad, std::nullopt, 10);
      FAIL("no error for " << bad);
    } catch (const UsageError& e) {
      CHECK(std::string(e.what()).find("invalid search query") != std::string::npos);
    }
  }
  CHECK_THROWS_WITH(search_conversations(s.cache, "AND", std::nullopt, 10), Catch::Contains("syntax error"));
}

TEST_CASE("search options: a query is required, --limit is 1-50 (default 10)", "[search]") {
  CHECK(search_request({{"query", "refund"}}).limit == 10);
  CHECK(search_request({{"query", "refund"}, {"limit", "50"}}).limit == 50);
  CHECK_THROWS_AS(search_request({}), UsageError);
  CHECK_THROWS_AS(search_request({{"query", "  "}}), UsageError);
  for (const char* bad : {"0", "51", "-1", "ten", "5x"})
    CHECK_THROWS_AS(search_request({{"query", "refund"}, {"limit", bad}}), UsageError);
}

TEST_CASE("search results: {results: [...]} with UTC instants and ratio4 scores", "[search]") {
  SearchHit hit{"c1", "t1", 1.5, "[late]", at("2026-03-10T09:00:00Z"), std::string("email")};
  const Result r = compute_search({hit, SearchHit{"c9", "t1", 0.5, "x", std::nullopt, std::nullopt}});
  CHECK(r.main_section == "results");
  const List& results = r.root.find("results")->as_list();
  REQUIRE(results.size() == 2);
  CHECK(results[0].find("started_at")->as_string() == "2026-03-10T09:00:00Z");
  CHECK(results[0].find("score")->unit() == Unit::ratio4);
  CHECK(results[1].find("started_at")->is_null());
  CHECK(results[1].find("channel")->is_null());
}

TEST_CASE("a version 1 cache migrates to version 2 with the index backfilled", "[search][cache]") {
  TempDir dir;
  const std::string path = dir.file("v1.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (const auto& sql : schema_migrations()[0]) db.exec(sql);
    db.exec("PRAGMA user_version = 1");
    db.exec("INSERT INTO conversations (id, tenant, started_at, subject, content_hash) "
            "VALUES ('old', 'default', 0, 'Ancienne équipe', 'h')");
    db.exec("INSERT INTO messages (id, tenant, conversation_id, at, direction, text, content_hash) "
            "VALUES ('mo', 'default', 'old', 0, 'inbound', 'legacy words', 'h')");
  }
  {
    Cache read_only(path, OpenMode::read_only);
    CHECK(read_only.schema_version() == 1);
    CHECK_THROWS_AS(search_conversations(read_only, "equipe", std::nullopt, 10), LocalError);
  }
  Cache cache(path, OpenMode::read_write);
  CHECK(cache.schema_version() == Cache::k_schema_version);
  CHECK(ids(search_conversations(cache, "EQUIPE", std::nullopt, 10)) == std::vector<std::string>{"old"});
  CHECK(ids(search_conversations(cache, "legacy", std::nullopt, 10)) == std::vector<std::string>{"old"});
}
