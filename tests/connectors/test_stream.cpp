// The watermark paging of connectors/stream.cpp on a real SQLite cache, with
// an in-memory source that serves rows by keyset like the postgres one.
#include <catch2/catch.hpp>

#include <algorithm>

#include "connectors/stream.hpp"
#include "connectors/sync_state.hpp"
#include "core/error.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::connectors;
using convstat::core::Cache;
using convstat::core::OpenMode;
using convstat::testing::TempDir;

namespace {

// Rows ordered by (updated_at, id) text; serves those after the watermark,
// counts every row it serves, and can fail on its Nth call.
class FakeSource : public PageSource {
public:
  explicit FakeSource(int count) {
    for (int i = 0; i < count; ++i) {
      const std::string id = "c" + std::to_string(100 + i);
      const std::string updated = "2026-03-0" + std::to_string(1 + i % 3) + " 00:00:00+00";  // ties on purpose
      rows.push_back({nlohmann::json{{"id", id}, {"started_at", "2026-03-01T00:00:00Z"}, {"channel", "chat"}}, updated, id});
    }
    std::sort(rows.begin(), rows.end(), [](const SourceRow& a, const SourceRow& b) {
      return std::tie(a.updated_at, a.id) < std::tie(b.updated_at, b.id);
    });
  }
  std::vector<SourceRow> next_page(const std::optional<Watermark>& after, std::int64_t limit) override {
    if (++calls == fail_on_call) throw convstat::core::BackendError("connection lost");
    std::vector<SourceRow> page;
    for (const SourceRow& r : rows)
      if ((!after || std::tie(r.updated_at, r.id) > std::tie(after->updated_at, after->id)) &&
          static_cast<std::int64_t>(page.size()) < limit)
        page.push_back(r);
    served += static_cast<int>(page.size());
    return page;
  }
  std::vector<SourceRow> rows;
  int calls = 0, fail_on_call = -1, served = 0;
};

const convstat::core::RecordType& conversation() { return *convstat::core::find_record_type("conversation"); }

std::int64_t count(Cache& cache) { return cache.db().execAndGet("SELECT count(*) FROM conversations").getInt64(); }

}  // namespace

TEST_CASE("stream: pages in keyset order, the watermark at the last row, nothing read again", "[connectors][stream]") {
  TempDir dir;
  Cache cache(dir.file("c.db"), OpenMode::read_write);
  FakeSource source(10);
  const StreamResult r = sync_stream(cache, "pg", "conversations", conversation(), source, 3);
  CHECK(r.records == 10);
  CHECK(r.pages == 4);
  CHECK(r.counts.inserted == 10);
  CHECK(count(cache) == 10);
  const auto mark = load_watermark(cache.db(), "pg", "conversations");
  REQUIRE(mark);
  CHECK(mark->updated_at == source.rows.back().updated_at);
  CHECK(mark->id == source.rows.back().id);
  CHECK(mark->records == 10);
  const StreamResult again = sync_stream(cache, "pg", "conversations", conversation(), source, 3);
  CHECK(again.records == 0);
  CHECK(again.pages == 0);
  CHECK(source.served == 10);
}

TEST_CASE("stream: a failure mid-stream keeps the committed pages; the next run resumes exactly", "[connectors][stream]") {
  TempDir dir;
  Cache cache(dir.file("c.db"), OpenMode::read_write);
  FakeSource source(10);
  source.fail_on_call = 3;  // pages 1 and 2 commit, the third request fails
  CHECK_THROWS_AS(sync_stream(cache, "pg", "conversations", conversation(), source, 3), convstat::core::BackendError);
  CHECK(count(cache) == 6);
  CHECK(load_watermark(cache.db(), "pg", "conversations")->records == 6);
  source.fail_on_call = -1;
  const StreamResult r = sync_stream(cache, "pg", "conversations", conversation(), source, 3);
  CHECK(r.records == 4);
  CHECK(count(cache) == 10);
  CHECK(source.served == 10);  // every row served exactly once over both runs
}

TEST_CASE("stream: an invalid row names stream, id and field; its page is not written", "[connectors][stream]") {
  TempDir dir;
  Cache cache(dir.file("c.db"), OpenMode::read_write);
  FakeSource source(10);
  source.rows[7].object["priority"] = "critical";
  try {
    sync_stream(cache, "pg", "conversations", conversation(), source, 3);
    FAIL("an invalid row must throw");
  } catch (const convstat::core::DataError& e) {
    CHECK_THAT(e.what(), Catch::Contains("conversations: id " + source.rows[7].id + ": priority:"));
  }
  CHECK(count(cache) == 6);
  CHECK(load_watermark(cache.db(), "pg", "conversations")->id == source.rows[5].id);
}

TEST_CASE("stream: records and watermark are one transaction - no watermark, no records", "[connectors][stream]") {
  TempDir dir;
  Cache cache(dir.file("c.db"), OpenMode::read_write);
  // the watermark write fails inside the page's transaction
  cache.db().exec("CREATE TRIGGER injected BEFORE INSERT ON sync_streams BEGIN SELECT RAISE(ABORT, 'injected'); END");
  FakeSource source(5);
  CHECK_THROWS_WITH(sync_stream(cache, "pg", "conversations", conversation(), source, 3), Catch::Contains("injected"));
  CHECK(count(cache) == 0);
}
