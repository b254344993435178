#pragma once
// Small builders shared by the KPI tests: a date range read as on the command
// line, an instant, and a cache imported from a file of tests/data.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "core/cache/cache.hpp"
#include "core/import/importer.hpp"
#include "core/time/time.hpp"
#include "tests/support/temp_dir.hpp"

namespace convstat::testing {

// --from FROM --to TO (dates, inclusive) in `tz`, as of `as_of`.
inline core::TimeRange date_range(const char* from, const char* to, const core::TimeZone& tz,
                                  const char* as_of = "2026-04-01T00:00:00Z") {
  core::RangeRequest r;
  r.from = from;
  r.to = to;
  r.as_of = as_of;
  return core::resolve_range(r, tz);
}

// Epoch ms of an RFC 3339 instant written in a test.
inline std::int64_t instant(const char* rfc3339) { return *core::parse_timestamp(rfc3339, nullptr, nullptr); }

// A fresh cache holding the records of tests/data/<relative_path>.
struct ImportedCache {
  TempDir dir;
  core::Cache cache{dir.file("cache.db"), core::OpenMode::read_write};
  explicit ImportedCache(const std::string& relative_path) {
    core::ImportRequest request;
    request.files = {std::string(CONVSTAT_TEST_DATA) + "/" + relative_path};
    REQUIRE(run_import(cache, request).committed);
  }
};

}  // namespace convstat::testing
