#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "places/opening_hours.h"

// Shorthands shared by the opening_hours test files.
namespace codriver::places {

inline std::ostream& operator<<(std::ostream& out, const LocalDateTime& t) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour,
                t.minute);
  return out << text;
}

inline std::ostream& operator<<(std::ostream& out, OpeningState state) {
  switch (state) {
    case OpeningState::kOpen:
      return out << "open";
    case OpeningState::kClosed:
      return out << "closed";
    case OpeningState::kUnknown:
      break;
  }
  return out << "unknown";
}

}  // namespace codriver::places

namespace codriver::places::testing {

inline LocalDateTime at(int year, int month, int day, int hour, int minute) {
  return {year, month, day, hour, minute};
}

// Parses a value the test expects to be valid; a failure is reported with its message.
inline OpeningHours hours(std::string_view value) {
  const ParseResult parsed = OpeningHours::parse(value);
  if (!parsed) {
    ADD_FAILURE() << "\"" << value << "\" did not parse: " << parsed.error().message << " at "
                  << parsed.error().offset;
    return *OpeningHours::parse("closed");
  }
  return *parsed;
}

inline OpeningState state(std::string_view value, const LocalDateTime& time,
                          const HolidayCalendar& holidays = HolidayCalendar::none()) {
  return hours(value).state_at(time, holidays).state;
}

inline std::optional<LocalDateTime> next_change(
    std::string_view value, const LocalDateTime& time,
    const HolidayCalendar& holidays = HolidayCalendar::none()) {
  return hours(value).next_change(time, holidays);
}

}  // namespace codriver::places::testing
