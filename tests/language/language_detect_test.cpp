#include "language/language_detect.h"

#include <gtest/gtest.h>

namespace codriver::language {
namespace {

using routing::Language;

TEST(DetectLanguage, PureTexts) {
  EXPECT_EQ(detect_language("导航去天安门"), Language::kChinese);
  EXPECT_EQ(detect_language("附近有没有充电站"), Language::kChinese);
  EXPECT_EQ(detect_language("navigate to the airport"), Language::kEnglish);
  EXPECT_EQ(detect_language("Où est la gare"), Language::kEnglish);
}

TEST(DetectLanguage, DefaultsToEnglishWithoutLetters) {
  EXPECT_EQ(detect_language(""), Language::kEnglish);
  EXPECT_EQ(detect_language("123 456"), Language::kEnglish);
  EXPECT_EQ(detect_language("😀🚗 ?!"), Language::kEnglish);
  EXPECT_EQ(detect_language("\xFF\xFE"), Language::kEnglish);
}

TEST(DetectLanguage, ChineseSentenceWithForeignName) {
  EXPECT_EQ(detect_language("导航去 Monte Carlo Casino"), Language::kChinese);
  EXPECT_EQ(detect_language("去 Starbucks"), Language::kChinese);
  EXPECT_EQ(detect_language("KFC在哪"), Language::kChinese);
  EXPECT_EQ(detect_language("我想去 Charles de Gaulle Airport"), Language::kChinese);
}

TEST(DetectLanguage, EnglishSentenceWithChineseName) {
  EXPECT_EQ(detect_language("navigate to 北京"), Language::kEnglish);
  EXPECT_EQ(detect_language("take me to 北京大学 please"), Language::kEnglish);
  EXPECT_EQ(detect_language("find 星巴克 near me"), Language::kEnglish);
}

TEST(DetectLanguage, NamesAloneGoByWeightedShare) {
  EXPECT_EQ(detect_language("星巴克"), Language::kChinese);
  EXPECT_EQ(detect_language("Starbucks"), Language::kEnglish);
  // 2 Han (weight 6) against 21 Latin letters: under a quarter.
  EXPECT_EQ(detect_language("Hotel Intercontinental 北京"), Language::kEnglish);
  // 4 Han (weight 12) against 6 Latin letters: over a quarter.
  EXPECT_EQ(detect_language("Hilton 北京饭店"), Language::kChinese);
}

}  // namespace
}  // namespace codriver::language
