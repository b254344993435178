#include "core/time/time.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <exception>
#include <string_view>
#include <utility>

#include <date/date.h>
#include <date/tz.h>

#include "core/error.hpp"

namespace convstat::core {
namespace {

constexpr std::int64_t k_ms_per_second = 1'000;
constexpr std::int64_t k_ms_per_minute = 60'000;
constexpr std::int64_t k_ms_per_hour = 3'600'000;
constexpr std::int64_t k_ms_per_day = 86'400'000;
// Larger than any difference between two UTC offsets a zone has ever had (~31 h),
// so an instant this far inside an offset period has a unique local time.
constexpr std::int64_t k_unique_margin_ms = 2 * k_ms_per_day;
constexpr int k_days_default = 30;
constexpr int k_days_max = 100'000;
constexpr const char* k_periods = "today, yesterday, week, month, year, last-week, last-month, last-year";
constexpr const char* k_date_expectation = "expected YYYY-MM-DD or an RFC 3339 datetime";

// ---------------------------------------------------------------------------
// Civil calendar arithmetic (proleptic Gregorian, H. Hinnant's algorithms).

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

struct Civil {
  int year;
  int month;  // 1-12
  int day;    // 1-31
};

constexpr std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

constexpr Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

constexpr bool is_leap_year(int y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

constexpr int days_in_month(int y, int m) {
  constexpr std::array<int, 12> k_lengths{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : k_lengths[static_cast<std::size_t>(m - 1)];
}

// ---------------------------------------------------------------------------
// Text output.

// Appends `value` zero-padded to at least `width` digits (a '-' first when negative).
void append_padded(std::string& out, std::int64_t value, int width) {
  if (value < 0) {
    out.push_back('-');
    value = -value;
  }
  std::array<char, 24> digits{};
  int count = 0;
  do {
    digits[static_cast<std::size_t>(count++)] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  for (int i = count; i < width; ++i) out.push_back('0');
  while (count > 0) out.push_back(digits[static_cast<std::size_t>(--count)]);
}

void append_date(std::string& out, std::int64_t day) {
  const Civil c = civil_from_days(day);
  append_padded(out, c.year, 4);
  out.push_back('-');
  append_padded(out, c.month, 2);
  out.push_back('-');
  append_padded(out, c.day, 2);
}

// Appends "YYYY-MM-DDTHH:MM:SS" and ".mmm" when the milliseconds are not zero.
void append_date_time(std::string& out, std::int64_t ms) {
  const std::int64_t day = floor_div(ms, k_ms_per_day);
  const std::int64_t ms_of_day = ms - day * k_ms_per_day;
  append_date(out, day);
  out.push_back('T');
  append_padded(out, ms_of_day / k_ms_per_hour, 2);
  out.push_back(':');
  append_padded(out, ms_of_day % k_ms_per_hour / k_ms_per_minute, 2);
  out.push_back(':');
  append_padded(out, ms_of_day % k_ms_per_minute / k_ms_per_second, 2);
  if (const std::int64_t ms_part = ms_of_day % k_ms_per_second; ms_part != 0) {
    out.push_back('.');
    append_padded(out, ms_part, 3);
  }
}

// Appends "+HH:MM" ("+HH:MM:SS" for the odd historical offset with seconds).
void append_offset(std::string& out, int offset_seconds) {
  out.push_back(offset_seconds < 0 ? '-' : '+');
  const int magnitude = offset_seconds < 0 ? -offset_seconds : offset_seconds;
  append_padded(out, magnitude / 3600, 2);
  out.push_back(':');
  append_padded(out, magnitude % 3600 / 60, 2);
  if (magnitude % 60 != 0) {
    out.push_back(':');
    append_padded(out, magnitude % 60, 2);
  }
}

// ---------------------------------------------------------------------------
// Timestamp parsing: a hand-written scanner (the import path calls it per field).

class Scanner {
public:
  explicit Scanner(std::string_view text) : m_text(text) {}
  bool at_end() const { return m_pos >= m_text.size(); }
  char peek() const { return at_end() ? '\0' : m_text[m_pos]; }
  bool peek_digit() const { return !at_end() && is_digit(m_text[m_pos]); }
  void skip() { ++m_pos; }
  bool eat(char c) {
    if (at_end() || m_text[m_pos] != c) return false;
    ++m_pos;
    return true;
  }
  // Reads exactly `count` ASCII digits into `value`; false (nothing consumed) otherwise.
  bool digits(int count, int& value) {
    if (m_text.size() - m_pos < static_cast<std::size_t>(count)) return false;
    int result = 0;
    for (int i = 0; i < count; ++i) {
      const char c = m_text[m_pos + static_cast<std::size_t>(i)];
      if (!is_digit(c)) return false;
      result = result * 10 + (c - '0');
    }
    m_pos += static_cast<std::size_t>(count);
    value = result;
    return true;
  }

private:
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }
  std::string_view m_text;
  std::size_t m_pos = 0;
};

bool fail(std::string* error, const char* reason) {
  if (error != nullptr) *error = reason;
  return false;
}

std::nullopt_t no_timestamp(std::string* error, const char* reason) {
  fail(error, reason);
  return std::nullopt;
}

// "YYYY-MM-DD", validated against the calendar; sets `day` (days since 1970-01-01).
bool scan_date(Scanner& in, std::int64_t& day, std::string* error) {
  int y = 0, m = 0, d = 0;
  if (!in.digits(4, y) || !in.eat('-') || !in.digits(2, m) || !in.eat('-') || !in.digits(2, d))
    return fail(error, "malformed date (expected YYYY-MM-DD)");
  if (m < 1 || m > 12) return fail(error, "month out of range");
  if (d < 1 || d > days_in_month(y, m)) return fail(error, "day out of range for the month");
  day = days_from_civil(y, m, d);
  return true;
}

// "HH:MM:SS[.fraction]" with any number of fraction digits (beyond ms truncated).
bool scan_time(Scanner& in, std::int64_t& ms_of_day, std::string* error) {
  int h = 0, mi = 0, s = 0;
  if (!in.digits(2, h) || !in.eat(':') || !in.digits(2, mi) || !in.eat(':') || !in.digits(2, s))
    return fail(error, "malformed time (expected HH:MM:SS)");
  if (h > 23) return fail(error, "hour out of range");
  if (mi > 59) return fail(error, "minute out of range");
  if (s > 59) return fail(error, "second out of range");
  int fraction_ms = 0;
  if (in.eat('.')) {
    if (!in.peek_digit()) return fail(error, "malformed fractional seconds");
    int scale = 100;
    for (; in.peek_digit(); in.skip(), scale /= 10) fraction_ms += scale * (in.peek() - '0');
  }
  ms_of_day = h * k_ms_per_hour + mi * k_ms_per_minute + s * k_ms_per_second + fraction_ms;
  return true;
}

// "Z", "z", "±HH:MM", "±HHMM" or "±HH"; sets the offset east of UTC in seconds.
bool scan_offset(Scanner& in, int& offset_seconds, std::string* error) {
  if (in.eat('Z') || in.eat('z')) {
    offset_seconds = 0;
    return true;
  }
  const bool negative = in.peek() == '-';
  int h = 0, m = 0;
  if (!(in.eat('+') || in.eat('-')) || !in.digits(2, h))
    return fail(error, "malformed UTC offset (expected Z or +HH:MM)");
  const bool colon = in.eat(':');
  if ((colon || in.peek_digit()) && !in.digits(2, m))
    return fail(error, "malformed UTC offset (expected Z or +HH:MM)");
  if (h > 23 || m > 59) return fail(error, "UTC offset out of range");
  offset_seconds = (negative ? -1 : 1) * (h * 3600 + m * 60);
  return true;
}

// Whether `c` can start a UTC offset; anything else after the time is trailing garbage.
bool starts_offset(char c) { return c == 'Z' || c == 'z' || c == '+' || c == '-'; }

}  // namespace

// ---------------------------------------------------------------------------
// TimeZone

namespace {

// The hint for an unknown zone: a case-insensitive match when there is one.
std::string zone_hint(const date::tzdb& db, const std::string& name) {
  const auto same = [&](const std::string& candidate) {
    return candidate.size() == name.size() &&
           std::equal(candidate.begin(), candidate.end(), name.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
  };
  for (const date::time_zone& zone : db.zones) {
    if (same(zone.name())) return "did you mean '" + zone.name() + "'?";
  }
  return "use an IANA name such as Europe/Paris or UTC";
}

}  // namespace

TimeZone::TimeZone(const std::string& name) : m_name(name) {
  // A missing or unreadable tz database is not a usage error: let it propagate.
  const date::tzdb& db = date::get_tzdb();
  try {
    m_zone = date::locate_zone(name);  // the Debian build exports only the free function
  } catch (const std::exception&) {
    throw UsageError("unknown time zone '" + name + "'", zone_hint(db, name));
  }
}

void TimeZone::refresh_cache(std::int64_t epoch_ms) const {
  using std::chrono::milliseconds;
  const date::sys_info info = m_zone->get_info(date::sys_time<milliseconds>{milliseconds{epoch_ms}});
  m_cached_begin_ms = info.begin.time_since_epoch().count() * k_ms_per_second;
  m_cached_end_ms = info.end.time_since_epoch().count() * k_ms_per_second;
  m_cached_offset_seconds = static_cast<int>(info.offset.count());
}

int TimeZone::offset_seconds(std::int64_t epoch_ms) const {
  if (epoch_ms < m_cached_begin_ms || epoch_ms >= m_cached_end_ms) refresh_cache(epoch_ms);
  return m_cached_offset_seconds;
}

std::int64_t TimeZone::day_start_ms(std::int32_t local_day) const { return local_to_utc_ms(local_day, 0); }

std::int32_t TimeZone::local_day(std::int64_t epoch_ms) const {
  const std::int64_t local_ms = epoch_ms + offset_seconds(epoch_ms) * k_ms_per_second;
  return static_cast<std::int32_t>(floor_div(local_ms, k_ms_per_day));
}

int TimeZone::local_hour(std::int64_t epoch_ms) const {
  const std::int64_t local_ms = epoch_ms + offset_seconds(epoch_ms) * k_ms_per_second;
  const std::int64_t ms_of_day = local_ms - floor_div(local_ms, k_ms_per_day) * k_ms_per_day;
  return static_cast<int>(ms_of_day / k_ms_per_hour);
}

std::int64_t TimeZone::local_to_utc_ms(std::int32_t local_day, std::int64_t ms_of_day) const {
  const std::int64_t local_ms = local_day * k_ms_per_day + ms_of_day;
  // Fast path: well inside the cached offset period the local time is unique.
  const std::int64_t guess = local_ms - m_cached_offset_seconds * k_ms_per_second;
  if (guess - k_unique_margin_ms >= m_cached_begin_ms && guess + k_unique_margin_ms < m_cached_end_ms) return guess;

  using std::chrono::milliseconds;
  using std::chrono::seconds;
  const date::local_time<milliseconds> local{milliseconds{local_ms}};
  const date::local_info info = m_zone->get_info(date::floor<seconds>(local));
  // `first` is the offset in force before any transition at this local time:
  // unique -> the offset; ambiguous -> the earlier instant; nonexistent ->
  // reading it in the pre-gap offset lands the gap's length later in local time.
  const std::int64_t utc_ms = local_ms - info.first.offset.count() * k_ms_per_second;
  refresh_cache(utc_ms);
  return utc_ms;
}

// ---------------------------------------------------------------------------
// Parsing and formatting

std::optional<std::int64_t> parse_timestamp(std::string_view text, const TimeZone* assume, std::string* error) {
  Scanner in(text);
  std::int64_t day = 0;
  std::int64_t ms_of_day = 0;
  if (!scan_date(in, day, error)) return std::nullopt;
  if (in.at_end()) return no_timestamp(error, "expected a date and time");
  if (!(in.eat('T') || in.eat('t') || in.eat(' ')))
    return no_timestamp(error, "expected 'T' or a space between date and time");
  if (!scan_time(in, ms_of_day, error)) return std::nullopt;
  if (in.at_end()) {
    if (assume == nullptr) return no_timestamp(error, "timestamp has no UTC offset (use --assume-tz ZONE)");
    return assume->local_to_utc_ms(static_cast<std::int32_t>(day), ms_of_day);
  }
  if (!starts_offset(in.peek())) return no_timestamp(error, "unexpected text after the time");
  int offset_seconds = 0;
  if (!scan_offset(in, offset_seconds, error)) return std::nullopt;
  if (!in.at_end()) return no_timestamp(error, "unexpected text after the UTC offset");
  return day * k_ms_per_day + ms_of_day - offset_seconds * k_ms_per_second;
}

std::optional<std::int32_t> parse_date(std::string_view yyyy_mm_dd) {
  Scanner in(yyyy_mm_dd);
  std::int64_t day = 0;
  if (!scan_date(in, day, nullptr) || !in.at_end()) return std::nullopt;
  return static_cast<std::int32_t>(day);
}

std::string format_date(std::int32_t day) {
  std::string out;
  append_date(out, day);
  return out;
}

int iso_weekday(std::int32_t day) {
  // 1970-01-01 was a Thursday (4).
  return static_cast<int>(day - floor_div(std::int64_t{day} + 3, 7) * 7 + 3) + 1;
}

std::string format_iso_week(std::int32_t day) {
  // The ISO week belongs to the year holding its Thursday.
  const std::int64_t thursday = std::int64_t{day} - iso_weekday(day) + 4;
  const int iso_year = civil_from_days(thursday).year;
  const std::int64_t week = (thursday - days_from_civil(iso_year, 1, 1)) / 7 + 1;
  std::string out;
  append_padded(out, iso_year, 4);
  out += "-W";
  append_padded(out, week, 2);
  return out;
}

std::string format_month(std::int32_t day) {
  const Civil c = civil_from_days(day);
  std::string out;
  append_padded(out, c.year, 4);
  out.push_back('-');
  append_padded(out, c.month, 2);
  return out;
}

std::string format_instant_utc(std::int64_t epoch_ms) {
  std::string out;
  append_date_time(out, epoch_ms);
  out.push_back('Z');
  return out;
}

std::string format_instant_local(std::int64_t epoch_ms, const TimeZone& tz) {
  const int offset = tz.offset_seconds(epoch_ms);
  std::string out;
  append_date_time(out, epoch_ms + offset * k_ms_per_second);
  append_offset(out, offset);
  return out;
}

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// ---------------------------------------------------------------------------
// Ranges

namespace {

// The whole local days [first_day, last_day].
TimeRange make_date_range(std::int32_t first_day, std::int32_t last_day, std::int64_t as_of_ms, const TimeZone& tz) {
  TimeRange range;
  range.from_ms = tz.day_start_ms(first_day);
  range.to_ms = tz.day_start_ms(last_day + 1);
  range.as_of_ms = as_of_ms;
  range.first_day = first_day;
  range.last_day = last_day;
  range.date_based = true;
  return range;
}

// The instants [from_ms, to_ms) and the local days they touch (none when empty).
TimeRange make_instant_range(std::int64_t from_ms, std::int64_t to_ms, std::int64_t as_of_ms, const TimeZone& tz) {
  TimeRange range;
  range.from_ms = from_ms;
  range.to_ms = to_ms;
  range.as_of_ms = as_of_ms;
  range.first_day = tz.local_day(from_ms);
  range.last_day = to_ms > from_ms ? tz.local_day(to_ms - 1) : range.first_day - 1;
  range.date_based = false;
  return range;
}

std::int64_t resolve_as_of(const RangeRequest& request) {
  if (!request.as_of) return now_ms();
  std::string reason;
  const std::optional<std::int64_t> ms = parse_timestamp(*request.as_of, nullptr, &reason);
  if (!ms) {
    throw UsageError("invalid datetime '" + *request.as_of + "' for --as-of: " + reason,
                     "use an RFC 3339 datetime with offset such as 2026-03-10T12:00:00Z");
  }
  return *ms;
}

void check_exclusive_options(const RangeRequest& request) {
  const bool from_to = request.from || request.to;
  if (request.days && request.period) throw UsageError("--days and --period cannot be combined");
  if (request.days && from_to) throw UsageError("--days cannot be combined with --from/--to");
  if (request.period && from_to) throw UsageError("--period cannot be combined with --from/--to");
}

TimeRange resolve_days(int days, std::int32_t today, std::int64_t as_of_ms, const TimeZone& tz) {
  if (days < 1 || days > k_days_max) {
    throw UsageError("--days must be between 1 and " + std::to_string(k_days_max) + " (got " +
                     std::to_string(days) + ")");
  }
  return make_date_range(today - days + 1, today, as_of_ms, tz);
}

// First and last day of the month `months_back` months before the one holding `day`.
std::pair<std::int32_t, std::int32_t> month_of(std::int32_t day, int months_back) {
  const Civil c = civil_from_days(day);
  const int index = c.year * 12 + (c.month - 1) - months_back;
  const int year = static_cast<int>(floor_div(index, 12));
  const int month = index - year * 12 + 1;
  const auto first = static_cast<std::int32_t>(days_from_civil(year, month, 1));
  return {first, first + days_in_month(year, month) - 1};
}

std::pair<std::int32_t, std::int32_t> year_of(std::int32_t day, int years_back) {
  const int year = civil_from_days(day).year - years_back;
  return {static_cast<std::int32_t>(days_from_civil(year, 1, 1)),
          static_cast<std::int32_t>(days_from_civil(year, 12, 31))};
}

TimeRange resolve_period(const std::string& period, std::int32_t today, std::int64_t as_of_ms, const TimeZone& tz) {
  const std::int32_t monday = today - iso_weekday(today) + 1;
  std::pair<std::int32_t, std::int32_t> days;
  if (period == "today") days = {today, today};
  else if (period == "yesterday") days = {today - 1, today - 1};
  else if (period == "week") days = {monday, monday + 6};
  else if (period == "last-week") days = {monday - 7, monday - 1};
  else if (period == "month") days = month_of(today, 0);
  else if (period == "last-month") days = month_of(today, 1);
  else if (period == "year") days = year_of(today, 0);
  else if (period == "last-year") days = year_of(today, 1);
  else throw UsageError("unknown period '" + period + "' for --period", std::string("valid periods: ") + k_periods);
  return make_date_range(days.first, days.second, as_of_ms, tz);
}

// One end of --from/--to: a local date, or an instant (an offset-less datetime is read in `tz`).
struct RangeBound {
  std::optional<std::int32_t> day;
  std::int64_t ms = 0;  // the instant, when `day` is empty
};

// Nullopt when the flag was not given; UsageError when it does not parse.
std::optional<RangeBound> parse_bound(const std::optional<std::string>& text, const char* flag, const TimeZone& tz) {
  if (!text) return std::nullopt;
  if (const std::optional<std::int32_t> day = parse_date(*text)) return RangeBound{day, 0};
  std::string reason;
  if (const std::optional<std::int64_t> ms = parse_timestamp(*text, &tz, &reason)) return RangeBound{std::nullopt, *ms};
  throw UsageError("invalid date '" + *text + "' for " + flag + " (" + k_date_expectation + ")", reason);
}

// Where a bound starts (--from) or ends (--to, exclusive).
std::int64_t bound_start_ms(const RangeBound& bound, const TimeZone& tz) {
  return bound.day ? tz.day_start_ms(*bound.day) : bound.ms;
}
std::int64_t bound_end_ms(const RangeBound& bound, const TimeZone& tz) {
  return bound.day ? tz.day_start_ms(*bound.day + 1) : bound.ms;
}

TimeRange resolve_from_to(const RangeRequest& request, std::int32_t today, std::int64_t as_of_ms, const TimeZone& tz) {
  const std::optional<RangeBound> from = parse_bound(request.from, "--from", tz);
  const std::optional<RangeBound> to = parse_bound(request.to, "--to", tz);
  // A missing --to is the end of today; a missing --from 29 local days before the day --to ends in.
  const RangeBound end = to ? *to : RangeBound{today, 0};
  const std::int64_t to_ms = bound_end_ms(end, tz);
  const std::int32_t end_day = end.day ? *end.day : tz.local_day(to_ms - 1);
  const RangeBound start = from ? *from : RangeBound{end_day - (k_days_default - 1), 0};
  const std::int64_t from_ms = bound_start_ms(start, tz);

  const bool dates = start.day && end.day;
  if (dates ? *start.day > *end.day : from_ms > to_ms) {
    const std::string to_text = to ? "--to " + *request.to : "today (" + format_date(today) + ")";
    throw UsageError("--from " + request.from.value_or("") + " is after " + to_text);
  }
  if (dates) return make_date_range(*start.day, *end.day, as_of_ms, tz);
  return make_instant_range(from_ms, to_ms, as_of_ms, tz);
}

}  // namespace

TimeRange resolve_range(const RangeRequest& request, const TimeZone& tz) {
  const std::int64_t as_of_ms = resolve_as_of(request);
  check_exclusive_options(request);
  const std::int32_t today = tz.local_day(as_of_ms);
  if (request.period) return resolve_period(*request.period, today, as_of_ms, tz);
  if (request.from || request.to) return resolve_from_to(request, today, as_of_ms, tz);
  return resolve_days(request.days.value_or(k_days_default), today, as_of_ms, tz);
}

TimeRange previous_range(const TimeRange& range, const TimeZone& tz) {
  if (range.date_based && range.day_count() > 0) {
    // Calendar days, so a DST day stays a whole (23 h or 25 h) day.
    return make_date_range(range.first_day - range.day_count(), range.first_day - 1, range.as_of_ms, tz);
  }
  const std::int64_t duration_ms = range.to_ms - range.from_ms;
  return make_instant_range(range.from_ms - duration_ms, range.from_ms, range.as_of_ms, tz);
}

// ---------------------------------------------------------------------------
// DayBuckets

DayBuckets::DayBuckets(const TimeRange& range, const TimeZone& tz) : m_from_ms(range.from_ms), m_to_ms(range.to_ms) {
  const int count = range.day_count();
  if (count == 0) return;
  m_days.reserve(static_cast<std::size_t>(count));
  m_starts.reserve(static_cast<std::size_t>(count) + 1);
  for (std::int32_t day = range.first_day; day <= range.last_day; ++day) {
    m_days.push_back(day);
    m_starts.push_back(tz.day_start_ms(day));
  }
  m_starts.push_back(tz.day_start_ms(range.last_day + 1));
}

int DayBuckets::index(std::int64_t epoch_ms) const {
  if (m_days.empty() || epoch_ms < m_from_ms || epoch_ms >= m_to_ms) return -1;
  // The last day whose start is <= epoch_ms (a zero-length skipped day never matches).
  const auto last_start = m_starts.end() - 1;
  const auto after = std::upper_bound(m_starts.begin(), last_start, epoch_ms);
  if (after == m_starts.begin()) return -1;
  return static_cast<int>(after - m_starts.begin()) - 1;
}

void DayBuckets::count(std::int64_t epoch_ms, std::vector<std::int64_t>& per_day) const {
  const int i = index(epoch_ms);
  if (i >= 0) ++per_day[static_cast<std::size_t>(i)];
}

std::string range_start_text(const TimeRange& range, const TimeZone& tz) {
  return range.date_based ? format_date(range.first_day) : format_instant_local(range.from_ms, tz);
}

std::string range_end_text(const TimeRange& range, const TimeZone& tz) {
  return range.date_based ? format_date(range.last_day) : format_instant_local(range.to_ms, tz);
}

}  // namespace convstat::core
