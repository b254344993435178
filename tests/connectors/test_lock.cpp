#include <catch2/catch.hpp>

#include <chrono>

#include "connectors/lock.hpp"
#include "core/error.hpp"
#include "tests/support/temp_dir.hpp"

using convstat::connectors::SyncLock;
using convstat::testing::TempDir;

TEST_CASE("sync lock: a second holder waits, then fails with exit 5; free again once released", "[connectors][lock]") {
  TempDir dir;
  const std::string cache = dir.file("c.db");
  auto first = std::make_unique<SyncLock>(cache, 0);
  bool told = false;
  const auto start = std::chrono::steady_clock::now();
  try {
    SyncLock second(cache, 0.3, [&] { told = true; });
    FAIL("the lock is held");
  } catch (const convstat::core::LocalError& e) {
    CHECK_THAT(e.what(), Catch::Contains("another sync is writing the cache"));
  }
  CHECK(told);
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(300));
  first.reset();
  CHECK_NOTHROW(SyncLock(cache, 0));
}
