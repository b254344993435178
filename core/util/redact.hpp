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

}  // namespace convstat::core
