#pragma once
// UTF-8 text helpers for the renderers: decoding, terminal display width,
// truncation with an ellipsis, and "did you mean" name matching.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace convstat::core::render {

inline constexpr char32_t k_replacement_char = U'\uFFFD';

// One code point decoded from UTF-8 and the bytes it took. An invalid,
// overlong, surrogate or truncated sequence decodes as U+FFFD of length 1.
struct CodePoint {
  char32_t value;
  std::size_t length;
};
CodePoint decode_utf8(std::string_view text, std::size_t pos);
// Appends the UTF-8 encoding of `cp` (a valid scalar value) to `out`.
void append_utf8(std::string& out, char32_t cp);

// Columns a code point takes in a terminal: 0 for combining marks (including
// Indic vowel signs and viramas), format characters and controls, 2 for East
// Asian wide and fullwidth characters (CJK, emoji), else 1.
int code_point_width(char32_t cp);
// Sum of code_point_width over the code points of `text`.
std::size_t display_width(std::string_view text);
// `text` cut to at most `width` columns; a cut text ends with "…" (U+2026).
std::string truncate_to_width(std::string_view text, std::size_t width);

// `text` with invalid UTF-8 replaced by U+FFFD, and nothing else changed.
std::string valid_utf8(std::string_view text);
// `text` safe for one terminal line: valid_utf8, whitespace controls (tab,
// newlines) become a space, other C0/C1 controls and DEL (escape sequences) U+FFFD.
std::string terminal_safe(std::string_view text);

// The candidate closest to `name` by edit distance (or the only candidate it
// is a prefix of), if close enough to suggest; nullopt otherwise.
std::optional<std::string> closest_name(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace convstat::core::render
