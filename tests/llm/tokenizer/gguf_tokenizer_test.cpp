// Tokenizer::from_gguf on GGUF files built here, byte by byte, holding only metadata.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "llm/gguf/gguf_file.h"
#include "llm/tokenizer/tokenizer.h"
#include "qwen3_tokenizer_json.h"
#include "test_vocabulary.h"

namespace codriver::llm::tokenizer {
namespace {

// A GGUF v3 file without tensors: magic, version, counts, then key/value pairs.
class MetadataWriter {
 public:
  void add_string(const std::string& key, const std::string& value) {
    begin(key, 8);
    put_string(value);
  }
  void add_u32(const std::string& key, std::uint32_t value) {
    begin(key, 4);
    put(value);
  }
  void add_strings(const std::string& key, const std::vector<std::string>& values) {
    begin(key, 9);
    put(std::uint32_t{8});
    put(std::uint64_t{values.size()});
    for (const auto& value : values)
      put_string(value);
  }
  void add_i32s(const std::string& key, const std::vector<std::int32_t>& values) {
    begin(key, 9);
    put(std::uint32_t{5});
    put(std::uint64_t{values.size()});
    for (const auto value : values)
      put(value);
  }
  std::vector<std::byte> finish() const {
    std::vector<std::byte> file;
    const auto append = [&](const auto& value) {
      const auto* bytes = reinterpret_cast<const std::byte*>(&value);
      file.insert(file.end(), bytes, bytes + sizeof value);
    };
    file.insert(file.end(), {std::byte{'G'}, std::byte{'G'}, std::byte{'U'}, std::byte{'F'}});
    append(std::uint32_t{3});
    append(std::uint64_t{0});
    append(std::uint64_t{count_});
    file.insert(file.end(), entries_.begin(), entries_.end());
    return file;
  }

 private:
  template <typename T>
  void put(T value) {
    const auto* bytes = reinterpret_cast<const std::byte*>(&value);
    entries_.insert(entries_.end(), bytes, bytes + sizeof value);
  }
  void put_string(const std::string& text) {
    put(std::uint64_t{text.size()});
    const auto* bytes = reinterpret_cast<const std::byte*>(text.data());
    entries_.insert(entries_.end(), bytes, bytes + text.size());
  }
  void begin(const std::string& key, std::uint32_t type) {
    put_string(key);
    put(type);
    ++count_;
  }
  std::vector<std::byte> entries_;
  std::uint64_t count_ = 0;
};

MetadataWriter writer_for(const Vocabulary& vocabulary) {
  MetadataWriter writer;
  writer.add_string("general.architecture", "qwen2");
  writer.add_string("tokenizer.ggml.model", "gpt2");
  writer.add_string("tokenizer.ggml.pre", "qwen2");
  writer.add_strings("tokenizer.ggml.tokens", vocabulary.tokens);
  std::vector<std::int32_t> types;
  for (const TokenType type : vocabulary.types)
    types.push_back(static_cast<std::int32_t>(type));
  writer.add_i32s("tokenizer.ggml.token_type", types);
  writer.add_strings("tokenizer.ggml.merges", vocabulary.merges);
  return writer;
}

Vocabulary small_vocabulary() {
  return testing::make_vocabulary({"h e", "l l", "he ll", "hell o"},
                                  {{"<|endoftext|>", TokenType::kControl},
                                   {"<|im_start|>", TokenType::kControl},
                                   {"<|im_end|>", TokenType::kControl}});
}

std::string error_of(const std::vector<std::byte>& bytes) {
  try {
    const auto file = gguf::GgufFile::parse(bytes);
    (void)Tokenizer::from_gguf(file);
  } catch (const std::exception& error) {
    return error.what();
  }
  return "no error";
}

TEST(GgufTokenizerTest, ReadsTheVocabulary) {
  const Vocabulary vocabulary = small_vocabulary();
  MetadataWriter writer = writer_for(vocabulary);
  writer.add_u32("tokenizer.ggml.eos_token_id", 262);
  writer.add_u32("tokenizer.ggml.padding_token_id", 260);
  const auto bytes = writer.finish();
  const auto file = gguf::GgufFile::parse(bytes);
  const Tokenizer from_file = Tokenizer::from_gguf(file);
  const Tokenizer direct(vocabulary);
  const std::string text = "<|im_start|>hello, hell<|im_end|>";
  EXPECT_EQ(from_file.encode(text, SpecialTokens::kRecognize),
            direct.encode(text, SpecialTokens::kRecognize));
  EXPECT_EQ(from_file.encode("hello", SpecialTokens::kRecognize), (std::vector<TokenId>{259}));
  EXPECT_EQ(from_file.size(), vocabulary.tokens.size());
  EXPECT_EQ(from_file.eos_id(), 262);
  EXPECT_EQ(from_file.padding_id(), 260);
  EXPECT_EQ(from_file.bos_id(), std::nullopt);
  EXPECT_EQ(from_file.token_type(261), TokenType::kControl);
}

TEST(GgufTokenizerTest, OldFilesWithoutPreTokenizerKeyAreQwen2) {
  const Vocabulary vocabulary = small_vocabulary();
  MetadataWriter writer;
  writer.add_string("tokenizer.ggml.model", "gpt2");
  writer.add_strings("tokenizer.ggml.tokens", vocabulary.tokens);
  writer.add_strings("tokenizer.ggml.merges", vocabulary.merges);
  const auto bytes = writer.finish();
  const Tokenizer tokenizer = Tokenizer::from_gguf(gguf::GgufFile::parse(bytes));
  EXPECT_EQ(tokenizer.encode("hello", SpecialTokens::kRecognize), (std::vector<TokenId>{259}));
  // Without token types nothing is special.
  EXPECT_EQ(tokenizer.token_type(261), TokenType::kNormal);
}

TEST(GgufTokenizerTest, ClearErrors) {
  const Vocabulary vocabulary = small_vocabulary();
  {
    MetadataWriter writer;
    writer.add_string("general.architecture", "qwen2");
    EXPECT_EQ(error_of(writer.finish()),
              "the GGUF file has no tokenizer (no tokenizer.ggml.model key)");
  }
  {
    MetadataWriter writer;
    writer.add_string("tokenizer.ggml.model", "llama");
    EXPECT_EQ(error_of(writer.finish()),
              "tokenizer.ggml.model is \"llama\"; only byte-level BPE (\"gpt2\", as Qwen uses) "
              "is supported");
  }
  {
    MetadataWriter writer;
    writer.add_string("tokenizer.ggml.model", "gpt2");
    writer.add_string("tokenizer.ggml.pre", "llama-bpe");
    EXPECT_EQ(error_of(writer.finish()),
              "tokenizer.ggml.pre is \"llama-bpe\"; only Qwen2's pre-tokenizer (\"qwen2\") is "
              "supported");
  }
  {
    Vocabulary broken = vocabulary;
    broken.merges.push_back("hello zz");
    EXPECT_EQ(error_of(writer_for(broken).finish()),
              "merge #4 \"hello zz\" refers to \"zz\", which is not in the vocabulary");
  }
  {
    MetadataWriter writer = writer_for(vocabulary);
    writer.add_u32("tokenizer.ggml.eos_token_id", 100000);
    EXPECT_EQ(error_of(writer.finish()),
              "the end-of-sequence token id 100000 is outside the vocabulary of 263 tokens");
  }
  {
    Vocabulary bad_type = vocabulary;
    bad_type.types[3] = static_cast<TokenType>(0);
    EXPECT_EQ(error_of(writer_for(bad_type).finish()),
              "tokenizer.ggml.token_type[3] is 0, not one of 1 (normal) to 6 (byte)");
  }
  {
    MetadataWriter writer;
    writer.add_string("tokenizer.ggml.model", "gpt2");
    writer.add_strings("tokenizer.ggml.tokens", vocabulary.tokens);
    // No merges: the GGUF reader names the missing key.
    EXPECT_NE(error_of(writer.finish()).find("tokenizer.ggml.merges"), std::string::npos);
  }
}

// tokenizer.json -> a vocabulary-only GGUF -> Tokenizer::from_gguf gives the same ids.
TEST(GgufTokenizerTest, RealVocabularyThroughGguf) {
  ASSERT_TRUE(std::filesystem::exists(testing::qwen3_tokenizer_json_path()))
      << testing::qwen3_tokenizer_json_path() << " is missing: run scripts/install-deps";
  const Vocabulary vocabulary = testing::vocabulary_from_tokenizer_json(
      testing::read_json(testing::qwen3_tokenizer_json_path()));
  MetadataWriter writer = writer_for(vocabulary);
  writer.add_u32("tokenizer.ggml.eos_token_id", 151645);
  const auto bytes = writer.finish();
  const Tokenizer tokenizer = Tokenizer::from_gguf(gguf::GgufFile::parse(bytes));
  EXPECT_EQ(tokenizer.eos_id(), 151645);
  const auto vectors = testing::read_json(std::filesystem::path(CODRIVER_SOURCE_DIR) /
                                          "tests/llm/tokenizer/qwen3_vectors.json");
  for (const auto& vector : vectors.at("vectors")) {
    const std::string text = vector.at("text");
    EXPECT_EQ(tokenizer.encode(text, SpecialTokens::kRecognize),
              vector.at("ids").get<std::vector<TokenId>>())
        << text;
  }
}

}  // namespace
}  // namespace codriver::llm::tokenizer
