#pragma once

#include <string_view>
#include <vector>

#include "places/holiday_calendar.h"
#include "places/opening_hours.h"
#include "places/opening_hours_rules.h"

// Evaluates parsed opening_hours rules one calendar day at a time. Internal to
// OpeningHours (opening_hours.cpp); see opening_hours_eval.cpp for the semantics.
namespace codriver::places::hours {

// [begin, end) minutes of one day, 0 <= begin < end <= 24:00, in one state.
struct Segment {
  int begin = 0;
  int end = 0;
  OpeningState state = OpeningState::kClosed;
  std::string_view comment;  // points into the rules or the calendar
};

// The day as it is lived: what its own rules say, plus what the previous day's
// spans carry past midnight. The segments cover [0, 24:00) in order, and
// neighbouring segments differ in state or comment.
std::vector<Segment> timeline_of_day(const std::vector<Rule>& rules, int day_number,
                                     const HolidayCalendar& holidays);

}  // namespace codriver::places::hours
