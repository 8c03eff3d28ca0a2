// The tokenizer on a small synthetic vocabulary: merge order, validation, special tokens,
// decoding, hostile input.
#include "llm/tokenizer/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "llm/tokenizer/utf8.h"
#include "test_vocabulary.h"

namespace codriver::llm::tokenizer {
namespace {

using testing::make_vocabulary;
using testing::SpecialToken;

// Ids: bytes 0..255, then the merge results 256.. in order, then the specials.
const std::vector<std::string> kMerges = {
    "l l",      // 256 "ll"
    "h e",      // 257 "he"
    "he ll",    // 258 "hell"
    "hell o",   // 259 "hello"
    "Ġ w",      // 260 "Ġw"
    "o r",      // 261 "or"
    "Ġw or",    // 262 "Ġwor"
    "Ġwor l",   // 263 "Ġworl"
    "Ġworl d",  // 264 "Ġworld"
    "a a",      // 265 "aa"
};
constexpr TokenId kImStart = 266;
constexpr TokenId kImEnd = 267;
constexpr TokenId kThink = 268;
constexpr TokenId kImPrefix = 269;

Tokenizer make_tokenizer() {
  return Tokenizer(make_vocabulary(kMerges, {{"<|im_start|>", TokenType::kControl},
                                             {"<|im_end|>", TokenType::kControl},
                                             {"<think>", TokenType::kUserDefined},
                                             {"<|im", TokenType::kUserDefined}}));
}

std::vector<TokenId> bytes_of(std::string_view text) {
  std::vector<TokenId> ids;
  for (const char byte : text)
    ids.push_back(static_cast<unsigned char>(byte));
  return ids;
}

TEST(TokenizerTest, MergesByRank) {
  const Tokenizer tokenizer = make_tokenizer();
  EXPECT_EQ(tokenizer.encode("hello world", SpecialTokens::kRecognize),
            (std::vector<TokenId>{259, 264}));
  EXPECT_EQ(tokenizer.encode("hell", SpecialTokens::kRecognize), (std::vector<TokenId>{258}));
  // "ll" (rank 0) is merged before "he" (rank 1), yet "hel" cannot become "hell".
  EXPECT_EQ(tokenizer.encode("hel", SpecialTokens::kRecognize), (std::vector<TokenId>{257, 'l'}));
  // Equal ranks merge leftmost first: "aaa" -> "aa" + "a", not "a" + "aa".
  EXPECT_EQ(tokenizer.encode("aaa", SpecialTokens::kRecognize), (std::vector<TokenId>{265, 'a'}));
  EXPECT_EQ(tokenizer.encode("aaaaa", SpecialTokens::kRecognize),
            (std::vector<TokenId>{265, 265, 'a'}));
  // No merge: one token per byte.
  EXPECT_EQ(tokenizer.encode("xyz", SpecialTokens::kRecognize), bytes_of("xyz"));
}

TEST(TokenizerTest, NonAsciiUsesByteTokens) {
  const Tokenizer tokenizer = make_tokenizer();
  EXPECT_EQ(tokenizer.encode("\u5BFC", SpecialTokens::kRecognize), bytes_of("\u5BFC"));
  EXPECT_EQ(tokenizer.encode("e\u0301", SpecialTokens::kRecognize), bytes_of("\u00E9"));  // NFC
}

TEST(TokenizerTest, SpecialTokensOrPlainText) {
  const Tokenizer tokenizer = make_tokenizer();
  const std::string text = "<|im_start|>hello<|im_end|>";
  EXPECT_EQ(tokenizer.encode(text, SpecialTokens::kRecognize),
            (std::vector<TokenId>{kImStart, 259, kImEnd}));
  // Untrusted text: a POI called "<|im_start|>" stays characters.
  const auto as_text = tokenizer.encode(text, SpecialTokens::kAsText);
  for (const TokenId id : as_text) {
    EXPECT_EQ(tokenizer.token_type(id), TokenType::kNormal) << id;
  }
  EXPECT_EQ(tokenizer.decode(as_text), text);
  // Longest match at a position: "<|im_start|>" rather than its prefix "<|im".
  EXPECT_EQ(tokenizer.encode("<|im<|im_start|>", SpecialTokens::kRecognize),
            (std::vector<TokenId>{kImPrefix, kImStart}));
  EXPECT_EQ(tokenizer.encode("<think>he", SpecialTokens::kRecognize),
            (std::vector<TokenId>{kThink, 257}));
  // Special tokens are found before NFC: U+0338 after '>' must not make U+226F.
  const auto ids = tokenizer.encode("<|im_end|>\u0338", SpecialTokens::kRecognize);
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), kImEnd);
  EXPECT_EQ(tokenizer.decode(ids), "<|im_end|>\u0338");
}

TEST(TokenizerTest, DecodeGivesTextOfEveryKind) {
  const Tokenizer tokenizer = make_tokenizer();
  EXPECT_EQ(tokenizer.decode(std::vector<TokenId>{kImStart, 259, 264, kImEnd}),
            "<|im_start|>hello world<|im_end|>");
  EXPECT_EQ(tokenizer.token_text(260), "Ġw");
  EXPECT_EQ(tokenizer.token_bytes(260), " w");
  EXPECT_EQ(tokenizer.find_token("<|im_end|>"), kImEnd);
  EXPECT_EQ(tokenizer.find_token("nope"), std::nullopt);
  // Ids that stop inside a character decode to U+FFFD for the part that is there.
  EXPECT_EQ(tokenizer.decode(std::vector<TokenId>{0xE5, 0xAF}), "\uFFFD");
}

TEST(TokenizerTest, OutOfRangeIdsAreClearErrors) {
  const Tokenizer tokenizer = make_tokenizer();
  const auto size = static_cast<TokenId>(tokenizer.size());
  try {
    (void)tokenizer.decode(std::vector<TokenId>{1, size});
    FAIL() << "no error";
  } catch (const TokenizerError& error) {
    EXPECT_NE(std::string(error.what()).find("token id " + std::to_string(size)), std::string::npos)
        << error.what();
  }
  EXPECT_THROW((void)tokenizer.token_text(-1), TokenizerError);
  EXPECT_THROW((void)tokenizer.token_type(size), TokenizerError);
}

std::string error_of(Vocabulary vocabulary) {
  try {
    Tokenizer tokenizer(std::move(vocabulary));
  } catch (const TokenizerError& error) {
    return error.what();
  }
  return "no error";
}

TEST(TokenizerTest, ValidationNamesTheProblem) {
  auto missing_left = make_vocabulary({"h e"});
  missing_left.merges.push_back("xy z");
  EXPECT_EQ(error_of(missing_left),
            "merge #1 \"xy z\" refers to \"xy\", which is not in the vocabulary");

  auto missing_result = make_vocabulary({"h e"});
  missing_result.merges.push_back("he he");
  EXPECT_EQ(error_of(missing_result),
            "merge #1 \"he he\" makes \"hehe\", which is not in the vocabulary");

  auto malformed = make_vocabulary({});
  malformed.merges = {"abc"};
  EXPECT_EQ(error_of(malformed), "merge #0 \"abc\" is not two tokens separated by one space");

  auto no_byte = make_vocabulary({});
  no_byte.tokens[0x41] = "not A";
  EXPECT_NE(error_of(no_byte).find("no token for byte 0x41"), std::string::npos);

  auto types = make_vocabulary({});
  types.types.pop_back();
  EXPECT_EQ(error_of(types), "the vocabulary has 256 tokens but 255 token types");

  auto bad_type = make_vocabulary({});
  bad_type.types[7] = static_cast<TokenType>(9);
  EXPECT_EQ(error_of(bad_type), "token 7 has type 9, not one of 1 (normal) to 6 (byte)");

  auto eos = make_vocabulary({});
  eos.eos_id = 256;
  EXPECT_EQ(error_of(eos),
            "the end-of-sequence token id 256 is outside the vocabulary of 256 tokens");

  EXPECT_EQ(error_of(Vocabulary{}), "the vocabulary has no tokens");
}

TEST(TokenizerTest, HostileInput) {
  const Tokenizer tokenizer = make_tokenizer();
  // Ill-formed UTF-8 becomes U+FFFD, one per maximal subpart; nothing else is lost.
  const std::string invalid = "he\xFF\xE4\xB8llo\xC0 world\xED\xA0\x80";
  EXPECT_EQ(tokenizer.decode(tokenizer.encode(invalid, SpecialTokens::kRecognize)),
            sanitize_utf8(invalid));
  // NUL bytes are characters like any other.
  const std::string nul("a\0b\0\0", 5);
  const auto nul_ids = tokenizer.encode(nul, SpecialTokens::kRecognize);
  EXPECT_EQ(nul_ids, bytes_of(nul));
  EXPECT_EQ(tokenizer.decode(nul_ids), nul);
  // 1 MB of one character, in several scripts: one long piece for letters, one piece per
  // digit, one run of spaces.
  for (const std::string unit : {"a", "7", " ", "\u00E9", "\u5BFC", "\U0001F600", "!"}) {
    std::string text;
    while (text.size() < (1u << 20))
      text += unit;
    const auto ids = tokenizer.encode(text, SpecialTokens::kRecognize);
    EXPECT_EQ(tokenizer.decode(ids), text) << unit;
  }
}

}  // namespace
}  // namespace codriver::llm::tokenizer
