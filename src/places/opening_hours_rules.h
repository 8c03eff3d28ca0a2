#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "places/holiday_calendar.h"

// The parsed form of an OSM opening_hours value: one Rule per rule of the value,
// in order. Produced by OpeningHours::parse (opening_hours_parser.cpp), read by the
// evaluator (opening_hours_eval.cpp) and the summary (opening_hours_summary.cpp).
// Names follow the specification's symbols where there is one:
// https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification
namespace codriver::places::hours {

inline constexpr int kMinutesPerDay = 24 * 60;
// Times may run past midnight into the next day, up to 48:00.
inline constexpr int kMaxExtendedMinute = 2 * kMinutesPerDay;

// How a rule combines with the rules before it.
enum class RuleSeparator : std::uint8_t {
  kNormal,      // ";"  overrides earlier rules on the days it selects
  kAdditional,  // ","  adds to earlier rules
  kFallback,    // "||" applies only on days no earlier rule selected
};

enum class RuleState : std::uint8_t { kOpen, kClosed, kUnknown };

// "2024", "2020-2029/3", "2060+" (last == kNoLastYear).
struct YearRange {
  static constexpr int kNoLastYear = 1'000'000;
  int first = 0;
  int last = 0;
  int step = 1;
};

// A day of the year, fixed ("Dec 25") or movable ("easter"), shifted by
// `day_offset` days ("easter -2 days").
struct DateSpec {
  enum class Kind : std::uint8_t { kMonthDay, kEaster };
  // `day` value meaning "the month's last day" (the end of a whole-month range).
  static constexpr int kLastDay = 0;

  Kind kind = Kind::kMonthDay;
  std::optional<int> year;  // only on dates written with a year ("2024 Dec 24")
  int month = 1;            // kMonthDay: 1..12
  int day = 1;              // kMonthDay: 1..31 or kLastDay
  int day_offset = 0;
};

// "Jan-Mar", "Dec 24-26", "Nov 01-Dec 15", "Jan 01-31/8", "Sep 15+", "easter".
struct MonthdayRange {
  DateSpec from;
  DateSpec to;                // inclusive; equals `from` for a single day
  int step = 1;               // every step-th day counted from `from`
  bool open_end = false;      // "Sep 15+": from `from` to the end of that year
  bool whole_months = false;  // written as months only ("Jan-Mar"), for the summary
};

// "week 01-10/2" (ISO 8601 week numbers).
struct WeekRange {
  int first = 1;
  int last = 1;
  int step = 1;
};

// Which occurrence of a weekday in its month: "[1]", "[2-3]", "[-1]" (the last).
struct NthRange {
  int first = 1;
  int last = 1;
};

// "Mo-Fr", "Sa", "Su[-1]", "Sa[1] +2 days". Weekdays are 0 = Monday ... 6 = Sunday;
// a range may wrap ("Fr-Mo").
struct WeekdayRange {
  int first = 0;
  int last = 0;
  std::vector<NthRange> nth;  // empty: every such weekday
  int day_offset = 0;         // the rule applies day_offset days after the selected day
};

// "PH", "SH", "PH +1 day".
struct HolidaySelector {
  HolidayKind kind = HolidayKind::kPublic;
  int day_offset = 0;
};

// "08:00-18:00" is {480, 1080}; "22:00-02:00" is {1320, 1560}: a span belongs to the
// day it starts on and may end up to 48:00. "10:00+" is {600, 600, open_end}.
struct TimeSpan {
  int begin = 0;  // minutes after the day's midnight, < 24:00
  int end = 0;    // > begin, <= 48:00; == begin only for "HH:MM+"
  bool open_end = false;
};

struct Rule {
  RuleSeparator separator = RuleSeparator::kNormal;
  std::size_t offset = 0;  // where the rule starts in the value (bytes)

  bool always = false;  // "24/7"
  std::vector<YearRange> years;
  std::vector<MonthdayRange> monthdays;
  std::vector<WeekRange> weeks;
  std::vector<WeekdayRange> weekdays;
  std::vector<HolidaySelector> holidays;
  // "SH Mo-Fr" (holidays, then weekdays after a space) selects school holidays that
  // fall on Mo-Fr; "SH,Mo-Fr" selects both.
  bool holidays_and_weekdays = false;
  std::vector<TimeSpan> times;  // empty: the whole day

  RuleState state = RuleState::kOpen;
  bool state_written = false;  // "open"/"closed"/"off"/"unknown" appeared
  std::string comment;         // without the quotes
};

}  // namespace codriver::places::hours
