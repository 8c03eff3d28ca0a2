// Qwen2's pre-tokenizer on tricky strings. Each expectation is worked out by hand from the
// expression's alternatives, tried left to right at each position:
//   1 (?i:'s|'t|'re|'ve|'m|'ll|'d)       contractions, any case
//   2 [^\r\n\p{L}\p{N}]?\p{L}+           a word, with one leading non-letter (space, tab, ...)
//   3 \p{N}                              one digit
//   4 ' ?[^\s\p{L}\p{N}]+[\r\n]*'        punctuation/symbols with an optional space before
//   5 \s*[\r\n]+                         whitespace ending in line breaks
//   6 \s+(?!\S)                          whitespace not followed by a non-space
//   7 \s+                                any other whitespace
#include "llm/tokenizer/pre_tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace codriver::llm::tokenizer {
namespace {

struct Case {
  std::string text;
  std::vector<std::string> pieces;
};

std::vector<std::string> split(const Qwen2PreTokenizer& pre_tokenizer, const std::string& text) {
  std::vector<std::string> pieces;
  for (const auto piece : pre_tokenizer.split(text))
    pieces.emplace_back(piece);
  return pieces;
}

TEST(PreTokenizerTest, PatternIsQwensText) {
  // The exact text of tokenizer.json's Split pattern (checked against the real file in
  // qwen3_vocabulary_test.cpp); a typo here would silently change every encoding.
  EXPECT_EQ(Qwen2PreTokenizer::kPattern,
            "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| "
            "?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+");
}

TEST(PreTokenizerTest, TrickyStrings) {
  const std::vector<Case> cases = {
      {"", {}},
      {"Hello world", {"Hello", " world"}},
      // Contractions: alternative 1 comes first, in any case, even at the start of a word.
      {"I'll don't", {"I", "'ll", " don", "'t"}},
      {"HE'S we'RE You'Ve", {"HE", "'S", " we", "'RE", " You", "'Ve"}},
      {"'llama", {"'ll", "ama"}},
      {"rock'n'roll", {"rock", "'n", "'roll"}},  // not contractions: apostrophe + word
      {"it 's", {"it", " '", "s"}},              // the space goes with the apostrophe
      {"it'\u017Ft", {"it", "'\u017F", "t"}},    // long s folds to s under (?i)
      // Digits one by one, never with a space.
      {"12345", {"1", "2", "3", "4", "5"}},
      {"3.14 1,000", {"3", ".", "1", "4", " ", "1", ",", "0", "0", "0"}},
      {"abc123def", {"abc", "1", "2", "3", "def"}},
      {"x\u00BDy \u0663", {"x", "\u00BD", "y", " ", "\u0663"}},  // No and Nd are \p{N}
      {"$100", {"$", "1", "0", "0"}},
      // CJK: one run of letters; a full-width comma is the optional non-letter of a word.
      {"\u5BFC\u822A\u5230\u6469\u7EB3\u54E5\u8D4C\u573A",
       {"\u5BFC\u822A\u5230\u6469\u7EB3\u54E5\u8D4C\u573A"}},
      {"\u4F60\u597D\uFF0C\u4E16\u754C", {"\u4F60\u597D", "\uFF0C\u4E16\u754C"}},
      {"\u53BBMonaco\u7684\u8DEF", {"\u53BBMonaco\u7684\u8DEF"}},
      {"\u5BFC\u822A\u5230 Monaco", {"\u5BFC\u822A\u5230", " Monaco"}},
      {"\u4F60\u3000\u597D", {"\u4F60", "\u3000\u597D"}},  // ideographic space
      // Emoji are symbols: alternative 4, with their modifiers, joiners and selectors.
      {"I \u2764\uFE0F you", {"I", " \u2764\uFE0F", " you"}},
      {"\U0001F44D\U0001F3FD ok", {"\U0001F44D\U0001F3FD", " ok"}},
      {"\U0001F468\u200D\U0001F469\u200D\U0001F467!",
       {"\U0001F468\u200D\U0001F469\u200D\U0001F467!"}},
      {"hi\U0001F44B", {"hi", "\U0001F44B"}},
      // Whitespace runs: the last space goes to the next word.
      {"a   b", {"a", "  ", " b"}},
      {"x 42", {"x", " ", "4", "2"}},
      {"end   ", {"end", "   "}},
      {"a\u00A0b", {"a", "\u00A0b"}},  // no-break space: a non-letter before a word
      // Line breaks.
      {"a\n\nb", {"a", "\n\n", "b"}},
      {"line1\r\nline2", {"line", "1", "\r\n", "line", "2"}},
      {"  \n  x", {"  \n", " ", " x"}},
      {"hello  \n\n  world", {"hello", "  \n\n", " ", " world"}},
      {"end.\n\nNext", {"end", ".\n\n", "Next"}},
      {"a \nb", {"a", " \n", "b"}},
      // Code.
      {"\tif (x) {", {"\tif", " (", "x", ")", " {"}},
      {"    return 0;", {"   ", " return", " ", "0", ";"}},
      // One non-letter may lead a word, not two: " @user" is " @" + "user".
      {"--flag @user x@host", {"--", "flag", " @", "user", " x", "@host"}},
      {"a!!! b", {"a", "!!!", " b"}},
      // Odd characters.
      {std::string("a\0b", 3), {"a", std::string("\0b", 2)}},
      {"x\u0301y", {"x", "\u0301y"}},  // a lone combining mark is not a letter
      {" \uFEFFc", {" \uFEFF", "c"}},  // U+FEFF is a format character, not whitespace
  };
  const Qwen2PreTokenizer pre_tokenizer;
  for (const Case& test : cases) {
    EXPECT_EQ(split(pre_tokenizer, test.text), test.pieces) << "text: \"" << test.text << "\"";
  }
}

TEST(PreTokenizerTest, PiecesConcatenateBackToTheText) {
  const Qwen2PreTokenizer pre_tokenizer;
  const std::string text =
      "Don't stop!\r\n\t  x = 3.14;  // \u6CE8\u91CA \U0001F600\n\n\n   \u00A0 end  ";
  std::string joined;
  for (const auto piece : pre_tokenizer.split(text)) {
    EXPECT_FALSE(piece.empty());
    joined += piece;
  }
  EXPECT_EQ(joined, text);
}

TEST(PreTokenizerTest, LongRunsSplitInLinearTime) {
  const Qwen2PreTokenizer pre_tokenizer;
  const std::string spaces(1 << 20, ' ');
  EXPECT_EQ(split(pre_tokenizer, spaces + "x"), (std::vector<std::string>{spaces.substr(1), " x"}));
  const std::string letters(1 << 20, 'a');
  EXPECT_EQ(split(pre_tokenizer, letters), std::vector<std::string>{letters});
  EXPECT_EQ(pre_tokenizer.split(std::string(1 << 16, '7')).size(), std::size_t{1} << 16);
}

}  // namespace
}  // namespace codriver::llm::tokenizer
