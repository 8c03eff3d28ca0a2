#include "language/text_scan.h"

#include "language/utf8.h"

namespace codriver::language {
namespace {

bool is_continuation(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

bool letter_at(std::string_view text, std::size_t pos) {
  return pos < text.size() && is_ascii_letter(text[pos]);
}

}  // namespace

CodePoint code_point_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return {};
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1};
  const std::size_t length = (lead >= 0xC2 && lead <= 0xDF)   ? 2
                             : (lead >= 0xE0 && lead <= 0xEF) ? 3
                             : (lead >= 0xF0 && lead <= 0xF4) ? 4
                                                              : 0;
  const CodePoint invalid{kReplacementCharacter, 1};
  if (length == 0 || pos + length > text.size()) return invalid;
  char32_t value = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if (!is_continuation(text[pos + k])) return invalid;
    value = (value << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3F);
  }
  const bool overlong = (length == 3 && value < 0x800) || (length == 4 && value < 0x10000);
  if (overlong || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return invalid;
  return {value, length};
}

CodePoint code_point_before(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos > text.size()) return {};
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && is_continuation(text[start]))
    --start;
  const CodePoint found = code_point_at(text, start);
  if (start + found.size != pos) return {kReplacementCharacter, 1};
  return found;
}

bool has_at(std::string_view text, std::size_t pos, std::string_view piece) {
  return pos <= text.size() && text.size() - pos >= piece.size() && !piece.empty() &&
         text[pos] == piece.front() && text.compare(pos, piece.size(), piece) == 0;
}

bool ends_at(std::string_view text, std::size_t pos, std::string_view piece) {
  return pos <= text.size() && pos >= piece.size() &&
         text.substr(pos - piece.size(), piece.size()) == piece;
}

bool is_word_start(std::string_view text, std::size_t pos) {
  return letter_at(text, pos) && (pos == 0 || !is_ascii_letter(text[pos - 1]));
}

std::string_view word_at(std::string_view text, std::size_t pos) {
  if (!is_word_start(text, pos)) return {};
  std::size_t end = pos;
  while (letter_at(text, end))
    ++end;
  return text.substr(pos, end - pos);
}

std::size_t phrase_end(std::string_view text, std::size_t pos, std::string_view phrase) {
  if (phrase.empty() || !has_at(text, pos, phrase)) return std::string_view::npos;
  if (is_ascii_letter(phrase.front()) && pos > 0 && is_ascii_letter(text[pos - 1])) {
    return std::string_view::npos;
  }
  const std::size_t end = pos + phrase.size();
  if (is_ascii_letter(phrase.back()) && letter_at(text, end)) return std::string_view::npos;
  return end;
}

std::size_t phrase_begin(std::string_view text, std::size_t pos, std::string_view phrase) {
  if (phrase.empty() || !ends_at(text, pos, phrase)) return std::string_view::npos;
  const std::size_t begin = pos - phrase.size();
  return phrase_end(text, begin, phrase) == pos ? begin : std::string_view::npos;
}

std::size_t next_word(std::string_view text, std::size_t end, bool allow_hyphen) {
  if (end >= text.size()) return std::string_view::npos;
  if (text[end] != ' ' && !(allow_hyphen && text[end] == '-')) return std::string_view::npos;
  return is_word_start(text, end + 1) ? end + 1 : std::string_view::npos;
}

std::string_view previous_word(std::string_view text, std::size_t begin) {
  if (begin < 2 || begin > text.size() || text[begin - 1] != ' ') return {};
  std::size_t start = begin - 1;
  while (start > 0 && is_ascii_letter(text[start - 1]))
    --start;
  return text.substr(start, begin - 1 - start);
}

std::size_t skip_space(std::string_view text, std::size_t pos) {
  return pos < text.size() && text[pos] == ' ' ? pos + 1 : pos;
}

std::size_t skip_space_back(std::string_view text, std::size_t pos) {
  return pos > 0 && pos <= text.size() && text[pos - 1] == ' ' ? pos - 1 : pos;
}

}  // namespace codriver::language
