#include "core/hot/hot_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <utility>

namespace convstat::core {
namespace {

constexpr char k_magic[8] = {'C', 'S', 'H', 'O', 'T', '0', '0', '1'};
constexpr std::size_t k_align = 64;

std::size_t aligned(std::size_t n) { return (n + k_align - 1) / k_align * k_align; }

bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool write_padding(int fd, std::size_t from, std::size_t to) {
  static const char zeros[k_align] = {};
  return write_all(fd, zeros, to - from);
}

// Removes "<path>.tmp.<pid>" files whose writer is gone (killed mid-write):
// each is as large as the file itself.
void remove_abandoned_temporaries(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const std::string prefix = target.filename().string() + ".tmp.";
  std::error_code ec;
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    const auto pid = static_cast<pid_t>(std::stol(digits));
    if (pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) fs::remove(entry.path(), ec);
  }
}

}  // namespace

// Layout: magic, u64 stamp length, stamp, u64 section count, (u64 offset,
// u64 size) per section, each section at a 64-byte boundary.
bool write_section_file(const std::string& path, std::string_view stamp,
                        const std::vector<std::string_view>& sections) {
  std::string head(k_magic, sizeof k_magic);
  const auto put = [&head](std::uint64_t v) { head.append(reinterpret_cast<const char*>(&v), sizeof v); };
  put(stamp.size());
  head += stamp;
  head.resize((head.size() + 7) / 8 * 8, '\0');
  put(sections.size());
  std::size_t offset = aligned(head.size() + sections.size() * 16);
  for (const std::string_view s : sections) {
    put(offset);
    put(s.size());
    offset = aligned(offset + s.size());
  }
  remove_abandoned_temporaries(path);
  const std::string temp = path + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  bool ok = write_all(fd, head.data(), head.size()) && write_padding(fd, head.size(), aligned(head.size()));
  std::size_t at = aligned(head.size());
  for (const std::string_view s : sections) {
    if (!ok) break;
    ok = write_all(fd, s.data(), s.size()) && write_padding(fd, at + s.size(), aligned(at + s.size()));
    at = aligned(at + s.size());
  }
  ok = ::close(fd) == 0 && ok;
  if (ok) ok = std::rename(temp.c_str(), path.c_str()) == 0;
  if (!ok) ::unlink(temp.c_str());
  return ok;
}

SectionFile::SectionFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || st.st_size < 32) {
    ::close(fd);
    return;
  }
  m_size = static_cast<std::size_t>(st.st_size);
  void* map = ::mmap(nullptr, m_size, PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return;
  m_data = static_cast<const char*>(map);
  const auto u64_at = [this](std::size_t at, std::uint64_t& v) {
    if (at + sizeof v > m_size) return false;
    std::memcpy(&v, m_data + at, sizeof v);
    return true;
  };
  std::uint64_t stamp_size = 0, count = 0;
  if (std::memcmp(m_data, k_magic, sizeof k_magic) != 0 || !u64_at(8, stamp_size) || stamp_size > m_size) {
    reset();
    return;
  }
  m_stamp = std::string_view(m_data + 16, stamp_size);
  std::size_t at = (16 + stamp_size + 7) / 8 * 8;
  if (!u64_at(at, count) || count > m_size / 16) {
    reset();
    return;
  }
  at += 8;
  for (std::uint64_t i = 0; i < count; ++i, at += 16) {
    std::uint64_t offset = 0, size = 0;
    if (!u64_at(at, offset) || !u64_at(at + 8, size) || offset % 8 != 0 || offset > m_size ||
        size > m_size - offset) {
      reset();
      return;
    }
    m_sections.emplace_back(m_data + offset, size);
  }
}

SectionFile::~SectionFile() { reset(); }

SectionFile::SectionFile(SectionFile&& other) noexcept { *this = std::move(other); }

SectionFile& SectionFile::operator=(SectionFile&& other) noexcept {
  if (this != &other) {
    reset();
    m_data = std::exchange(other.m_data, nullptr);
    m_size = std::exchange(other.m_size, 0);
    m_stamp = std::exchange(other.m_stamp, {});
    m_sections = std::move(other.m_sections);
    other.m_sections.clear();
  }
  return *this;
}

void SectionFile::reset() {
  if (m_data) ::munmap(const_cast<char*>(m_data), m_size);
  m_data = nullptr;
  m_size = 0;
  m_stamp = {};
  m_sections.clear();
}

}  // namespace convstat::core
