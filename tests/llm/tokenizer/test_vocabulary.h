#pragma once

#include <string>
#include <vector>

#include "llm/tokenizer/byte_level.h"
#include "llm/tokenizer/utf8.h"
#include "llm/tokenizer/vocabulary.h"

// A small byte-level BPE vocabulary for tests: the 256 byte tokens, the tokens the given
// merges make (in order), then the special tokens.
namespace codriver::llm::tokenizer::testing {

struct SpecialToken {
  std::string text;
  TokenType type;
};

inline std::string byte_token(unsigned char byte) {
  std::string text;
  append_utf8(text, byte_to_code_point(byte));
  return text;
}

inline Vocabulary make_vocabulary(const std::vector<std::string>& merges,
                                  const std::vector<SpecialToken>& specials = {}) {
  Vocabulary vocabulary;
  for (int byte = 0; byte < 256; ++byte) {
    vocabulary.tokens.push_back(byte_token(static_cast<unsigned char>(byte)));
    vocabulary.types.push_back(TokenType::kNormal);
  }
  for (const std::string& merge : merges) {
    const std::size_t space = merge.find(' ');
    vocabulary.tokens.push_back(merge.substr(0, space) + merge.substr(space + 1));
    vocabulary.types.push_back(TokenType::kNormal);
  }
  vocabulary.merges = merges;
  for (const SpecialToken& special : specials) {
    vocabulary.tokens.push_back(special.text);
    vocabulary.types.push_back(special.type);
  }
  return vocabulary;
}

}  // namespace codriver::llm::tokenizer::testing
