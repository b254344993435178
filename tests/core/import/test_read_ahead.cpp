#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "core/import/read_ahead.hpp"

using namespace convstat::core;

namespace {

// An in-memory source of `count` NDJSON-like items: item i (1-based line) is a
// valid conversation "c<i>", except every `bad_every`-th, which has no
// started_at; after `throw_after` items it throws DataError.
class FakeSource : public RecordSource {
public:
  FakeSource(int count, int bad_every, int throw_after = -1)
      : m_count(count), m_bad_every(bad_every), m_throw_after(throw_after) {}

  bool next(SourceItem& item) override {
    if (m_given == m_throw_after) throw DataError("input.ndjson: unexpected end of gzip data");
    if (m_given == m_count) return false;
    ++m_given;
    item.line = m_given;
    item.error.reset();
    item.object = {{"type", "conversation"}, {"id", "c" + std::to_string(m_given)}};
    if (m_bad_every == 0 || m_given % m_bad_every != 0) item.object["started_at"] = "2026-03-02T09:15:00Z";
    item.raw = item.object.dump();
    return true;
  }
  InputFormat format() const override { return InputFormat::ndjson; }
  std::uint64_t bytes_read() const override { return static_cast<std::uint64_t>(m_given) * 10; }
  std::optional<std::uint64_t> total_bytes() const override { return std::nullopt; }
  int given() const { return m_given.load(); }

private:
  int m_count, m_bad_every, m_throw_after;
  std::atomic<int> m_given{0};
};

}  // namespace

TEST_CASE("read_ahead: items come out in input order, validated, across many small batches", "[import]") {
  FakeSource source(1000, 7);
  const RecordValidator validator;
  ReadAhead ahead(source, validator, nullptr, 3, 2);
  int expected_line = 0, valid = 0, invalid = 0;
  while (const ValidatedItem* next = ahead.next()) {
    const ValidatedItem& item = *next;
    ++expected_line;
    REQUIRE(item.line == expected_line);
    if (expected_line % 7 == 0) {
      REQUIRE_FALSE(item.record);
      REQUIRE(item.errors.size() == 1);
      CHECK(item.errors[0].field == "started_at");
      CHECK(item.raw == "{\"id\":\"c" + std::to_string(expected_line) + "\",\"type\":\"conversation\"}");
      ++invalid;
    } else {
      REQUIRE(item.record);
      CHECK(item.errors.empty());
      CHECK(item.raw.empty());  // the text of a valid record is not carried along
      CHECK(item.record->text(0) == "c" + std::to_string(expected_line));
      ++valid;
    }
    CHECK(ahead.bytes_read() >= static_cast<std::uint64_t>(expected_line) * 10);
  }
  CHECK(expected_line == 1000);
  CHECK(invalid == 142);
  CHECK(valid == 858);
  CHECK(ahead.bytes_read() == 10000);
  CHECK(ahead.next() == nullptr);  // stays at the end
}

TEST_CASE("read_ahead: a source error comes out after every item read before it", "[import]") {
  FakeSource source(100, 0, 25);
  const RecordValidator validator;
  ReadAhead ahead(source, validator, nullptr, 4, 2);
  int seen = 0;
  try {
    while (ahead.next() != nullptr) ++seen;
    FAIL("no DataError");
  } catch (const DataError& e) {
    CHECK(std::string(e.what()) == "input.ndjson: unexpected end of gzip data");
  }
  CHECK(seen == 25);
  CHECK(ahead.next() == nullptr);
}

TEST_CASE("read_ahead: the worker reads a bounded window ahead, and stops when the consumer does", "[import]") {
  FakeSource source(100000, 0);
  const RecordValidator validator;
  {
    ReadAhead ahead(source, validator, nullptr, 10, 3);
    const ValidatedItem* item = ahead.next();
    REQUIRE(item != nullptr);
    CHECK(item->line == 1);
    // let the worker fill its window: 3 queued batches, the one being handed
    // out, and the one it is blocked on - never the whole input
    for (int i = 0; i < 200 && source.given() < 50; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK(source.given() <= 50);
  }  // destroyed with the worker blocked on a full window: no hang
  CHECK(source.given() < 100000);
}

TEST_CASE("read_ahead: an empty input ends at once", "[import]") {
  FakeSource source(0, 0);
  const RecordValidator validator;
  ReadAhead ahead(source, validator, nullptr);
  CHECK(ahead.next() == nullptr);
  CHECK(ahead.bytes_read() == 0);
}
