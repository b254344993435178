#pragma once
// A file of numbered byte sections (8-byte aligned arrays) behind a short
// text stamp, written atomically and read through a read-only memory map:
// the container of the hot columns (core/hot/hot_columns.hpp).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace convstat::core {

// Writes `sections` in order after `stamp` to a temporary file beside `path`,
// then renames it over `path`. False (and no file left behind) when any step
// fails: the hot columns are a copy, never the only one.
bool write_section_file(const std::string& path, std::string_view stamp,
                        const std::vector<std::string_view>& sections);

// A section file mapped read-only. Empty (valid() false) when the file is
// absent, too short, not of this format or its directory points outside it.
class SectionFile {
public:
  SectionFile() = default;
  explicit SectionFile(const std::string& path);
  ~SectionFile();
  SectionFile(SectionFile&& other) noexcept;
  SectionFile& operator=(SectionFile&& other) noexcept;
  SectionFile(const SectionFile&) = delete;
  SectionFile& operator=(const SectionFile&) = delete;

  bool valid() const { return m_data != nullptr; }
  std::string_view stamp() const { return m_stamp; }
  std::size_t section_count() const { return m_sections.size(); }
  // The bytes of section i (i < section_count()).
  std::string_view section(std::size_t i) const { return m_sections[i]; }

private:
  void reset();
  const char* m_data = nullptr;
  std::size_t m_size = 0;
  std::string_view m_stamp;
  std::vector<std::string_view> m_sections;
};

}  // namespace convstat::core
