#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

// Feed messages stamp their data in ISO 8601 / RFC 3339 ("2026-11-24T21:05:00Z",
// "2026-11-24T21:05:00.250+08:00"). Parsed strictly: a value we cannot read is an
// error for the caller to report, never a guessed time.
namespace codriver::feeds {

using Clock = std::chrono::system_clock;

// An instant from RFC 3339 with a zone (Z or ±hh:mm), fractions of a second kept (to the
// nanosecond); nullopt for anything else.
std::optional<Clock::time_point> parse_rfc3339(std::string_view text);

// A wall-clock reading without a zone ("2026-11-24T20:00", seconds optional), or the
// wall-clock part of a zoned one: what opening hours are evaluated against.
struct CivilTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};
std::optional<CivilTime> parse_civil_time(std::string_view text);

// "2026-11-24T21:05:00Z", or "2026-11-24T21:05:00.250Z" when there are milliseconds.
std::string format_rfc3339(Clock::time_point instant);

}  // namespace codriver::feeds
