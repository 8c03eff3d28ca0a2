#pragma once

#include <string>

#include "llm/tokenizer/tokenizer.h"

// Decodes tokens one at a time as a model generates them. A token may end in the middle of
// a character (a rare CJK character or an emoji is often several byte tokens); those bytes
// are held back until the character is complete, so every piece handed out is well-formed
// UTF-8 and the pieces concatenate to decode() of all the ids.
namespace codriver::llm::tokenizer {

class StreamDecoder {
 public:
  explicit StreamDecoder(const Tokenizer& tokenizer) : tokenizer_(&tokenizer) {}

  // The text that `id` completes (possibly empty). Throws TokenizerError for an id out of
  // range, leaving the decoder as it was.
  std::string push(TokenId id);

  // The text still held back, an unfinished character becoming U+FFFD; the decoder is then
  // empty and can be reused.
  std::string finish();

  bool holds_bytes() const { return !pending_.empty(); }

 private:
  const Tokenizer* tokenizer_;
  std::string pending_;
};

}  // namespace codriver::llm::tokenizer
