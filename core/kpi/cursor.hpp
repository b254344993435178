#pragma once
// The opaque page cursor of the `daily` series (seed 004 "opaque cursor-based
// pagination"): base64url of a versioned text naming the command, the range,
// the zone and the next day offset, so a cursor only continues the listing it
// came from.
#include <cstdint>
#include <string>

#include "core/time/time.hpp"

namespace convstat::core {

// base64url (RFC 4648 section 5) without padding.
std::string base64url_encode(const std::string& bytes);
// The bytes of base64url text (padding optional); false for anything else.
bool base64url_decode(const std::string& text, std::string& bytes);

// The cursor continuing `command` over `range` in `tz` at day `offset`.
std::string encode_day_cursor(const std::string& command, const TimeRange& range, const TimeZone& tz,
                              std::int64_t offset);
// The day offset of a cursor made by encode_day_cursor for the same command,
// range and zone, within [1, day_count). Anything else (malformed, another
// command, range or zone) is UsageError("Invalid cursor").
std::int64_t decode_day_cursor(const std::string& cursor, const std::string& command, const TimeRange& range,
                               const TimeZone& tz);

}  // namespace convstat::core
