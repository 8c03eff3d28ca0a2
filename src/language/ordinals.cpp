#include <cmath>
#include <iterator>

#include "language/number_readers.h"
#include "language/numbers.h"
#include "language/text_scan.h"

namespace codriver::language {
namespace {

struct OrdinalWord {
  std::string_view word;
  int value;
};

constexpr OrdinalWord kOrdinalWords[] = {
    {"first", 1},        {"second", 2},      {"third", 3},       {"fourth", 4},
    {"fifth", 5},        {"sixth", 6},       {"seventh", 7},     {"eighth", 8},
    {"ninth", 9},        {"tenth", 10},      {"eleventh", 11},   {"twelfth", 12},
    {"thirteenth", 13},  {"fourteenth", 14}, {"fifteenth", 15},  {"sixteenth", 16},
    {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20}};

// Measure words that may follow a Chinese ordinal: 第二个, 第三家, 最后一站.
constexpr std::u32string_view kClassifiers = U"个家条项站次位名间座辆首张排行段层章集号处所";

constexpr int kLargestOrdinal = 100000;

bool contains(std::initializer_list<std::string_view> words, std::string_view word) {
  for (const std::string_view candidate : words) {
    if (candidate == word) return true;
  }
  return false;
}

struct Reading {
  std::size_t end = 0;
  int value = 0;
};

// A whole number in range, as an ordinal value.
std::optional<int> ordinal_value(const std::optional<NumberMatch>& number) {
  if (!number || number->approximate || number->value != std::floor(number->value) ||
      number->value < 1 || number->value > kLargestOrdinal) {
    return std::nullopt;
  }
  return static_cast<int>(number->value);
}

// "2nd", "21st", "4th".
std::optional<Reading> digit_ordinal_at(std::string_view text, std::size_t pos) {
  if (pos > 0 && (is_ascii_letter(text[pos - 1]) || is_ascii_digit(text[pos - 1]))) {
    return std::nullopt;
  }
  std::size_t end = pos;
  double value = 0;
  while (end < text.size() && is_ascii_digit(text[end]))
    value = value * 10 + (text[end++] - '0');
  if (end == pos) return std::nullopt;
  const std::string_view suffix = text.substr(end, 2);
  if (!contains({"st", "nd", "rd", "th"}, suffix)) return std::nullopt;
  end += 2;
  if (end < text.size() && is_ascii_letter(text[end])) return std::nullopt;
  if (value < 1 || value > kLargestOrdinal) return std::nullopt;
  return Reading{end, static_cast<int>(value)};
}

// "a second", "one second", "30 second": the unit of time, not the ordinal.
bool is_unit_second(std::string_view text, std::size_t pos) {
  const std::string_view before = previous_word(text, pos);
  if (contains({"a", "one", "per", "each", "every", "split", "half"}, before)) return true;
  return pos >= 2 && text[pos - 1] == ' ' && is_ascii_digit(text[pos - 2]);
}

// "last night", "at last", "last week": not a position in a list.
bool is_temporal_last(std::string_view text, std::size_t pos) {
  const std::string_view after = word_at(text, next_word(text, pos + 4));
  return previous_word(text, pos) == "at" ||
         contains({"night", "time", "week", "weekend", "month", "year", "day", "minute", "hour",
                   "summer", "winter", "spring", "autumn", "fall"},
                  after);
}

// "first", "2nd", "last", "second to last", "second last", "penultimate".
std::optional<Reading> english_ordinal_core_at(std::string_view text, std::size_t pos) {
  if (is_ascii_digit(text[pos])) return digit_ordinal_at(text, pos);
  const std::string_view word = word_at(text, pos);
  if (word.empty()) return std::nullopt;
  const std::size_t end = pos + word.size();
  if (word == "second") {
    for (const std::string_view rest : {"second to last", "second last"}) {
      if (const std::size_t e = phrase_end(text, pos, rest); e != std::string_view::npos) {
        return Reading{e, -2};
      }
    }
  }
  if (word == "penultimate") return Reading{end, -2};
  if (word == "last")
    return is_temporal_last(text, pos) ? std::nullopt : std::optional(Reading{end, -1});
  if (word == "second" && is_unit_second(text, pos)) return std::nullopt;
  for (const OrdinalWord& entry : kOrdinalWords) {
    if (entry.word == word) return Reading{end, entry.value};
  }
  return std::nullopt;
}

// "number two", "no. 2", "no 2", "#2".
std::optional<Reading> numbered_at(std::string_view text, std::size_t pos) {
  std::size_t number_pos = std::string_view::npos;
  if (word_at(text, pos) == "number") {
    number_pos = skip_space(text, pos + 6);
  } else if (word_at(text, pos) == "no" && has_at(text, pos + 2, ".")) {
    number_pos = skip_space(text, pos + 3);
  } else if (text[pos] == '#') {
    number_pos = skip_space(text, pos + 1);
  }
  if (number_pos == std::string_view::npos) return std::nullopt;
  const auto number = number_at(text, number_pos);
  const auto value = ordinal_value(number);
  if (!value) return std::nullopt;
  return Reading{number->end, *value};
}

std::optional<OrdinalMatch> english_ordinal_at(std::string_view text, std::size_t pos) {
  if (const auto numbered = numbered_at(text, pos)) {
    return OrdinalMatch{pos, numbered->end, numbered->value};
  }
  std::size_t core_pos = pos;
  if (word_at(text, pos) == "the" && has_at(text, pos + 3, " ")) core_pos = pos + 4;
  auto core = core_pos < text.size() ? english_ordinal_core_at(text, core_pos) : std::nullopt;
  if (!core && core_pos != pos) {
    core_pos = pos;
    core = english_ordinal_core_at(text, pos);
  }
  if (!core) return std::nullopt;
  std::size_t end = core->end;
  if (const std::size_t one = next_word(text, end); word_at(text, one) == "one") end = one + 3;
  return OrdinalMatch{pos, end, core->value};
}

std::size_t after_classifier(std::string_view text, std::size_t pos) {
  const CodePoint c = code_point_at(text, pos);
  return kClassifiers.find(c.value) != std::u32string_view::npos ? pos + c.size : pos;
}

// "第一", "第二个", "第2家", "倒数第二", "最后一个".
std::optional<OrdinalMatch> chinese_ordinal_at(std::string_view text, std::size_t pos) {
  int sign = 1;
  std::size_t number_pos = std::string_view::npos;
  if (has_at(text, pos, "倒数第")) {
    sign = -1;
    number_pos = pos + std::string_view("倒数第").size();
  } else if (has_at(text, pos, "第")) {
    number_pos = pos + std::string_view("第").size();
  } else if (has_at(text, pos, "最后")) {
    std::size_t end = pos + std::string_view("最后").size();
    if (has_at(text, end, "一")) {
      const std::size_t classified = after_classifier(text, end + std::string_view("一").size());
      if (classified != end + std::string_view("一").size()) end = classified;
    } else {
      end = after_classifier(text, end);
    }
    return OrdinalMatch{pos, end, -1};
  } else {
    return std::nullopt;
  }
  const auto number = number_at(text, number_pos);
  const auto value = ordinal_value(number);
  if (!value) return std::nullopt;
  return OrdinalMatch{pos, after_classifier(text, number->end), sign * *value};
}

}  // namespace

std::vector<OrdinalMatch> find_ordinals(std::string_view folded) {
  std::vector<OrdinalMatch> ordinals;
  std::size_t pos = 0;
  while (pos < folded.size()) {
    const char c = folded[pos];
    const bool word_start = is_word_start(folded, pos) || c == '#' ||
                            (is_ascii_digit(c) && (pos == 0 || !is_ascii_digit(folded[pos - 1])));
    const auto match =
        word_start ? english_ordinal_at(folded, pos) : chinese_ordinal_at(folded, pos);
    if (match) {
      ordinals.push_back(*match);
      pos = match->end;
    } else if (is_ascii_letter(c)) {
      while (pos < folded.size() && is_ascii_letter(folded[pos]))
        ++pos;
    } else {
      pos += code_point_at(folded, pos).size;
    }
  }
  return ordinals;
}

}  // namespace codriver::language
