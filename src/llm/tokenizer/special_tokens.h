#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "llm/tokenizer/vocabulary.h"

// Finds control and user-defined tokens (<|im_start|>, <tool_call>, ...) in raw text, the
// way Hugging Face's added-token splitter does: the leftmost occurrence wins, and the
// longest token among those starting there.
namespace codriver::llm::tokenizer {

class SpecialTokenMatcher {
 public:
  struct Match {
    std::size_t position = 0;
    std::size_t length = 0;
    TokenId id = 0;
  };

  void add(std::string_view text, TokenId id);  // empty texts are ignored
  bool empty() const { return entries_.empty(); }

  // The first match at or after `from`, if any.
  std::optional<Match> find(std::string_view text, std::size_t from) const;

 private:
  struct Entry {
    std::string text;
    TokenId id;
  };
  std::vector<Entry> entries_;
  // Per first byte, indices into entries_, longest text first.
  std::array<std::vector<std::size_t>, 256> by_first_byte_;
};

}  // namespace codriver::llm::tokenizer
