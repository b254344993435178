// search results: snippets show no e-mail address or phone number.
#include <catch2/catch.hpp>

#include "core/kpi/search.hpp"

using namespace convstat::core;

TEST_CASE("search snippets are redacted like exports", "[search]") {
  const Result r = compute_search({{"c1", "t", 1.5, "[refund] to jane@example.com, call +33 6 12 34 56 78", 0, "chat"}});
  const auto& results = r.root.find("results")->as_list();
  REQUIRE(results.size() == 1);
  CHECK(results[0].find("snippet")->as_string() == "[refund] to [email], call ***-***-5678");
  CHECK(results[0].find("score")->as_number() == 1.5);
}
