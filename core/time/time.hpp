#pragma once
// Instants, zones and KPI ranges exactly as spec/kpis.md "Common rules" and
// "Precise readings": dates inclusive, datetimes half-open, IANA zones
// through the system tz database (Howard Hinnant date/tz), DST-correct days.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace date { class time_zone; }

namespace convstat::core {

// A resolved IANA zone. Throws UsageError("unknown time zone 'X'") for an unknown name.
// Lookups cache the UTC-offset period of the last instant seen (a mutable member),
// so a run of lookups within one DST period is O(1): one TimeZone object may be
// used by one thread at a time (copies are independent and cheap).
// Note: the system zone files list transitions up to 2037 and date/tz (USE_OS_TZDB)
// ignores their footer rule, so instants after 2037 keep the last listed offset.
class TimeZone {
public:
  explicit TimeZone(const std::string& name);  // "UTC", "Europe/Paris"
  static TimeZone utc() { return TimeZone("UTC"); }
  const std::string& name() const { return m_name; }
  // Offset from UTC in seconds at that instant.
  int offset_seconds(std::int64_t epoch_ms) const;
  // Epoch ms of local midnight starting the local civil day `days` (days since 1970-01-01 local);
  // when midnight falls in a DST gap, the day's first instant.
  std::int64_t day_start_ms(std::int32_t local_day) const;
  // The local civil day (days since 1970-01-01) containing the instant.
  std::int32_t local_day(std::int64_t epoch_ms) const;
  // Local hour (0-23) of the instant.
  int local_hour(std::int64_t epoch_ms) const;
  // Epoch ms of a local date-time; an ambiguous time takes the earlier instant,
  // a nonexistent (DST gap) time is shifted forward by the gap.
  std::int64_t local_to_utc_ms(std::int32_t local_day, std::int64_t ms_of_day) const;
  const date::time_zone* zone() const { return m_zone; }

private:
  // Loads the offset period containing the instant into the cache below.
  void refresh_cache(std::int64_t epoch_ms) const;

  std::string m_name;
  const date::time_zone* m_zone = nullptr;
  // The offset period [m_cached_begin_ms, m_cached_end_ms) (empty until the first lookup).
  mutable std::int64_t m_cached_begin_ms = 0;
  mutable std::int64_t m_cached_end_ms = 0;
  mutable int m_cached_offset_seconds = 0;
};

// Parses an RFC 3339 / ISO 8601 timestamp with offset ("2026-03-02T09:15:00Z",
// "2026-03-02T10:15:00.250+01:00"), fractional seconds allowed (sub-ms digits
// truncated). A timestamp without offset is read in `assume` when given,
// otherwise std::nullopt is returned with `error` set ("timestamp has no UTC
// offset"). Any malformed text: nullopt with a reason in `error`.
// Grammar: YYYY-MM-DD ('T'|'t'|' ') HH:MM:SS [.digits] [Z|z|±HH:MM|±HHMM|±HH];
// no surrounding whitespace; calendar-checked; second 60 and a date alone
// ("expected a date and time") are errors. `error` may be null. Hand-written
// and allocation-free on success: meant to be called per imported record.
std::optional<std::int64_t> parse_timestamp(std::string_view text, const TimeZone* assume, std::string* error);

// Civil date helpers. Days are days since 1970-01-01.
std::optional<std::int32_t> parse_date(std::string_view yyyy_mm_dd);  // strict YYYY-MM-DD
std::string format_date(std::int32_t day);                           // "2026-03-29"
int iso_weekday(std::int32_t day);                                    // 1 = Monday ... 7 = Sunday
std::string format_iso_week(std::int32_t day);                        // "2026-W13"
std::string format_month(std::int32_t day);                           // "2026-03"

// Instants as printed (kpis.md "Printed instants").
std::string format_instant_utc(std::int64_t epoch_ms);  // "2026-03-02T09:15:00Z" (".250" only when ms != 0)
std::string format_instant_local(std::int64_t epoch_ms, const TimeZone& tz);  // "2026-03-02T10:15:00+01:00"

// Now, as epoch ms (the real clock).
std::int64_t now_ms();

// What the user asked for on the command line (all optional).
struct RangeRequest {
  std::optional<std::string> from, to;   // YYYY-MM-DD or RFC 3339
  std::optional<int> days;               // --days N (N >= 1)
  std::optional<std::string> period;     // today|yesterday|week|month|year|last-week|last-month|last-year
  std::optional<std::string> as_of;      // RFC 3339; default now
};

// A resolved half-open range [from_ms, to_ms) with its zone and its local days.
struct TimeRange {
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;          // exclusive
  std::int64_t as_of_ms = 0;
  std::int32_t first_day = 0;      // local day of from
  std::int32_t last_day = -1;      // local day of (to - 1 ms); last_day < first_day for an empty range
  bool date_based = true;          // false when --from/--to were datetimes

  bool contains(std::int64_t ms) const { return ms >= from_ms && ms < to_ms; }
  int day_count() const { return last_day >= first_day ? last_day - first_day + 1 : 0; }
};

// Resolves the request in `tz` (kpis.md): --from/--to dates inclusive, datetime
// --to exclusive, --days N = N whole days ending today (today = local date of
// as-of), --period calendar periods (weeks start Monday), default --days 30.
// Combining --days or --period with --from/--to, --from after --to, or a bad
// date/datetime/period is a UsageError. A --from alone runs to the end of
// today; a --to alone starts 29 days before it (30 days). A --from/--to
// datetime without offset is read in `tz`; --as-of needs an offset. --days
// accepts 1..100000.
TimeRange resolve_range(const RangeRequest& request, const TimeZone& tz);

// "The equally long range just before" (kpis.md): for a date range the same
// number of calendar days ending the day before from; for a datetime range the
// same duration.
TimeRange previous_range(const TimeRange& range, const TimeZone& tz);

// A range's start and (inclusive) end as printed: the first and last day
// ("2026-03-01") for a date range, the instants with the zone's offset for a
// datetime range (the end exclusive).
std::string range_start_text(const TimeRange& range, const TimeZone& tz);
std::string range_end_text(const TimeRange& range, const TimeZone& tz);

// Maps instants to the index of their local day in a range (0-based), DST-correct,
// by binary search over precomputed day boundaries. -1 when outside the range's
// [from_ms, to_ms) (so the uncovered parts of a datetime range's first and last
// day map to -1 too).
class DayBuckets {
public:
  DayBuckets(const TimeRange& range, const TimeZone& tz);
  int index(std::int64_t epoch_ms) const;
  // Adds one to per_day[index(epoch_ms)] for an instant in the range (per_day has size() entries).
  void count(std::int64_t epoch_ms, std::vector<std::int64_t>& per_day) const;
  int size() const { return static_cast<int>(m_days.size()); }
  std::int32_t day(int index) const { return m_days[static_cast<size_t>(index)]; }
  std::int64_t start_ms(int index) const { return m_starts[static_cast<size_t>(index)]; }

private:
  std::int64_t m_from_ms = 0;  // the range, [m_from_ms, m_to_ms)
  std::int64_t m_to_ms = 0;
  std::vector<std::int32_t> m_days;
  std::vector<std::int64_t> m_starts;  // m_starts[i] = local midnight of m_days[i]; one extra end boundary
};

}  // namespace convstat::core
