#pragma once
// Helpers for the [import] tests: files written into a TempDir.
#include <zlib.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>

namespace convstat::testing {

inline void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Writes `text` gzip-compressed (zlib's gzwrite) to `path`.
inline void write_gzip(const std::string& path, const std::string& text) {
  gzFile file = gzopen(path.c_str(), "wb");
  if (file == nullptr) throw std::runtime_error("cannot write " + path);
  const int written = gzwrite(file, text.data(), static_cast<unsigned>(text.size()));
  gzclose(file);
  if (written != static_cast<int>(text.size())) throw std::runtime_error("gzwrite failed for " + path);
}

}  // namespace convstat::testing
