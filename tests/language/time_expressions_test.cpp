#include "language/time_expressions.h"

#include <gtest/gtest.h>

#include <string>

#include "language/text_fold.h"

namespace codriver::language {
namespace {

struct Expected {
  std::string span{};
  int day_offset = 0;
  std::optional<int> minute_of_day{};
  std::string part_of_day{};
  bool now = false;
  std::optional<int> in_minutes{};
};

void expect_time(std::string_view text, const Expected& expected) {
  const std::string folded = fold_text(text);
  const auto time = find_time(folded);
  ASSERT_TRUE(time.has_value()) << text;
  EXPECT_EQ(folded.substr(time->begin, time->end - time->begin), expected.span) << text;
  EXPECT_EQ(time->day_offset, expected.day_offset) << text;
  EXPECT_EQ(time->minute_of_day, expected.minute_of_day) << text;
  EXPECT_EQ(time->part_of_day, expected.part_of_day) << text;
  EXPECT_EQ(time->now, expected.now) << text;
  EXPECT_EQ(time->in_minutes, expected.in_minutes) << text;
}

void expect_no_time(std::string_view text) {
  const auto time = find_time(fold_text(text));
  EXPECT_FALSE(time.has_value()) << text << " -> [" << time->begin << ", " << time->end << ")";
}

TEST(FindTime, EnglishClockTimes) {
  expect_time("at 8", {"at 8", 0, 480});
  expect_time("at 8pm", {"at 8pm", 0, 1200});
  expect_time("8 pm", {"8 pm", 0, 1200});
  expect_time("8 p.m.", {"8 p.m.", 0, 1200});
  expect_time("at 7 am", {"at 7 am", 0, 420});
  expect_time("12 am", {"12 am", 0, 0});
  expect_time("12 pm", {"12 pm", 0, 720});
  expect_time("8:30", {"8:30", 0, 510});
  expect_time("20:30", {"20:30", 0, 1230});
  expect_time("at 8:30 pm", {"at 8:30 pm", 0, 1230});
  expect_time("seven o'clock", {"seven o'clock", 0, 420});
  expect_time("at seven thirty", {"at seven thirty", 0, 450});
  expect_time("half past seven", {"half past seven", 0, 450});
  expect_time("quarter past 7", {"quarter past 7", 0, 435});
  expect_time("quarter to eight", {"quarter to eight", 0, 465});
  expect_time("ten to one", {"ten to one", 0, 770});
  expect_time("ten past nine pm", {"ten past nine pm", 0, 1270});
  expect_time("at noon", {"at noon", 0, 720, "noon"});
  expect_time("noon", {"noon", 0, 720, "noon"});
  expect_time("midnight", {"midnight", 0, 0, "night"});
}

TEST(FindTime, EnglishDaysAndParts) {
  expect_time("tonight", {"tonight", 0, std::nullopt, "evening"});
  expect_time("this evening", {"this evening", 0, std::nullopt, "evening"});
  expect_time("tomorrow", {"tomorrow", 1});
  expect_time("tomorrow morning", {"tomorrow morning", 1, std::nullopt, "morning"});
  expect_time("the day after tomorrow", {"the day after tomorrow", 2});
  expect_time("tomorrow at 9", {"tomorrow at 9", 1, 540});
  expect_time("at 9 tomorrow", {"at 9 tomorrow", 1, 540});
  expect_time("tonight at 8", {"tonight at 8", 0, 1200, "evening"});
  expect_time("at 5 in the afternoon", {"at 5 in the afternoon", 0, 1020, "afternoon"});
  expect_time("tomorrow at noon", {"tomorrow at noon", 1, 720, "noon"});
  expect_time("tomorrow night at 11", {"tomorrow night at 11", 1, 1380, "night"});
  expect_time("book for 4 tomorrow, at 7:30 pm please", {"tomorrow, at 7:30 pm", 1, 1170});
}

TEST(FindTime, EnglishNowAndDelays) {
  expect_time("now", {"now", 0, std::nullopt, "", true});
  expect_time("go right now", {"right now", 0, std::nullopt, "", true});
  expect_time("in 20 minutes", {"in 20 minutes", 0, std::nullopt, "", false, 20});
  expect_time("in an hour", {"in an hour", 0, std::nullopt, "", false, 60});
  expect_time("remind me in half an hour", {"in half an hour", 0, std::nullopt, "", false, 30});
  expect_time("10 minutes from now", {"10 minutes from now", 0, std::nullopt, "", false, 10});
}

TEST(FindTime, ChineseClockTimes) {
  expect_time("晚上八点", {"晚上八点", 0, 1200, "evening"});
  expect_time("八点", {"八点", 0, 480});
  expect_time("八点半", {"八点半", 0, 510});
  expect_time("下午三点", {"下午三点", 0, 900, "afternoon"});
  expect_time("中午十二点", {"中午十二点", 0, 720, "noon"});
  expect_time("早上七点一刻", {"早上七点一刻", 0, 435, "morning"});
  expect_time("晚上8点", {"晚上8点", 0, 1200, "evening"});
  expect_time("八点十分", {"八点十分", 0, 490});
  expect_time("八点零五", {"八点零五", 0, 485});
  expect_time("下午三点四十五", {"下午三点四十五", 0, 945, "afternoon"});
  expect_time("8点30", {"8点30", 0, 510});
  expect_time("20时30分", {"20时30分", 0, 1230});
  expect_time("十点钟", {"十点钟", 0, 600});
  expect_time("九点整", {"九点整", 0, 540});
  expect_time("两点三刻", {"两点三刻", 0, 165});
  expect_time("下午一点", {"下午一点", 0, 780, "afternoon"});
  expect_time("凌晨三点", {"凌晨三点", 0, 180, "night"});
  expect_time("晚上十一点", {"晚上十一点", 0, 1380, "evening"});
}

TEST(FindTime, ChineseDaysPartsNowAndDelays) {
  expect_time("明天早上", {"明天早上", 1, std::nullopt, "morning"});
  expect_time("明早", {"明早", 1, std::nullopt, "morning"});
  expect_time("今晚", {"今晚", 0, std::nullopt, "evening"});
  expect_time("后天", {"后天", 2});
  expect_time("大后天", {"大后天", 3});
  expect_time("明天下午两点", {"明天下午两点", 1, 840, "afternoon"});
  expect_time("明晚七点", {"明晚七点", 1, 1140, "evening"});
  expect_time("明天的早上八点", {"明天的早上八点", 1, 480, "morning"});
  expect_time("现在", {"现在", 0, std::nullopt, "", true});
  expect_time("马上出发", {"马上", 0, std::nullopt, "", true});
  expect_time("二十分钟后", {"二十分钟后", 0, std::nullopt, "", false, 20});
  expect_time("半小时以后", {"半小时以后", 0, std::nullopt, "", false, 30});
  expect_time("过十分钟", {"过十分钟", 0, std::nullopt, "", false, 10});
}

TEST(FindTime, PicksTheMostSpecificTime) {
  expect_time("明天去公司, 晚上八点回家", {"晚上八点", 0, 1200, "evening"});
  expect_time("tomorrow or at 9 pm", {"at 9 pm", 0, 1260});
  expect_time("现在出发, 二十分钟后提醒我", {"二十分钟后", 0, std::nullopt, "", false, 20});
  expect_time("帮我订明天晚上七点半两个人的位子", {"明天晚上七点半", 1, 1170, "evening"});
}

TEST(FindTime, NumbersThatAreNotTimes) {
  expect_no_time("");
  expect_no_time("navigate home");
  expect_no_time("三点五公里");  // 3.5 km
  expect_no_time("快一点");      // a little faster
  expect_no_time("at 8 km");
  expect_no_time("8");
  expect_no_time("table for 8");
  expect_no_time("within 20 minutes");  // a bound, not a delay
  expect_no_time("in 99999999999 days");
  expect_no_time("last night");  // yesterday, which no field can say
}

}  // namespace
}  // namespace codriver::language
