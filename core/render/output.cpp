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

// Writes all of `content` to `fd`, then fsyncs and closes it; returns 0 or the errno of the first failure.
int write_and_close(int fd, std::string_view content) {
  int error = 0;
  for (std::size_t done = 0; done < content.size() && error == 0;) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n >= 0) done += static_cast<std::size_t>(n);
    else if (errno != EINTR) error = errno;
  }
  if (error == 0 && ::fsync(fd) != 0) error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  return error;
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

void write_file_atomic(const std::string& path, std::string_view content) {
  if (path.empty()) throw_write_error(path, ENOENT);
  fs::path target(path);
  if (!target.has_parent_path()) target = fs::path(".") / target;
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) throw_write_error(path, ec.value());
  std::string temp_path;
  const int fd = create_temp(target, path, temp_path);
  int error = write_and_close(fd, content);
  if (error == 0 && ::rename(temp_path.c_str(), target.c_str()) != 0) error = errno;
  if (error != 0) {
    ::unlink(temp_path.c_str());
    throw_write_error(path, error);
  }
  sync_folder(target.parent_path(), path);
}

}  // namespace convstat::core
