#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// An utterance folded for matching that still knows where each byte came from, so a
// name found in the folded text is handed on as the driver wrote it ("Café de Paris",
// not "cafe de paris").
namespace codriver::language {

struct AlignedText {
  std::string original;             // sanitised, Simplified Chinese
  std::string folded;               // fold_text of `original`, one character at a time
  std::vector<std::size_t> origin;  // folded byte i came from original byte origin[i]

  // The original text of folded bytes [begin, end), trimmed.
  std::string original_span(std::size_t begin, std::size_t end) const;
};

// Sanitises (control characters out, length capped), converts Traditional Chinese to
// Simplified, folds. Never throws.
AlignedText align_utterance(std::string_view raw);

}  // namespace codriver::language
