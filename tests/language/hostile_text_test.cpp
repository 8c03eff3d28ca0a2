// Whatever reaches the extractors (a microphone transcript, a pasted web page, bytes from a
// fuzzer), they must return well-formed spans quickly and never crash.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "language/language_detect.h"
#include "language/numbers.h"
#include "language/quantities.h"
#include "language/text_fold.h"
#include "language/time_expressions.h"

namespace codriver::language {
namespace {

bool on_boundary(std::string_view text, std::size_t pos) {
  return pos == text.size() ||
         (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80);
}

template <typename Span>
void expect_well_formed(std::string_view folded, const std::vector<Span>& spans) {
  std::size_t previous_end = 0;
  for (const Span& span : spans) {
    EXPECT_LT(span.begin, span.end);
    EXPECT_LE(span.end, folded.size());
    EXPECT_GE(span.begin, previous_end);
    EXPECT_TRUE(on_boundary(folded, span.begin) && on_boundary(folded, span.end));
    previous_end = span.end;
  }
}

// Runs every extractor on `text` as the parser would (sanitize, fold) and checks the spans.
void run_all(std::string_view raw) {
  const std::string folded = fold_text(sanitize_utterance(raw));
  expect_well_formed(folded, find_numbers(folded));
  expect_well_formed(folded, find_ordinals(folded));
  const auto quantities = find_quantities(folded);
  expect_well_formed(folded, quantities);
  for (const Quantity& quantity : quantities)
    EXPECT_TRUE(std::isfinite(quantity.value));
  for (const NumberMatch& number : find_numbers(folded))
    EXPECT_TRUE(std::isfinite(number.value));
  if (const auto time = find_time(folded)) {
    EXPECT_LT(time->begin, time->end);
    EXPECT_LE(time->end, folded.size());
    if (time->minute_of_day) {
      EXPECT_GE(*time->minute_of_day, 0);
      EXPECT_LT(*time->minute_of_day, 24 * 60);
    }
  }
  for (const std::string_view word : split_words(folded))
    EXPECT_FALSE(word.empty());
  detect_language(raw);
  // The extractors also accept text that skipped sanitize and fold.
  find_numbers(raw);
  find_ordinals(raw);
  find_quantities(raw);
  find_time(raw);
  split_words(raw);
}

std::string repeat(std::string_view piece, std::size_t bytes) {
  std::string text;
  while (text.size() < bytes)
    text += piece;
  return text;
}

TEST(HostileText, ControlCharactersAndInvalidUtf8) {
  run_all("");
  run_all(std::string("\0\0\0", 3));
  run_all("\x1B[31m导航\x1B[0m去\x07 3 km");
  run_all("\xFF\xFE\xFD 3\xC0\xAF公里 \xED\xA0\x80 at 8\xE5");
  run_all("\u202Eevil\u202C 二十\u200B分钟 \uFEFF");
  EXPECT_EQ(fold_text(sanitize_utterance("3\u200B公里")), "3公里");
}

TEST(HostileText, EveryTruncationOfAMixedSentence) {
  const std::string sentence =
      "明天晚上8点半, book a table for two within 2 km, 不超过五百块 😀 第二家";
  for (std::size_t cut = 0; cut <= sentence.size(); ++cut)
    run_all(sentence.substr(0, cut));
}

TEST(HostileText, PseudoRandomBytes) {
  std::uint32_t state = 12345;
  for (int round = 0; round < 200; ++round) {
    std::string bytes(64 + round % 200, '\0');
    for (char& byte : bytes) {
      state = state * 1664525u + 1013904223u;
      byte = static_cast<char>(state >> 24);
    }
    run_all(bytes);
  }
}

TEST(HostileText, NumeralAlphabetSoup) {
  std::uint32_t state = 7;
  const std::vector<std::string> pieces = {
      "一",     "二",   "两",  "十",      "百",       "千", "万",   "亿",   "零", "点",
      "半",     "个",   "几",  "多",      "分",       "钟", "小时", "公里", "米", "第",
      "最后",   "以内", "后",  "晚上",    "明天",     "3",  "0",    ".",    ",",  ":",
      " ",      "a",    "an",  "half",    "quarter",  "to", "past", "at",   "pm", "one",
      "twenty", "-",    "and", "hundred", "thousand", "km", "for",  "of",   "us", "#",
      "no.",    "%",    "$",   "within",  "in"};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int k = 0; k < 30; ++k) {
      state = state * 1664525u + 1013904223u;
      text += pieces[(state >> 16) % pieces.size()];
    }
    run_all(text);
  }
}

TEST(HostileText, HugeInputsStayFast) {
  const std::vector<std::string> inputs = {repeat("😀", 10000),
                                           repeat("一", 10000),
                                           repeat("万", 10000),
                                           std::string(10000, '9'),
                                           repeat("half ", 10000),
                                           repeat("twenty-", 10000),
                                           repeat("a 点 at 8:", 10000),
                                           repeat("八点", 10000),
                                           repeat("第一", 10000),
                                           repeat("三公里以内", 10000),
                                           repeat("the first one ", 10000),
                                           repeat("\xFF", 10000)};
  for (const std::string& input : inputs) {
    const auto start = std::chrono::steady_clock::now();
    run_all(input);
    // The full 10 kB again, without the 1000-byte cut sanitize makes.
    const std::string folded = fold_text(input);
    find_numbers(folded);
    find_quantities(folded);
    find_time(folded);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(ms, 500) << input.substr(0, 20);
  }
}

TEST(HostileText, TypicalUtterancesTakeWellUnderAMillisecond) {
  const std::vector<std::string> utterances = {
      "帮我找一下三公里以内的充电站，明天早上八点半出发",
      "book a table for two tonight at 8pm within 2 km", "导航去 Monte Carlo Casino, 不超过五百块",
      "find a charger with at least 50 kW in 20 minutes", "第二家, 我们三个人, 二十分钟后到"};
  constexpr int kRounds = 200;
  const auto start = std::chrono::steady_clock::now();
  for (int round = 0; round < kRounds; ++round) {
    for (const std::string& utterance : utterances) {
      const std::string folded = fold_text(sanitize_utterance(utterance));
      detect_language(folded);
      find_numbers(folded);
      find_ordinals(folded);
      find_quantities(folded);
      find_time(folded);
    }
  }
  const double us_per_utterance =
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() /
      (kRounds * utterances.size());
  std::printf(
      "[ language ] fold + detect + numbers + ordinals + quantities + time: %.1f us/utterance\n",
      us_per_utterance);
  EXPECT_LT(us_per_utterance, 1000);
}

}  // namespace
}  // namespace codriver::language
