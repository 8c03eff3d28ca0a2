// Hand-written cases for the opening_hours parser and evaluator: each checks the
// state at chosen instants and the next change, on the calendar days named in the
// comments (2025-11-24 is a Monday).
#include "places/opening_hours.h"

#include <gtest/gtest.h>

#include <string>

#include "opening_hours_helpers.h"

namespace codriver::places {
namespace {

using testing::at;
using testing::hours;
using testing::next_change;
using testing::state;

constexpr OpeningState kOpen = OpeningState::kOpen;
constexpr OpeningState kClosed = OpeningState::kClosed;
constexpr OpeningState kUnknown = OpeningState::kUnknown;

// ---- weekdays and plain times ----

TEST(OpeningHoursTest, WeekdayRangeWithTimes) {
  const char* value = "Mo-Fr 08:00-18:00";
  EXPECT_EQ(state(value, at(2025, 11, 25, 10, 0)), kOpen);  // Tue
  EXPECT_EQ(state(value, at(2025, 11, 25, 7, 59)), kClosed);
  EXPECT_EQ(state(value, at(2025, 11, 25, 18, 0)), kClosed);  // the end is exclusive
  EXPECT_EQ(state(value, at(2025, 11, 29, 10, 0)), kClosed);  // Sat
  EXPECT_EQ(next_change(value, at(2025, 11, 25, 10, 0)), at(2025, 11, 25, 18, 0));
  EXPECT_EQ(next_change(value, at(2025, 11, 28, 19, 0)), at(2025, 12, 1, 8, 0));  // Fri -> Mon
}

TEST(OpeningHoursTest, WeekdayListsAndWrappingRanges) {
  EXPECT_EQ(state("Sa,Su 10:00-14:00", at(2025, 11, 30, 11, 0)), kOpen);
  EXPECT_EQ(state("Sa,Su 10:00-14:00", at(2025, 11, 28, 11, 0)), kClosed);
  EXPECT_EQ(state("Fr-Mo 10:00-14:00", at(2025, 11, 24, 11, 0)), kOpen);  // Mon
  EXPECT_EQ(state("Fr-Mo 10:00-14:00", at(2025, 11, 26, 11, 0)), kClosed);
}

TEST(OpeningHoursTest, TimeListWithLunchBreak) {
  const char* value = "Mo-Fr 08:00-12:00,13:00-17:30";
  EXPECT_EQ(state(value, at(2025, 11, 24, 12, 30)), kClosed);
  EXPECT_EQ(next_change(value, at(2025, 11, 24, 9, 0)), at(2025, 11, 24, 12, 0));
  EXPECT_EQ(next_change(value, at(2025, 11, 24, 12, 0)), at(2025, 11, 24, 13, 0));
}

// ---- past midnight ----

TEST(OpeningHoursTest, OvernightSpanBelongsToTheDayItStartsOn) {
  const char* value = "Mo-Sa 18:00-02:00";
  EXPECT_EQ(state(value, at(2025, 11, 25, 1, 0)), kOpen);    // Tue, from Monday night
  EXPECT_EQ(state(value, at(2025, 11, 24, 1, 0)), kClosed);  // Mon: Sunday has no span
  EXPECT_EQ(state(value, at(2025, 11, 30, 1, 0)), kOpen);    // Sun, from Saturday night
  EXPECT_EQ(next_change(value, at(2025, 11, 24, 23, 0)), at(2025, 11, 25, 2, 0));
}

TEST(OpeningHoursTest, OvernightFromSundayIntoMonday) {
  const char* value = "Su 20:00-03:00";
  EXPECT_EQ(state(value, at(2025, 12, 1, 2, 59)), kOpen);  // Monday
  EXPECT_EQ(state(value, at(2025, 12, 1, 3, 0)), kClosed);
  EXPECT_EQ(next_change(value, at(2025, 11, 30, 21, 0)), at(2025, 12, 1, 3, 0));
}

TEST(OpeningHoursTest, OvernightAcrossMonthAndYearEnds) {
  EXPECT_EQ(state("Mo-Su 22:00-02:00", at(2025, 12, 1, 1, 0)), kOpen);
  EXPECT_EQ(next_change("Mo-Su 22:00-02:00", at(2025, 11, 30, 23, 0)), at(2025, 12, 1, 2, 0));
  const char* new_year = "Dec 31 20:00-03:00";
  EXPECT_EQ(state(new_year, at(2026, 1, 1, 2, 0)), kOpen);
  EXPECT_EQ(state(new_year, at(2025, 1, 1, 2, 0)), kOpen);  // from 2024-12-31
  EXPECT_EQ(next_change(new_year, at(2025, 12, 31, 21, 0)), at(2026, 1, 1, 3, 0));
  EXPECT_EQ(next_change(new_year, at(2026, 1, 1, 4, 0)), at(2026, 12, 31, 20, 0));
}

TEST(OpeningHoursTest, LaterRuleForTheNextDayKeepsTheNightBefore) {
  // Saturday's own rule does not cut off Friday night; "Sa off" does not either.
  EXPECT_EQ(state("Fr 22:00-04:00; Sa 21:00-04:00", at(2025, 11, 29, 3, 0)), kOpen);
  EXPECT_EQ(state("Fr-Sa 22:00-04:00; Sa off", at(2025, 11, 29, 3, 0)), kOpen);
  EXPECT_EQ(state("Fr-Sa 22:00-04:00; Sa off", at(2025, 11, 29, 23, 0)), kClosed);
  EXPECT_EQ(state("Fr-Sa 22:00-04:00; Sa off", at(2025, 11, 30, 3, 0)), kClosed);
  // Early hours named explicitly do override the night before.
  EXPECT_EQ(state("Fr 22:00-04:00; Sa 00:00-02:00 off", at(2025, 11, 29, 1, 0)), kClosed);
  EXPECT_EQ(state("Fr 22:00-04:00; Sa 00:00-02:00 off", at(2025, 11, 29, 3, 0)), kOpen);
}

TEST(OpeningHoursTest, MidnightAndTimesPast24) {
  EXPECT_EQ(state("Mo-Fr 08:00-24:00", at(2025, 11, 24, 23, 59)), kOpen);
  EXPECT_EQ(next_change("Mo-Fr 08:00-24:00", at(2025, 11, 24, 23, 0)), at(2025, 11, 25, 0, 0));
  // Two rules that meet at midnight make one opening.
  EXPECT_EQ(next_change("Fr 18:00-24:00; Sa 00:00-02:00", at(2025, 11, 28, 20, 0)),
            at(2025, 11, 29, 2, 0));
  EXPECT_EQ(state("22:00-26:00", at(2025, 11, 25, 1, 59)), kOpen);
  EXPECT_EQ(state("22:00-26:00", at(2025, 11, 25, 2, 0)), kClosed);
  EXPECT_EQ(state("Tu 23:59-48:00", at(2025, 11, 26, 12, 0)), kOpen);  // all Wednesday
  EXPECT_EQ(next_change("Tu 23:59-48:00", at(2025, 11, 25, 23, 59)), at(2025, 11, 27, 0, 0));
  EXPECT_EQ(state("12:00-12:00", at(2025, 11, 24, 6, 0)), kOpen);  // 24 hours from noon
}

// ---- open ends ----

TEST(OpeningHoursTest, OpenEndIsUnknownUntilMidnight) {
  const char* value = "Mo-Sa 10:00+";
  EXPECT_EQ(state(value, at(2025, 11, 24, 9, 0)), kClosed);
  EXPECT_EQ(state(value, at(2025, 11, 24, 11, 0)), kUnknown);
  EXPECT_EQ(hours(value).is_open(at(2025, 11, 24, 11, 0)), std::nullopt);
  EXPECT_EQ(next_change(value, at(2025, 11, 24, 9, 0)), at(2025, 11, 24, 10, 0));
  EXPECT_EQ(next_change(value, at(2025, 11, 24, 11, 0)), at(2025, 11, 25, 0, 0));

  const char* with_end = "13:00-17:00+";
  EXPECT_EQ(state(with_end, at(2025, 11, 24, 14, 0)), kOpen);
  EXPECT_EQ(state(with_end, at(2025, 11, 24, 18, 0)), kUnknown);
  EXPECT_EQ(state(with_end, at(2025, 11, 25, 0, 30)), kClosed);
}

// ---- 24/7 and modifiers ----

TEST(OpeningHoursTest, AlwaysOpenNeverChanges) {
  EXPECT_EQ(state("24/7", at(2025, 11, 24, 3, 0)), kOpen);
  EXPECT_EQ(next_change("24/7", at(2025, 11, 24, 3, 0)), std::nullopt);
  EXPECT_EQ(state("closed", at(2025, 11, 24, 3, 0)), kClosed);
  EXPECT_EQ(next_change("off", at(2025, 11, 24, 3, 0)), std::nullopt);
}

TEST(OpeningHoursTest, OffRuleClosesItsTimesOrItsDays) {
  EXPECT_EQ(state("Mo-Sa 10:00-20:00; Tu off", at(2025, 11, 25, 12, 0)), kClosed);
  EXPECT_EQ(state("Mo-Sa 10:00-20:00; Tu off", at(2025, 11, 26, 12, 0)), kOpen);
  // With times, "off" closes only those times of the earlier rules.
  const char* lunch = "Mo-Fr 10:00-20:00; We 12:00-14:00 off";
  EXPECT_EQ(state(lunch, at(2025, 11, 26, 11, 0)), kOpen);
  EXPECT_EQ(state(lunch, at(2025, 11, 26, 13, 0)), kClosed);
  EXPECT_EQ(state(lunch, at(2025, 11, 26, 15, 0)), kOpen);
  EXPECT_EQ(state("24/7; Mo 15:00-16:00 off", at(2025, 11, 24, 15, 30)), kClosed);
  EXPECT_EQ(next_change("open; Mo off", at(2025, 11, 24, 12, 0)), at(2025, 11, 25, 0, 0));
  EXPECT_EQ(state("Mo-Fr 10:00-20:00 unknown", at(2025, 11, 24, 12, 0)), kUnknown);
  EXPECT_EQ(state("Mo-Fr 10:00-20:00 unknown", at(2025, 11, 24, 21, 0)), kClosed);
}

TEST(OpeningHoursTest, NormalRuleReplacesTheDayAdditionalRuleAdds) {
  const char* replaced = "Mo-Fr 08:00-18:00; We 10:00-12:00";
  EXPECT_EQ(state(replaced, at(2025, 11, 26, 9, 0)), kClosed);
  EXPECT_EQ(state(replaced, at(2025, 11, 26, 11, 0)), kOpen);
  EXPECT_EQ(state(replaced, at(2025, 11, 25, 9, 0)), kOpen);
  const char* added = "Mo-Fr 08:00-12:00, We 14:00-18:00";
  EXPECT_EQ(state(added, at(2025, 11, 26, 9, 0)), kOpen);
  EXPECT_EQ(state(added, at(2025, 11, 26, 15, 0)), kOpen);
  EXPECT_EQ(state(added, at(2025, 11, 25, 15, 0)), kClosed);
}

TEST(OpeningHoursTest, FallbackAppliesOnDaysNoEarlierRuleSelected) {
  const char* value = "Mo-Fr 08:00-12:00 || \"by appointment\"";
  EXPECT_EQ(state(value, at(2025, 11, 24, 10, 0)), kOpen);
  EXPECT_EQ(state(value, at(2025, 11, 24, 14, 0)), kClosed);  // Monday was selected
  const StateAt saturday = hours(value).state_at(at(2025, 11, 29, 10, 0));
  EXPECT_EQ(saturday.state, kUnknown);
  EXPECT_EQ(saturday.comment, "by appointment");

  const char* emergency = "Mo-Fr 08:00-11:00 || Th-Sa 12:00-13:00 open \"Emergency only\"";
  EXPECT_EQ(state(emergency, at(2025, 11, 27, 12, 30)), kClosed);  // Thu: first rule
  const StateAt sat = hours(emergency).state_at(at(2025, 11, 29, 12, 30));
  EXPECT_EQ(sat.state, kOpen);
  EXPECT_EQ(sat.comment, "Emergency only");
}

TEST(OpeningHoursTest, CommentsAndTheirStates) {
  const StateAt call = hours("Mo 10:00-12:00 \"call first\"").state_at(at(2025, 11, 24, 11, 0));
  EXPECT_EQ(call.state, kUnknown);  // a comment without a state word: uncertain
  EXPECT_EQ(call.comment, "call first");
  const StateAt open =
      hours("Mo 10:00-12:00 open \"female only\"").state_at(at(2025, 11, 24, 11, 0));
  EXPECT_EQ(open.state, kOpen);
  EXPECT_EQ(open.comment, "female only");
  EXPECT_EQ(state("\"by appointment\"", at(2025, 11, 24, 3, 0)), kUnknown);
  EXPECT_EQ(next_change("\"by appointment\"", at(2025, 11, 24, 3, 0)), std::nullopt);
  const StateAt xmas =
      hours("10:00-18:00; Dec 25 off \"Christmas\"").state_at(at(2025, 12, 25, 12, 0));
  EXPECT_EQ(xmas.state, kClosed);
  EXPECT_EQ(xmas.comment, "Christmas");
}

// ---- nth weekdays ----

TEST(OpeningHoursTest, NthWeekdayOfTheMonth) {
  EXPECT_EQ(state("Su[-1] 10:00-16:00", at(2025, 11, 30, 11, 0)), kOpen);  // last Sunday
  EXPECT_EQ(state("Su[-1] 10:00-16:00", at(2025, 11, 23, 11, 0)), kClosed);
  EXPECT_EQ(state("Mo[1] 09:00-12:00", at(2025, 12, 1, 10, 0)), kOpen);
  EXPECT_EQ(state("Mo[1] 09:00-12:00", at(2025, 12, 8, 10, 0)), kClosed);
  EXPECT_EQ(state("We[2-3] 09:00-12:00", at(2025, 12, 17, 10, 0)), kOpen);  // 3rd Wed
  EXPECT_EQ(state("We[2-3] 09:00-12:00", at(2025, 12, 24, 10, 0)), kClosed);
  // The day after the last Saturday of January 2026 is Sunday, February 1.
  EXPECT_EQ(state("Sa[-1] +1 day 10:00-12:00", at(2026, 2, 1, 11, 0)), kOpen);
  EXPECT_EQ(state("Sa[-1] +1 day 10:00-12:00", at(2026, 1, 31, 11, 0)), kClosed);
  EXPECT_EQ(next_change("Su[-1] 10:00-16:00", at(2025, 11, 30, 17, 0)), at(2025, 12, 28, 10, 0));
}

// ---- dates, months, years, weeks ----

TEST(OpeningHoursTest, MonthAndDateRanges) {
  const char* seasons = "Jan-Mar 10:00-16:00; Apr-Dec 09:00-18:00";
  EXPECT_EQ(state(seasons, at(2025, 2, 10, 17, 0)), kClosed);
  EXPECT_EQ(state(seasons, at(2025, 5, 10, 17, 0)), kOpen);
  EXPECT_EQ(state("Nov-Feb 10:00-16:00", at(2026, 1, 15, 12, 0)), kOpen);  // wraps the year
  EXPECT_EQ(state("Nov-Feb 10:00-16:00", at(2026, 3, 15, 12, 0)), kClosed);
  const char* holidays = "10:00-18:00; Dec 24-26 off; Nov 01-Nov 03 off";
  EXPECT_EQ(state(holidays, at(2025, 12, 26, 12, 0)), kClosed);
  EXPECT_EQ(state(holidays, at(2025, 12, 27, 12, 0)), kOpen);
  EXPECT_EQ(state(holidays, at(2025, 11, 2, 12, 0)), kClosed);
  const char* winter_break = "Mo-Su 10:00-18:00; Dec 24-Jan 02 off";
  EXPECT_EQ(state(winter_break, at(2026, 1, 1, 12, 0)), kClosed);
  EXPECT_EQ(state(winter_break, at(2026, 1, 3, 12, 0)), kOpen);
  EXPECT_EQ(next_change(winter_break, at(2025, 12, 23, 19, 0)), at(2026, 1, 3, 10, 0));
  EXPECT_EQ(state("Jan 01-31/8 10:00-12:00", at(2025, 1, 9, 11, 0)), kOpen);  // 1, 9, 17, 25
  EXPECT_EQ(state("Jan 01-31/8 10:00-12:00", at(2025, 1, 10, 11, 0)), kClosed);
  EXPECT_EQ(state("Sep 15+ 10:00-12:00", at(2025, 12, 31, 11, 0)), kOpen);
  EXPECT_EQ(state("Sep 15+ 10:00-12:00", at(2026, 1, 1, 11, 0)), kClosed);
}

TEST(OpeningHoursTest, LeapDays) {
  const char* value = "Mo-Su 10:00-18:00; Feb 29 off";
  EXPECT_EQ(state(value, at(2024, 2, 29, 12, 0)), kClosed);
  EXPECT_EQ(state(value, at(2025, 2, 28, 12, 0)), kOpen);
  EXPECT_EQ(state(value, at(2025, 3, 1, 12, 0)), kOpen);
  // A range ending on a missing Feb 29 ends on Feb 28; one starting there starts on Mar 1.
  EXPECT_EQ(state("10:00-18:00; Feb 20-Feb 29 off", at(2025, 2, 28, 12, 0)), kClosed);
  EXPECT_EQ(state("10:00-18:00; Feb 20-Feb 29 off", at(2025, 3, 1, 12, 0)), kOpen);
  EXPECT_EQ(state("10:00-18:00; Feb 29-Mar 02 off", at(2025, 2, 28, 12, 0)), kOpen);
  EXPECT_EQ(state("10:00-18:00; Feb 29-Mar 02 off", at(2025, 3, 1, 12, 0)), kClosed);
  EXPECT_EQ(state("10:00-18:00; Feb 29-Mar 02 off", at(2024, 2, 29, 12, 0)), kClosed);
  EXPECT_EQ(next_change("Feb 29 10:00-12:00", at(2024, 2, 29, 13, 0)), std::nullopt);  // 4 years
}

TEST(OpeningHoursTest, YearsAndWeeks) {
  EXPECT_EQ(state("2025 Mo-Fr 08:00-18:00", at(2025, 11, 24, 9, 0)), kOpen);
  EXPECT_EQ(state("2025 Mo-Fr 08:00-18:00", at(2026, 1, 5, 9, 0)), kClosed);
  EXPECT_EQ(state("2020-2030/2 10:00-12:00", at(2026, 6, 1, 11, 0)), kOpen);
  EXPECT_EQ(state("2020-2030/2 10:00-12:00", at(2025, 6, 1, 11, 0)), kClosed);
  EXPECT_EQ(state("2060+ 10:00-12:00", at(2061, 6, 1, 11, 0)), kOpen);
  EXPECT_EQ(state("2013 Dec 31-2014 Jan 02 10:00-12:00", at(2014, 1, 2, 11, 0)), kOpen);
  EXPECT_EQ(state("2013 Dec 31-2014 Jan 02 10:00-12:00", at(2015, 1, 2, 11, 0)), kClosed);
  // ISO weeks: 2025-12-29 is in week 1 of 2026, 2027-01-01 in week 53 of 2026.
  const char* odd_weeks = "week 01-10/2 Mo 10:00-12:00";
  EXPECT_EQ(state(odd_weeks, at(2025, 12, 29, 11, 0)), kOpen);
  EXPECT_EQ(state(odd_weeks, at(2026, 1, 5, 11, 0)), kClosed);
  EXPECT_EQ(state(odd_weeks, at(2026, 1, 12, 11, 0)), kOpen);
  EXPECT_EQ(state("10:00-18:00; week 53 off", at(2027, 1, 1, 12, 0)), kClosed);
  EXPECT_EQ(state("10:00-18:00; week 53 off", at(2027, 1, 4, 12, 0)), kOpen);
}

TEST(OpeningHoursTest, Easter) {
  const char* value = "10:00-18:00; easter off; easter +1 day 12:00-14:00";
  EXPECT_EQ(state(value, at(2025, 4, 20, 12, 0)), kClosed);  // Easter Sunday 2025
  EXPECT_EQ(state(value, at(2026, 4, 6, 11, 0)), kClosed);   // Easter Monday 2026
  EXPECT_EQ(state(value, at(2026, 4, 6, 13, 0)), kOpen);
  const char* long_weekend = "10:00-18:00; easter -2 days-easter +1 day off";
  EXPECT_EQ(state(long_weekend, at(2025, 4, 18, 12, 0)), kClosed);  // Good Friday
  EXPECT_EQ(state(long_weekend, at(2025, 4, 21, 12, 0)), kClosed);  // Easter Monday
  EXPECT_EQ(state(long_weekend, at(2025, 4, 17, 12, 0)), kOpen);
  EXPECT_EQ(state(long_weekend, at(2025, 4, 22, 12, 0)), kOpen);
}

// ---- public holidays ----

TEST(OpeningHoursTest, PublicHolidaysFromTheChinaCalendar) {
  const HolidayCalendar& china = HolidayCalendar::china();
  const char* value = "Mo-Fr 09:00-18:00; PH off";
  const StateAt national_day = hours(value).state_at(at(2025, 10, 1, 12, 0), china);
  EXPECT_EQ(national_day.state, kClosed);
  EXPECT_EQ(national_day.comment, "国庆节、中秋节");  // the holiday names the closure
  EXPECT_EQ(state(value, at(2025, 10, 9, 12, 0), china), kOpen);
  EXPECT_EQ(next_change(value, at(2025, 9, 30, 19, 0), china), at(2025, 10, 9, 9, 0));
  // 调休: Sunday 2025-09-28 is a working day by decree, but "Mo-Fr" still means Mo-Fr.
  EXPECT_EQ(state(value, at(2025, 9, 28, 12, 0), china), kClosed);
  // A holiday rule after the weekday rule replaces the holiday's hours.
  const char* short_day = "Mo-Fr 09:00-18:00; PH 10:00-14:00";
  EXPECT_EQ(state(short_day, at(2025, 5, 1, 15, 0), china), kClosed);
  EXPECT_EQ(state(short_day, at(2025, 5, 1, 11, 0), china), kOpen);
  // The day before a holiday.
  EXPECT_EQ(state("10:00-20:00; PH -1 day 10:00-16:00", at(2025, 9, 30, 17, 0), china), kClosed);
  EXPECT_EQ(state("10:00-20:00; PH -1 day 10:00-16:00", at(2025, 9, 29, 17, 0), china), kOpen);
}

TEST(OpeningHoursTest, UnknownHolidaysMakeOnlyTheAffectedTimesUnknown) {
  const char* value = "Mo-Fr 09:00-18:00; PH off";
  const StateAt monday = hours(value).state_at(at(2025, 11, 24, 12, 0));  // no calendar
  EXPECT_EQ(monday.state, kUnknown);
  EXPECT_FALSE(monday.comment.empty());
  EXPECT_EQ(state(value, at(2025, 11, 24, 20, 0)), kClosed);  // closed either way
  EXPECT_EQ(state(value, at(2025, 11, 29, 12, 0)), kClosed);  // Saturday either way
  // The China calendar ends with 2026.
  EXPECT_EQ(state(value, at(2027, 3, 1, 12, 0), HolidayCalendar::china()), kUnknown);
  // "PH,Mo-Su" selects every day whatever the holidays are.
  EXPECT_EQ(state("PH,Mo-Su 09:30-23:30", at(2025, 11, 24, 12, 0)), kOpen);
}

TEST(OpeningHoursTest, CallerSuppliedHolidays) {
  HolidayCalendar us;
  us.set_year(HolidayKind::kPublic, 2025,
              {{{2025, 7, 4}, "Independence Day"}, {{2025, 12, 25}, "Christmas Day"}});
  const char* value = "Mo-Fr 09:00-17:00; PH off";
  EXPECT_EQ(state(value, at(2025, 7, 4, 12, 0), us), kClosed);
  EXPECT_EQ(state(value, at(2025, 7, 3, 12, 0), us), kOpen);
  EXPECT_EQ(state(value, at(2026, 7, 3, 12, 0), us), kUnknown);             // 2026 not given
  EXPECT_EQ(state("SH 10:00-12:00", at(2025, 7, 4, 11, 0), us), kUnknown);  // no school data
}

// ---- sloppy forms that are accepted, and what is refused ----

TEST(OpeningHoursTest, SloppyFormsMeanTheSameAsTheStrictOnes) {
  const char* strict = "Mo-Fr 08:00-18:00";
  for (const char* sloppy :
       {"mo-fr 8-18", "Mo-Fr 08:00 - 18:00", "MO-FR 8:00-18:00", "Mon-Fri 08:00-18:00",
        "Monday to Friday 8am-6pm", "Mo–Fr 08.00–18.00", "Mo-Fr ０８：００－１８：００",
        "Mo-Fr 08:00~18:00", "Mo-Fr: 08:00-18:00", "Mon-Fri, 8 AM - 6 PM"}) {
    SCOPED_TRACE(sloppy);
    for (const LocalDateTime& t :
         {at(2025, 11, 24, 7, 59), at(2025, 11, 24, 8, 0), at(2025, 11, 28, 17, 59),
          at(2025, 11, 28, 18, 0), at(2025, 11, 29, 12, 0)}) {
      EXPECT_EQ(state(sloppy, t), state(strict, t)) << t;
    }
  }
  EXPECT_EQ(state("Mo-So 10:00-19:00", at(2025, 11, 30, 12, 0)), kOpen);  // German "So"
  EXPECT_EQ(state("Mo 12:00-14:00 16:00-18:00", at(2025, 11, 24, 17, 0)), kOpen);
  EXPECT_EQ(state("10:00am-12:00am", at(2025, 11, 24, 23, 30)), kOpen);  // 12am ends at midnight
}

TEST(OpeningHoursTest, AmbiguousAndUnsupportedValuesAreRefused) {
  for (const char* value : {"8-6:30",                // 8 to 6:30 the next morning, or 6:30 pm?
                            "11:00-6:00",            // the same, with minutes
                            "4-10 pm",               // 4 am or 4 pm?
                            "Weekdays 7-3",          // free text
                            "F-Sa 12-9",             // one-letter weekday
                            "sunrise-sunset",        // needs the position
                            "Mo 12:00",              // a point in time, not hours
                            "Mo-Fr 10:00-16:00/90",  // collection_times syntax
                            "Mo-Fr 25:00-26:00",     // starts after midnight
                            "Mo-Fr 08:00-49:00",     // past 48:00
                            "Jun 31",
                            "Feb 30",
                            "Jun 30-24",
                            "week 54",
                            "Su[0]",
                            "PH +2 days",  // more than a day from a holiday
                            "",
                            "  ",
                            ";",
                            "||",
                            "|| open",
                            "Mo-Fr 08:00-18:00 \"open",
                            "Mo-Fr 08:00-18:00 | Sa 10:00-12:00"}) {
    EXPECT_FALSE(OpeningHours::parse(value)) << "\"" << value << "\" should be refused";
  }
}

TEST(OpeningHoursTest, ParseErrorsPointAtTheProblem) {
  const ParseResult bad_hour = OpeningHours::parse("Mo-Fr 25:00-26:00");
  ASSERT_FALSE(bad_hour);
  EXPECT_EQ(bad_hour.error().offset, 6u);
  const ParseResult bad_word = OpeningHours::parse("Mo-Fr 08:00-18:00; Xy 10:00-12:00");
  ASSERT_FALSE(bad_word);
  EXPECT_EQ(bad_word.error().offset, 19u);
  EXPECT_NE(bad_word.error().message.find("xy"), std::string::npos);
  const ParseResult unclosed = OpeningHours::parse("Mo 10:00-12:00 \"call us");
  ASSERT_FALSE(unclosed);
  EXPECT_EQ(unclosed.error().offset, 15u);
  const ParseResult not_utf8 = OpeningHours::parse("Mo 10:00-12:00 \xff");
  ASSERT_FALSE(not_utf8);
  EXPECT_EQ(not_utf8.error().offset, 15u);
  EXPECT_FALSE(OpeningHours::parse(std::string(5000, '1')));
}

TEST(OpeningHoursTest, InvalidTimesAreUnknownNotCrashes) {
  const OpeningHours value = hours("24/7");
  EXPECT_EQ(value.state_at(at(2025, 2, 30, 12, 0)).state, kUnknown);
  EXPECT_EQ(value.is_open(at(2025, 13, 1, 12, 0)), std::nullopt);
  EXPECT_EQ(value.next_change(at(2025, 1, 1, 24, 0)), std::nullopt);
  EXPECT_EQ(value.state_at(at(99999, 1, 1, 0, 0)).state, kUnknown);
  EXPECT_EQ(hours("Mo 10:00-12:00").next_change(at(9999, 12, 31, 12, 0)), std::nullopt);
}

TEST(OpeningHoursTest, NextChangeLooksAboutAYearAhead) {
  // Within the horizon: once a year.
  EXPECT_EQ(next_change("Dec 25 off", at(2025, 12, 26, 0, 0)), std::nullopt);  // closed always
  EXPECT_EQ(next_change("10:00-18:00; Dec 25 off", at(2025, 12, 25, 19, 0)),
            at(2025, 12, 26, 10, 0));
  // Beyond it: reported as no change.
  EXPECT_EQ(next_change("2030 Jan 01 10:00-12:00", at(2025, 11, 24, 12, 0)), std::nullopt);
}

}  // namespace
}  // namespace codriver::places
