#include <gtest/gtest.h>

#include "speech/spoken_numbers_en.h"
#include "speech/spoken_numbers_zh.h"

namespace codriver::speech {
namespace {

TEST(SpokenNumbersEnglish, Cardinals) {
  EXPECT_EQ(english_cardinal(0), "zero");
  EXPECT_EQ(english_cardinal(7), "seven");
  EXPECT_EQ(english_cardinal(13), "thirteen");
  EXPECT_EQ(english_cardinal(21), "twenty-one");
  EXPECT_EQ(english_cardinal(40), "forty");
  EXPECT_EQ(english_cardinal(100), "one hundred");
  EXPECT_EQ(english_cardinal(350), "three hundred fifty");
  EXPECT_EQ(english_cardinal(1'005), "one thousand five");
  EXPECT_EQ(english_cardinal(12'345), "twelve thousand three hundred forty-five");
  EXPECT_EQ(english_cardinal(1'000'000), "one million");
  EXPECT_EQ(english_cardinal(2'000'000'001), "two billion one");
  EXPECT_EQ(english_cardinal(999'999'999'999),
            "nine hundred ninety-nine billion nine hundred ninety-nine million nine hundred "
            "ninety-nine thousand nine hundred ninety-nine");
  EXPECT_EQ(english_cardinal(1'000'000'000'000),
            "one zero zero zero zero zero zero zero zero "
            "zero zero zero zero");
}

TEST(SpokenNumbersEnglish, DigitsAndOrdinals) {
  EXPECT_EQ(english_integer("007"), "zero zero seven");
  EXPECT_EQ(english_integer("42"), "forty-two");
  EXPECT_EQ(english_digits("2024"), "two zero two four");
  EXPECT_EQ(english_ordinal(1), "first");
  EXPECT_EQ(english_ordinal(2), "second");
  EXPECT_EQ(english_ordinal(3), "third");
  EXPECT_EQ(english_ordinal(5), "fifth");
  EXPECT_EQ(english_ordinal(8), "eighth");
  EXPECT_EQ(english_ordinal(9), "ninth");
  EXPECT_EQ(english_ordinal(12), "twelfth");
  EXPECT_EQ(english_ordinal(20), "twentieth");
  EXPECT_EQ(english_ordinal(21), "twenty-first");
  EXPECT_EQ(english_ordinal(100), "one hundredth");
  EXPECT_EQ(english_ordinal(103), "one hundred third");
}

TEST(SpokenNumbersChinese, Cardinals) {
  EXPECT_EQ(chinese_cardinal(0), "零");
  EXPECT_EQ(chinese_cardinal(2), "二");
  EXPECT_EQ(chinese_cardinal(10), "十");
  EXPECT_EQ(chinese_cardinal(15), "十五");
  EXPECT_EQ(chinese_cardinal(20), "二十");
  EXPECT_EQ(chinese_cardinal(105), "一百零五");
  EXPECT_EQ(chinese_cardinal(110), "一百一十");
  EXPECT_EQ(chinese_cardinal(200), "二百");
  EXPECT_EQ(chinese_cardinal(350), "三百五十");
  EXPECT_EQ(chinese_cardinal(1'005), "一千零五");
  EXPECT_EQ(chinese_cardinal(2'000), "两千");
  EXPECT_EQ(chinese_cardinal(2'222), "两千二百二十二");
  EXPECT_EQ(chinese_cardinal(10'000), "一万");
  EXPECT_EQ(chinese_cardinal(10'010), "一万零一十");
  EXPECT_EQ(chinese_cardinal(100'000), "十万");
  EXPECT_EQ(chinese_cardinal(1'000'500), "一百万零五百");
  EXPECT_EQ(chinese_cardinal(20'000'000), "两千万");
  EXPECT_EQ(chinese_cardinal(100'000'001), "一亿零一");
  EXPECT_EQ(chinese_cardinal(123'456'789), "一亿二千三百四十五万六千七百八十九");
  EXPECT_EQ(chinese_cardinal(999'999'999'999), "九千九百九十九亿九千九百九十九万九千九百九十九");
}

TEST(SpokenNumbersChinese, DigitByDigit) {
  EXPECT_EQ(chinese_digits("2024"), "二零二四");
  EXPECT_EQ(chinese_integer("007"), "零零七");
  EXPECT_EQ(chinese_integer("1000000000000"), "一零零零零零零零零零零零零");
}

}  // namespace
}  // namespace codriver::speech
