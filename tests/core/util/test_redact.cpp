// Phone redaction: only the last four digits ever leave convstat.
#include <catch2/catch.hpp>

#include "core/util/redact.hpp"

using namespace convstat::core;

TEST_CASE("digits_of keeps the decimal digits in order", "[redact]") {
  CHECK(digits_of("+33 (6) 12-34 56.78") == "33612345678");
  CHECK(digits_of("no digits") == "");
  CHECK(digits_of("\u0663\u0664 12") == "12");  // Arabic-Indic digits are not ASCII digits
}

TEST_CASE("redact_phone shows the last four digits, or none of a short number", "[redact]") {
  CHECK(redact_phone("+33 6 12 34 56 78") == "***-***-5678");
  CHECK(redact_phone("5678") == "***-***-5678");
  CHECK(redact_phone("123") == "***-***-****");
  CHECK(redact_phone("") == "***-***-****");
}
