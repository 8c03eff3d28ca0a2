#include "language/numbers.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "language/text_fold.h"

namespace codriver::language {
namespace {

struct Found {
  std::string text;
  double value;
  bool approximate;
  bool operator==(const Found&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Found& found) {
  return out << "{" << found.text << " = " << found.value << (found.approximate ? " ~" : "") << "}";
}

// The numbers of `text` after folding, each with the text of its span.
std::vector<Found> numbers_in(std::string_view text) {
  const std::string folded = fold_text(text);
  std::vector<Found> found;
  for (const NumberMatch& number : find_numbers(folded)) {
    found.push_back(
        {folded.substr(number.begin, number.end - number.begin), number.value, number.approximate});
  }
  return found;
}

std::vector<Found> one(std::string text, double value, bool approximate = false) {
  return {{std::move(text), value, approximate}};
}

TEST(FindNumbers, Digits) {
  EXPECT_EQ(numbers_in("3"), one("3", 3));
  EXPECT_EQ(numbers_in("take 3.5 km"), one("3.5", 3.5));
  EXPECT_EQ(numbers_in("1,200 people"), one("1,200", 1200));
  EXPECT_EQ(numbers_in("12,345,678"), one("12,345,678", 12345678));
  EXPECT_EQ(numbers_in("20%"), one("20", 20));
  EXPECT_EQ(numbers_in("20km"), one("20", 20));
  EXPECT_EQ(numbers_in("0"), one("0", 0));
  EXPECT_EQ(numbers_in("ＡＢＣ１２３ x ４５"), one("45", 45));  // "abc123": glued to letters
  EXPECT_EQ(numbers_in("1,2,3"),
            (std::vector<Found>{{"1", 1, false}, {"2", 2, false}, {"3", 3, false}}));
  EXPECT_EQ(numbers_in("3.5."), one("3.5", 3.5));
}

TEST(FindNumbers, DigitsThatAreNotCounts) {
  EXPECT_TRUE(numbers_in("the 1st and 22nd and 3rd and 4th").empty());
  EXPECT_TRUE(numbers_in("take the g4 highway").empty());
  EXPECT_TRUE(numbers_in("#2").empty());  // an ordinal
}

TEST(FindNumbers, EnglishWords) {
  EXPECT_EQ(numbers_in("one"), one("one", 1));
  EXPECT_EQ(numbers_in("nineteen"), one("nineteen", 19));
  EXPECT_EQ(numbers_in("twenty five"), one("twenty five", 25));
  EXPECT_EQ(numbers_in("twenty-five"), one("twenty-five", 25));
  EXPECT_EQ(numbers_in("forty"), one("forty", 40));
  EXPECT_EQ(numbers_in("a hundred and twenty"), one("a hundred and twenty", 120));
  EXPECT_EQ(numbers_in("three hundred five"), one("three hundred five", 305));
  EXPECT_EQ(numbers_in("two thousand"), one("two thousand", 2000));
  EXPECT_EQ(numbers_in("two thousand five hundred and one"),
            one("two thousand five hundred and one", 2501));
  EXPECT_EQ(numbers_in("one million two hundred thousand"),
            one("one million two hundred thousand", 1200000));
  EXPECT_EQ(numbers_in("a thousand"), one("a thousand", 1000));
  EXPECT_EQ(numbers_in("Zero"), one("zero", 0));
}

TEST(FindNumbers, EnglishFractionsAndApproximations) {
  EXPECT_EQ(numbers_in("half"), one("half", 0.5));
  EXPECT_EQ(numbers_in("one and a half"), one("one and a half", 1.5));
  EXPECT_EQ(numbers_in("two and a half"), one("two and a half", 2.5));
  EXPECT_EQ(numbers_in("a dozen"), one("a dozen", 12));
  EXPECT_EQ(numbers_in("two dozen"), one("two dozen", 24));
  EXPECT_EQ(numbers_in("half a dozen"), one("half a dozen", 6));
  EXPECT_EQ(numbers_in("a couple"), one("a couple", 2, true));
  EXPECT_EQ(numbers_in("a few"), one("a few", 3, true));
}

TEST(FindNumbers, EnglishWordsThatAreNotCounts) {
  EXPECT_TRUE(numbers_in("this one").empty());
  EXPECT_TRUE(numbers_in("which one is open").empty());
  EXPECT_TRUE(numbers_in("no one").empty());
  EXPECT_TRUE(numbers_in("the first one").empty());
  EXPECT_TRUE(numbers_in("someone often tension").empty());
  EXPECT_TRUE(numbers_in("a table").empty());
  EXPECT_TRUE(numbers_in("the second exit").empty());
}

TEST(FindNumbers, EnglishSeparateNumbers) {
  EXPECT_EQ(numbers_in("one, two"), (std::vector<Found>{{"one", 1, false}, {"two", 2, false}}));
  EXPECT_EQ(numbers_in("seven thirty"),
            (std::vector<Found>{{"seven", 7, false}, {"thirty", 30, false}}));
  EXPECT_EQ(numbers_in("five five"), (std::vector<Found>{{"five", 5, false}, {"five", 5, false}}));
}

TEST(FindNumbers, ChineseNumerals) {
  EXPECT_EQ(numbers_in("零"), one("零", 0));
  EXPECT_EQ(numbers_in("五"), one("五", 5));
  EXPECT_EQ(numbers_in("十"), one("十", 10));
  EXPECT_EQ(numbers_in("十五"), one("十五", 15));
  EXPECT_EQ(numbers_in("二十"), one("二十", 20));
  EXPECT_EQ(numbers_in("二十五"), one("二十五", 25));
  EXPECT_EQ(numbers_in("一百二十"), one("一百二十", 120));
  EXPECT_EQ(numbers_in("一百零五"), one("一百零五", 105));
  EXPECT_EQ(numbers_in("两千"), one("两千", 2000));
  EXPECT_EQ(numbers_in("三千五"), one("三千五", 3500));
  EXPECT_EQ(numbers_in("一千零二十"), one("一千零二十", 1020));
  EXPECT_EQ(numbers_in("一万五"), one("一万五", 15000));
  EXPECT_EQ(numbers_in("十万"), one("十万", 100000));
  EXPECT_EQ(numbers_in("三亿五千万"), one("三亿五千万", 350000000));
  EXPECT_EQ(numbers_in("两个"), one("两", 2));
  EXPECT_EQ(numbers_in("二零二四年"), one("二零二四", 2024));
}

TEST(FindNumbers, ChineseDecimalsHalvesAndColloquialCounts) {
  EXPECT_EQ(numbers_in("三点五"), one("三点五", 3.5));
  EXPECT_EQ(numbers_in("一点二"), one("一点二", 1.2));
  EXPECT_EQ(numbers_in("零点五"), one("零点五", 0.5));
  EXPECT_EQ(numbers_in("三点五万"), one("三点五万", 35000));
  EXPECT_EQ(numbers_in("半"), one("半", 0.5));
  EXPECT_EQ(numbers_in("一半"), one("一半", 0.5));
  EXPECT_EQ(numbers_in("一个半"), one("一个半", 1.5));
  EXPECT_EQ(numbers_in("两个半小时"), one("两个半", 2.5));
  EXPECT_EQ(numbers_in("我们俩"), one("俩", 2));
  EXPECT_EQ(numbers_in("他们仨"), one("仨", 3));
}

TEST(FindNumbers, ChineseApproximations) {
  EXPECT_EQ(numbers_in("几个"), one("几", 3, true));
  EXPECT_EQ(numbers_in("十几"), one("十几", 13, true));
  EXPECT_EQ(numbers_in("几十"), one("几十", 30, true));
  EXPECT_EQ(numbers_in("二十多"), one("二十多", 20, true));
  EXPECT_EQ(numbers_in("一个多小时"), one("一个多", 1, true));
  EXPECT_EQ(numbers_in("三四个人"), one("三四", 3, true));
  EXPECT_EQ(numbers_in("两三个"), one("两三", 2, true));
  EXPECT_EQ(numbers_in("多少"), std::vector<Found>{});
}

TEST(FindNumbers, MixedDigitsAndChineseMagnitudes) {
  EXPECT_EQ(numbers_in("3千"), one("3千", 3000));
  EXPECT_EQ(numbers_in("1.5万"), one("1.5万", 15000));
  EXPECT_EQ(numbers_in("2亿"), one("2亿", 200000000));
  EXPECT_EQ(numbers_in("5千万"), one("5千万", 50000000));
  EXPECT_EQ(numbers_in("20多公里"), one("20多", 20, true));
  EXPECT_EQ(numbers_in("1个半小时"), one("1个半", 1.5));
  // 千瓦 and 千米 are units, not thousands.
  EXPECT_EQ(numbers_in("50千瓦"), one("50", 50));
  EXPECT_EQ(numbers_in("五十千瓦"), one("五十", 50));
  EXPECT_EQ(numbers_in("三千米"), one("三", 3));
}

TEST(FindNumbers, ChineseWordsThatAreNotCounts) {
  for (const std::string text :
       {"等一下", "一起走", "一直开", "一些", "慢一点儿", "快一点", "一样", "一定", "万一", "唯一",
        "几乎", "现在几点", "十字路口", "三明治", "半径", "星期一", "周三", "一会儿"}) {
    EXPECT_EQ(numbers_in(text), std::vector<Found>{}) << text;
  }
  EXPECT_EQ(numbers_in("一点钟"), one("一", 1));
  EXPECT_EQ(numbers_in("第一个路口"), std::vector<Found>{});  // an ordinal
  EXPECT_EQ(numbers_in("最后一个"), std::vector<Found>{});    // an ordinal
  EXPECT_EQ(numbers_in("半径三公里"), one("三", 3));
  EXPECT_EQ(numbers_in("一共三个人"), one("三", 3));
}

TEST(FindNumbers, SeveralInOneSentence) {
  const auto found = numbers_in("帮我找3公里内评分4.5以上的餐厅, for two people");
  EXPECT_EQ(found, (std::vector<Found>{{"3", 3, false}, {"4.5", 4.5, false}, {"two", 2, false}}));
  const std::string folded = fold_text("去 twenty five 号");
  const auto numbers = find_numbers(folded);
  ASSERT_EQ(numbers.size(), 1u);
  EXPECT_EQ(numbers[0].begin, 4u);
  EXPECT_EQ(numbers[0].end, 15u);
}

TEST(FindNumbers, HugeNumbersStayFinite) {
  EXPECT_EQ(numbers_in("999999999999"), one("999999999999", 999999999999.0));
  EXPECT_EQ(numbers_in("一万亿"), one("一万亿", 1e12));
  EXPECT_EQ(numbers_in("九千九百九十九亿"), one("九千九百九十九亿", 9999e8));
  EXPECT_EQ(numbers_in("one billion"), one("one billion", 1e9));
  // Too many digits for a double: no number rather than infinity.
  EXPECT_TRUE(numbers_in(std::string(400, '9')).empty());
  std::string ones;
  for (int i = 0; i < 400; ++i)
    ones += "一";
  EXPECT_TRUE(numbers_in(ones).empty());
}

TEST(FindNumbers, EmptyAndNumberlessText) {
  EXPECT_TRUE(numbers_in("").empty());
  EXPECT_TRUE(numbers_in("navigate home").empty());
  EXPECT_TRUE(numbers_in("回家").empty());
  EXPECT_TRUE(numbers_in("万万").empty());
  EXPECT_TRUE(numbers_in("百度").empty());
}

TEST(ParseNumber, WholeTextIsOneNumber) {
  EXPECT_EQ(parse_number("一百二十"), 120);
  EXPECT_EQ(parse_number("twenty five"), 25);
  EXPECT_EQ(parse_number("1,200"), 1200);
  EXPECT_EQ(parse_number("1.5万"), 15000);
  EXPECT_EQ(parse_number("一个半"), 1.5);
  EXPECT_EQ(parse_number("两"), 2);
  EXPECT_EQ(parse_number("20%"), std::nullopt);
  EXPECT_EQ(parse_number("一下"), std::nullopt);
  EXPECT_EQ(parse_number("twenty people"), std::nullopt);
  EXPECT_EQ(parse_number(""), std::nullopt);
  EXPECT_EQ(parse_number("abc"), std::nullopt);
}

TEST(NumberAt, ReadsFromAnExactOffset) {
  const std::string folded = "下午一点";
  const auto number = number_at(folded, 6);
  ASSERT_TRUE(number.has_value());
  EXPECT_EQ(number->value, 1);
  EXPECT_EQ(number->end, 9u);
  EXPECT_EQ(number_at(folded, 0), std::nullopt);
  EXPECT_EQ(number_at(folded, 100), std::nullopt);
  EXPECT_EQ(number_at(folded, 7), std::nullopt);  // inside a character
}

}  // namespace
}  // namespace codriver::language
