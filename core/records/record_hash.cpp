#include "core/records/record_hash.hpp"

#include <charconv>

#include "core/util/sha256.hpp"

namespace convstat::core {

std::string content_hash(const Record& record) {
  // Each cell as tag + value; strings length-prefixed so no two forms collide.
  std::string canonical(record.type->name);
  canonical += '\n';
  char buf[64];
  for (const Cell& cell : record.cells) {
    if (std::holds_alternative<std::int64_t>(cell)) {
      canonical += 'i';
      canonical += std::to_string(std::get<std::int64_t>(cell));
    } else if (std::holds_alternative<double>(cell)) {
      canonical += 'd';
      canonical.append(buf, std::to_chars(buf, buf + sizeof buf, std::get<double>(cell)).ptr);
    } else if (std::holds_alternative<std::string>(cell)) {
      const auto& s = std::get<std::string>(cell);
      canonical += 's' + std::to_string(s.size()) + ':';
      canonical += s;
    } else {
      canonical += 'n';
    }
    canonical += ';';
  }
  canonical += 'x' + std::to_string(record.extra_json.size()) + ':';
  canonical += record.extra_json;
  return sha256_hex(canonical);
}

}  // namespace convstat::core
