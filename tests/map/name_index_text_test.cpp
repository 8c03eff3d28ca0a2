#include "map/name_index_text.h"

#include <gtest/gtest.h>

namespace codriver::map {
namespace {

TEST(NameIndexText, ChineseCharactersBecomeSeparateTokens) {
  EXPECT_EQ(name_index_text("台北車站"), " 台  北  車  站 ");
  EXPECT_EQ(name_index_text("Café 巴黎"), "Café  巴  黎 ");
  EXPECT_EQ(name_index_text("Monte Carlo"), "Monte Carlo");
}

TEST(NameIndexText, QueriesQuoteEveryTerm) {
  EXPECT_EQ(name_match_query("台北"), "\"台 北\"");
  EXPECT_EQ(name_match_query("monte carl"), "\"monte\"* \"carl\"*");
  EXPECT_EQ(name_match_query("导航去 Monte Carlo"), "\"导 航 去\" \"Monte\"* \"Carlo\"*");
  EXPECT_EQ(name_match_query("Café"), "\"Café\"*");
}

TEST(NameIndexText, OperatorsAndQuotesCannotEscape) {
  EXPECT_EQ(name_match_query("a\" OR NEAR(x*"), "\"a\"* \"OR\"* \"NEAR\"* \"x\"*");
  EXPECT_EQ(name_match_query("\"*()^:-"), "");
  EXPECT_EQ(name_match_query(""), "");
}

}  // namespace
}  // namespace codriver::map
