#include "connectors/lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <thread>

#include "core/error.hpp"

namespace convstat::connectors {

SyncLock::SyncLock(const std::string& cache_path, double wait_seconds, const std::function<void()>& on_wait) {
  const std::string path = lock_path(cache_path);
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (m_fd < 0) throw core::LocalError("cannot open the sync lock '" + path + "': " + std::strerror(errno));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(wait_seconds);
  bool told = false;
  while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      const int error = errno;
      ::close(m_fd);
      throw core::LocalError("cannot lock '" + path + "': " + std::strerror(error));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      ::close(m_fd);
      std::ostringstream waited;
      waited << wait_seconds;
      throw core::LocalError("another sync is writing the cache '" + cache_path + "' (waited " + waited.str() +
                                 " s for the lock " + path + ")",
                             "try again when it ends, or wait longer with --wait SECONDS");
    }
    if (!told && on_wait) on_wait();
    told = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

SyncLock::~SyncLock() {
  if (m_fd >= 0) ::close(m_fd);  // closing the only descriptor releases the flock
}

}  // namespace convstat::connectors
