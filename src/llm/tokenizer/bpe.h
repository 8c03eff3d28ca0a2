#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "llm/tokenizer/vocabulary.h"

// Byte-level byte-pair encoding: a piece starts as one token per byte and the pair of
// neighbours with the lowest merge rank is joined (leftmost first among equals) until no
// neighbouring pair has a merge. Works on token ids; the merges are checked once, when
// built, so encoding never meets a token that is not in the vocabulary.
namespace codriver::llm::tokenizer {

// Reusable buffers, so that encoding many pieces allocates once.
struct BpeScratch {
  struct Symbol {
    TokenId id;
    std::int32_t previous;
    std::int32_t next;
  };
  struct Candidate {
    std::uint32_t rank;
    std::int32_t left;  // index of the left symbol
    TokenId left_id;
    TokenId right_id;
    TokenId result;
  };
  std::vector<Symbol> symbols;
  std::vector<Candidate> heap;
};

class BytePairEncoder {
 public:
  // `token_ids` maps byte-level token text to its id. Throws TokenizerError when a merge is
  // malformed or names a token (or makes one) the vocabulary lacks, or when a byte has no
  // token of its own.
  BytePairEncoder(const std::unordered_map<std::string_view, TokenId>& token_ids,
                  std::span<const std::string> merges);

  // Appends the tokens of one piece (raw bytes) to `out`.
  void encode(std::string_view piece, BpeScratch& scratch, std::vector<TokenId>& out) const;

  std::size_t merge_count() const { return merges_.size(); }

 private:
  struct Merge {
    std::uint32_t rank;
    TokenId result;
  };
  static std::uint64_t key(TokenId left, TokenId right) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(left)) << 32) |
           static_cast<std::uint32_t>(right);
  }
  const Merge* find_merge(TokenId left, TokenId right) const;
  void push_candidate(BpeScratch& scratch, std::int32_t left) const;

  std::array<TokenId, 256> byte_tokens_{};
  std::unordered_map<std::uint64_t, Merge> merges_;
};

}  // namespace codriver::llm::tokenizer
