#include "core/kpi/options.hpp"

#include <charconv>

#include "core/error.hpp"

namespace convstat::core {

std::int64_t bounded_option(const std::map<std::string, std::string>& options, const std::string& name,
                            std::int64_t fallback, std::int64_t low, std::int64_t high, const std::string& bounds) {
  const auto it = options.find(name);
  if (it == options.end()) return fallback;
  const std::string& text = it->second;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < low || value > high)
    throw UsageError("invalid --" + name + " '" + text + "' (expected " + bounds + ")");
  return value;
}

}  // namespace convstat::core
