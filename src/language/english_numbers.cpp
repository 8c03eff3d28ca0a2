#include <cmath>
#include <iterator>

#include "language/number_readers.h"
#include "language/text_scan.h"

namespace codriver::language {
namespace {

struct WordValue {
  std::string_view word;
  double value;
};

constexpr WordValue kBelowTwenty[] = {
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}};

constexpr WordValue kTens[] = {{"twenty", 20}, {"thirty", 30},  {"forty", 40},  {"fifty", 50},
                               {"sixty", 60},  {"seventy", 70}, {"eighty", 80}, {"ninety", 90}};

constexpr WordValue kScales[] = {{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}};

template <std::size_t N>
std::optional<double> lookup(const WordValue (&table)[N], std::string_view word) {
  for (const WordValue& entry : table) {
    if (entry.word == word) return entry.value;
  }
  return std::nullopt;
}

struct Reading {
  std::size_t end = 0;
  double value = 0;
};

bool is_article(std::string_view word) {
  return word == "a" || word == "an";
}

// "seven", "fifteen", "forty", "forty-two", "forty two".
std::optional<Reading> below_hundred_at(std::string_view text, std::size_t pos) {
  const std::string_view word = word_at(text, pos);
  if (word.empty()) return std::nullopt;
  if (const auto small = lookup(kBelowTwenty, word)) return Reading{pos + word.size(), *small};
  const auto tens = lookup(kTens, word);
  if (!tens) return std::nullopt;
  Reading reading{pos + word.size(), *tens};
  const std::size_t next = next_word(text, reading.end, /*allow_hyphen=*/true);
  const std::string_view unit_word = word_at(text, next);
  if (const auto unit = lookup(kBelowTwenty, unit_word); unit && *unit >= 1 && *unit <= 9) {
    reading = {next + unit_word.size(), *tens + *unit};
  }
  return reading;
}

// What may follow "hundred": "and twenty", "twenty", "five".
std::optional<Reading> hundreds_tail_at(std::string_view text, std::size_t pos) {
  std::size_t start = pos;
  if (word_at(text, pos) == "and") start = next_word(text, pos + 3);
  auto tail = below_hundred_at(text, start);
  if (!tail || tail->value == 0) return std::nullopt;
  return tail;
}

// One group below a thousand: "twelve", "three hundred and five", "a hundred"; the article
// reads as one only before "hundred" or a scale word.
std::optional<Reading> group_at(std::string_view text, std::size_t pos, bool first_group) {
  std::optional<Reading> head = below_hundred_at(text, pos);
  if (!head) {
    const std::string_view word = word_at(text, pos);
    if (!first_group || !is_article(word)) return std::nullopt;
    const std::string_view following = word_at(text, next_word(text, pos + word.size()));
    if (following != "hundred" && !lookup(kScales, following)) return std::nullopt;
    head = Reading{pos + word.size(), 1};
  }
  const std::size_t next = next_word(text, head->end);
  if (word_at(text, next) != "hundred" || head->value < 1 || head->value > 99) return head;
  Reading reading{next + std::string_view("hundred").size(), head->value * 100};
  if (const auto tail = hundreds_tail_at(text, next_word(text, reading.end))) {
    reading = {tail->end, reading.value + tail->value};
  }
  return reading;
}

// Groups joined by decreasing scales: "two thousand five hundred", "one million and twelve".
std::optional<Reading> cardinal_at(std::string_view text, std::size_t pos) {
  std::optional<Reading> result;
  double total = 0;
  double last_scale = INFINITY;
  std::size_t cursor = pos;
  for (bool first = true;; first = false) {
    const auto group = group_at(text, cursor, first);
    if (!group) break;
    const std::size_t next = next_word(text, group->end);
    const std::string_view scale_word = word_at(text, next);
    const auto scale = lookup(kScales, scale_word);
    if (!scale || *scale >= last_scale || group->value == 0) {
      result = Reading{group->end, total + group->value};
      break;
    }
    total += group->value * *scale;
    last_scale = *scale;
    result = Reading{next + scale_word.size(), total};
    cursor = next_word(text, result->end);
    if (word_at(text, cursor) == "and") cursor = next_word(text, cursor + 3);
  }
  return result;
}

// "a couple", "a few", "a dozen", "a half", or nothing.
std::optional<NumberMatch> article_phrase_at(std::string_view text, std::size_t pos) {
  const std::string_view article = word_at(text, pos);
  if (!is_article(article)) return std::nullopt;
  const std::size_t next = next_word(text, pos + article.size());
  const std::string_view word = word_at(text, next);
  const std::size_t end = next + word.size();
  if (word == "couple") return NumberMatch{pos, end, 2, true};
  if (word == "few") return NumberMatch{pos, end, 3, true};
  if (word == "dozen") return NumberMatch{pos, end, 12, false};
  if (word == "half") return NumberMatch{pos, end, 0.5, false};
  return std::nullopt;
}

// "half", "half a dozen".
std::optional<NumberMatch> half_at(std::string_view text, std::size_t pos) {
  if (word_at(text, pos) != "half") return std::nullopt;
  const std::size_t end = pos + 4;
  const std::size_t article = next_word(text, end);
  if (is_article(word_at(text, article))) {
    const std::size_t dozen = next_word(text, article + word_at(text, article).size());
    if (word_at(text, dozen) == "dozen") return NumberMatch{pos, dozen + 5, 6, false};
  }
  return NumberMatch{pos, end, 0.5, false};
}

}  // namespace

std::optional<NumberMatch> english_number_at(std::string_view text, std::size_t pos) {
  if (word_at(text, pos).empty()) return std::nullopt;
  if (auto phrase = article_phrase_at(text, pos)) return phrase;
  if (auto half = half_at(text, pos)) return half;
  const auto cardinal = cardinal_at(text, pos);
  if (!cardinal) return std::nullopt;
  NumberMatch match{pos, cardinal->end, cardinal->value, false};
  const std::size_t next = next_word(text, match.end);
  if (word_at(text, next) == "dozen") {
    match.value *= 12;
    match.end = next + 5;
  } else if (const std::size_t end = phrase_end(text, next, "and a half");
             end != std::string_view::npos) {
    match.value += 0.5;
    match.end = end;
  }
  if (!std::isfinite(match.value)) return std::nullopt;
  return match;
}

}  // namespace codriver::language
