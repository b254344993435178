#pragma once
// The sync lock: two syncs of one cache never interleave. An exclusive
// flock(2) on "<cache>.lock" beside the cache, held for the whole sync; the
// kernel drops it when the process ends however it ends (SIGKILL included),
// so a crashed sync never leaves a stale lock. The file itself stays.
#include <functional>
#include <string>

namespace convstat::connectors {

class SyncLock {
public:
  // Takes the lock of the cache at `cache_path`, waiting up to `wait_seconds`
  // (0: not at all), polling every 100 ms; `on_wait` is called once when the
  // lock is busy. Throws LocalError when it is still held after the wait, or
  // when the lock file cannot be created.
  SyncLock(const std::string& cache_path, double wait_seconds, const std::function<void()>& on_wait = {});
  ~SyncLock();
  SyncLock(const SyncLock&) = delete;
  SyncLock& operator=(const SyncLock&) = delete;

  // "<cache>.lock".
  static std::string lock_path(const std::string& cache_path) { return cache_path + ".lock"; }

private:
  int m_fd = -1;
};

}  // namespace convstat::connectors
