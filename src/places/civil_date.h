#pragma once

#include <compare>

// Proleptic Gregorian calendar arithmetic on plain day numbers, for the
// opening_hours evaluator and the holiday calendar. A day number counts days
// since 1970-01-01 (which is day 0), so that "the next day" is just +1.
namespace codriver::places {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// Years outside this range are refused everywhere, so that day numbers stay
// small and no arithmetic below can overflow.
inline constexpr int kMinYear = 1000;
inline constexpr int kMaxYear = 9999;

bool is_leap_year(int year);
int days_in_month(int year, int month);  // 0 for a month outside 1..12
bool is_valid(CivilDate date);           // a real date with kMinYear <= year <= kMaxYear

// Precondition for both: the date is valid / the day number came from a valid date.
int day_number(CivilDate date);
CivilDate civil_date(int day_number);

int iso_weekday(int day_number);  // 0 = Monday ... 6 = Sunday
int iso_week(int day_number);     // 1..53, ISO 8601 week of the year
int easter_sunday(int year);      // day number of Western (Gregorian) Easter Sunday

}  // namespace codriver::places
