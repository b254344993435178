#include "core/util/redact.hpp"

namespace convstat::core {

std::string digits_of(std::string_view text) {
  std::string digits;
  for (const char c : text)
    if (c >= '0' && c <= '9') digits.push_back(c);
  return digits;
}

std::string redact_phone(std::string_view phone) {
  const std::string digits = digits_of(phone);
  return "***-***-" + (digits.size() < 4 ? std::string("****") : digits.substr(digits.size() - 4));
}

}  // namespace convstat::core
