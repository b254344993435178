#pragma once
// daily (kpis.md daily [004]): per-day series in the seed's envelope
// {"status": "SUCCESS", "data": [...], "metadata": {<count key>: N, "next_cursor": ...}},
// one item per local day of the range (zero-filled), paged by --limit/--cursor.
// Pure functions from rows to items and to the Result.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/query/conversations.hpp"
#include "core/query/daily.hpp"
#include "core/result.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// Which days to print: from day `offset` of the range, `limit` of them (all when absent).
struct DailyPage {
  std::int64_t offset = 0;
  std::optional<std::int64_t> limit;
};

// --limit (1-365) and --cursor of `command` ("daily chats") over range and tz.
// A bad --limit is a UsageError; a cursor of another command, range or zone,
// or a malformed one, is UsageError("Invalid cursor").
DailyPage daily_page(const std::map<std::string, std::string>& options, const std::string& command,
                     const TimeRange& range, const TimeZone& tz);

// The items of each series, one per local day of `range` in `tz`; rows outside the range are ignored.
// {date, inbound_messages, outbound_messages, positive_feedback, negative_feedback, ht_requests, ht_starts}
List daily_messages_items(const DailyMessageRows& rows, const TimeRange& range, const TimeZone& tz);
// {date, count}: conversations started.
List daily_chats_items(const std::vector<std::int64_t>& started_at, const TimeRange& range, const TimeZone& tz);
// {date, unique_users, returning_users}: distinct contacts of the day's conversations; returning =
// first seen before the day's local midnight.
List daily_users_items(const std::vector<ContactActivityRow>& rows, const TimeRange& range, const TimeZone& tz);
// {date, total, avg_score}: every response of the day (comment-only included), mean of the rated ones.
List daily_csat_items(const std::vector<CsatResponseRow>& rows, const TimeRange& range, const TimeZone& tz);
// {date, score, sample_size}: mean ai_quality of the day's conversations (by start) that have one.
List daily_ai_quality_items(const std::vector<AiQualityRow>& rows, const TimeRange& range, const TimeZone& tz);
// {date, bucket, error_count}: api_error events; bucket = the local day's start, RFC 3339 with offset.
List daily_errors_items(const std::vector<std::int64_t>& error_at, const TimeRange& range, const TimeZone& tz);

// The seed 004 count key of a daily command: total_days (messages, ai-quality),
// total_count (chats, users, errors), days_count (csat).
std::string daily_count_key(const std::string& command);

// The envelope of `command` with the page of `items` (all the range's days):
// metadata {<count key>: items.size(), next_cursor: the cursor of the next page,
// or null on the last}. Main section: data.
Result compute_daily(const std::string& command, const List& items, const DailyPage& page, const TimeRange& range,
                     const TimeZone& tz);

}  // namespace convstat::core
