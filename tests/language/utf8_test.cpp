#include "language/utf8.h"

#include <gtest/gtest.h>

namespace codriver::language {
namespace {

TEST(Utf8, RoundTripsMixedText) {
  const std::string text = "导航去 Monte-Carlo Café 🚗";
  EXPECT_EQ(encode_utf8(decode_utf8(text)), text);
  EXPECT_EQ(decode_utf8("去").size(), 1u);
}

TEST(Utf8, InvalidBytesBecomeReplacementCharacters) {
  EXPECT_EQ(decode_utf8("a\xFF" "b"), (std::u32string{U'a', kReplacementCharacter, U'b'}));
  EXPECT_EQ(decode_utf8("\xE5\xAF"), (std::u32string{kReplacementCharacter,
                                                     kReplacementCharacter}));
  EXPECT_EQ(decode_utf8("\xC0\xAF"), (std::u32string{kReplacementCharacter,
                                                     kReplacementCharacter}));
  EXPECT_EQ(decode_utf8("\xED\xA0\x80").front(), kReplacementCharacter);  // a surrogate
}

TEST(Utf8, HanClassCoversBothScripts) {
  EXPECT_TRUE(is_han(U'导'));
  EXPECT_TRUE(is_han(U'導'));
  EXPECT_FALSE(is_han(U'a'));
  EXPECT_FALSE(is_han(U'，'));
}

}  // namespace
}  // namespace codriver::language
