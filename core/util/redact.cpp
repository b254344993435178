#include "core/util/redact.hpp"

#include <utility>
#include <vector>

#include "core/util/sha256.hpp"

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

namespace convstat::core {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_word(char c) { return is_digit(c) || is_alpha(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80; }
bool is_utf8_byte(char c) { return static_cast<unsigned char>(c) >= 0x80; }  // internationalised addresses
bool is_local_part(char c) {
  return is_digit(c) || is_alpha(c) || is_utf8_byte(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_domain_part(char c) { return is_digit(c) || is_alpha(c) || is_utf8_byte(c) || c == '.' || c == '-'; }
bool is_phone_separator(char c) { return c == ' ' || c == '.' || c == '-' || c == '(' || c == ')'; }

constexpr std::size_t k_min_phone_digits = 9;

// The e-mail address around the '@' at `at`: [begin, end), or begin == end when none.
std::pair<std::size_t, std::size_t> email_around(std::string_view text, std::size_t at) {
  std::size_t begin = at, end = at + 1;
  while (begin > 0 && is_local_part(text[begin - 1])) --begin;
  while (end < text.size() && is_domain_part(text[end])) ++end;
  while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;  // "a@b.com." ends a sentence
  const std::string_view domain = text.substr(at + 1, end - at - 1);
  const auto dot = domain.rfind('.');
  const bool valid = begin < at && dot != std::string_view::npos && dot > 0 && domain.size() - dot - 1 >= 2;
  return valid ? std::make_pair(begin, end) : std::make_pair(at, at);
}

// The phone-like run starting at `begin` ('+', '(' or a digit not inside a
// word): its end, or `begin` when it has too few digits.
std::size_t phone_run_end(std::string_view text, std::size_t begin) {
  std::size_t i = begin, digits = 0, last_digit_end = begin;
  if (text[i] == '+') ++i;
  for (; i < text.size(); ++i) {
    if (is_digit(text[i])) {
      ++digits;
      last_digit_end = i + 1;
    } else if (!is_phone_separator(text[i])) {
      break;
    }
  }
  if (last_digit_end < text.size() && is_word(text[last_digit_end])) return begin;  // "123456789abc"
  return digits >= k_min_phone_digits ? last_digit_end : begin;
}

struct Span {
  std::size_t begin, end;
  bool email;
};

// The phone-like runs of text[from, to).
void phone_spans(std::string_view text, std::size_t from, std::size_t to, std::vector<Span>& out) {
  for (std::size_t i = from; i < to;) {
    const char c = text[i];
    const bool starts = (c == '+' || c == '(' || is_digit(c)) && (i == 0 || !is_word(text[i - 1]));
    const std::size_t end = starts ? phone_run_end(text.substr(0, to), i) : i;
    if (end != i) {
      out.push_back({i, end, false});
      i = end;
    } else {
      ++i;
    }
  }
}

// Every personal-data span, left to right: e-mail addresses first, then the
// phone-like runs between them.
std::vector<Span> personal_data(std::string_view text) {
  std::vector<Span> emails, spans;
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    const auto [begin, end] = email_around(text, at);
    if (begin == end || (!emails.empty() && begin < emails.back().end)) continue;
    emails.push_back({begin, end, true});
    at = end - 1;
  }
  std::size_t from = 0;
  for (const Span& e : emails) {
    phone_spans(text, from, e.begin, spans);
    spans.push_back(e);
    from = e.end;
  }
  phone_spans(text, from, text.size(), spans);
  return spans;
}

}  // namespace

std::string redact_text(std::string_view text) {
  std::string out;
  std::size_t copied = 0;
  for (const Span& span : personal_data(text)) {
    out.append(text.substr(copied, span.begin - copied));
    out += span.email ? std::string("[email]") : redact_phone(text.substr(span.begin, span.end - span.begin));
    copied = span.end;
  }
  out.append(text.substr(copied));
  return out;
}

bool has_personal_data(std::string_view text) { return !personal_data(text).empty(); }

std::string pseudonym(std::string_view id) { return "redacted-" + sha256_hex(id).substr(0, 16); }

}  // namespace convstat::core
