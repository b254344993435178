#pragma once
// Reading CSAT records, with the conversation each one joins (by tenant and
// conversation_id), out of the cache. KPI code works on these rows, never on SQL.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"
#include "core/query/conversations.hpp"
#include "core/query/filters.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// One csat record and the context of its conversation. The conversation
// fields are absent when the conversation is not in the cache.
struct CsatRecordRow {
  std::string id, tenant, conversation_id;
  std::int64_t sent_at = 0;
  std::int64_t responded_at = k_no_time;  // k_no_time: the survey got no response
  std::optional<int> rating;              // absent with a response: comment-only
  std::optional<std::string> comment, followup_answer;
  std::optional<std::string> channel;  // the csat's channel, else the conversation's
  std::optional<std::string> contact_id, subject, assignee_id, assignee_name, team_id, team_name;
  std::int64_t conversation_started_at = k_no_time;  // k_no_time: no conversation
};

// Csat records with responded_at or sent_at in [range.from_ms, range.to_ms);
// tenant from the csat record; the conversation filters apply through the
// joined conversation (a record whose conversation is absent drops out when
// such a filter is given). Ordered by tenant, id.
std::vector<CsatRecordRow> load_csat_records(Cache& cache, const TimeRange& range, const Filters& filters);

}  // namespace convstat::core
