#include "language/aligned_text.h"

#include "language/chinese_script.h"
#include "language/text_fold.h"
#include "language/utf8.h"

namespace codriver::language {
namespace {

constexpr std::size_t kMaxUtteranceBytes = 1000;

bool is_space(char c) {
  return c == ' ';
}

void append_folded(AlignedText& text, std::string_view folded, std::size_t source) {
  for (char c : folded) {
    if (is_space(c) && (text.folded.empty() || is_space(text.folded.back()))) continue;
    text.folded.push_back(c);
    text.origin.push_back(source);
  }
}

}  // namespace

AlignedText align_utterance(std::string_view raw) {
  AlignedText text;
  text.original = to_simplified(sanitize_utterance(raw, kMaxUtteranceBytes));
  std::size_t position = 0;
  std::string one;
  for (char32_t c : decode_utf8(text.original)) {
    one.clear();
    append_utf8(one, c);
    // fold_text trims, so a lone space or punctuation mark folds to nothing: keep it
    // as a separator.
    std::string folded = fold_text(one);
    if (folded.empty()) folded = " ";
    append_folded(text, folded, position);
    position += one.size();
  }
  while (!text.folded.empty() && is_space(text.folded.back())) {
    text.folded.pop_back();
    text.origin.pop_back();
  }
  return text;
}

std::string AlignedText::original_span(std::size_t begin, std::size_t end) const {
  while (begin < end && begin < folded.size() && is_space(folded[begin]))
    ++begin;
  while (end > begin && is_space(folded[end - 1]))
    --end;
  if (begin >= end || begin >= origin.size()) return {};
  const std::size_t from = origin[begin];
  const std::size_t to = end < origin.size() ? origin[end] : original.size();
  std::string span = original.substr(from, to > from ? to - from : 0);
  while (!span.empty() && (span.back() == ' ' || span.back() == ',' || span.back() == '.')) {
    span.pop_back();
  }
  return span;
}

}  // namespace codriver::language
