#include "places/holiday_calendar.h"

namespace codriver::places {

namespace {

// One announced break: every day from `first` to `last` (inclusive) is off.
struct Break {
  const char* name;
  CivilDate first;
  CivilDate last;
};

// 国务院办公厅关于2024年部分节假日安排的通知 (2023-10-25). 元旦 2024 was "1月1日放假，与周末
// 连休": the break began on Saturday 2023-12-30, which lies outside the covered years.
constexpr Break kChina2024[] = {
    {"元旦", {2024, 1, 1}, {2024, 1, 1}},     {"春节", {2024, 2, 10}, {2024, 2, 17}},
    {"清明节", {2024, 4, 4}, {2024, 4, 6}},   {"劳动节", {2024, 5, 1}, {2024, 5, 5}},
    {"端午节", {2024, 6, 8}, {2024, 6, 10}},  {"中秋节", {2024, 9, 15}, {2024, 9, 17}},
    {"国庆节", {2024, 10, 1}, {2024, 10, 7}},
};
constexpr CivilDate kChinaMakeup2024[] = {{2024, 2, 4},  {2024, 2, 18}, {2024, 4, 7},
                                          {2024, 4, 28}, {2024, 5, 11}, {2024, 9, 14},
                                          {2024, 9, 29}, {2024, 10, 12}};

// 国务院办公厅关于2025年部分节假日安排的通知 (2024-11-12), the first year with 除夕 and
// a second 劳动节 day as statutory holidays; 国庆节 and 中秋节 form one 8-day break.
constexpr Break kChina2025[] = {
    {"元旦", {2025, 1, 1}, {2025, 1, 1}},    {"春节", {2025, 1, 28}, {2025, 2, 4}},
    {"清明节", {2025, 4, 4}, {2025, 4, 6}},  {"劳动节", {2025, 5, 1}, {2025, 5, 5}},
    {"端午节", {2025, 5, 31}, {2025, 6, 2}}, {"国庆节、中秋节", {2025, 10, 1}, {2025, 10, 8}},
};
constexpr CivilDate kChinaMakeup2025[] = {
    {2025, 1, 26}, {2025, 2, 8}, {2025, 4, 27}, {2025, 9, 28}, {2025, 10, 11}};

// 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
constexpr Break kChina2026[] = {
    {"元旦", {2026, 1, 1}, {2026, 1, 3}},     {"春节", {2026, 2, 15}, {2026, 2, 23}},
    {"清明节", {2026, 4, 4}, {2026, 4, 6}},   {"劳动节", {2026, 5, 1}, {2026, 5, 5}},
    {"端午节", {2026, 6, 19}, {2026, 6, 21}}, {"中秋节", {2026, 9, 25}, {2026, 9, 27}},
    {"国庆节", {2026, 10, 1}, {2026, 10, 7}},
};
constexpr CivilDate kChinaMakeup2026[] = {{2026, 1, 4}, {2026, 2, 14}, {2026, 2, 28},
                                          {2026, 5, 9}, {2026, 9, 20}, {2026, 10, 10}};

template <std::size_t N>
std::vector<Holiday> days_of(const Break (&breaks)[N]) {
  std::vector<Holiday> days;
  for (const Break& announced : breaks) {
    for (int day = day_number(announced.first); day <= day_number(announced.last); ++day) {
      days.push_back({civil_date(day), announced.name});
    }
  }
  return days;
}

template <std::size_t N, std::size_t M>
void add_china_year(HolidayCalendar& calendar, int year, const Break (&breaks)[N],
                    const CivilDate (&makeup_workdays)[M]) {
  calendar.set_year(HolidayKind::kPublic, year, days_of(breaks));
  for (const CivilDate& date : makeup_workdays)
    calendar.add_makeup_workday(date);
}

HolidayCalendar make_china() {
  HolidayCalendar calendar;
  add_china_year(calendar, 2024, kChina2024, kChinaMakeup2024);
  add_china_year(calendar, 2025, kChina2025, kChinaMakeup2025);
  add_china_year(calendar, 2026, kChina2026, kChinaMakeup2026);
  return calendar;
}

}  // namespace

const HolidayCalendar& HolidayCalendar::none() {
  static const HolidayCalendar empty;
  return empty;
}

const HolidayCalendar& HolidayCalendar::china() {
  static const HolidayCalendar calendar = make_china();
  return calendar;
}

void HolidayCalendar::set_year(HolidayKind kind, int year, const std::vector<Holiday>& holidays) {
  if (year < kMinYear || year > kMaxYear) return;
  const int first = day_number({year, 1, 1});
  const int last = day_number({year, 12, 31});
  std::erase_if(names_by_day_, [&](const auto& entry) {
    return entry.first.first == kind && entry.first.second >= first && entry.first.second <= last;
  });
  for (const Holiday& holiday : holidays) {
    if (holiday.date.year != year || !is_valid(holiday.date)) continue;
    names_by_day_[{kind, day_number(holiday.date)}] = holiday.name;
  }
  covered_years_.insert({kind, year});
}

void HolidayCalendar::add_makeup_workday(CivilDate date) {
  if (is_valid(date)) makeup_workdays_.insert(day_number(date));
}

bool HolidayCalendar::is_makeup_workday(CivilDate date) const {
  return is_valid(date) && makeup_workdays_.contains(day_number(date));
}

bool HolidayCalendar::covers(HolidayKind kind, int year) const {
  return covered_years_.contains({kind, year});
}

HolidayAnswer HolidayCalendar::lookup(HolidayKind kind, CivilDate date) const {
  if (!is_valid(date) || !covers(kind, date.year)) return {};
  const auto found = names_by_day_.find({kind, day_number(date)});
  if (found == names_by_day_.end()) return {false, {}};
  return {true, found->second};
}

}  // namespace codriver::places
