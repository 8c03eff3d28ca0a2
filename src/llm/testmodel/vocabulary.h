#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

// The tokenizer metadata a generated model carries (tokenizer.ggml.*): byte-level BPE
// tokens in GPT-2/Qwen form, their types, merges in rank order, and the special ids.
namespace codriver::llm::testmodel {

// tokenizer.ggml.token_type values.
enum TokenType : std::int32_t {
  kNormal = 1,
  kUnknown = 2,
  kControl = 3,
  kUserDefined = 4,
  kUnused = 5,
  kByte = 6,
};

struct Vocabulary {
  std::vector<std::string> tokens;        // byte-level form ("Ġworld"), index = id
  std::vector<std::int32_t> token_types;  // TokenType per token
  std::vector<std::string> merges;        // "a b", rank order
  std::uint32_t bos_id = 0;
  std::uint32_t eos_id = 0;
  std::uint32_t padding_id = 0;
};

// The 256 byte tokens, merges learned from a small built-in English/Chinese/code text, then
// the Qwen special tokens <|endoftext|> <|im_start|> <|im_end|> (control) and <tool_call>
// </tool_call> <think> </think> (user-defined); eos = <|im_end|>, bos = padding =
// <|endoftext|>. Built once and cached (deterministic).
const Vocabulary& synthetic_vocabulary();

// A Hugging Face tokenizer.json (BPE): model.vocab, model.merges ("a b" strings or [a, b]
// pairs) and added_tokens, written exactly. Size = largest id + 1, gaps filled with
// "[PADn]" of type unused. Added tokens are control when marked special or shaped
// <|...|>, else user-defined. Throws std::runtime_error naming the file and the problem.
Vocabulary vocabulary_from_tokenizer_json(const std::filesystem::path& path);

// The byte-level form of one byte (GPT-2's bytes_to_unicode, as UTF-8), and the 256 bytes
// in the id order of GPT-2's and Qwen's vocabularies (printable ones first).
std::string byte_token(std::uint8_t byte);
std::vector<std::uint8_t> byte_token_order();

}  // namespace codriver::llm::testmodel
