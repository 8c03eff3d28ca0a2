// The generator's vocabulary-only GGUF files (llm/testmodel) read back by
// Tokenizer::from_gguf: tokenizer.json -> GGUF -> the same ids as the independent vectors.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "llm/gguf/gguf_file.h"
#include "llm/testmodel/test_model.h"
#include "llm/tokenizer/nfc.h"
#include "llm/tokenizer/tokenizer.h"
#include "qwen3_tokenizer_json.h"

namespace codriver::llm::tokenizer {
namespace {

class TestModelVocabularyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("codriver-tokenizer-" + std::to_string(::getpid()) + "-" +
                  std::to_string(std::random_device{}()));
    std::filesystem::create_directories(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::filesystem::path write_vocabulary(const std::filesystem::path& tokenizer_json) {
    testmodel::TestModelOptions options;
    options.vocab_path = tokenizer_json;
    options.vocab_only = true;
    const auto path = directory_ / "vocabulary.gguf";
    testmodel::write_test_model(options, path);
    return path;
  }

  std::filesystem::path directory_;
};

TEST_F(TestModelVocabularyTest, RealVocabularyGivesTheIndependentIds) {
  ASSERT_TRUE(std::filesystem::exists(testing::qwen3_tokenizer_json_path()))
      << testing::qwen3_tokenizer_json_path() << " is missing: run scripts/install-deps";
  const auto file = gguf::GgufFile::open(write_vocabulary(testing::qwen3_tokenizer_json_path()));
  const Tokenizer tokenizer = Tokenizer::from_gguf(file);
  EXPECT_EQ(tokenizer.size(), 151669u);
  EXPECT_EQ(tokenizer.encode("Hello world", SpecialTokens::kRecognize),
            (std::vector<TokenId>{9707, 1879}));
  const auto vectors = testing::read_json(std::filesystem::path(CODRIVER_SOURCE_DIR) /
                                          "tests/llm/tokenizer/qwen3_vectors.json");
  for (const auto& vector : vectors.at("vectors")) {
    const std::string text = vector.at("text");
    EXPECT_EQ(tokenizer.encode(text, SpecialTokens::kRecognize),
              vector.at("ids").get<std::vector<TokenId>>())
        << text;
    if (vector.contains("ids_as_text")) {
      EXPECT_EQ(tokenizer.encode(text, SpecialTokens::kAsText),
                vector.at("ids_as_text").get<std::vector<TokenId>>())
          << text;
    }
  }
}

TEST_F(TestModelVocabularyTest, SyntheticVocabularyRoundTrips) {
  const auto file = gguf::GgufFile::open(write_vocabulary({}));
  const Tokenizer tokenizer = Tokenizer::from_gguf(file);
  const TokenId im_start = tokenizer.find_token("<|im_start|>").value();
  EXPECT_EQ(tokenizer.token_type(im_start), TokenType::kControl);
  EXPECT_EQ(tokenizer.eos_id(), tokenizer.find_token("<|im_end|>"));
  const std::string text =
      "<|im_start|>user\nNavigate to the casino, \u5BFC\u822A\u5230\u6469\u7EB3\u54E5 "
      "\U0001F697 cafe\u0301<|im_end|>\n";
  const auto ids = tokenizer.encode(text, SpecialTokens::kRecognize);
  EXPECT_EQ(ids.front(), im_start);
  EXPECT_LT(ids.size(), text.size());  // the merges do something
  EXPECT_EQ(tokenizer.decode(ids), to_nfc(text));
}

}  // namespace
}  // namespace codriver::llm::tokenizer
