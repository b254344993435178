#include "core/query/feedback.hpp"

#include <SQLiteCpp/Statement.h>

#include "core/query/columns.hpp"
#include "core/query/record_scope.hpp"

namespace convstat::core {

std::vector<FeedbackRow> load_feedback(Cache& cache, const TimeRange& range, const Filters& filters) {
  const RecordScope scope = joined_record_scope("feedback", "created_at", filters);
  SQLite::Statement q(cache.db(), "SELECT r.rating_type = 'stars', r.rating, r.incorrect_response, r.too_slow, "
                                  "r.unhelpful, r.offensive, r.feedback_category" + scope.sql);
  bind_scope(q, range, scope.params);
  std::vector<FeedbackRow> rows;
  while (q.executeStep())
    rows.push_back({q.getColumn(0).getInt() != 0, q.getColumn(1).getInt64(), q.getColumn(2).getInt() != 0,
                    q.getColumn(3).getInt() != 0, q.getColumn(4).getInt() != 0, q.getColumn(5).getInt() != 0,
                    text_or_none(q.getColumn(6))});
  return rows;
}

std::int64_t next_feedback_id(Cache& cache, const std::string& tenant) {
  // All-digit ids up to 18 digits (so the cast cannot saturate), compared as integers.
  SQLite::Statement q(cache.db(), "SELECT COALESCE(MAX(CAST(id AS INTEGER)), 0) + 1 FROM feedback WHERE tenant = ? "
                                  "AND id <> '' AND id NOT GLOB '*[^0-9]*' AND length(id) <= 18");
  q.bind(1, tenant);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

}  // namespace convstat::core
