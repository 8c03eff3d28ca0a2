#include "llm/tokenizer/special_tokens.h"

#include <algorithm>

namespace codriver::llm::tokenizer {

void SpecialTokenMatcher::add(std::string_view text, TokenId id) {
  if (text.empty()) return;
  entries_.push_back({std::string(text), id});
  auto& candidates = by_first_byte_[static_cast<unsigned char>(text[0])];
  candidates.push_back(entries_.size() - 1);
  std::stable_sort(candidates.begin(), candidates.end(), [&](std::size_t a, std::size_t b) {
    return entries_[a].text.size() > entries_[b].text.size();
  });
}

std::optional<SpecialTokenMatcher::Match> SpecialTokenMatcher::find(std::string_view text,
                                                                    std::size_t from) const {
  for (std::size_t position = from; position < text.size(); ++position) {
    const auto& candidates = by_first_byte_[static_cast<unsigned char>(text[position])];
    for (const std::size_t index : candidates) {
      const Entry& entry = entries_[index];
      if (text.compare(position, entry.text.size(), entry.text) == 0) {
        return Match{position, entry.text.size(), entry.id};
      }
    }
  }
  return std::nullopt;
}

}  // namespace codriver::llm::tokenizer
