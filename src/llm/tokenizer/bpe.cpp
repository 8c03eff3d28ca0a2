#include "llm/tokenizer/bpe.h"

#include <algorithm>
#include <cstdio>

#include "llm/tokenizer/byte_level.h"
#include "llm/tokenizer/tokenizer_error.h"
#include "llm/tokenizer/utf8.h"

namespace codriver::llm::tokenizer {
namespace {

std::string merge_name(std::size_t rank, std::string_view merge) {
  return "merge #" + std::to_string(rank) + " \"" + sanitize_utf8(merge) + "\"";
}

TokenId lookup(const std::unordered_map<std::string_view, TokenId>& token_ids,
               std::string_view text, std::size_t rank, std::string_view merge,
               std::string_view role) {
  const auto found = token_ids.find(text);
  if (found == token_ids.end()) {
    throw TokenizerError(merge_name(rank, merge) + " " + std::string(role) + " \"" +
                         sanitize_utf8(text) + "\", which is not in the vocabulary");
  }
  return found->second;
}

// Heap order: lowest rank first, then leftmost.
bool later(const BpeScratch::Candidate& a, const BpeScratch::Candidate& b) {
  return a.rank != b.rank ? a.rank > b.rank : a.left > b.left;
}

}  // namespace

BytePairEncoder::BytePairEncoder(const std::unordered_map<std::string_view, TokenId>& token_ids,
                                 std::span<const std::string> merges) {
  for (int byte = 0; byte < 256; ++byte) {
    std::string text;
    append_utf8(text, byte_to_code_point(static_cast<unsigned char>(byte)));
    const auto found = token_ids.find(text);
    if (found == token_ids.end()) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", byte);
      throw TokenizerError(std::string("the vocabulary has no token for byte ") + hex + " (\"" +
                           text + "\"); a byte-level BPE vocabulary needs all 256");
    }
    byte_tokens_[byte] = found->second;
  }
  merges_.reserve(merges.size());
  for (std::size_t rank = 0; rank < merges.size(); ++rank) {
    const std::string_view merge = merges[rank];
    const std::size_t space = merge.find(' ');
    if (space == std::string_view::npos || space == 0 || space + 1 == merge.size() ||
        merge.find(' ', space + 1) != std::string_view::npos) {
      throw TokenizerError(merge_name(rank, merge) + " is not two tokens separated by one space");
    }
    const std::string_view left_text = merge.substr(0, space);
    const std::string_view right_text = merge.substr(space + 1);
    const TokenId left = lookup(token_ids, left_text, rank, merge, "refers to");
    const TokenId right = lookup(token_ids, right_text, rank, merge, "refers to");
    const std::string joined = std::string(left_text) + std::string(right_text);
    const TokenId result = lookup(token_ids, joined, rank, merge, "makes");
    // A repeated pair keeps its first (lowest) rank, as the merge list is read in order.
    merges_.emplace(key(left, right), Merge{static_cast<std::uint32_t>(rank), result});
  }
}

const BytePairEncoder::Merge* BytePairEncoder::find_merge(TokenId left, TokenId right) const {
  const auto found = merges_.find(key(left, right));
  return found == merges_.end() ? nullptr : &found->second;
}

void BytePairEncoder::push_candidate(BpeScratch& scratch, std::int32_t left) const {
  const auto& symbols = scratch.symbols;
  const std::int32_t right = symbols[left].next;
  if (right < 0) return;
  const Merge* merge = find_merge(symbols[left].id, symbols[right].id);
  if (merge == nullptr) return;
  scratch.heap.push_back({merge->rank, left, symbols[left].id, symbols[right].id, merge->result});
  std::push_heap(scratch.heap.begin(), scratch.heap.end(), later);
}

void BytePairEncoder::encode(std::string_view piece, BpeScratch& scratch,
                             std::vector<TokenId>& out) const {
  if (piece.size() == 1) {
    out.push_back(byte_tokens_[static_cast<unsigned char>(piece[0])]);
    return;
  }
  auto& symbols = scratch.symbols;
  symbols.clear();
  scratch.heap.clear();
  const auto count = static_cast<std::int32_t>(piece.size());
  for (std::int32_t i = 0; i < count; ++i) {
    symbols.push_back(
        {byte_tokens_[static_cast<unsigned char>(piece[i])], i - 1, i + 1 < count ? i + 1 : -1});
  }
  for (std::int32_t i = 0; i + 1 < count; ++i)
    push_candidate(scratch, i);

  while (!scratch.heap.empty()) {
    std::pop_heap(scratch.heap.begin(), scratch.heap.end(), later);
    const BpeScratch::Candidate candidate = scratch.heap.back();
    scratch.heap.pop_back();
    auto& left = symbols[candidate.left];
    // A candidate is stale once either side has been merged into something else: a
    // symbol's token only ever grows, so equal ids mean the pair is still there.
    if (left.id != candidate.left_id || left.next < 0 ||
        symbols[left.next].id != candidate.right_id) {
      continue;
    }
    const std::int32_t right_index = left.next;
    auto& right = symbols[right_index];
    left.id = candidate.result;
    left.next = right.next;
    if (right.next >= 0) symbols[right.next].previous = candidate.left;
    right.id = -1;  // gone
    if (left.previous >= 0) push_candidate(scratch, left.previous);
    push_candidate(scratch, candidate.left);
  }
  for (std::int32_t i = 0; i >= 0; i = symbols[i].next)
    out.push_back(symbols[i].id);
}

}  // namespace codriver::llm::tokenizer
