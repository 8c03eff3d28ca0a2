#pragma once

#include <stdexcept>

namespace codriver::llm::tokenizer {

// Every error of the tokenizer: a vocabulary that cannot work, an id out of range.
class TokenizerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace codriver::llm::tokenizer
