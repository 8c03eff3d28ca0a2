#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace codriver::llm::tokenizer {

using TokenId = std::int32_t;

// The token types of GGUF's tokenizer.ggml.token_type (llama.cpp's numbering).
enum class TokenType : std::int32_t {
  kNormal = 1,
  kUnknown = 2,
  kControl = 3,      // <|im_start|>, <|endoftext|>: matched in text, stored as plain text
  kUserDefined = 4,  // <tool_call>, <think>: matched in text, stored as plain text
  kUnused = 5,
  kByte = 6,
};

// A byte-level BPE vocabulary as plain data: what a GGUF file holds, or a test builds.
struct Vocabulary {
  std::vector<std::string> tokens;  // normal tokens in byte-level form ("Ġworld")
  std::vector<TokenType> types;     // one per token; empty means all normal
  std::vector<std::string> merges;  // "left right" in rank order, byte-level form
  std::optional<TokenId> eos_id;
  std::optional<TokenId> bos_id;
  std::optional<TokenId> padding_id;
};

}  // namespace codriver::llm::tokenizer
