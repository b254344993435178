#include "core/time/pattern.hpp"

#include <date/date.h>

#include <cstdio>

#include "core/error.hpp"

namespace convstat::core {
namespace {

std::string padded(long value, int width, char pad = '0') {
  std::string digits = std::to_string(value);
  if (static_cast<int>(digits.size()) < width) digits.insert(0, static_cast<std::size_t>(width) - digits.size(), pad);
  return digits;
}

}  // namespace

std::string expand_time_pattern(std::string_view pattern, std::int64_t at_ms, const TimeZone& tz) {
  const std::int32_t day = tz.local_day(at_ms);
  const date::year_month_day ymd{date::sys_days{date::days{day}}};
  const auto year = static_cast<int>(ymd.year());
  const auto month = static_cast<unsigned>(ymd.month());
  const auto month_day = static_cast<unsigned>(ymd.day());
  const std::int64_t local_ms = at_ms + std::int64_t{tz.offset_seconds(at_ms)} * 1000;
  const std::int64_t ms_of_day = local_ms - std::int64_t{day} * 86'400'000;
  const long hour = static_cast<long>(ms_of_day / 3'600'000), minute = static_cast<long>(ms_of_day / 60'000 % 60),
             second = static_cast<long>(ms_of_day / 1000 % 60);
  const std::string iso_week = format_iso_week(day);  // "2026-W13"
  const std::int32_t jan1 = static_cast<std::int32_t>(
      date::sys_days{date::year{year} / date::January / 1}.time_since_epoch().count());
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%') {
      out.push_back(pattern[i]);
      continue;
    }
    if (i + 1 == pattern.size())
      throw UsageError("the output pattern '" + std::string(pattern) + "' ends with a lone '%'", "write %% for a '%'");
    const char c = pattern[++i];
    switch (c) {
      case 'Y': out += padded(year, 4); break;
      case 'y': out += padded(((year % 100) + 100) % 100, 2); break;
      case 'm': out += padded(month, 2); break;
      case 'd': out += padded(month_day, 2); break;
      case 'e': out += padded(month_day, 2, ' '); break;
      case 'j': out += padded(day - jan1 + 1, 3); break;
      case 'H': out += padded(hour, 2); break;
      case 'M': out += padded(minute, 2); break;
      case 'S': out += padded(second, 2); break;
      case 'F': out += padded(year, 4) + "-" + padded(month, 2) + "-" + padded(month_day, 2); break;
      case 'G': out += iso_week.substr(0, iso_week.size() - 4); break;
      case 'V': out += iso_week.substr(iso_week.size() - 2); break;
      case 'u': out += std::to_string(iso_weekday(day)); break;
      case '%': out.push_back('%'); break;
      default:
        throw UsageError("unknown conversion '%" + std::string(1, c) + "' in the output pattern '" +
                             std::string(pattern) + "'",
                         "use %Y %y %m %d %e %j %H %M %S %F %G %V %u or %%");
    }
  }
  return out;
}

}  // namespace convstat::core
