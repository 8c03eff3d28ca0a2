#include "language/language_detect.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "language/text_fold.h"
#include "language/text_scan.h"
#include "language/utf8.h"

namespace codriver::language {
namespace {

// Words that carry the sentence rather than a name: requests, pronouns, prepositions.
constexpr std::string_view kEnglishFunctionWords[] = {
    "a",       "an",    "and",  "any",   "are",   "at",   "book",     "call",  "can",
    "closest", "drive", "find", "for",   "from",  "get",  "go",       "how",   "i",
    "in",      "is",    "it",   "let's", "me",    "my",   "navigate", "near",  "nearest",
    "need",    "now",   "of",   "on",    "open",  "play", "please",   "route", "set",
    "show",    "some",  "stop", "take",  "that",  "the",  "there",    "this",  "to",
    "turn",    "want",  "what", "when",  "where", "with", "you"};

// Han characters that are grammar or request verbs, rarely part of a place name.
constexpr std::u32string_view kChineseFunctionCharacters =
    U"去到的我你找吗呢吧了在帮请想要怎么哪走附近导航给开放播个有是不这那最多少能可以";

bool is_latin_letter(char32_t c) {
  if (c < 0x80) return is_ascii_letter(static_cast<char>(c));
  return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x4FF);
}

int count_english_function_words(std::string_view folded) {
  int count = 0;
  for (const std::string_view word : split_words(folded)) {
    if (std::find(std::begin(kEnglishFunctionWords), std::end(kEnglishFunctionWords), word) !=
        std::end(kEnglishFunctionWords)) {
      ++count;
    }
  }
  return count;
}

}  // namespace

routing::Language detect_language(std::string_view text) {
  const std::string folded = fold_text(text);
  int han = 0;
  int latin = 0;
  int chinese_function = 0;
  for (std::size_t pos = 0; pos < folded.size();) {
    const CodePoint c = code_point_at(folded, pos);
    pos += c.size;
    if (is_han(c.value)) {
      ++han;
      if (kChineseFunctionCharacters.find(c.value) != std::u32string_view::npos) {
        ++chinese_function;
      }
    } else if (is_latin_letter(c.value)) {
      ++latin;
    }
  }
  if (han == 0) return routing::Language::kEnglish;
  if (latin == 0) return routing::Language::kChinese;
  const int english_function = count_english_function_words(folded);
  if (chinese_function > 0 && english_function == 0) return routing::Language::kChinese;
  if (english_function > 0 && chinese_function == 0) return routing::Language::kEnglish;
  constexpr int kLettersPerHan = 3;
  const int han_weight = han * kLettersPerHan;
  return 4 * han_weight >= han_weight + latin ? routing::Language::kChinese
                                              : routing::Language::kEnglish;
}

}  // namespace codriver::language
