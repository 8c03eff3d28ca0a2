#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "language/numbers.h"
#include "language/text_fold.h"

namespace codriver::language {
namespace {

struct Found {
  std::string text;
  int value;
  bool operator==(const Found&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Found& found) {
  return out << "{" << found.text << " = " << found.value << "}";
}

std::vector<Found> ordinals_in(std::string_view text) {
  const std::string folded = fold_text(text);
  std::vector<Found> found;
  for (const OrdinalMatch& ordinal : find_ordinals(folded)) {
    found.push_back({folded.substr(ordinal.begin, ordinal.end - ordinal.begin), ordinal.value});
  }
  return found;
}

std::vector<Found> one(std::string text, int value) {
  return {{std::move(text), value}};
}

TEST(FindOrdinals, EnglishWordsAndDigits) {
  EXPECT_EQ(ordinals_in("first"), one("first", 1));
  EXPECT_EQ(ordinals_in("take the second exit"), one("the second", 2));
  EXPECT_EQ(ordinals_in("third"), one("third", 3));
  EXPECT_EQ(ordinals_in("fourth"), one("fourth", 4));
  EXPECT_EQ(ordinals_in("fifth"), one("fifth", 5));
  EXPECT_EQ(ordinals_in("1st"), one("1st", 1));
  EXPECT_EQ(ordinals_in("2nd"), one("2nd", 2));
  EXPECT_EQ(ordinals_in("3rd"), one("3rd", 3));
  EXPECT_EQ(ordinals_in("21st"), one("21st", 21));
  EXPECT_EQ(ordinals_in("the 2nd one"), one("the 2nd one", 2));
  EXPECT_EQ(ordinals_in("The First One please"), one("the first one", 1));
}

TEST(FindOrdinals, LastAndCountingBack) {
  EXPECT_EQ(ordinals_in("the last one"), one("the last one", -1));
  EXPECT_EQ(ordinals_in("last"), one("last", -1));
  EXPECT_EQ(ordinals_in("the second to last"), one("the second to last", -2));
  EXPECT_EQ(ordinals_in("second last"), one("second last", -2));
  EXPECT_TRUE(ordinals_in("last night").empty());
  EXPECT_TRUE(ordinals_in("at last").empty());
}

TEST(FindOrdinals, NumberedForms) {
  EXPECT_EQ(ordinals_in("number two"), one("number two", 2));
  EXPECT_EQ(ordinals_in("number 3"), one("number 3", 3));
  EXPECT_EQ(ordinals_in("no. 2"), one("no. 2", 2));
  EXPECT_EQ(ordinals_in("No.7"), one("no.7", 7));
  EXPECT_EQ(ordinals_in("#2"), one("#2", 2));
  EXPECT_EQ(ordinals_in("＃5"), one("#5", 5));
  EXPECT_TRUE(ordinals_in("no problem").empty());
  EXPECT_TRUE(ordinals_in("number").empty());
  EXPECT_TRUE(ordinals_in("#").empty());
}

TEST(FindOrdinals, SecondAsUnitOfTime) {
  EXPECT_TRUE(ordinals_in("wait a second").empty());
  EXPECT_TRUE(ordinals_in("one second").empty());
  EXPECT_TRUE(ordinals_in("30 second countdown").empty());
}

TEST(FindOrdinals, Chinese) {
  EXPECT_EQ(ordinals_in("第一"), one("第一", 1));
  EXPECT_EQ(ordinals_in("第二个"), one("第二个", 2));
  EXPECT_EQ(ordinals_in("第2个"), one("第2个", 2));
  EXPECT_EQ(ordinals_in("去第三家"), one("第三家", 3));
  EXPECT_EQ(ordinals_in("第十二站"), one("第十二站", 12));
  EXPECT_EQ(ordinals_in("最后一个"), one("最后一个", -1));
  EXPECT_EQ(ordinals_in("最后一家"), one("最后一家", -1));
  EXPECT_EQ(ordinals_in("最后"), one("最后", -1));
  EXPECT_EQ(ordinals_in("倒数第二个"), one("倒数第二个", -2));
  EXPECT_TRUE(ordinals_in("第几个").empty());
  EXPECT_TRUE(ordinals_in("第").empty());
  EXPECT_TRUE(ordinals_in("次第").empty());
}

TEST(FindOrdinals, SeveralAndNone) {
  EXPECT_EQ(ordinals_in("not the first but the third"),
            (std::vector<Found>{{"the first", 1}, {"the third", 3}}));
  EXPECT_EQ(ordinals_in("第一个和最后一个"), (std::vector<Found>{{"第一个", 1}, {"最后一个", -1}}));
  EXPECT_TRUE(ordinals_in("").empty());
  EXPECT_TRUE(ordinals_in("three restaurants").empty());
  EXPECT_TRUE(ordinals_in("第99999999999个").empty());  // out of range
}

}  // namespace
}  // namespace codriver::language
