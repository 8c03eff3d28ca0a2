#include "language/name_key.h"

#include <string_view>

#include "language/chinese_script.h"
#include "language/utf8.h"

namespace codriver::language {
namespace {

struct CodePoint {
  char32_t value;
  std::size_t begin;
  std::size_t end;
};

std::size_t expected_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 1;
}

// Code points with their byte spans; the shared decoder validates each sequence, and a
// rejected one costs a single byte so the text after it is still read.
std::vector<CodePoint> decode_with_spans(std::string_view text) {
  std::vector<CodePoint> out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t length = expected_length(static_cast<unsigned char>(text[i]));
    if (i + length > text.size()) length = 1;
    const std::u32string decoded = decode_utf8(text.substr(i, length));
    if (decoded.size() == 1 && decoded[0] != kReplacementCharacter) {
      out.push_back({decoded[0], i, i + length});
      i += length;
    } else {
      out.push_back({kReplacementCharacter, i, i + 1});
      ++i;
    }
  }
  return out;
}

// Base letters of U+00C0..U+017F; '*' marks the letters that fold to two, '-' the two signs.
constexpr std::string_view kLatinBase =
    "aaaaaa*ceeeeiiii"
    "dnooooo-ouuuuy**"
    "aaaaaa*ceeeeiiii"
    "dnooooo-ouuuuy*y"
    "aaaaaaccccccccdd"
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "ii**jjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oo**rrrrrrssssss"
    "ssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";
static_assert(kLatinBase.size() == 0x180 - 0xC0);

std::string_view two_letter_fold(char32_t c) {
  switch (c) {
    case 0xC6:
    case 0xE6:
      return "ae";
    case 0xDE:
    case 0xFE:
      return "th";
    case 0xDF:
      return "ss";
    case 0x132:
    case 0x133:
      return "ij";
    case 0x152:
    case 0x153:
      return "oe";
    default:
      return "";
  }
}

bool is_separator(char32_t c) {
  if (c < 0x80)
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
  return (c >= 0x80 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE00 && c <= 0xFE6F) ||
         (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) ||
         (c >= 0xFFF0 && c <= 0xFFFF) || c >= 0x1F000;
}

bool is_combining_mark(char32_t c) {
  return c >= 0x300 && c <= 0x36F;
}

// Appends the folded form of one word character.
void append_folded(std::string& word, char32_t c) {
  if (c >= 0xFF10 && c <= 0xFF5E) c -= 0xFEE0;  // full-width digits and letters
  if (c < 0x80) {
    word.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  } else if (c >= 0xC0 && c <= 0x17F) {
    const char base = kLatinBase[c - 0xC0];
    if (base == '*') {
      word += two_letter_fold(c);
    } else {
      word.push_back(base);
    }
  } else if (c >= 0x1CD && c <= 0x1DC) {  // pinyin's caron and umlaut vowels
    constexpr std::string_view kPinyinVowels = "aaiioouuuuuuuuuu";
    word.push_back(kPinyinVowels[c - 0x1CD]);
  } else if (!is_combining_mark(c)) {
    append_utf8(word, c);
  }
}

// Traditional characters of one Han run in their Simplified form, one for one; a phrase
// that OpenCC rewrites to a different length falls back to per-character conversion.
std::u32string simplify_run(const std::u32string& run) {
  std::u32string converted = decode_utf8(to_simplified(encode_utf8(run)));
  if (converted.size() == run.size()) return converted;
  converted.clear();
  for (char32_t c : run) {
    const std::u32string single = decode_utf8(to_simplified(encode_utf8(std::u32string(1, c))));
    converted.push_back(single.size() == 1 ? single[0] : c);
  }
  return converted;
}

void simplify_han_units(std::vector<NameUnit>& units) {
  std::size_t i = 0;
  while (i < units.size()) {
    if (units[i].kind != NameUnit::Kind::kHan) {
      ++i;
      continue;
    }
    std::size_t run_end = i;
    std::u32string run;
    while (run_end < units.size() && units[run_end].kind == NameUnit::Kind::kHan &&
           (run_end == i || units[run_end].begin == units[run_end - 1].end)) {
      run.push_back(units[run_end++].han);
    }
    const std::u32string simplified = simplify_run(run);
    for (std::size_t k = 0; k < run.size(); ++k) {
      NameUnit& unit = units[i + k];
      unit.han = simplified[k];
      unit.text.clear();
      append_utf8(unit.text, unit.han);
    }
    i = run_end;
  }
}

}  // namespace

std::vector<NameUnit> split_name_units(std::string_view text, HanForm form) {
  std::vector<NameUnit> units;
  NameUnit word;
  bool in_word = false;
  const auto finish_word = [&] {
    if (in_word && !word.text.empty()) units.push_back(word);
    in_word = false;
  };
  for (const CodePoint& cp : decode_with_spans(text)) {
    if (is_han(cp.value)) {
      finish_word();
      NameUnit han{NameUnit::Kind::kHan, "", cp.value, cp.begin, cp.end};
      append_utf8(han.text, cp.value);
      units.push_back(std::move(han));
    } else if (is_separator(cp.value)) {
      finish_word();
    } else {
      if (!in_word) word = NameUnit{NameUnit::Kind::kWord, "", 0, cp.begin, cp.end};
      in_word = true;
      append_folded(word.text, cp.value);
      word.end = cp.end;
    }
  }
  finish_word();
  if (form == HanForm::kSimplified) simplify_han_units(units);
  return units;
}

std::string join_name_units(const std::vector<NameUnit>& units) {
  std::string joined;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const bool both_han =
        i > 0 && units[i].kind == NameUnit::Kind::kHan && units[i - 1].kind == NameUnit::Kind::kHan;
    if (i > 0 && !both_han) joined.push_back(' ');
    joined += units[i].text;
  }
  return joined;
}

}  // namespace codriver::language
