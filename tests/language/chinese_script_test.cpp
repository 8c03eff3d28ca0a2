#include "language/chinese_script.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace codriver::language {
namespace {

TEST(ChineseScriptTest, TraditionalBecomesSimplified) {
  ASSERT_TRUE(simplified_conversion_available()) << "OpenCC t2s data not found";
  EXPECT_EQ(to_simplified("臺灣"), "台湾");
  EXPECT_EQ(to_simplified("國立臺灣博物館"), "国立台湾博物馆");
  EXPECT_EQ(to_simplified("台北車站"), "台北车站");
  EXPECT_EQ(to_simplified("誠品書店"), "诚品书店");
}

TEST(ChineseScriptTest, SimplifiedAndOtherTextStayAsTheyAre) {
  EXPECT_EQ(to_simplified("台北车站"), "台北车站");
  EXPECT_EQ(to_simplified("Café de Paris, 臺灣 & co."), "Café de Paris, 台湾 & co.");
  EXPECT_EQ(to_simplified(""), "");
}

TEST(ChineseScriptTest, InvalidUtf8IsReplacedNotThrown) {
  const std::string broken = std::string("臺") + "\xFF\xC3" + "灣";
  EXPECT_EQ(to_simplified(broken), "台\xEF\xBF\xBD\xEF\xBF\xBD湾");
}

TEST(ChineseScriptTest, ConversionIsSafeFromManyThreads) {
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&results, t] {
      for (int i = 0; i < 200; ++i)
        results[t] = to_simplified("國立臺灣博物館");
    });
  }
  for (auto& thread : threads)
    thread.join();
  for (const auto& result : results)
    EXPECT_EQ(result, "国立台湾博物馆");
}

TEST(ChineseScriptTest, PinyinOfHanTextIsTonelessSyllables) {
  EXPECT_EQ(to_pinyin("台北車站"), "tai bei che zhan");
  EXPECT_EQ(to_pinyin("台北车站"), "tai bei che zhan");
  EXPECT_EQ(to_pinyin("蒙特卡洛"), "meng te ka luo");
  EXPECT_EQ(to_pinyin("重庆"), "zhong qing");
  EXPECT_EQ(to_pinyin("绿"), "lv");
  EXPECT_EQ(to_pinyin("綠島"), "lv dao");
}

TEST(ChineseScriptTest, PinyinKeepsOtherRunsAsFoldedTokens) {
  EXPECT_EQ(to_pinyin("去蒙特卡洛 Casino!"), "qu meng te ka luo casino");
  EXPECT_EQ(to_pinyin("台北101"), "tai bei 101");
  EXPECT_EQ(to_pinyin("Café de Paris"), "cafe de paris");
  EXPECT_EQ(to_pinyin(""), "");
  EXPECT_EQ(to_pinyin("🚗 \xFF"), "");
}

TEST(ChineseScriptTest, TableCoversTheUnifiedBlocksAndExtensionA) {
  EXPECT_EQ(pinyin_of(U'中'), "zhong");
  EXPECT_EQ(pinyin_of(0x3400), "qiu");   // first of extension A
  EXPECT_EQ(pinyin_of(0x9F8D), "long");  // 龍, Traditional
  EXPECT_EQ(pinyin_of(0x9F99), "long");  // 龙
  EXPECT_EQ(pinyin_of(U'a'), "");
  EXPECT_EQ(pinyin_of(0x110000), "");
}

TEST(ChineseScriptTest, SyllablesAreRecognised) {
  EXPECT_TRUE(is_pinyin_syllable("zhuang"));
  EXPECT_TRUE(is_pinyin_syllable("lv"));
  EXPECT_FALSE(is_pinyin_syllable("casino"));
  EXPECT_FALSE(is_pinyin_syllable(""));
}

TEST(ChineseScriptTest, TypedPinyinSplitsIntoFewestSyllables) {
  EXPECT_EQ(split_pinyin("taibei"), (std::vector<std::string>{"tai", "bei"}));
  EXPECT_EQ(split_pinyin("chezhan"), (std::vector<std::string>{"che", "zhan"}));
  EXPECT_EQ(split_pinyin("xian"), (std::vector<std::string>{"xian"}));
  EXPECT_EQ(split_pinyin("mengtekaluo"), (std::vector<std::string>{"meng", "te", "ka", "luo"}));
  EXPECT_TRUE(split_pinyin("casino").empty());
  EXPECT_TRUE(split_pinyin("hello").empty());
  EXPECT_TRUE(split_pinyin("").empty());
  EXPECT_TRUE(split_pinyin(std::string(500, 'a')).empty());
}

}  // namespace
}  // namespace codriver::language
