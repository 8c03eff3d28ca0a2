#include "speech/lm_tokenizer.h"

#include <gtest/gtest.h>

namespace codriver::speech {
namespace {

using Words = std::vector<std::string>;

TEST(LmTokens, LowerCasesAndSplitsPunctuationAndHyphens) {
  EXPECT_EQ(lm_tokens("Navigate to Monte-Carlo, please!"),
            (Words{"navigate", "to", "monte", "carlo", "please"}));
  EXPECT_EQ(lm_tokens("  Boulevard   Princesse-Charlotte "),
            (Words{"boulevard", "princesse", "charlotte"}));
}

TEST(LmTokens, FoldsAccents) {
  EXPECT_EQ(lm_tokens("Café de Paris"), (Words{"cafe", "de", "paris"}));
  EXPECT_EQ(lm_tokens("Señora Ñandú ÉTOILE Œuvre Straße"),
            (Words{"senora", "nandu", "etoile", "oeuvre", "strasse"}));
  EXPECT_EQ(lm_tokens("Łódź"), (Words{"lodz"}));
}

TEST(LmTokens, KeepsApostrophesInsideWordsOnly) {
  EXPECT_EQ(lm_tokens("Don't go to 'the' O’Neill's"),
            (Words{"don't", "go", "to", "the", "o'neill's"}));
}

TEST(LmTokens, KeepsDigitsAndDropsOtherScripts) {
  EXPECT_EQ(lm_tokens("Route 66 北京 A8"), (Words{"route", "66", "a8"}));
  EXPECT_TRUE(lm_tokens("").empty());
  EXPECT_TRUE(lm_tokens("—!?").empty());
  // Broken UTF-8 splits words instead of failing.
  EXPECT_EQ(lm_tokens("ab\xff"
                      "cd"),
            (Words{"ab", "cd"}));
}

}  // namespace
}  // namespace codriver::speech
