#pragma once

#include <cstddef>
#include <string_view>

// Small cursor helpers shared by the extractors (numbers, quantities, times). They read folded
// text (lower case, single spaces) by byte offset, so every span they report is a byte span in
// that text. Nothing here throws or reads out of bounds, whatever the offset.
namespace codriver::language {

struct CodePoint {
  char32_t value = 0;
  std::size_t size = 0;  // bytes; 0 only at the end of the text
};

// The code point starting at `pos` (an invalid byte reads as U+FFFD of size 1).
CodePoint code_point_at(std::string_view text, std::size_t pos);
// The code point ending at `pos` (size 0 at the start of the text).
CodePoint code_point_before(std::string_view text, std::size_t pos);

inline bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// `piece` occurs at `pos` / ends at `pos`.
bool has_at(std::string_view text, std::size_t pos, std::string_view piece);
bool ends_at(std::string_view text, std::size_t pos, std::string_view piece);

// The run of ASCII letters starting at `pos`, empty unless a word starts exactly there.
std::string_view word_at(std::string_view text, std::size_t pos);
bool is_word_start(std::string_view text, std::size_t pos);

// End of `phrase` (words separated by single spaces) when it occurs at `pos` as whole words,
// npos otherwise.
std::size_t phrase_end(std::string_view text, std::size_t pos, std::string_view phrase);
// Start of `phrase` when it ends at `pos` as whole words, npos otherwise.
std::size_t phrase_begin(std::string_view text, std::size_t pos, std::string_view phrase);

// Offset of the next word when exactly one space (or a hyphen, when allowed) follows the word
// ending at `end`; npos otherwise.
std::size_t next_word(std::string_view text, std::size_t end, bool allow_hyphen = false);
// The word that ends one space before `begin`, empty if none.
std::string_view previous_word(std::string_view text, std::size_t begin);

// `pos` moved past one space, if there is one.
std::size_t skip_space(std::string_view text, std::size_t pos);
// `pos` moved back over one space, if there is one.
std::size_t skip_space_back(std::string_view text, std::size_t pos);

}  // namespace codriver::language
