#include "speech/lm_tokenizer.h"

#include <cstdint>

namespace codriver::speech {
namespace {

// Decodes one UTF-8 code point at `pos` and advances it; invalid bytes read as U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos++]);
  if (lead < 0x80) return lead;
  int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
  if (extra < 0) return 0xFFFD;
  char32_t value = lead & (0x3F >> extra);
  for (; extra > 0; --extra) {
    if (pos >= text.size()) return 0xFFFD;
    const auto next = static_cast<unsigned char>(text[pos]);
    if ((next & 0xC0) != 0x80) return 0xFFFD;
    value = (value << 6) | (next & 0x3F);
    ++pos;
  }
  return value;
}

// The ASCII spelling of a Latin letter or digit with its accent removed, "" otherwise.
std::string fold_latin(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return std::string(1, static_cast<char>(c));
  if (c >= 'A' && c <= 'Z') return std::string(1, static_cast<char>(c - 'A' + 'a'));
  if (c < 0x80) return {};
  // Latin-1 Supplement, lower and upper case share the folded spelling.
  static constexpr std::string_view kLatin1[] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss"};
  if (c >= 0xC0 && c <= 0xDF) return std::string(kLatin1[c - 0xC0]);
  if (c >= 0xE0 && c <= 0xFF)
    return c == 0xF7 ? "" : c == 0xFF ? "y" : std::string(kLatin1[c - 0xE0]);
  // Latin Extended-A comes in upper/lower pairs grouped by base letter.
  struct Range {
    char32_t first, last;
    std::string_view base;
  };
  static constexpr Range kExtendedA[] = {
      {0x100, 0x105, "a"},  {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
      {0x11C, 0x123, "g"},  {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x134, 0x135, "j"},
      {0x136, 0x138, "k"},  {0x139, 0x142, "l"}, {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"},
      {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"}, {0x162, 0x167, "t"},
      {0x168, 0x173, "u"},  {0x174, 0x175, "w"}, {0x176, 0x178, "y"}, {0x179, 0x17E, "z"}};
  for (const auto& range : kExtendedA) {
    if (c >= range.first && c <= range.last) return std::string(range.base);
  }
  return {};
}

bool is_apostrophe(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2018;
}

void finish_word(std::string& word, std::vector<std::string>& words) {
  while (!word.empty() && word.back() == '\'')
    word.pop_back();
  if (!word.empty()) words.push_back(word);
  word.clear();
}

}  // namespace

std::vector<std::string> lm_tokens(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = next_code_point(text, pos);
    // An apostrophe belongs to a word only between letters ("don't", not "'quoted'").
    if (is_apostrophe(c)) {
      if (!word.empty()) word += '\'';
      continue;
    }
    const std::string folded = fold_latin(c);
    if (folded.empty()) {
      finish_word(word, words);
    } else {
      word += folded;
    }
  }
  finish_word(word, words);
  return words;
}

}  // namespace codriver::speech
