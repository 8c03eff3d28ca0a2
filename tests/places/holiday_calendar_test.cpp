#include "places/holiday_calendar.h"

#include <gtest/gtest.h>

#include "places/civil_date.h"

namespace codriver::places {
namespace {

int public_holidays_in(const HolidayCalendar& calendar, int year) {
  int count = 0;
  for (int day = day_number({year, 1, 1}); day <= day_number({year, 12, 31}); ++day) {
    if (calendar.lookup(HolidayKind::kPublic, civil_date(day)).is_holiday == true) ++count;
  }
  return count;
}

TEST(CivilDateTest, WeekdaysWeeksAndEaster) {
  EXPECT_EQ(day_number({1970, 1, 1}), 0);
  EXPECT_EQ(civil_date(day_number({2024, 2, 29})), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(iso_weekday(day_number({2025, 11, 24})), 0);  // Monday
  EXPECT_EQ(iso_weekday(day_number({2025, 11, 30})), 6);  // Sunday
  EXPECT_EQ(iso_week(day_number({2025, 12, 29})), 1);     // week 1 of 2026
  EXPECT_EQ(iso_week(day_number({2027, 1, 1})), 53);      // week 53 of 2026
  EXPECT_EQ(iso_week(day_number({2025, 11, 24})), 48);
  EXPECT_EQ(civil_date(easter_sunday(2024)), (CivilDate{2024, 3, 31}));
  EXPECT_EQ(civil_date(easter_sunday(2025)), (CivilDate{2025, 4, 20}));
  EXPECT_EQ(civil_date(easter_sunday(2026)), (CivilDate{2026, 4, 5}));
  EXPECT_EQ(civil_date(easter_sunday(2038)), (CivilDate{2038, 4, 25}));  // the latest possible
  EXPECT_EQ(civil_date(easter_sunday(2285)), (CivilDate{2285, 3, 22}));  // the earliest
  EXPECT_FALSE(is_valid(CivilDate{2025, 2, 29}));
  EXPECT_TRUE(is_valid(CivilDate{2024, 2, 29}));
  EXPECT_FALSE(is_valid(CivilDate{2025, 4, 31}));
}

TEST(HolidayCalendarTest, ChinaCoversTheAnnouncedYears) {
  const HolidayCalendar& china = HolidayCalendar::china();
  for (int year : {2024, 2025, 2026})
    EXPECT_TRUE(china.covers(HolidayKind::kPublic, year));
  EXPECT_FALSE(china.covers(HolidayKind::kPublic, 2023));
  EXPECT_FALSE(china.covers(HolidayKind::kPublic, 2027));
  EXPECT_FALSE(china.covers(HolidayKind::kSchool, 2025));
  EXPECT_EQ(china.lookup(HolidayKind::kPublic, {2027, 1, 1}).is_holiday, std::nullopt);
  // Days off per year, bridged weekends included: 元旦 春节 清明 劳动 端午 中秋 国庆.
  EXPECT_EQ(public_holidays_in(china, 2024), 1 + 8 + 3 + 5 + 3 + 3 + 7);
  EXPECT_EQ(public_holidays_in(china, 2025), 1 + 8 + 3 + 5 + 3 + 8);  // 中秋 inside 国庆
  EXPECT_EQ(public_holidays_in(china, 2026), 3 + 9 + 3 + 5 + 3 + 3 + 7);
}

TEST(HolidayCalendarTest, ChinaDatesAsAnnounced) {
  const HolidayCalendar& china = HolidayCalendar::china();
  const auto name = [&](CivilDate date) {
    const HolidayAnswer answer = china.lookup(HolidayKind::kPublic, date);
    return answer.is_holiday == true ? std::string(answer.name) : std::string();
  };
  EXPECT_EQ(name({2024, 2, 10}), "春节");
  EXPECT_EQ(name({2024, 2, 9}), "");  // 除夕 2024 was only "encouraged" as a day off
  EXPECT_EQ(name({2024, 6, 10}), "端午节");
  EXPECT_EQ(name({2025, 1, 28}), "春节");  // 除夕 is a statutory holiday from 2025
  EXPECT_EQ(name({2025, 2, 4}), "春节");
  EXPECT_EQ(name({2025, 2, 5}), "");
  EXPECT_EQ(name({2025, 5, 31}), "端午节");
  EXPECT_EQ(name({2025, 10, 8}), "国庆节、中秋节");
  EXPECT_EQ(name({2026, 1, 3}), "元旦");
  EXPECT_EQ(name({2026, 2, 15}), "春节");
  EXPECT_EQ(name({2026, 2, 23}), "春节");
  EXPECT_EQ(name({2026, 9, 25}), "中秋节");
  EXPECT_EQ(name({2026, 10, 7}), "国庆节");
  EXPECT_EQ(name({2026, 10, 8}), "");
}

TEST(HolidayCalendarTest, ChinaMakeUpWorkingDays) {
  const HolidayCalendar& china = HolidayCalendar::china();
  for (CivilDate date : {CivilDate{2024, 2, 4}, CivilDate{2024, 2, 18}, CivilDate{2025, 1, 26},
                         CivilDate{2025, 10, 11}, CivilDate{2026, 1, 4}, CivilDate{2026, 2, 28},
                         CivilDate{2026, 10, 10}}) {
    EXPECT_TRUE(china.is_makeup_workday(date)) << date.year << "-" << date.month << "-" << date.day;
  }
  EXPECT_FALSE(china.is_makeup_workday({2025, 11, 29}));  // an ordinary Saturday
}

TEST(HolidayCalendarTest, CallersDeclareWholeYears) {
  HolidayCalendar calendar;
  EXPECT_EQ(calendar.lookup(HolidayKind::kPublic, {2025, 12, 25}).is_holiday, std::nullopt);
  calendar.set_year(HolidayKind::kPublic, 2025,
                    {{{2025, 12, 25}, "Christmas"}, {{2026, 1, 1}, "ignored"}});
  EXPECT_EQ(calendar.lookup(HolidayKind::kPublic, {2025, 12, 25}).is_holiday, true);
  EXPECT_EQ(calendar.lookup(HolidayKind::kPublic, {2025, 12, 25}).name, "Christmas");
  EXPECT_EQ(calendar.lookup(HolidayKind::kPublic, {2025, 12, 24}).is_holiday, false);
  EXPECT_EQ(calendar.lookup(HolidayKind::kPublic, {2026, 1, 1}).is_holiday, std::nullopt);
  EXPECT_EQ(calendar.lookup(HolidayKind::kSchool, {2025, 12, 25}).is_holiday, std::nullopt);
  calendar.set_year(HolidayKind::kPublic, 2025, {});  // replaced: no holidays that year
  EXPECT_EQ(calendar.lookup(HolidayKind::kPublic, {2025, 12, 25}).is_holiday, false);
}

}  // namespace
}  // namespace codriver::places
