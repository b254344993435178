#pragma once
// Redaction of personal data for output: phone numbers are never printed whole.
#include <string>
#include <string_view>

namespace convstat::core {

// The decimal digits of `text`, in order ("+33 6 12-34" -> "3361234").
std::string digits_of(std::string_view text);

// "***-***-5678": the last four digits of the number's digits; a number with
// fewer than four digits shows none ("***-***-****").
std::string redact_phone(std::string_view phone);

// `text` with every e-mail address replaced by "[email]" and every phone-like
// run (optional '+', then digits with spaces, dots, dashes or parentheses
// between them; at least 9 digits; not inside a word) by its redact_phone
// form. Dates and short numbers stay (a date has 8 digits).
std::string redact_text(std::string_view text);

// True when `text` holds an e-mail address or a phone-like run (as redact_text finds them).
bool has_personal_data(std::string_view text);

// A stable stand-in for an identifier that is personal data (an e-mail used as
// a contact_id): "redacted-" and 16 hex digits of its SHA-256, so equal ids
// stay equal and distinct ids distinct.
std::string pseudonym(std::string_view id);

}  // namespace convstat::core
