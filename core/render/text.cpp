#include "core/render/text.hpp"

#include <algorithm>

#include "core/util/suggest.hpp"

namespace convstat::core::render {

namespace {

// Bytes of a sequence led by `lead`, its payload bits, and the smallest code
// point it may encode (anything below is overlong); length 0 for a bad lead.
struct Lead {
  std::size_t length;
  char32_t bits;
  char32_t minimum;
};

Lead classify_lead(unsigned char lead) {
  if ((lead & 0xE0) == 0xC0) return {2, static_cast<char32_t>(lead & 0x1F), 0x80};
  if ((lead & 0xF0) == 0xE0) return {3, static_cast<char32_t>(lead & 0x0F), 0x800};
  if ((lead & 0xF8) == 0xF0) return {4, static_cast<char32_t>(lead & 0x07), 0x10000};
  return {0, 0, 0};
}

}  // namespace

CodePoint decode_utf8(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  if (byte(pos) < 0x80) return {byte(pos), 1};
  const Lead lead = classify_lead(byte(pos));
  if (lead.length == 0 || pos + lead.length > text.size()) return {k_replacement_char, 1};
  char32_t cp = lead.bits;
  for (std::size_t i = 1; i < lead.length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return {k_replacement_char, 1};
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  if (cp < lead.minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {k_replacement_char, 1};
  return {cp, lead.length};
}

void append_utf8(std::string& out, char32_t cp) {
  const auto put = [&](char32_t bits) { out.push_back(static_cast<char>(bits)); };
  if (cp < 0x80) {
    put(cp);
  } else if (cp < 0x800) {
    put(0xC0 | (cp >> 6));
    put(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    put(0xE0 | (cp >> 12));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  } else {
    put(0xF0 | (cp >> 18));
    put(0x80 | ((cp >> 12) & 0x3F));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  }
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint cp = decode_utf8(text, pos);
    width += static_cast<std::size_t>(code_point_width(cp.value));
    pos += cp.length;
  }
  return width;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  std::string out;
  std::size_t used = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint cp = decode_utf8(text, pos);
    const auto cp_width = static_cast<std::size_t>(code_point_width(cp.value));
    if (used + cp_width > width - 1) break;  // leave one column for the ellipsis
    out.append(text.substr(pos, cp.length));
    used += cp_width;
    pos += cp.length;
  }
  return out + "\u2026";
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint cp = decode_utf8(text, pos);
    if (cp.value == k_replacement_char) append_utf8(out, cp.value);
    else out.append(text.substr(pos, cp.length));
    pos += cp.length;
  }
  return out;
}

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint cp = decode_utf8(text, pos);
    if (cp.value == U'\t' || cp.value == U'\n' || cp.value == U'\r' || cp.value == U'\v' || cp.value == U'\f')
      out.push_back(' ');
    else if (cp.value < 0x20 || (cp.value >= 0x7F && cp.value < 0xA0) || cp.value == k_replacement_char)
      append_utf8(out, k_replacement_char);
    else
      out.append(text.substr(pos, cp.length));
    pos += cp.length;
  }
  return out;
}

std::optional<std::string> closest_name(std::string_view name, const std::vector<std::string>& candidates) {
  const std::size_t limit = std::clamp<std::size_t>(name.size() / 2, 1, 3);
  const std::string* best = nullptr;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(name, candidate);
    if (distance < best_distance) {
      best = &candidate;
      best_distance = distance;
    }
  }
  if (best) return *best;
  const auto prefixed = [&](const std::string& c) { return !name.empty() && c.starts_with(name); };
  if (std::count_if(candidates.begin(), candidates.end(), prefixed) == 1)
    return *std::find_if(candidates.begin(), candidates.end(), prefixed);
  return std::nullopt;
}

}  // namespace convstat::core::render
