#include "language/text_fold.h"

#include <utility>

#include "language/text_scan.h"
#include "language/utf8.h"

namespace codriver::language {
namespace {

// Appends folded pieces with whitespace collapsed to single spaces and trimmed at both ends.
class FoldedBuilder {
 public:
  void space() { pending_space_ = true; }
  void add(char32_t c) {
    flush();
    append_utf8(text_, c);
  }
  void add(std::string_view ascii) {
    flush();
    text_.append(ascii);
  }
  std::string take() && { return std::move(text_); }

 private:
  void flush() {
    if (pending_space_ && !text_.empty()) text_.push_back(' ');
    pending_space_ = false;
  }

  std::string text_;
  bool pending_space_ = false;
};

// Base letters of U+00C0..U+00FF; "" marks the two symbols of the block (× ÷).
constexpr std::string_view kLatin1Letters[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// Base letters of Latin Extended-A (U+0100..U+017F), upper and lower case in turn;
// '1' stands for "ij" (Ĳ ĳ), '2' for "oe" (Œ œ).
constexpr std::string_view kLatinExtendedALetters =
    "aaaaaa"
    "cccccccc"
    "dddd"
    "eeeeeeeeee"
    "gggggggg"
    "hhhh"
    "iiiiiiiiii"
    "11"
    "jj"
    "kkk"
    "llllllllll"
    "nnnnnnnnn"
    "oooooo"
    "22"
    "rrrrrr"
    "ssssssss"
    "tttttt"
    "uuuuuuuuuuuu"
    "ww"
    "yyy"
    "zzzzzz"
    "s";
static_assert(kLatinExtendedALetters.size() == 0x80);

// Pinyin tone letters of Latin Extended-B (U+01CD..U+01DC): Ǎǎ Ǐǐ Ǒǒ Ǔǔ Ǖǖ Ǘǘ Ǚǚ Ǜǜ.
constexpr std::string_view kPinyinToneLetters = "aaiioouuuuuuuuuu";

bool is_invisible(char32_t c) {
  return (c >= 0x80 && c <= 0x9F && c != 0x85) || c == 0xAD || (c >= 0x0300 && c <= 0x036F) ||
         (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x206F) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F) || c == 0xFEFF ||
         (c >= 0xE0000 && c <= 0xE01EF);
}

bool is_space_like(char32_t c) {
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// ASCII stand-ins for typographic and CJK punctuation; " " where a separator is enough.
std::string_view punctuation_replacement(char32_t c) {
  switch (c) {
    case 0xAB:
    case 0xBB:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x300A:
    case 0x300B:
    case 0x3008:
    case 0x3009:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F:
    case 0x301D:
    case 0x301E:
    case 0x301F:
    case 0xFF62:
    case 0xFF63:
      return "\"";
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
      return "'";
    case 0x201A:
    case 0x3001:
    case 0xFF64:
      return ",";
    case 0x3002:
    case 0xFF61:
      return ".";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
      return "-";
    case 0x3010:
    case 0x3016:
      return "[";
    case 0x3011:
    case 0x3017:
      return "]";
    case 0x3014:
    case 0xFF5F:
      return "(";
    case 0x3015:
    case 0xFF60:
      return ")";
    case 0x301C:
      return "~";
    case 0xB2:
      return "2";
    case 0xB3:
      return "3";
    case 0xB9:
      return "1";
    case 0x2116:
      return "no.";
    case 0xFFE0:
      return "\u00A2";
    case 0xFFE1:
      return "\u00A3";
    case 0xFFE5:
      return "\u00A5";
    default:
      return {};
  }
}

// Currency signs and the degree sign carry meaning ("¥20", "22°") and are kept.
bool is_kept_sign(char32_t c) {
  return c == 0xA2 || c == 0xA3 || c == 0xA5 || c == 0xB0 || (c >= 0x20A0 && c <= 0x20CF);
}

// Emoji, pictographs, arrows, shapes, math and the rest of the symbol blocks.
bool is_symbol(char32_t c) {
  if (is_kept_sign(c)) return false;
  return (c >= 0xA1 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2016 && c <= 0x2BFF) ||
         (c >= 0x2E00 && c <= 0x2E7F) ||
         (c >= 0x3000 && c <= 0x303F && c != 0x3005 && c != 0x3006 && c != 0x3007) || c == 0x30FB ||
         (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xFE10 && c <= 0xFE1F) ||
         (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF5F && c <= 0xFF65) ||
         (c >= 0xFFE0 && c <= 0xFFFF) || (c >= 0x1D000 && c <= 0x1D24F) ||
         (c >= 0x1F000 && c <= 0x1FBFF) || c >= 0xF0000;
}

char32_t lower_case(char32_t c) {
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;  // Greek capitals
  if (c == 0x386) return 0x3AC;                                 // Greek capitals with tonos
  if (c >= 0x388 && c <= 0x38A) return c + 0x25;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 0x3F;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;  // Cyrillic capitals
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  return c;
}

// Latin letters with diacritics, ligatures and the like; false if `c` is none of them.
bool fold_latin_letter(char32_t c, FoldedBuilder& out) {
  std::string_view base;
  if (c >= 0xC0 && c <= 0xFF) {
    base = kLatin1Letters[c - 0xC0];
    if (base.empty()) {
      out.space();
      return true;
    }
  } else if (c >= 0x100 && c <= 0x17F) {
    base = kLatinExtendedALetters.substr(c - 0x100, 1);
    if (base == "1") base = "ij";
    if (base == "2") base = "oe";
  } else if (c >= 0x1CD && c <= 0x1DC) {
    base = kPinyinToneLetters.substr(c - 0x1CD, 1);
  } else if (c >= 0x218 && c <= 0x21B) {
    base = c < 0x21A ? "s" : "t";
  } else if (c == 0x1E9E) {
    base = "ss";
  } else {
    return false;
  }
  out.add(base);
  return true;
}

void fold_ascii(char c, FoldedBuilder& out) {
  if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) {
    out.space();
  } else if (c >= 'A' && c <= 'Z') {
    out.add(static_cast<char32_t>(c - 'A' + 'a'));
  } else {
    out.add(static_cast<char32_t>(c));
  }
}

void fold_code_point(char32_t c, FoldedBuilder& out) {
  if (c < 0x80) return fold_ascii(static_cast<char>(c), out);
  if (c >= 0xFF01 && c <= 0xFF5E) return fold_ascii(static_cast<char>(c - 0xFEE0), out);
  if (is_space_like(c)) return out.space();
  if (is_invisible(c)) return;
  if (const std::string_view ascii = punctuation_replacement(c); !ascii.empty()) {
    return out.add(ascii);
  }
  if (fold_latin_letter(c, out)) return;
  if (is_symbol(c)) return out.space();
  out.add(lower_case(c));
}

bool is_removed_by_sanitize(char32_t c) {
  return c == kReplacementCharacter || c < 0x20 || (c >= 0x7F && c <= 0x9F) ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

bool is_line_or_tab(char32_t c) {
  return c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x85 ||
         c == 0x2028 || c == 0x2029;
}

enum class WordClass { kSeparator, kWord, kHan };

WordClass word_class(char32_t c) {
  if (is_han(c) || c == 0x3005 || c == 0x3007) return WordClass::kHan;
  if (c < 0x80) {
    const char ascii = static_cast<char>(c);
    return is_ascii_letter(ascii) || is_ascii_digit(ascii) ? WordClass::kWord
                                                           : WordClass::kSeparator;
  }
  if (c < 0xC0 || c == 0xD7 || c == 0xF7 || is_kept_sign(c) || is_symbol(c)) {
    return WordClass::kSeparator;
  }
  return WordClass::kWord;
}

// An apostrophe between letters ("don't") or a point between digits ("3.5") stays in a word.
bool joins_word(std::string_view folded, std::size_t pos, char32_t c) {
  if (c == '\'') {
    return pos > 0 && word_class(code_point_before(folded, pos).value) == WordClass::kWord &&
           word_class(code_point_at(folded, pos + 1).value) == WordClass::kWord;
  }
  if (c == '.') {
    return pos > 0 && pos + 1 < folded.size() && is_ascii_digit(folded[pos - 1]) &&
           is_ascii_digit(folded[pos + 1]);
  }
  return false;
}

}  // namespace

std::string sanitize_utterance(std::string_view raw, std::size_t max_bytes) {
  std::string out;
  out.reserve(raw.size() < max_bytes ? raw.size() : max_bytes);
  for (std::size_t pos = 0; pos < raw.size();) {
    const CodePoint c = code_point_at(raw, pos);
    pos += c.size;
    const char32_t kept = is_line_or_tab(c.value) ? U' ' : c.value;
    if (kept != U' ' && is_removed_by_sanitize(kept)) continue;
    std::string encoded;
    append_utf8(encoded, kept);
    if (out.size() + encoded.size() > max_bytes) break;
    out += encoded;
  }
  return out;
}

std::string fold_text(std::string_view text) {
  FoldedBuilder out;
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint c = code_point_at(text, pos);
    pos += c.size;
    fold_code_point(c.value, out);
  }
  return std::move(out).take();
}

std::vector<std::string_view> split_words(std::string_view folded) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  WordClass current = WordClass::kSeparator;
  for (std::size_t pos = 0; pos < folded.size();) {
    const CodePoint c = code_point_at(folded, pos);
    WordClass next = word_class(c.value);
    if (next == WordClass::kSeparator && current == WordClass::kWord &&
        joins_word(folded, pos, c.value)) {
      next = WordClass::kWord;
    }
    if (next != current) {
      if (current != WordClass::kSeparator) words.push_back(folded.substr(start, pos - start));
      start = pos;
      current = next;
    }
    pos += c.size;
  }
  if (current != WordClass::kSeparator) words.push_back(folded.substr(start));
  return words;
}

}  // namespace codriver::language
