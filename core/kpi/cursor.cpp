#include "core/kpi/cursor.hpp"

#include <array>
#include <charconv>

#include "core/error.hpp"

namespace convstat::core {
namespace {

constexpr char k_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr char k_version[] = "convstat-day-cursor-v1";

int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  return c == '_' ? 63 : -1;
}

// The text a cursor encodes, before its offset.
std::string listing_of(const std::string& command, const TimeRange& range, const TimeZone& tz) {
  return std::string(k_version) + "\n" + command + "\n" + std::to_string(range.from_ms) + "\n" +
         std::to_string(range.to_ms) + "\n" + tz.name() + "\n";
}

[[noreturn]] void invalid_cursor() {
  throw UsageError("Invalid cursor", "pass the next_cursor of the same command, range and --tz");
}

}  // namespace

std::string base64url_encode(const std::string& bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += k_alphabet[(buffer >> bits) & 0x3F];
    }
  }
  if (bits > 0) out += k_alphabet[(buffer << (6 - bits)) & 0x3F];
  return out;
}

bool base64url_decode(const std::string& text, std::string& bytes) {
  std::string body = text;
  while (!body.empty() && body.back() == '=') body.pop_back();
  if (body.size() % 4 == 1) return false;
  bytes.clear();
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : body) {
    const int v = sextet(c);
    if (v < 0) return false;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return (buffer & ((1u << bits) - 1)) == 0;  // no stray bits: one text per byte string
}

std::string encode_day_cursor(const std::string& command, const TimeRange& range, const TimeZone& tz,
                              std::int64_t offset) {
  return base64url_encode(listing_of(command, range, tz) + std::to_string(offset));
}

std::int64_t decode_day_cursor(const std::string& cursor, const std::string& command, const TimeRange& range,
                               const TimeZone& tz) {
  std::string text;
  if (!base64url_decode(cursor, text)) invalid_cursor();
  const std::string listing = listing_of(command, range, tz);
  if (text.compare(0, listing.size(), listing) != 0) invalid_cursor();
  const char* begin = text.data() + listing.size();
  const char* end = text.data() + text.size();
  std::int64_t offset = 0;
  const auto [stop, ec] = std::from_chars(begin, end, offset);
  if (ec != std::errc() || stop != end || *begin == '0' || offset < 1 ||
      offset >= range.day_count())
    invalid_cursor();
  return offset;
}

}  // namespace convstat::core
