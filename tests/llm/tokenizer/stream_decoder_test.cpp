#include "llm/tokenizer/stream_decoder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "llm/tokenizer/utf8.h"
#include "test_vocabulary.h"

namespace codriver::llm::tokenizer {
namespace {

// Byte tokens only: every multi-byte character arrives one byte per token.
Tokenizer byte_tokenizer() {
  return Tokenizer(testing::make_vocabulary({}, {{"<|im_end|>", TokenType::kControl}}));
}

std::vector<TokenId> bytes_of(std::string_view text) {
  std::vector<TokenId> ids;
  for (const char byte : text)
    ids.push_back(static_cast<unsigned char>(byte));
  return ids;
}

TEST(StreamDecoderTest, HoldsBackUnfinishedCharacters) {
  const Tokenizer tokenizer = byte_tokenizer();
  StreamDecoder decoder(tokenizer);
  const std::string text = "a\u5BFC\U0001F600b";  // 1 + 3 + 4 + 1 bytes
  std::vector<std::string> pieces;
  for (const TokenId id : bytes_of(text))
    pieces.push_back(decoder.push(id));
  const std::vector<std::string> expected = {"a", "", "", "\u5BFC", "", "", "", "\U0001F600", "b"};
  EXPECT_EQ(pieces, expected);
  EXPECT_FALSE(decoder.holds_bytes());
  EXPECT_EQ(decoder.finish(), "");
}

TEST(StreamDecoderTest, SpecialTokenAfterHeldBytes) {
  const Tokenizer tokenizer = byte_tokenizer();
  StreamDecoder decoder(tokenizer);
  const TokenId im_end = *tokenizer.find_token("<|im_end|>");
  EXPECT_EQ(decoder.push(0xE5), "");
  EXPECT_TRUE(decoder.holds_bytes());
  // The character can no longer complete: its start becomes U+FFFD, then the token's text.
  EXPECT_EQ(decoder.push(im_end), "\uFFFD<|im_end|>");
}

TEST(StreamDecoderTest, FinishReleasesWhatIsHeld) {
  const Tokenizer tokenizer = byte_tokenizer();
  StreamDecoder decoder(tokenizer);
  EXPECT_EQ(decoder.push(0xF0), "");
  EXPECT_EQ(decoder.push(0x9F), "");
  EXPECT_EQ(decoder.finish(), "\uFFFD");
  EXPECT_FALSE(decoder.holds_bytes());
  EXPECT_EQ(decoder.push('x'), "x");  // reusable
}

TEST(StreamDecoderTest, BadIdLeavesTheDecoderAsItWas) {
  const Tokenizer tokenizer = byte_tokenizer();
  StreamDecoder decoder(tokenizer);
  EXPECT_EQ(decoder.push(0xE5), "");
  EXPECT_THROW((void)decoder.push(static_cast<TokenId>(tokenizer.size())), TokenizerError);
  EXPECT_EQ(decoder.push(0xAF), "");
  EXPECT_EQ(decoder.push(0xBC), "\u5BFC");
}

TEST(StreamDecoderTest, PiecesAlwaysWellFormedAndEqualToDecode) {
  const Tokenizer tokenizer = byte_tokenizer();
  // Arbitrary byte streams, including ones no encoder would make.
  std::uint32_t state = 12345;
  for (int round = 0; round < 200; ++round) {
    std::vector<TokenId> ids;
    for (int i = 0; i < 40; ++i) {
      state = state * 1664525u + 1013904223u;
      const std::uint32_t pick = state >> 24;
      // Mostly well-formed pieces of characters, sometimes a random byte.
      ids.push_back(pick < 200 ? bytes_of("\u00E9\u5BFC\U0001F600x")[pick % 10]
                               : static_cast<TokenId>(pick));
    }
    StreamDecoder decoder(tokenizer);
    std::string streamed;
    for (const TokenId id : ids) {
      const std::string piece = decoder.push(id);
      EXPECT_TRUE(is_valid_utf8(piece));
      streamed += piece;
    }
    streamed += decoder.finish();
    EXPECT_EQ(streamed, tokenizer.decode(ids)) << "round " << round;
  }
}

}  // namespace
}  // namespace codriver::llm::tokenizer
