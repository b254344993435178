#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <filesystem>
#include <system_error>

#include "core/error.hpp"
#include "core/render/render.hpp"

namespace convstat::core {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void throw_write_error(const std::string& path, int error) {
  throw LocalError("cannot write '" + path + "': " + std::generic_category().message(error));
}

// Creates a new temporary file next to `target`; returns its descriptor and
// fills `temp_path`. Throws LocalError when none can be created.
int create_temp(const fs::path& target, const std::string& path, std::string& temp_path) {
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0; attempt < 100; ++attempt) {
    const std::string name = "." + target.filename().string() + ".tmp." + std::to_string(::getpid()) + "." +
                             std::to_string(counter++);
    temp_path = (target.parent_path() / name).string();
    const int fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) return fd;
    if (errno != EEXIST) throw_write_error(path, errno);
  }
  throw_write_error(path, EEXIST);
}

// Writes all of `content` to `fd`; returns 0 or the errno of the failure.
int write_all(int fd, std::string_view content) {
  for (std::size_t done = 0; done < content.size();) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n >= 0) done += static_cast<std::size_t>(n);
    else if (errno != EINTR) return errno;
  }
  return 0;
}

// Makes the rename in `folder` durable. Filesystems that cannot fsync a folder are accepted.
void sync_folder(const fs::path& folder, const std::string& path) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw_write_error(path, errno);
  const int error = ::fsync(fd) == 0 ? 0 : errno;
  ::close(fd);
  if (error != 0 && error != EINVAL && error != ENOTSUP) throw_write_error(path, error);
}

}  // namespace

AtomicFile::AtomicFile(const std::string& path) : m_path(path) {
  if (path.empty()) throw_write_error(path, ENOENT);
  fs::path target(path);
  if (!target.has_parent_path()) target = fs::path(".") / target;
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) throw_write_error(path, ec.value());
  m_target = target.string();
  m_fd = create_temp(target, path, m_temp_path);
}

AtomicFile::~AtomicFile() {
  if (m_fd < 0) return;
  ::close(m_fd);
  ::unlink(m_temp_path.c_str());
}

void AtomicFile::write(std::string_view data) {
  if (m_fd < 0) throw_write_error(m_path, EBADF);
  if (const int error = write_all(m_fd, data); error != 0) fail(error);
}

void AtomicFile::commit() {
  if (m_fd < 0) throw_write_error(m_path, EBADF);
  if (::fsync(m_fd) != 0) fail(errno);
  const int fd = m_fd;
  m_fd = -1;
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(m_temp_path.c_str());
    throw_write_error(m_path, error);
  }
  if (::rename(m_temp_path.c_str(), m_target.c_str()) != 0) {
    const int error = errno;
    ::unlink(m_temp_path.c_str());
    throw_write_error(m_path, error);
  }
  sync_folder(fs::path(m_target).parent_path(), m_path);
}

void AtomicFile::fail(int error) {
  ::close(m_fd);
  m_fd = -1;
  ::unlink(m_temp_path.c_str());
  throw_write_error(m_path, error);
}

void write_file_atomic(const std::string& path, std::string_view content) {
  AtomicFile file(path);
  file.write(content);
  file.commit();
}

}  // namespace convstat::core
