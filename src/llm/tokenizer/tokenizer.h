#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "llm/tokenizer/tokenizer_error.h"
#include "llm/tokenizer/vocabulary.h"

namespace codriver::llm::gguf {
class GgufFile;
}

// Qwen's tokenizer (Qwen2, Qwen2.5, Qwen3 share it): the text's control and user-defined
// tokens are cut out first, each stretch between them is put in NFC, split by Qwen2's
// pre-tokenizer and encoded by byte-level BPE. Decoding maps ids back to bytes.
//
// Ill-formed UTF-8 in the input is not an error: each ill-formed part becomes U+FFFD
// (see sanitize_utf8) before anything else, so encode() accepts any bytes and decode()
// always returns well-formed UTF-8.
//
// A Tokenizer is immutable once built; copies share the tables, and encode/decode may run
// on several threads at once.
namespace codriver::llm::tokenizer {

// Whether encode() turns the text of control and user-defined tokens into those tokens.
enum class SpecialTokens {
  kRecognize,  // trusted text: the prompt template, "<|im_start|>user\n..."
  kAsText,     // untrusted text (user input, POI names): "<|im_start|>" is just characters
};

class Tokenizer {
 public:
  // Validates the vocabulary: throws TokenizerError when types and tokens differ in number,
  // a type is out of range, a merge is malformed or names a token the vocabulary lacks, a
  // byte has no token, or eos/bos/padding is out of range.
  explicit Tokenizer(Vocabulary vocabulary);

  // From a GGUF file's tokenizer.ggml.* metadata (model "gpt2", pre "qwen2"); throws
  // TokenizerError for another tokenizer and gguf::GgufError for missing or mistyped keys.
  static Tokenizer from_gguf(const gguf::GgufFile& file);

  // The ids of `text`, nothing added before or after (Qwen uses no BOS token).
  std::vector<TokenId> encode(std::string_view text, SpecialTokens special) const;

  // The UTF-8 text of `ids`; control and user-defined tokens give their text. A character
  // cut short (ids that end inside it) becomes U+FFFD. Throws TokenizerError for an id out
  // of range.
  std::string decode(std::span<const TokenId> ids) const;

  // The raw bytes one token stands for (not necessarily whole characters).
  std::string_view token_bytes(TokenId id) const;
  // The token as the vocabulary writes it ("Ġworld", "<|im_end|>").
  std::string_view token_text(TokenId id) const;
  TokenType token_type(TokenId id) const;
  // The id of the token written `text` in the vocabulary, e.g. "<|im_end|>".
  std::optional<TokenId> find_token(std::string_view text) const;

  std::size_t size() const;
  std::optional<TokenId> eos_id() const;
  std::optional<TokenId> bos_id() const;
  std::optional<TokenId> padding_id() const;

 private:
  struct Tables;
  void check_id(TokenId id) const;
  void encode_ordinary(std::string_view text, std::vector<TokenId>& out) const;

  std::shared_ptr<const Tables> tables_;
};

}  // namespace codriver::llm::tokenizer
