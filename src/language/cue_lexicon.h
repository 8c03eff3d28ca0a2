#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "language/concept.h"

// Cue phrases of both languages and where they occur in a folded utterance. Latin
// phrases match whole words (a plural "s" allowed); Han phrases match anywhere, longest
// first, which is how Chinese text without spaces is read.
namespace codriver::language {

struct Cue {
  Concept meaning;
  std::string value;  // the cuisine key, socket type, ... when the meaning carries one
  std::size_t begin = 0, end = 0;
};

class CueLexicon {
 public:
  // The parser's own bilingual vocabulary of actions, constraints and dialog words.
  static CueLexicon standard();

  // `phrase` is folded text (lower case, no accents). Later entries of the same phrase
  // replace earlier ones, so a caller can refine the standard vocabulary.
  void add(std::string_view phrase, Concept meaning, std::string_view value = {});

  // Non-overlapping cues, left to right, the longest phrase winning at each position.
  std::vector<Cue> find(std::string_view folded) const;

  std::size_t size() const { return entries_.size(); }
  // Every phrase written in Latin letters, in the order added (the English vocabulary).
  std::vector<std::string> latin_phrases() const;

 private:
  struct Entry {
    std::string phrase;
    Concept meaning;
    std::string value;
  };
  // Entries by their first word (Latin) or first character (Han), longest first.
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_unit_;
  std::vector<Entry> entries_;
};

// The first word or Han character of `text` at `position`: the key cues are filed under.
std::string_view first_unit(std::string_view text, std::size_t position);

}  // namespace codriver::language
