#include "llm/tokenizer/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace codriver::llm::tokenizer {
namespace {

const std::string kReplacement = "\uFFFD";

TEST(Utf8Test, Validity) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("ascii only, more than eight bytes"));
  EXPECT_TRUE(is_valid_utf8("\u00E9\u5BFC\U0001F600\U0010FFFF"));
  EXPECT_TRUE(is_valid_utf8(std::string("\0", 1)));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("abc\x80"));           // lone continuation byte
  EXPECT_FALSE(is_valid_utf8("abcdefgh\xE4\xB8"));  // cut short
}

TEST(Utf8Test, SanitizeReplacesMaximalSubparts) {
  EXPECT_EQ(sanitize_utf8("ok"), "ok");
  EXPECT_EQ(sanitize_utf8("\xE4\xB8"
                          "A"),
            kReplacement + "A");  // one U+FFFD for E4 B8
  EXPECT_EQ(sanitize_utf8("\xFF\xFE"), kReplacement + kReplacement);
  EXPECT_EQ(sanitize_utf8("\xED\xA0\x80"), kReplacement + kReplacement + kReplacement);
  EXPECT_EQ(sanitize_utf8("\xF0\x9F\x98"), kReplacement);  // an emoji cut short
  EXPECT_EQ(sanitize_utf8("a\xC3"), "a" + kReplacement);
  // Unicode's own example (chapter 3.9): 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64.
  EXPECT_EQ(sanitize_utf8("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64"),
            "a" + kReplacement + kReplacement + kReplacement + "b" + kReplacement + "c" +
                kReplacement + kReplacement + "d");
}

TEST(Utf8Test, IncompleteTail) {
  EXPECT_EQ(incomplete_utf8_tail(""), 0u);
  EXPECT_EQ(incomplete_utf8_tail("abc"), 0u);
  EXPECT_EQ(incomplete_utf8_tail("a\xE4"), 1u);
  EXPECT_EQ(incomplete_utf8_tail("a\xE4\xB8"), 2u);
  EXPECT_EQ(incomplete_utf8_tail("a\xE4\xB8\xAD"), 0u);  // complete
  EXPECT_EQ(incomplete_utf8_tail("\xF0\x9F\x98"), 3u);
  EXPECT_EQ(incomplete_utf8_tail("a\x80"), 0u);      // can never complete
  EXPECT_EQ(incomplete_utf8_tail("a\xED\xA0"), 0u);  // a surrogate: never well-formed
  EXPECT_EQ(incomplete_utf8_tail("a\xFF"), 0u);
}

TEST(Utf8Test, EncodeAndDecodeCodePoints) {
  for (const char32_t code : {U'\0', U'A', U'\u00E9', U'\u5BFC', U'\U0001F600', U'\U0010FFFF'}) {
    std::string bytes;
    append_utf8(bytes, code);
    std::size_t position = 0;
    EXPECT_EQ(next_code_point(bytes, position), code);
    EXPECT_EQ(position, bytes.size());
  }
}

}  // namespace
}  // namespace codriver::llm::tokenizer
