#include "speech/speech_text.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace codriver::speech {
namespace {

using routing::Language;

struct Case {
  std::string written;
  std::string spoken;
};

void expect_table(const std::vector<Case>& cases, Language language) {
  for (const Case& c : cases) {
    EXPECT_EQ(normalise_for_speech(c.written, language), c.spoken) << "written: " << c.written;
  }
}

TEST(NormaliseEnglish, DistancesAndUnits) {
  expect_table({{"1.2 km", "one point two kilometres"},
                {"350 m", "three hundred fifty metres"},
                {"In 350m, turn left.", "In three hundred fifty metres, turn left."},
                {"1 km", "one kilometre"},
                {"12 min", "twelve minutes"},
                {"1 min", "one minute"},
                {"2 h", "two hours"},
                {"80%", "eighty percent"},
                {"1.5 %", "one point five percent"},
                {"38 km/h", "thirty-eight kilometres per hour"},
                {"55 mph", "fifty-five miles per hour"},
                {"22.5 kWh used", "twenty-two point five kilowatt hours used"},
                {"50 kW charger", "fifty kilowatts charger"},
                {"-5°C outside", "minus five degrees Celsius outside"},
                {"5 more turns", "five more turns"},
                {"5-10 km", "five to ten kilometres"},
                {"~5 km", "about five kilometres"},
                {"the 1990s", "the one thousand nine hundred ninety s"}},
               Language::kEnglish);
}

TEST(NormaliseEnglish, Money) {
  expect_table({{"€12.50", "twelve euros fifty"},
                {"$3", "three dollars"},
                {"$1", "one dollar"},
                {"$1.05", "one dollar five"},
                {"$0.50", "fifty cents"},
                {"£2.5", "two pounds fifty"},
                {"¥30", "thirty yuan"},
                {"￥30", "thirty yuan"},
                {"30元", "thirty yuan"},
                {"12 EUR", "twelve euros"},
                {"12.50 €", "twelve euros fifty"},
                {"$2 million", "two million dollars"},
                {"$3.5bn", "three point five billion dollars"},
                {"€40k", "forty thousand euros"},
                {"Parking costs €4.", "Parking costs four euros."}},
               Language::kEnglish);
}

TEST(NormaliseEnglish, ClockTimes) {
  expect_table({{"21:05", "nine oh five p m"},
                {"Arrive at 21:05.", "Arrive at nine oh five p m."},
                {"9:30", "nine thirty a m"},
                {"12:00", "twelve p m"},
                {"00:15", "twelve fifteen a m"},
                {"7:45 pm", "seven forty-five p m"},
                {"9 pm", "nine p m"},
                {"11 a.m.", "eleven a m"},
                {"10:30:15", "ten: thirty: fifteen"},
                {"25:00", "twenty-five: zero zero"}},
               Language::kEnglish);
}

TEST(NormaliseEnglish, OrdinalsAndNumberSigns) {
  expect_table({{"1st/2nd", "first/second"},
                {"Take the 3rd exit", "Take the third exit"},
                {"the 21st", "the twenty-first"},
                {"4th", "fourth"},
                {"No. 5", "number five"},
                {"no.12", "number twelve"},
                {"Gate #3", "Gate number three"}},
               Language::kEnglish);
}

TEST(NormaliseEnglish, DatesPhonesAndRates) {
  expect_table({{"2024-05-01", "May first two thousand twenty-four"},
                {"on 2023-12-25.", "on December twenty-fifth two thousand twenty-three."},
                {"Call 555-1234", "Call five five five, one two three four"},
                {"It costs €0.35/kWh", "It costs thirty-five cents per kilowatt hour"},
                {"$40/day", "forty dollars per day"},
                {"2 km/min", "two kilometres per minute"}},
               Language::kEnglish);
}

TEST(NormaliseEnglish, PlainNumbers) {
  expect_table(
      {{"0", "zero"},
       {"42", "forty-two"},
       {"1,234", "one thousand two hundred thirty-four"},
       {"1,234,567", "one million two hundred thirty-four thousand five hundred sixty-seven"},
       {"3000000000", "three billion"},
       {"-7", "minus seven"},
       {"−7", "minus seven"},
       {"3.14", "three point one four"},
       {"0.05", "zero point zero five"},
       {"A4 and M25", "A four and M twenty-five"},
       {"4G", "four G"},
       {"007", "zero zero seven"},
       {"1,2", "one, two"},
       {"Tom & Jerry", "Tom and Jerry"}},
      Language::kEnglish);
}

TEST(NormaliseEnglish, StripsMarkdownEmojiAndControls) {
  expect_table({{"**Turn left** in 300 m 🚗", "Turn left in three hundred metres"},
                {"# Route\n- Turn left\n- Go straight", "Route. Turn left. Go straight"},
                {"See [the map](http://127.0.0.1/map) now", "See the map now"},
                {"`code` and _emphasis_", "code and emphasis"},
                {"Hi\x01\x07 there\x7f!", "Hi there!"},
                {"Great 👍🏽! Done ✅", "Great! Done"},
                {"flag 🇩🇪 here", "flag here"},
                {"family 👨‍👩‍👧 ok", "family ok"},
                {"bad \xff\xfe utf-8 \xc3", "bad utf-eight"},
                {"---\n> quoted", "quoted"},
                {"  lots   of\t\tspace  ", "lots of space"},
                {"", ""},
                {"🚗🚗🚗", ""}},
               Language::kEnglish);
}

TEST(NormaliseChinese, DistancesAndUnits) {
  expect_table({{"1.2公里", "一点二公里"},
                {"350米", "三百五十米"},
                {"350米后左转", "三百五十米后左转"},
                {"350 m后左转", "三百五十米后左转"},
                {"1.2 km", "一点二公里"},
                {"12分钟", "十二分钟"},
                {"12 min", "十二分钟"},
                {"80%", "百分之八十"},
                {"80％", "百分之八十"},
                {"1.5%", "百分之一点五"},
                {"-5%", "负百分之五"},
                {"38公里/小时", "每小时三十八公里"},
                {"38 km/h", "每小时三十八公里"},
                {"-5°C", "负五摄氏度"},
                {"5-10公里", "五到十公里"},
                {"5~10公里", "五到十公里"},
                {"约~5公里", "约约五公里"}},
               Language::kChinese);
}

TEST(NormaliseChinese, Numbers) {
  expect_table({{"10", "十"},
                {"15", "十五"},
                {"105", "一百零五"},
                {"110", "一百一十"},
                {"2000", "两千"},
                {"10010", "一万零一十"},
                {"1,234", "一千二百三十四"},
                {"3.14", "三点一四"},
                {"0.5", "零点五"},
                {"-7", "负七"},
                {"１２３", "一百二十三"},
                {"G15高速", "G十五高速"}},
               Language::kChinese);
}

TEST(NormaliseChinese, TwoBeforeMeasureWords) {
  expect_table({{"2个", "两个"},
                {"2辆车", "两辆车"},
                {"2公里", "两公里"},
                {"2 km", "两公里"},
                {"2小时", "两小时"},
                {"2点", "两点"},
                {"第2个路口", "第二个路口"},
                {"2月", "二月"},
                {"2号", "二号"},
                {"12个", "十二个"},
                {"22个", "二十二个"},
                {"2", "二"},
                {"2%", "百分之二"}},
               Language::kChinese);
}

TEST(NormaliseChinese, MoneyTimesYears) {
  expect_table({{"¥30", "三十元"},
                {"￥30", "三十元"},
                {"30元", "三十元"},
                {"¥2", "两元"},
                {"¥12.50", "十二元五角"},
                {"¥12.05", "十二元零五分"},
                {"¥12.55", "十二元五角五分"},
                {"¥0.5", "五角"},
                {"$3", "三美元"},
                {"€12.50", "十二点五欧元"},
                {"12€", "十二欧元"},
                {"21:05", "二十一点零五分"},
                {"21：05", "二十一点零五分"},
                {"21:00", "二十一点"},
                {"9:30到达", "九点三十分到达"},
                {"2:15", "两点十五分"},
                {"2024年", "二零二四年"},
                {"2024年5月1日", "二零二四年五月一日"},
                {"3年", "三年"},
                {"10年", "十年"}},
               Language::kChinese);
}

TEST(NormaliseChinese, DatesPhonesAndRates) {
  expect_table({{"2024-05-01", "二零二四年五月一日"},
                {"电话010-12345678", "电话零一零，一二三四五六七八"},
                {"停车费¥5/小时", "停车费五元每小时"},
                {"共2人", "共两人"}},
               Language::kChinese);
}

TEST(NormaliseChinese, KeepsLatinNamesAndStripsDecoration) {
  expect_table({{"前往Starbucks咖啡", "前往Starbucks咖啡"},
                {"**注意**：前方300米有测速 🚨", "注意：前方三百米有测速"},
                {"- 左转\n- 直行", "左转。 直行"},
                {"你好\x01世界", "你好 世界"}},
               Language::kChinese);
}

TEST(NormaliseForSpeech, HostileInputIsSafe) {
  std::string hostile;
  for (int i = 0; i < 10'000; ++i)
    hostile += static_cast<char>((i * 131 + 7) % 256);
  for (Language language : {Language::kEnglish, Language::kChinese}) {
    const std::string spoken = normalise_for_speech(hostile, language);
    for (char c : spoken)
      EXPECT_GE(static_cast<unsigned char>(c), 0x20);
  }
  const std::string digits(5'000, '9');
  EXPECT_EQ(normalise_for_speech(digits, Language::kEnglish).size(), 5'000 * 5 - 1);
  EXPECT_EQ(normalise_for_speech(std::string(3'000, '-'), Language::kEnglish), "");
}

}  // namespace
}  // namespace codriver::speech
