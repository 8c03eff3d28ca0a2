#include "language/quantities.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "language/text_fold.h"

namespace codriver::language {
namespace {

using enum QuantityKind;

enum class Bound { kNone, kUpper, kLower };

struct Found {
  std::string text;
  QuantityKind kind;
  double value;
  Bound bound = Bound::kNone;
  bool operator==(const Found& other) const {
    return text == other.text && kind == other.kind && bound == other.bound &&
           std::abs(value - other.value) < 1e-9 * std::max(1.0, std::abs(value));
  }
};

std::ostream& operator<<(std::ostream& out, const Found& found) {
  return out << "{" << found.text << " kind " << static_cast<int>(found.kind) << " = "
             << found.value << " bound " << static_cast<int>(found.bound) << "}";
}

std::vector<Found> quantities_in(std::string_view text) {
  const std::string folded = fold_text(text);
  std::vector<Found> found;
  for (const Quantity& q : find_quantities(folded)) {
    const Bound bound = q.upper_bound   ? Bound::kUpper
                        : q.lower_bound ? Bound::kLower
                                        : Bound::kNone;
    found.push_back({folded.substr(q.begin, q.end - q.begin), q.kind, q.value, bound});
  }
  return found;
}

std::vector<Found> one(std::string text, QuantityKind kind, double value,
                       Bound bound = Bound::kNone) {
  return {{std::move(text), kind, value, bound}};
}

TEST(FindQuantities, BriefExamples) {
  EXPECT_EQ(quantities_in("三公里以内"), one("三公里以内", kDistance, 3000, Bound::kUpper));
  EXPECT_EQ(quantities_in("within 2 km"), one("within 2 km", kDistance, 2000, Bound::kUpper));
  EXPECT_EQ(quantities_in("半小时"), one("半小时", kDuration, 1800));
  EXPECT_EQ(quantities_in("half an hour"), one("half an hour", kDuration, 1800));
  EXPECT_EQ(quantities_in("两个人"), one("两个人", kPeople, 2));
  EXPECT_EQ(quantities_in("a table for two"), one("for two", kPeople, 2));
  EXPECT_EQ(quantities_in("不超过五百米"), one("不超过五百米", kDistance, 500, Bound::kUpper));
  EXPECT_EQ(quantities_in("at least 50 kW"), one("at least 50 kw", kPower, 50, Bound::kLower));
  EXPECT_EQ(quantities_in("百分之八十"), one("百分之八十", kPercent, 80));
  EXPECT_EQ(quantities_in("1.5公里"), one("1.5公里", kDistance, 1500));
  EXPECT_EQ(quantities_in("一个半小时"), one("一个半小时", kDuration, 5400));
  EXPECT_EQ(quantities_in("十分钟"), one("十分钟", kDuration, 600));
  EXPECT_EQ(quantities_in("20 minutes"), one("20 minutes", kDuration, 1200));
}

TEST(FindQuantities, EnglishDistances) {
  EXPECT_EQ(quantities_in("500 m"), one("500 m", kDistance, 500));
  EXPECT_EQ(quantities_in("500m"), one("500m", kDistance, 500));
  EXPECT_EQ(quantities_in("300 metres"), one("300 metres", kDistance, 300));
  EXPECT_EQ(quantities_in("2 kilometers"), one("2 kilometers", kDistance, 2000));
  EXPECT_EQ(quantities_in("5 miles"), one("5 miles", kDistance, 5 * 1609.344));
  EXPECT_EQ(quantities_in("a mile"), one("a mile", kDistance, 1609.344));
  EXPECT_EQ(quantities_in("100 feet"), one("100 feet", kDistance, 30.48));
  EXPECT_EQ(quantities_in("a 5-km run"), one("5-km", kDistance, 5000));
  EXPECT_EQ(quantities_in("2 km 300 m"), one("2 km 300 m", kDistance, 2300));
}

TEST(FindQuantities, ChineseDistances) {
  EXPECT_EQ(quantities_in("五百米"), one("五百米", kDistance, 500));
  EXPECT_EQ(quantities_in("3千米"), one("3千米", kDistance, 3000));
  EXPECT_EQ(quantities_in("三千米"), one("三千米", kDistance, 3000));
  EXPECT_EQ(quantities_in("二十多公里"), one("二十多公里", kDistance, 20000));
  EXPECT_EQ(quantities_in("走三里路"), one("三里", kDistance, 1500));
  EXPECT_EQ(quantities_in("5 公里左右"), one("5 公里左右", kDistance, 5000));
  EXPECT_TRUE(quantities_in("去三里屯").empty());  // a place, not 1.5 km
}

TEST(FindQuantities, EnglishDurations) {
  EXPECT_EQ(quantities_in("an hour"), one("an hour", kDuration, 3600));
  EXPECT_EQ(quantities_in("2 hours"), one("2 hours", kDuration, 7200));
  EXPECT_EQ(quantities_in("an hour and a half"), one("an hour and a half", kDuration, 5400));
  EXPECT_EQ(quantities_in("one and a half hours"), one("one and a half hours", kDuration, 5400));
  EXPECT_EQ(quantities_in("a quarter of an hour"), one("a quarter of an hour", kDuration, 900));
  EXPECT_EQ(quantities_in("quarter of an hour"), one("quarter of an hour", kDuration, 900));
  EXPECT_EQ(quantities_in("three quarters of an hour"),
            one("three quarters of an hour", kDuration, 2700));
  EXPECT_EQ(quantities_in("30 seconds"), one("30 seconds", kDuration, 30));
  EXPECT_EQ(quantities_in("10 mins"), one("10 mins", kDuration, 600));
  EXPECT_EQ(quantities_in("a couple of hours"), one("a couple of hours", kDuration, 7200));
  EXPECT_EQ(quantities_in("a few minutes"), one("a few minutes", kDuration, 180));
  EXPECT_EQ(quantities_in("1 hour 20 minutes"), one("1 hour 20 minutes", kDuration, 4800));
  EXPECT_EQ(quantities_in("an hour and 5 minutes"), one("an hour and 5 minutes", kDuration, 3900));
  EXPECT_EQ(quantities_in("a 20-minute drive"), one("20-minute", kDuration, 1200));
}

TEST(FindQuantities, ChineseDurations) {
  EXPECT_EQ(quantities_in("半个小时"), one("半个小时", kDuration, 1800));
  EXPECT_EQ(quantities_in("两个小时"), one("两个小时", kDuration, 7200));
  EXPECT_EQ(quantities_in("一个钟头"), one("一个钟头", kDuration, 3600));
  EXPECT_EQ(quantities_in("一刻钟"), one("一刻钟", kDuration, 900));
  EXPECT_EQ(quantities_in("三十秒"), one("三十秒", kDuration, 30));
  EXPECT_EQ(quantities_in("二十分后"), one("二十分", kDuration, 1200));
  EXPECT_EQ(quantities_in("一小时二十分钟"), one("一小时二十分钟", kDuration, 4800));
  EXPECT_EQ(quantities_in("两天"), one("两天", kDuration, 172800));
  EXPECT_EQ(quantities_in("十几分钟"), one("十几分钟", kDuration, 780));
  EXPECT_EQ(quantities_in("两三个小时"), one("两三个小时", kDuration, 7200));
}

TEST(FindQuantities, MinutesCharacterInOtherRoles) {
  EXPECT_TRUE(quantities_in("八点十分").empty());  // a clock time
  EXPECT_TRUE(quantities_in("十分好看").empty());  // "very"
}

TEST(FindQuantities, People) {
  EXPECT_EQ(quantities_in("4 people"), one("4 people", kPeople, 4));
  EXPECT_EQ(quantities_in("a table for 4"), one("for 4", kPeople, 4));
  EXPECT_EQ(quantities_in("table for two at 8"), one("for two", kPeople, 2));
  EXPECT_EQ(quantities_in("party of 6"), one("party of 6", kPeople, 6));
  EXPECT_EQ(quantities_in("there are three of us"), one("three of us", kPeople, 3));
  EXPECT_EQ(quantities_in("we are five"), one("we are five", kPeople, 5));
  EXPECT_EQ(quantities_in("三人"), one("三人", kPeople, 3));
  EXPECT_EQ(quantities_in("两位"), one("两位", kPeople, 2));
  EXPECT_EQ(quantities_in("我们俩"), one("我们俩", kPeople, 2));
  EXPECT_EQ(quantities_in("我们三个"), one("我们三个", kPeople, 3));
  EXPECT_EQ(quantities_in("几个人"), one("几个人", kPeople, 3));
  EXPECT_TRUE(quantities_in("look for 2 more").empty());
  EXPECT_TRUE(quantities_in("good for a").empty());
}

TEST(FindQuantities, PercentPowerMoneySpeed) {
  EXPECT_EQ(quantities_in("20%"), one("20%", kPercent, 20));
  EXPECT_EQ(quantities_in("charge to 80 percent"), one("80 percent", kPercent, 80));
  EXPECT_EQ(quantities_in("百分之二十"), one("百分之二十", kPercent, 20));
  EXPECT_EQ(quantities_in("150kW"), one("150kw", kPower, 150));
  EXPECT_EQ(quantities_in("六十千瓦以上"), one("六十千瓦以上", kPower, 60, Bound::kLower));
  EXPECT_EQ(quantities_in("50 kWh"), std::vector<Found>{});  // energy, not power
  EXPECT_EQ(quantities_in("under 30 euros"), one("under 30 euros", kMoney, 30, Bound::kUpper));
  EXPECT_EQ(quantities_in("€20"), one("€20", kMoney, 20));
  EXPECT_EQ(quantities_in("$15 or less"), one("$15 or less", kMoney, 15, Bound::kUpper));
  EXPECT_EQ(quantities_in("rmb 100"), one("rmb 100", kMoney, 100));
  EXPECT_EQ(quantities_in("100 yuan"), one("100 yuan", kMoney, 100));
  EXPECT_EQ(quantities_in("¥30"), one("¥30", kMoney, 30));
  EXPECT_EQ(quantities_in("五十块钱以内"), one("五十块钱以内", kMoney, 50, Bound::kUpper));
  EXPECT_EQ(quantities_in("两百元"), one("两百元", kMoney, 200));
  EXPECT_EQ(quantities_in("一百人民币"), one("一百人民币", kMoney, 100));
  EXPECT_EQ(quantities_in("五十元的套餐"), one("五十元", kMoney, 50));
  EXPECT_TRUE(quantities_in("去三元桥").empty());  // a place in Beijing, not 3 yuan
  EXPECT_EQ(quantities_in("120 km/h"), one("120 km/h", kSpeed, 120));
  EXPECT_EQ(quantities_in("60 mph"), one("60 mph", kSpeed, 60 * 1.609344));
  EXPECT_EQ(quantities_in("一百码"), one("一百码", kSpeed, 100));
  EXPECT_EQ(quantities_in("八十公里每小时"), one("八十公里每小时", kSpeed, 80));
  EXPECT_EQ(quantities_in("时速一百二"), one("时速一百二", kSpeed, 120));
  EXPECT_EQ(quantities_in("以每小时60公里的速度"), one("每小时60公里", kSpeed, 60));
}

TEST(FindQuantities, BoundWords) {
  EXPECT_EQ(quantities_in("less than 5 km"), one("less than 5 km", kDistance, 5000, Bound::kUpper));
  EXPECT_EQ(quantities_in("no more than 10 minutes"),
            one("no more than 10 minutes", kDuration, 600, Bound::kUpper));
  EXPECT_EQ(quantities_in("at most 3 miles"),
            one("at most 3 miles", kDistance, 3 * 1609.344, Bound::kUpper));
  EXPECT_EQ(quantities_in("more than 100 kw"), one("more than 100 kw", kPower, 100, Bound::kLower));
  EXPECT_EQ(quantities_in("over 4 people"), one("over 4 people", kPeople, 4, Bound::kLower));
  EXPECT_EQ(quantities_in("within an hour"), one("within an hour", kDuration, 3600, Bound::kUpper));
  EXPECT_EQ(quantities_in("五公里之内"), one("五公里之内", kDistance, 5000, Bound::kUpper));
  EXPECT_EQ(quantities_in("十分钟内"), one("十分钟内", kDuration, 600, Bound::kUpper));
  EXPECT_EQ(quantities_in("最多两个小时"), one("最多两个小时", kDuration, 7200, Bound::kUpper));
  EXPECT_EQ(quantities_in("一百块以下"), one("一百块以下", kMoney, 100, Bound::kUpper));
  EXPECT_EQ(quantities_in("至少八十"), std::vector<Found>{});  // no unit
  EXPECT_EQ(quantities_in("至少百分之八十"), one("至少百分之八十", kPercent, 80, Bound::kLower));
  EXPECT_EQ(quantities_in("超过三百米"), one("超过三百米", kDistance, 300, Bound::kLower));
  EXPECT_EQ(quantities_in("不少于50千瓦"), one("不少于50千瓦", kPower, 50, Bound::kLower));
  EXPECT_EQ(quantities_in("五十千瓦以上"), one("五十千瓦以上", kPower, 50, Bound::kLower));
  EXPECT_EQ(quantities_in("距离不要超过3公里"),
            one("不要超过3公里", kDistance, 3000, Bound::kUpper));
  EXPECT_EQ(quantities_in("别超过一百块"), one("别超过一百块", kMoney, 100, Bound::kUpper));
}

TEST(FindQuantities, SeveralInOneSentence) {
  const auto found = quantities_in("找3公里以内、至少60千瓦的充电桩, 我们两个人, 等半小时");
  EXPECT_EQ(found, (std::vector<Found>{{"3公里以内", kDistance, 3000, Bound::kUpper},
                                       {"至少60千瓦", kPower, 60, Bound::kLower},
                                       {"两个人", kPeople, 2},
                                       {"半小时", kDuration, 1800}}));
  const auto english = quantities_in("table for 4 within 2 miles, under $50, in 20 minutes");
  EXPECT_EQ(english, (std::vector<Found>{{"for 4", kPeople, 4},
                                         {"within 2 miles", kDistance, 2 * 1609.344, Bound::kUpper},
                                         {"under $50", kMoney, 50, Bound::kUpper},
                                         {"20 minutes", kDuration, 1200}}));
}

TEST(FindQuantities, SpansAreBytesOfFoldedText) {
  const std::string folded = fold_text("导航 3公里以内");
  const auto quantities = find_quantities(folded);
  ASSERT_EQ(quantities.size(), 1u);
  EXPECT_EQ(quantities[0].begin, 7u);
  EXPECT_EQ(quantities[0].end, folded.size());
}

TEST(FindQuantities, NothingToFind) {
  EXPECT_TRUE(quantities_in("").empty());
  EXPECT_TRUE(quantities_in("navigate home").empty());
  EXPECT_TRUE(quantities_in("3").empty());
  EXPECT_TRUE(quantities_in("the 2nd km").empty());
  EXPECT_TRUE(quantities_in("一下").empty());
  EXPECT_TRUE(quantities_in("km km 公里").empty());
}

}  // namespace
}  // namespace codriver::language
