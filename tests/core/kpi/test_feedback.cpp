// feedback [003]: the summary on hand-built rows, and the record `feedback
// add` builds and validates like an import.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/kpi/feedback.hpp"
#include "tests/support/render_json.hpp"

using namespace convstat::core;
using convstat::testing::json_of;
using convstat::testing::rendered_json;

namespace {

FeedbackRow row(bool stars, std::int64_t rating, std::optional<std::string> category = std::nullopt) {
  FeedbackRow r;
  r.stars = stars;
  r.rating = rating;
  r.category = std::move(category);
  return r;
}

const std::int64_t k_created = *parse_timestamp("2026-03-12T08:00:00.250Z", nullptr, nullptr);

}  // namespace

TEST_CASE("feedback summary: thumbs, stars, flags, categories by count then name", "[feedback]") {
  std::vector<FeedbackRow> rows = {row(false, 1, "speed"), row(false, 1, "quality"), row(false, -1, "speed"),
                                   row(true, 4, "quality"), row(true, 5), row(true, 5, "accuracy"),
                                   row(false, 1)};
  rows[0].too_slow = rows[2].too_slow = true;
  rows[3].incorrect_response = true;
  rows[6].offensive = rows[6].unhelpful = true;
  // thumbs up 3 of 4 -> 75.0; stars (4 + 5 + 5) / 3 = 4.67 -> 4.7;
  // categories quality 2 (rows 1, 3) and speed 2 (rows 0, 2) tie: by name; accuracy 1 last.
  CHECK(rendered_json(compute_feedback(rows)) == json_of(R"({"total":7,"thumbs_up":3,"thumbs_down":1,
      "thumbs_up_rate":75.0,"stars_count":3,"stars_avg":4.7,
      "flags":{"incorrect_response":1,"too_slow":2,"unhelpful":1,"offensive":1},
      "by_category":[{"category":"quality","count":2},{"category":"speed","count":2},
      {"category":"accuracy","count":1}]})"));
}

TEST_CASE("feedback summary of nothing: counts 0, rates and means null", "[feedback]") {
  const nlohmann::json d = rendered_json(compute_feedback({}));
  CHECK(d["total"] == 0);
  CHECK(d["thumbs_up_rate"].is_null());
  CHECK(d["stars_avg"].is_null());
  CHECK(d["by_category"] == nlohmann::json::array());
}

TEST_CASE("feedback add builds the canonical object from its options", "[feedback]") {
  const std::map<std::string, std::string> options = {
      {"conversation", "s3"}, {"rating", "5"},       {"rating-type", "stars"}, {"category", "accuracy"},
      {"text", "fine"},       {"too-slow", "true"},  {"turn", "t4"}};
  const nlohmann::json o = feedback_object(options, std::string("acme"), 8, k_created);
  CHECK(o == json_of(R"({"conversation_id":"s3","rating":5,"rating_type":"stars","feedback_category":"accuracy",
      "feedback_text":"fine","too_slow":true,"turn_id":"t4","tenant":"acme","id":"8",
      "created_at":"2026-03-12T08:00:00.250Z"})"));
  const Record r = validated_feedback(o);
  CHECK(r.text(0) == "8");
  CHECK(r.integer(r.type->field_index("created_at")) == k_created);
  CHECK(r.integer(r.type->field_index("unhelpful")) == 0);  // defaulted as on import
}

TEST_CASE("feedback add rejects ratings with the seed's exact messages", "[feedback]") {
  auto object = [](const char* rating, const char* type) {
    return feedback_object({{"conversation", "s1"}, {"rating", rating}, {"rating-type", type}}, std::nullopt,
                           std::nullopt, k_created);
  };
  CHECK_THROWS_WITH(validated_feedback(object("2", "thumbs")),
                    "Rating must be -1 (thumbs down) or 1 (thumbs up) for thumbs type");
  CHECK_THROWS_WITH(validated_feedback(object("0", "stars")), "Rating must be between 1 and 5 for stars type");
  CHECK_THROWS_AS(validated_feedback(object("6", "stars")), UsageError);
  CHECK_THROWS_AS(object("1.5", "stars"), UsageError);
  CHECK_NOTHROW(validated_feedback(object("-1", "thumbs")));
}
