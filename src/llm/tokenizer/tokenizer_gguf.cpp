// Tokenizer::from_gguf: the tokenizer.ggml.* keys that llama.cpp's converter writes.
#include "llm/gguf/gguf_file.h"
#include "llm/tokenizer/tokenizer.h"

namespace codriver::llm::tokenizer {
namespace {

constexpr std::string_view kModelKey = "tokenizer.ggml.model";
constexpr std::string_view kPreKey = "tokenizer.ggml.pre";

void check_tokenizer_kind(const gguf::GgufFile& file) {
  if (!file.contains(kModelKey)) {
    throw TokenizerError("the GGUF file has no tokenizer (no tokenizer.ggml.model key)");
  }
  const std::string_view model = file.get_string(kModelKey);
  if (model != "gpt2") {
    throw TokenizerError("tokenizer.ggml.model is \"" + std::string(model) +
                         "\"; only byte-level BPE (\"gpt2\", as Qwen uses) is supported");
  }
  // Files converted before llama.cpp wrote this key have none; Qwen's is the only one here.
  const std::string_view pre = file.get_string_or(kPreKey, "qwen2");
  if (pre != "qwen2") {
    throw TokenizerError("tokenizer.ggml.pre is \"" + std::string(pre) +
                         "\"; only Qwen2's pre-tokenizer (\"qwen2\") is supported");
  }
}

std::optional<TokenId> optional_id(const gguf::GgufFile& file, std::string_view key) {
  if (!file.contains(key)) return std::nullopt;
  const std::uint64_t id = file.get_uint(key);
  if (id > 0x7FFFFFFF) {
    throw TokenizerError(std::string(key) + " = " + std::to_string(id) + " is not a token id");
  }
  return static_cast<TokenId>(id);
}

}  // namespace

Tokenizer Tokenizer::from_gguf(const gguf::GgufFile& file) {
  check_tokenizer_kind(file);
  Vocabulary vocabulary;
  for (const std::string_view token : file.get_string_array("tokenizer.ggml.tokens")) {
    vocabulary.tokens.emplace_back(token);
  }
  if (file.contains("tokenizer.ggml.token_type")) {
    const auto types = file.get_int_array("tokenizer.ggml.token_type");
    vocabulary.types.reserve(types.size());
    for (std::size_t id = 0; id < types.size(); ++id) {
      if (types[id] < 1 || types[id] > 6) {
        throw TokenizerError("tokenizer.ggml.token_type[" + std::to_string(id) + "] is " +
                             std::to_string(types[id]) + ", not one of 1 (normal) to 6 (byte)");
      }
      vocabulary.types.push_back(static_cast<TokenType>(types[id]));
    }
  }
  for (const std::string_view merge : file.get_string_array("tokenizer.ggml.merges")) {
    vocabulary.merges.emplace_back(merge);
  }
  vocabulary.eos_id = optional_id(file, "tokenizer.ggml.eos_token_id");
  vocabulary.bos_id = optional_id(file, "tokenizer.ggml.bos_token_id");
  vocabulary.padding_id = optional_id(file, "tokenizer.ggml.padding_token_id");
  return Tokenizer(std::move(vocabulary));
}

}  // namespace codriver::llm::tokenizer
