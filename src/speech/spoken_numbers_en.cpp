#include "speech/spoken_numbers_en.h"

#include <array>

namespace codriver::speech {
namespace {

constexpr std::array<std::string_view, 20> kUnits = {
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 10> kTens = {
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

struct Scale {
  std::uint64_t size;
  std::string_view name;
};
constexpr std::array<Scale, 3> kScales = {
    {{1'000'000'000ULL, "billion"}, {1'000'000ULL, "million"}, {1'000ULL, "thousand"}}};

void append_word(std::string& out, std::string_view word) {
  if (!out.empty()) out += ' ';
  out += word;
}

// 1..999
std::string below_thousand(unsigned value) {
  std::string words;
  if (value >= 100) {
    append_word(words, kUnits[value / 100]);
    append_word(words, "hundred");
    value %= 100;
  }
  if (value >= 20) {
    std::string tens(kTens[value / 10]);
    if (value % 10 != 0) {
      tens += '-';
      tens += kUnits[value % 10];
    }
    append_word(words, tens);
  } else if (value > 0) {
    append_word(words, kUnits[value]);
  }
  return words;
}

// The ordinal of one number word: "one" -> "first", "twenty" -> "twentieth".
std::string ordinal_word(std::string_view word) {
  if (word == "one") return "first";
  if (word == "two") return "second";
  if (word == "three") return "third";
  if (word == "five") return "fifth";
  if (word == "eight") return "eighth";
  if (word == "nine") return "ninth";
  if (word == "twelve") return "twelfth";
  if (word.ends_with('y')) return std::string(word.substr(0, word.size() - 1)) + "ieth";
  return std::string(word) + "th";
}

}  // namespace

std::string english_cardinal(std::uint64_t value) {
  if (value > kLargestEnglishNumber) return english_digits(std::to_string(value));
  if (value == 0) return std::string(kUnits[0]);
  std::string words;
  for (const Scale& scale : kScales) {
    if (value >= scale.size) {
      append_word(words, below_thousand(static_cast<unsigned>(value / scale.size)));
      append_word(words, scale.name);
      value %= scale.size;
    }
  }
  if (value > 0) append_word(words, below_thousand(static_cast<unsigned>(value)));
  return words;
}

std::string english_digits(std::string_view digits) {
  std::string words;
  for (char digit : digits) {
    if (digit >= '0' && digit <= '9') append_word(words, kUnits[digit - '0']);
  }
  return words;
}

std::string english_integer(std::string_view digits) {
  const bool leading_zero = digits.size() > 1 && digits.front() == '0';
  if (digits.empty() || leading_zero || digits.size() > 12) return english_digits(digits);
  return english_cardinal(std::stoull(std::string(digits)));
}

std::string english_ordinal(std::uint64_t value) {
  std::string words = english_cardinal(value);
  // Only the last word (or the part after the last hyphen) becomes ordinal.
  const std::size_t last_break = words.find_last_of(" -");
  const std::size_t start = last_break == std::string::npos ? 0 : last_break + 1;
  return words.substr(0, start) + ordinal_word(std::string_view(words).substr(start));
}

}  // namespace codriver::speech
