#include "core/kpi/feedback.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include "core/error.hpp"
#include "core/kpi/breakdown.hpp"
#include "core/import/validate.hpp"
#include "core/kpi/options.hpp"
#include "core/kpi/stats.hpp"
#include "core/time/time.hpp"

namespace convstat::core {
namespace {

// Option name -> canonical field, for the text options and the flags of `feedback add`.
const std::vector<std::pair<const char*, const char*>> k_text_fields = {
    {"text", "feedback_text"}, {"category", "feedback_category"}, {"turn", "turn_id"}, {"message", "message_id"}};
const std::vector<std::pair<const char*, const char*>> k_flag_fields = {{"incorrect-response", "incorrect_response"},
                                                                        {"too-slow", "too_slow"},
                                                                        {"unhelpful", "unhelpful"},
                                                                        {"offensive", "offensive"}};

std::string option_or_empty(const std::map<std::string, std::string>& options, const std::string& name) {
  const auto it = options.find(name);
  return it == options.end() ? std::string() : it->second;
}

Node by_category(const std::vector<FeedbackRow>& rows) {
  std::map<std::string, std::int64_t> counts;
  for (const auto& r : rows)
    if (r.category) ++counts[*r.category];
  return count_breakdown(counts, "category", "count");
}

}  // namespace

Result compute_feedback(const std::vector<FeedbackRow>& rows) {
  std::int64_t up = 0, down = 0, stars = 0, incorrect = 0, slow = 0, unhelpful = 0, offensive = 0;
  MeanAccumulator stars_mean;
  for (const auto& r : rows) {
    if (r.stars) {
      ++stars;
      stars_mean.add(static_cast<double>(r.rating));
    } else {
      up += r.rating == 1 ? 1 : 0;
      down += r.rating == -1 ? 1 : 0;
    }
    incorrect += r.incorrect_response ? 1 : 0;
    slow += r.too_slow ? 1 : 0;
    unhelpful += r.unhelpful ? 1 : 0;
    offensive += r.offensive ? 1 : 0;
  }
  Result result{"feedback", "User feedback", Node::object(), "by_category"};
  result.root.set("total", Node::integer(static_cast<std::int64_t>(rows.size())))
      .set("thumbs_up", Node::integer(up))
      .set("thumbs_down", Node::integer(down))
      .set("thumbs_up_rate", Node::number(percent(up, up + down), Unit::percent))
      .set("stars_count", Node::integer(stars))
      .set("stars_avg", Node::number(stars_mean.value(), Unit::decimal1))
      .set("flags", Node::object()
                        .set("incorrect_response", Node::integer(incorrect))
                        .set("too_slow", Node::integer(slow))
                        .set("unhelpful", Node::integer(unhelpful))
                        .set("offensive", Node::integer(offensive)))
      .set("by_category", by_category(rows));
  return result;
}

nlohmann::json feedback_object(const std::map<std::string, std::string>& options,
                               const std::optional<std::string>& tenant, std::optional<std::int64_t> id,
                               std::int64_t created_at_ms) {
  constexpr auto low = std::numeric_limits<std::int64_t>::min(), high = std::numeric_limits<std::int64_t>::max();
  nlohmann::json object = {{"conversation_id", option_or_empty(options, "conversation")},
                           {"rating", bounded_option(options, "rating", 0, low, high, "an integer")},
                           {"rating_type", option_or_empty(options, "rating-type")},
                           {"created_at", format_instant_utc(created_at_ms)}};
  for (const auto& [option, field] : k_text_fields)
    if (options.count(option) > 0) object[field] = options.at(option);
  for (const auto& [option, field] : k_flag_fields)
    if (options.count(option) > 0) object[field] = true;
  if (tenant) object["tenant"] = *tenant;
  if (id) object["id"] = std::to_string(*id);
  return object;
}

Record validated_feedback(const nlohmann::json& object) {
  static const RecordValidator validator;
  Validation v = validator.validate_as(object, *find_record_type("feedback"));
  if (!v.ok()) {
    const FieldError& e = v.errors.front();
    throw UsageError(e.field == "rating" ? e.reason : "invalid feedback " + e.field + ": " + e.reason);
  }
  return std::move(*v.record);
}

Result add_feedback(Cache& cache, const std::map<std::string, std::string>& options,
                    const std::optional<std::string>& tenant, std::int64_t created_at_ms) {
  validated_feedback(feedback_object(options, tenant, std::nullopt, created_at_ms));  // usage errors before writing
  RecordWriter writer(cache);
  const std::int64_t id = next_feedback_id(cache, tenant.value_or("default"));
  const nlohmann::json object = feedback_object(options, tenant, id, created_at_ms);
  writer.upsert(validated_feedback(object));
  writer.commit();
  Result result{"feedback add", "Feedback added", Node::object(), ""};
  result.root.set("id", Node::integer(id))
      .set("session_id", Node::string(object["conversation_id"].get<std::string>()))
      .set("rating", Node::integer(object["rating"].get<std::int64_t>()))
      .set("rating_type", Node::string(object["rating_type"].get<std::string>()))
      .set("created_at", Node::string(format_instant_utc(created_at_ms)));
  return result;
}

}  // namespace convstat::core
