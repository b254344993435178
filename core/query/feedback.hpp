#pragma once
// Reading feedback records for the `feedback` summary, and the id `feedback
// add` gives the next one.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"
#include "core/query/filters.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

struct FeedbackRow {
  bool stars = false;  // rating_type stars; else thumbs
  std::int64_t rating = 0;
  bool incorrect_response = false, too_slow = false, unhelpful = false, offensive = false;
  std::optional<std::string> category;
};

// Feedback with created_at in range, in the joined-record scope (record_scope.hpp).
std::vector<FeedbackRow> load_feedback(Cache& cache, const TimeRange& range, const Filters& filters);

// 1 + the largest all-digit feedback id of `tenant` (1 when there is none).
std::int64_t next_feedback_id(Cache& cache, const std::string& tenant);

}  // namespace convstat::core
