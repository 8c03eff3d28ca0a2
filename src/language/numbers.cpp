#include "language/numbers.h"

#include <algorithm>
#include <iterator>

#include "language/number_readers.h"
#include "language/text_scan.h"

namespace codriver::language {
namespace {

bool starts_chinese_number(char32_t c) {
  return is_chinese_numeral(c) || c == U'半' || c == U'俩' || c == U'仨';
}

bool one_of(char32_t c, std::u32string_view set) {
  return set.find(c) != std::u32string_view::npos;
}

// "one" as a pronoun: "this one", "which one", "no one".
bool is_pronoun_one(std::string_view text, const NumberMatch& match) {
  constexpr std::string_view kDeterminers[] = {"this", "that",  "which", "the",     "any",
                                               "each", "every", "no",    "another", "other"};
  if (text.substr(match.begin, match.end - match.begin) != "one") return false;
  const std::string_view before = previous_word(text, match.begin);
  return std::find(std::begin(kDeterminers), std::end(kDeterminers), before) !=
         std::end(kDeterminers);
}

// Fixed words that start with a numeral but count nothing: 一下 一起 一直 一些 一点儿 万一
// 唯一 几乎 几点 十字 三明治 半径, and weekdays (星期一, 周三).
bool is_fixed_word(std::string_view text, const NumberMatch& match) {
  const std::string_view matched = text.substr(match.begin, match.end - match.begin);
  const char32_t next = code_point_at(text, match.end).value;
  const char32_t previous = code_point_before(text, match.begin).value;
  if (matched == "一") {
    if (one_of(next, U"下起直些样定般边路切会旦共向致律再贯同早")) return true;
    if (next == U'点') {
      const char32_t after = code_point_at(text, match.end + std::string_view("点").size()).value;
      if (!one_of(after, U"钟半") && !is_chinese_numeral(after)) return true;
    }
    if (one_of(previous, U"万统唯同专")) return true;
  }
  if (matched == "几" && one_of(next, U"点乎号")) return true;
  if (matched == "十" && next == U'字') return true;
  if (matched == "三" && has_at(text, match.end, "明治")) return true;
  if (matched == "半" && one_of(next, U"路岛径价导天")) return true;
  const bool single_character = code_point_at(text, match.begin).size == matched.size();
  return single_character && (previous == U'周' || ends_at(text, match.begin, "星期") ||
                              ends_at(text, match.begin, "礼拜"));
}

bool overlaps(const NumberMatch& number, const OrdinalMatch& ordinal) {
  return number.begin < ordinal.end && ordinal.begin < number.end;
}

// Where the next candidate may start when nothing was read at `pos`.
std::size_t skip_unread(std::string_view text, std::size_t pos) {
  if (is_ascii_letter(text[pos])) {
    while (pos < text.size() && is_ascii_letter(text[pos]))
      ++pos;
    return pos;
  }
  if (is_ascii_digit(text[pos])) {
    while (pos < text.size() && (is_ascii_digit(text[pos]) || is_ascii_letter(text[pos])))
      ++pos;
    return pos;
  }
  // A run of numerals that reads as no number (万万, or thousands of digits that overflow)
  // holds none further in: skipping it whole keeps the scan linear.
  CodePoint c = code_point_at(text, pos);
  if (!is_chinese_numeral(c.value)) return pos + c.size;
  while (is_chinese_numeral(c.value)) {
    pos += c.size;
    c = code_point_at(text, pos);
  }
  return pos;
}

}  // namespace

std::optional<NumberMatch> number_at(std::string_view folded, std::size_t begin) {
  if (begin >= folded.size()) return std::nullopt;
  const char first = folded[begin];
  if (is_ascii_digit(first)) return digit_number_at(folded, begin);
  if (is_ascii_letter(first)) return english_number_at(folded, begin);
  if (starts_chinese_number(code_point_at(folded, begin).value)) {
    return chinese_number_at(folded, begin);
  }
  return std::nullopt;
}

std::vector<NumberMatch> find_numbers(std::string_view folded) {
  std::vector<NumberMatch> numbers;
  const std::vector<OrdinalMatch> ordinals = find_ordinals(folded);
  std::size_t pos = 0;
  while (pos < folded.size()) {
    const bool glued_to_letters =
        pos > 0 && is_ascii_digit(folded[pos]) && is_ascii_letter(folded[pos - 1]);  // "g4", "a4"
    const bool inside_word = is_ascii_letter(folded[pos]) && !is_word_start(folded, pos);
    const auto match = glued_to_letters || inside_word ? std::nullopt : number_at(folded, pos);
    if (!match) {
      pos = skip_unread(folded, pos);
      continue;
    }
    if (is_fixed_word(folded, *match) || is_pronoun_one(folded, *match)) {
      pos += code_point_at(folded, pos).size;
      continue;
    }
    const bool is_ordinal = std::any_of(ordinals.begin(), ordinals.end(),
                                        [&](const auto& o) { return overlaps(*match, o); });
    if (!is_ordinal) numbers.push_back(*match);
    pos = match->end;
  }
  return numbers;
}

std::optional<double> parse_number(std::string_view folded) {
  const auto match = number_at(folded, 0);
  if (!match || match->end != folded.size()) return std::nullopt;
  return match->value;
}

}  // namespace codriver::language
