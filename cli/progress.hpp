#pragma once
// A one-line progress bar on stderr, drawn only on a terminal and at most
// ten times a second; silent otherwise.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace convstat::cli {

class ProgressBar {
public:
  explicit ProgressBar(bool enabled) : m_enabled(enabled) {}
  ~ProgressBar() { finish(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Redraws "label [#####.....] 42% detail" (no bar when total is unknown).
  void update(const std::string& label, std::uint64_t done, std::optional<std::uint64_t> total,
              const std::string& detail);
  // Clears the line.
  void finish();

private:
  bool m_enabled;
  bool m_drawn = false;
  std::chrono::steady_clock::time_point m_last{};
};

}  // namespace convstat::cli
