#include "places/civil_date.h"

#include <chrono>

namespace codriver::places {

namespace chr = std::chrono;

bool is_leap_year(int year) {
  return chr::year{year}.is_leap();
}

int days_in_month(int year, int month) {
  if (month < 1 || month > 12) return 0;
  const chr::year_month_day_last last{chr::year{year} / chr::month{static_cast<unsigned>(month)} /
                                      chr::last};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

bool is_valid(CivilDate date) {
  return date.year >= kMinYear && date.year <= kMaxYear && date.day >= 1 &&
         date.day <= days_in_month(date.year, date.month);
}

int day_number(CivilDate date) {
  const chr::sys_days days{chr::year{date.year} / chr::month{static_cast<unsigned>(date.month)} /
                           chr::day{static_cast<unsigned>(date.day)}};
  return static_cast<int>(days.time_since_epoch().count());
}

CivilDate civil_date(int day_number) {
  const chr::year_month_day ymd{chr::sys_days{chr::days{day_number}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

int iso_weekday(int day_number) {
  const chr::weekday weekday{chr::sys_days{chr::days{day_number}}};
  return static_cast<int>(weekday.iso_encoding()) - 1;
}

int iso_week(int day_number) {
  // ISO weeks belong to the year that holds their Thursday; week 1 is the week
  // with that year's first Thursday.
  const int thursday = day_number - iso_weekday(day_number) + 3;
  const int first_of_year = codriver::places::day_number({civil_date(thursday).year, 1, 1});
  return (thursday - first_of_year) / 7 + 1;
}

int easter_sunday(int year) {
  // The anonymous Gregorian computus (Meeus, "Astronomical Algorithms", ch. 8):
  // golden number, century corrections for the solar and lunar drift, the
  // Paschal full moon (h days after March 21) and the days to the next Sunday (l).
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - b / 4 - g + 15) % 30;
  const int l = (32 + 2 * (b % 4) + 2 * (c / 4) - h - c % 4) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month_and_day = h + l - 7 * m + 114;
  return codriver::places::day_number({year, month_and_day / 31, month_and_day % 31 + 1});
}

}  // namespace codriver::places
