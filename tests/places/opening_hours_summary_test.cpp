#include <gtest/gtest.h>

#include <string>

#include "opening_hours_helpers.h"
#include "places/opening_hours.h"

namespace codriver::places {
namespace {

using testing::hours;

std::string en(const char* value) {
  return hours(value).summary(Language::kEnglish);
}
std::string zh(const char* value) {
  return hours(value).summary(Language::kChinese);
}

TEST(OpeningHoursSummaryTest, WeekdaysTimesAndHolidays) {
  const char* value = "Mo-Fr 08:00-18:00; Sa 10:00-14:00; PH off";
  EXPECT_EQ(en(value), "Mon–Fri 08:00–18:00; Sat 10:00–14:00; closed on public holidays");
  EXPECT_EQ(zh(value), "周一至周五 08:00–18:00；周六 10:00–14:00；法定节假日休息");
}

TEST(OpeningHoursSummaryTest, AlwaysAndNever) {
  EXPECT_EQ(en("24/7"), "open 24/7");
  EXPECT_EQ(zh("24/7"), "全天24小时营业");
  EXPECT_EQ(en("off"), "closed");
  EXPECT_EQ(zh("closed"), "休息");
  EXPECT_EQ(en("Sa,Su"), "Sat, Sun open all day");
  EXPECT_EQ(zh("Sa,Su"), "周六、周日 全天营业");
}

TEST(OpeningHoursSummaryTest, OvernightAndOpenEnd) {
  EXPECT_EQ(en("Fr-Sa 18:00-02:00"), "Fri–Sat 18:00–02:00");
  EXPECT_EQ(en("22:00-26:00"), "22:00–02:00");
  EXPECT_EQ(en("Mo-Fr 08:00-24:00"), "Mon–Fri 08:00–24:00");
  EXPECT_EQ(en("17:00+"), "from 17:00");
  EXPECT_EQ(zh("17:00+"), "17:00起");
  EXPECT_EQ(en("13:00-17:00+"), "13:00–17:00 (open end)");
}

TEST(OpeningHoursSummaryTest, DatesMonthsWeeksAndNthWeekdays) {
  EXPECT_EQ(en("Dec 24-26 off"), "closed on Dec 24–26");
  EXPECT_EQ(zh("Dec 24-26 off"), "12月24日至26日休息");
  EXPECT_EQ(en("Jan-Mar 10:00-16:00"), "Jan–Mar 10:00–16:00");
  EXPECT_EQ(zh("Jan-Mar 10:00-16:00"), "1月至3月 10:00–16:00");
  EXPECT_EQ(en("Nov 01-Dec 15 Sa 10:00-12:00"), "Nov 1–Dec 15 Sat 10:00–12:00");
  EXPECT_EQ(en("Su[-1] 10:00-16:00"), "last Sun of the month 10:00–16:00");
  EXPECT_EQ(zh("Su[-1] 10:00-16:00"), "每月最后一个周日 10:00–16:00");
  EXPECT_EQ(en("Mo[1] off"), "closed on 1st Mon of the month");
  EXPECT_EQ(en("week 01-10/2 Mo 10:00-12:00"), "weeks 1–10, every 2nd week Mon 10:00–12:00");
  EXPECT_EQ(zh("week 01-10/2 Mo 10:00-12:00"), "第1至10周（每2周） 周一 10:00–12:00");
  EXPECT_EQ(en("2024-2026 Mo 10:00-12:00"), "2024–2026 Mon 10:00–12:00");
  EXPECT_EQ(en("easter off"), "closed on Easter");
  EXPECT_EQ(zh("PH +1 day off"), "法定节假日次日休息");
}

TEST(OpeningHoursSummaryTest, SeparatorsAndComments) {
  EXPECT_EQ(en("Mo-Fr 08:00-12:00, We 14:00-18:00"), "Mon–Fri 08:00–12:00; also Wed 14:00–18:00");
  EXPECT_EQ(en("Mo-Fr 08:00-12:00 || \"by appointment\""),
            "Mon–Fri 08:00–12:00; otherwise \"by appointment\"");
  EXPECT_EQ(zh("Mo-Fr 08:00-12:00 || \"by appointment\""),
            "周一至周五 08:00–12:00；其他日子 “by appointment”");
  EXPECT_EQ(en("Mo 10:00-12:00 open \"female only\""), "Mon 10:00–12:00 \"female only\"");
  EXPECT_EQ(en("Mo-Fr 10:00-20:00 unknown"), "Mon–Fri 10:00–20:00: hours unknown");
  EXPECT_EQ(zh("Mo-Fr 10:00-20:00 unknown"), "周一至周五 10:00–20:00：营业时间不确定");
  EXPECT_EQ(en("We 12:00-14:00 off"), "Wed 12:00–14:00 closed");
  EXPECT_EQ(en("SH Mo-Fr 10:00-12:00"), "school holidays on Mon–Fri 10:00–12:00");
  EXPECT_EQ(zh("SH Mo-Fr 10:00-12:00"), "周一至周五的学校假期 10:00–12:00");
}

}  // namespace
}  // namespace codriver::places
