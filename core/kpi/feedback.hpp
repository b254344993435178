#pragma once
// feedback [003]: the summary of the range's feedback, and `feedback add`.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/cache/cache.hpp"
#include "core/query/feedback.hpp"
#include "core/records/schema.hpp"
#include "core/result.hpp"

namespace convstat::core {

// {total, thumbs_up, thumbs_down, thumbs_up_rate (up / (up + down), %),
// stars_count, stars_avg, flags: {incorrect_response, too_slow, unhelpful,
// offensive}, by_category: [{category, count}]} (records without a category
// left out; by count desc, then category). Main list by_category.
Result compute_feedback(const std::vector<FeedbackRow>& rows);

// The canonical feedback object `feedback add` stores, from its options
// (conversation, rating, rating-type, text, category, turn, message and the
// four flags): created_at = `created_at_ms` in UTC, tenant when given, id when
// given. A --rating that is not an integer is a UsageError.
nlohmann::json feedback_object(const std::map<std::string, std::string>& options,
                               const std::optional<std::string>& tenant, std::optional<std::int64_t> id,
                               std::int64_t created_at_ms);

// The object validated exactly as `import` validates it (data-model.md);
// an invalid one is a UsageError with the validator's reason (the seed's exact
// rating messages).
Record validated_feedback(const nlohmann::json& object);

// `feedback add`: validates (nothing is written when invalid), then in one
// write transaction takes id = next_feedback_id of the tenant ("default"
// without --tenant), upserts the record and commits. Returns {id, session_id,
// rating, rating_type, created_at}.
Result add_feedback(Cache& cache, const std::map<std::string, std::string>& options,
                    const std::optional<std::string>& tenant, std::int64_t created_at_ms);

}  // namespace convstat::core
