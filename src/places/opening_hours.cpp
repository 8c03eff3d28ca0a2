#include "places/opening_hours.h"

#include <algorithm>

#include "places/civil_date.h"
#include "places/opening_hours_eval.h"

namespace codriver::places {

namespace {

int minute_of_day(const LocalDateTime& time) {
  return time.hour * 60 + time.minute;
}

LocalDateTime at_minute(int day, int minute) {
  const CivilDate date = civil_date(day);
  return {date.year, date.month, date.day, minute / 60, minute % 60};
}

}  // namespace

bool is_valid(const LocalDateTime& time) {
  return is_valid(CivilDate{time.year, time.month, time.day}) && time.hour >= 0 && time.hour < 24 &&
         time.minute >= 0 && time.minute < 60;
}

StateAt OpeningHours::state_at(const LocalDateTime& time, const HolidayCalendar& holidays) const {
  if (!is_valid(time)) return {OpeningState::kUnknown, "not a valid local time"};
  const int day = day_number({time.year, time.month, time.day});
  const int minute = minute_of_day(time);
  for (const hours::Segment& segment : hours::timeline_of_day(rules_, day, holidays)) {
    if (minute < segment.end) return {segment.state, std::string(segment.comment)};
  }
  return {};  // not reached: a timeline covers the whole day
}

std::optional<bool> OpeningHours::is_open(const LocalDateTime& time,
                                          const HolidayCalendar& holidays) const {
  switch (state_at(time, holidays).state) {
    case OpeningState::kOpen:
      return true;
    case OpeningState::kClosed:
      return false;
    case OpeningState::kUnknown:
      break;
  }
  return std::nullopt;
}

std::optional<LocalDateTime> OpeningHours::next_change(const LocalDateTime& time,
                                                       const HolidayCalendar& holidays) const {
  if (!is_valid(time)) return std::nullopt;
  const int first_day = day_number({time.year, time.month, time.day});
  const int last_day = std::min(first_day + kNextChangeHorizonDays, day_number({kMaxYear, 12, 31}));
  const int after_minute = minute_of_day(time);
  const OpeningState current = state_at(time, holidays).state;
  for (int day = first_day; day <= last_day; ++day) {
    for (const hours::Segment& segment : hours::timeline_of_day(rules_, day, holidays)) {
      if (day == first_day && segment.begin <= after_minute) continue;
      if (segment.state != current) return at_minute(day, segment.begin);
    }
  }
  return std::nullopt;
}

}  // namespace codriver::places
