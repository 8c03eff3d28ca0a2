#include "language/text_fold.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace codriver::language {
namespace {

std::vector<std::string> words_of(const std::string& folded) {
  std::vector<std::string> words;
  for (const std::string_view word : split_words(folded))
    words.emplace_back(word);
  return words;
}

TEST(SanitizeUtterance, RemovesControlAndInvisibleCharacters) {
  EXPECT_EQ(sanitize_utterance("go\x01 home\x7F"), "go home");
  EXPECT_EQ(sanitize_utterance("a\tb\nc\r\nd"), "a b c  d");
  EXPECT_EQ(sanitize_utterance("\xC2\x85next"), " next");  // NEL is a line break
  EXPECT_EQ(sanitize_utterance("\xC2\x9B"
                               "31m"),
            "31m");                                           // C1 CSI
  EXPECT_EQ(sanitize_utterance("\u202Eevil\u202C"), "evil");  // bidi override
  EXPECT_EQ(sanitize_utterance("\u2066x\u2069"), "x");        // bidi isolate
  EXPECT_EQ(sanitize_utterance("zero\u200Bwidth\u200D\uFEFF"), "zerowidth");
  EXPECT_EQ(sanitize_utterance("导航\u200C去"), "导航去");
}

TEST(SanitizeUtterance, DropsInvalidUtf8) {
  EXPECT_EQ(sanitize_utterance("a\xFF"
                               "b"),
            "ab");
  EXPECT_EQ(sanitize_utterance("\xE5\xAF"), "");  // truncated 导
  EXPECT_EQ(sanitize_utterance("\xC0\xAF"
                               "x"),
            "x");  // overlong '/'
  EXPECT_EQ(sanitize_utterance("\xED\xA0\x80"
                               "y"),
            "y");                                           // surrogate
  EXPECT_EQ(sanitize_utterance("ok \xEF\xBF\xBD"), "ok ");  // U+FFFD itself
}

TEST(SanitizeUtterance, TruncatesAtCodePointBoundary) {
  EXPECT_EQ(sanitize_utterance("导航去北京", 7), "导航");  // 3 bytes each: the third does not fit
  EXPECT_EQ(sanitize_utterance("abc", 2), "ab");
  EXPECT_EQ(sanitize_utterance("abc", 0), "");
  const std::string long_text(5000, 'x');
  EXPECT_EQ(sanitize_utterance(long_text).size(), 1000u);
  EXPECT_EQ(sanitize_utterance(""), "");
}

TEST(FoldText, LowerCasesLatinGreekCyrillic) {
  EXPECT_EQ(fold_text("Navigate To KFC"), "navigate to kfc");
  EXPECT_EQ(fold_text("ΑΘΗΝΑ Ώρα"), "αθηνα ώρα");
  EXPECT_EQ(fold_text("МОСКВА Ёж"), "москва ёж");
}

TEST(FoldText, RemovesLatinDiacritics) {
  EXPECT_EQ(fold_text("Café Crème"), "cafe creme");
  EXPECT_EQ(fold_text("Müller Straße"), "muller strasse");
  EXPECT_EQ(fold_text("Ærø Øresund"), "aero oresund");
  EXPECT_EQ(fold_text("Œuvre Łódź Đakovo"), "oeuvre lodz dakovo");
  EXPECT_EQ(fold_text("Ñandú Ÿ Şişli Ĳssel"), "nandu y sisli ijssel");
  EXPECT_EQ(fold_text("Běijīng Xiàmén lǜ"), "beijing xiamen lu");
  EXPECT_EQ(fold_text("Cafe\u0301"), "cafe");  // combining acute accent
}

TEST(FoldText, FullWidthAndCjkPunctuation) {
  EXPECT_EQ(fold_text("ＡＢＣ１２３"), "abc123");
  EXPECT_EQ(fold_text("你好，世界。"), "你好,世界.");
  EXPECT_EQ(fold_text("真的吗？！"), "真的吗?!");
  EXPECT_EQ(fold_text("地址：北京；上海、广州"), "地址:北京;上海,广州");
  EXPECT_EQ(fold_text("“星巴克”‘咖啡’"), "\"星巴克\"'咖啡'");
  EXPECT_EQ(fold_text("（中关村）【推荐】《指南》"), "(中关村)[推荐]\"指南\"");
  EXPECT_EQ(fold_text("三～五公里"), "三~五公里");
  EXPECT_EQ(fold_text("迈克尔·杰克逊"), "迈克尔 杰克逊");
  EXPECT_EQ(fold_text("等等……好"), "等等 好");
  EXPECT_EQ(fold_text("北京\u3000上海"), "北京 上海");
}

TEST(FoldText, ApostrophesAndWhitespace) {
  EXPECT_EQ(fold_text("Don’t   stop"), "don't stop");
  EXPECT_EQ(fold_text("  \t padded \n "), "padded");
  EXPECT_EQ(fold_text("a\u00A0b\u2003c"), "a b c");
  EXPECT_EQ(fold_text(""), "");
  EXPECT_EQ(fold_text("   "), "");
}

TEST(FoldText, SymbolsBecomeSpacesButMoneySignsStay) {
  EXPECT_EQ(fold_text("go 🚗 home 😀"), "go home");
  EXPECT_EQ(fold_text("👨‍👩‍👧 family"), "family");  // ZWJ sequence
  EXPECT_EQ(fold_text("★★★ ⇒ ∑"), "");
  EXPECT_EQ(fold_text("€20 ¥30 £5 $7 ￥8"), "€20 ¥30 £5 $7 ¥8");
  EXPECT_EQ(fold_text("22°"), "22°");
  EXPECT_EQ(fold_text("100％"), "100%");
  EXPECT_EQ(fold_text("№ 5"), "no. 5");
}

TEST(FoldText, HanAndDigitsUnchanged) {
  EXPECT_EQ(fold_text("导航去天安门"), "导航去天安门");
  EXPECT_EQ(fold_text("導航"), "導航");
  EXPECT_EQ(fold_text("二〇二四年"), "二〇二四年");
  EXPECT_EQ(fold_text("3.5km"), "3.5km");
}

TEST(FoldText, IsIdempotent) {
  for (const std::string text : {"Café, ＡＢＣ！ 🚗 导航去“北京”", "Don’t  STOP", "ΑΘΗΝΑ Ærø"}) {
    const std::string once = fold_text(text);
    EXPECT_EQ(fold_text(once), once) << text;
  }
}

TEST(SplitWords, LatinWordsKeepApostrophesAndDecimals) {
  EXPECT_EQ(words_of("don't go 3.5 km"), (std::vector<std::string>{"don't", "go", "3.5", "km"}));
  EXPECT_EQ(words_of("a,b.c end."), (std::vector<std::string>{"a", "b", "c", "end"}));
  EXPECT_EQ(words_of("twenty-five"), (std::vector<std::string>{"twenty", "five"}));
  EXPECT_EQ(words_of("'quoted'"), (std::vector<std::string>{"quoted"}));
  EXPECT_EQ(words_of("v1.2."), (std::vector<std::string>{"v1.2"}));
}

TEST(SplitWords, HanRunsAreSingleItems) {
  EXPECT_EQ(words_of(fold_text("导航去 Monte Carlo Casino")),
            (std::vector<std::string>{"导航去", "monte", "carlo", "casino"}));
  EXPECT_EQ(words_of("去kfc吃饭,好吗"), (std::vector<std::string>{"去", "kfc", "吃饭", "好吗"}));
  EXPECT_EQ(words_of("3千米"), (std::vector<std::string>{"3", "千米"}));
  EXPECT_EQ(words_of("москва αθηνα"), (std::vector<std::string>{"москва", "αθηνα"}));
}

TEST(SplitWords, ViewsPointIntoTheInput) {
  const std::string folded = "go to 北京 now";
  const auto words = split_words(folded);
  ASSERT_EQ(words.size(), 4u);
  EXPECT_EQ(words[2].data() - folded.data(), 6);
  EXPECT_TRUE(split_words("").empty());
  EXPECT_TRUE(split_words(" , . ! ").empty());
}

}  // namespace
}  // namespace codriver::language
