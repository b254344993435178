#include <catch2/catch.hpp>

#include "core/util/suggest.hpp"

using namespace convstat::core;

TEST_CASE("edit distance counts insertions, deletions and substitutions", "[util]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("overview", "ovreview") == 2);
  CHECK(edit_distance("abc", "") == 3);
}

TEST_CASE("nearest suggests only plausible typos", "[util]") {
  const std::vector<std::string> commands = {"overview", "resolution", "import", "demo"};
  CHECK(nearest("overveiw", commands) == "overview");
  CHECK(nearest("imprt", commands) == "import");
  CHECK_FALSE(nearest("zzzzzz", commands).has_value());
  CHECK(did_you_mean("demoo", commands) == " (did you mean 'demo'?)");
  CHECK(did_you_mean("qqqq", commands).empty());
}
