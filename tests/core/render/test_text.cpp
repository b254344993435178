// UTF-8 helpers of the table renderer: display width, truncation, terminal safety, suggestions.
#include <catch2/catch.hpp>

#include "core/render/text.hpp"
#include "fixtures.hpp"

using namespace convstat::core;
using namespace convstat::core::render;

TEST_CASE("display_width counts terminal columns", "[render]") {
  CHECK(display_width("") == 0);
  CHECK(display_width("email") == 5);
  CHECK(display_width(test::k_devanagari_name) == 7);
  CHECK(display_width(test::k_accented_name) == 10);
  CHECK(display_width("Jos\u00e9 N\u00fa\u00f1ez") == 10);  // precomposed
  CHECK(display_width(test::k_cjk_name) == 6);
  CHECK(display_width("\uFF21") == 2);          // fullwidth A
  CHECK(display_width("\U0001F600") == 2);      // emoji
  CHECK(display_width("a\u200Db") == 2);        // zero width joiner
  CHECK(display_width("\u2013\u2026") == 2);    // en dash, ellipsis
  CHECK(display_width("a\xff" "b") == 3);       // invalid byte counts as U+FFFD
}

TEST_CASE("truncate_to_width cuts on code points and ends with an ellipsis", "[render]") {
  CHECK(truncate_to_width("Alexandra", 9) == "Alexandra");
  CHECK(truncate_to_width("Alexandra", 6) == "Alexa\u2026");
  CHECK(truncate_to_width("Alexandra", 1) == "\u2026");
  CHECK(truncate_to_width("Alexandra", 0) == "");
  CHECK(truncate_to_width(test::k_cjk_name, 4) == "\u738b\u2026");  // 3 columns: a wide char does not fit twice
  CHECK(truncate_to_width(test::k_accented_name, 5) == "Jose\u0301\u2026");  // the accent stays with its letter
  CHECK(display_width(truncate_to_width(test::k_devanagari_name, 4)) <= 4);
}

TEST_CASE("decode_utf8 rejects invalid, overlong and surrogate sequences", "[render]") {
  CHECK(decode_utf8("\xe2\x80\x93", 0).value == U'\u2013');
  CHECK(decode_utf8("\xe2\x80\x93", 0).length == 3);
  CHECK(decode_utf8("\xc0\xaf", 0).value == k_replacement_char);      // overlong '/'
  CHECK(decode_utf8("\xed\xa0\x80", 0).value == k_replacement_char);  // surrogate
  CHECK(decode_utf8("\xe2\x80", 0).value == k_replacement_char);      // truncated
  CHECK(decode_utf8("\xe2\x80", 0).length == 1);
  CHECK(valid_utf8("ok \xe2\x80\x93 \xff") == "ok \xe2\x80\x93 \xef\xbf\xbd");
}

TEST_CASE("terminal_safe turns controls into spaces or U+FFFD", "[render]") {
  CHECK(terminal_safe("a\tb\r\nc") == "a b  c");
  CHECK(terminal_safe("\x1b[2J\x7f") == "\xef\xbf\xbd[2J\xef\xbf\xbd");
  CHECK(terminal_safe("\xc2\x9b") == "\xef\xbf\xbd");  // C1 CSI
  CHECK(terminal_safe(test::k_devanagari_name) == test::k_devanagari_name);
}

TEST_CASE("closest_name suggests near names and unique prefixes", "[render]") {
  const std::vector<std::string> sections{"summary", "channel_distribution", "by_priority"};
  CHECK(closest_name("sumary", sections) == "summary");
  CHECK(closest_name("by_priorty", sections) == "by_priority");
  CHECK(closest_name("channel", sections) == "channel_distribution");
  CHECK_FALSE(closest_name("teams", sections));
  CHECK_FALSE(closest_name("", sections));
  CHECK(closest_name("jsn", {"table", "json", "csv", "md", "pdf"}) == "json");
}
