#include "cli/progress.hpp"

#include <cstdio>

namespace convstat::cli {

void ProgressBar::update(const std::string& label, std::uint64_t done, std::optional<std::uint64_t> total,
                         const std::string& detail) {
  if (!m_enabled) return;
  const auto now = std::chrono::steady_clock::now();
  if (m_drawn && now - m_last < std::chrono::milliseconds(100)) return;
  m_last = now;
  constexpr int k_width = 30;
  std::string line = "\r\033[K" + label + " ";
  if (total && *total > 0) {
    const double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(*total));
    const int filled = static_cast<int>(fraction * k_width);
    line += "[" + std::string(static_cast<size_t>(filled), '#') + std::string(static_cast<size_t>(k_width - filled), '.') +
            "] " + std::to_string(static_cast<int>(fraction * 100)) + "% ";
  }
  line += detail;
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  m_drawn = true;
}

void ProgressBar::finish() {
  if (!m_drawn) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  m_drawn = false;
}

}  // namespace convstat::cli
