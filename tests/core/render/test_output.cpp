// write_file_atomic: temp file + fsync + rename, no temp left behind, LocalError on failure.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/render/render.hpp"

using namespace convstat::core;
namespace fs = std::filesystem;

namespace {

// A fresh, empty folder removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    const std::string name = "convstat-render-" + std::to_string(::getpid()) + "-" + std::to_string(s_next++);
    path = fs::temp_directory_path() / name;
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  static inline int s_next = 0;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("write_file_atomic writes, replaces and leaves no temporary file", "[render]") {
  TempDir dir;
  const std::string path = (dir.path / "report.csv").string();
  write_file_atomic(path, "a,b\r\n1,2\r\n");
  CHECK(read_file(path) == "a,b\r\n1,2\r\n");
  write_file_atomic(path, "new");
  CHECK(read_file(path) == "new");
  write_file_atomic(path, "");
  CHECK(read_file(path).empty());
  CHECK(entries(dir.path) == std::vector<std::string>{"report.csv"});
}

TEST_CASE("write_file_atomic creates parent folders; mode is 0644 less the umask", "[render]") {
  TempDir dir;
  const fs::path path = dir.path / "reports" / "2026" / "out.json";
  const mode_t old_mask = ::umask(022);
  write_file_atomic(path.string(), "{}\n");
  ::umask(old_mask);
  CHECK(read_file(path) == "{}\n");
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0644);
}

TEST_CASE("write_file_atomic fails with LocalError when the parent is a regular file", "[render]") {
  // A file as parent folder fails for root too (permissions would not).
  TempDir dir;
  write_file_atomic((dir.path / "plain").string(), "x");
  const std::string path = (dir.path / "plain" / "out.csv").string();
  try {
    write_file_atomic(path, "data");
    FAIL("no error");
  } catch (const LocalError& e) {
    CHECK(std::string(e.what()) == "cannot write '" + path + "': Not a directory");
    CHECK(e.code() == ExitCode::local);
  }
  CHECK(entries(dir.path) == std::vector<std::string>{"plain"});
  CHECK(read_file(dir.path / "plain") == "x");
}

TEST_CASE("write_file_atomic onto a folder fails and removes its temporary file", "[render]") {
  TempDir dir;
  fs::create_directories(dir.path / "target" / "inside");
  const std::string path = (dir.path / "target").string();
  CHECK_THROWS_AS(write_file_atomic(path, "data"), LocalError);
  CHECK(entries(dir.path) == std::vector<std::string>{"target"});
  CHECK(entries(dir.path / "target") == std::vector<std::string>{"inside"});
}

TEST_CASE("write_file_atomic fails in a read-only folder (not as root)", "[render]") {
  if (::geteuid() == 0) return;  // root ignores permissions; the regular-file parent case covers failure
  TempDir dir;
  fs::create_directories(dir.path / "ro");
  fs::permissions(dir.path / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  const std::string path = (dir.path / "ro" / "out.csv").string();
  CHECK_THROWS_WITH(write_file_atomic(path, "data"), "cannot write '" + path + "': Permission denied");
  fs::permissions(dir.path / "ro", fs::perms::owner_all);
  CHECK(entries(dir.path / "ro").empty());
}
