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

TEST_CASE("redact_text replaces e-mail addresses and phone-like runs, keeps dates and ids", "[redact]") {
  CHECK(redact_text("Call me on +33 6 12 34 56 78 or mail jane.doe+x@example.co.uk.") ==
        "Call me on ***-***-5678 or mail [email].");
  CHECK(redact_text("(555) 010-1234 and 06.12.34.56.78") == "***-***-1234 and ***-***-5678");
  CHECK(redact_text("order 12345678 on 2026-03-02, ticket ABC123456789") ==
        "order 12345678 on 2026-03-02, ticket ABC123456789");  // 8 digits, a date, inside a word
  CHECK(redact_text("a@b is no address; x@y.z neither") == "a@b is no address; x@y.z neither");
  CHECK(redact_text("0612345678@sms.example.com") == "[email]");
  CHECK(redact_text("Ré: joindre été@exemple.fr, merci") == "Ré: joindre [email], merci");  // UTF-8 addresses too
  CHECK(redact_text("") == "");
}

TEST_CASE("has_personal_data and pseudonym", "[redact]") {
  CHECK(has_personal_data("reach me at a.b@c.io"));
  CHECK(has_personal_data("+1 555 010 9999"));
  CHECK_FALSE(has_personal_data("contact-00042"));
  CHECK(pseudonym("jane@example.com") == pseudonym("jane@example.com"));
  CHECK(pseudonym("jane@example.com") != pseudonym("john@example.com"));
  CHECK(pseudonym("jane@example.com").rfind("redacted-", 0) == 0);
  CHECK(pseudonym("jane@example.com").size() == 25);
}
