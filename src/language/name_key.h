#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Names and sentences cut into the pieces the gazetteer compares: folded words (lower case,
// accents stripped, full-width letters made ASCII, punctuation dropped) and single Han
// characters, each with its byte span in the original text so matches can point back at it.
namespace codriver::language {

struct NameUnit {
  enum class Kind { kWord, kHan };
  Kind kind = Kind::kWord;
  std::string text;       // the folded word, or the Han character (UTF-8)
  char32_t han = 0;       // the Han character's code point; 0 for words
  std::size_t begin = 0;  // byte span of the unit in the text it came from
  std::size_t end = 0;
};

enum class HanForm { kAsWritten, kSimplified };

// Invalid UTF-8, emoji and symbols separate units like punctuation does; nothing throws.
std::vector<NameUnit> split_name_units(std::string_view text, HanForm form);

// Joins units the way a name is written after folding: words apart, Han characters together.
std::string join_name_units(const std::vector<NameUnit>& units);

}  // namespace codriver::language
