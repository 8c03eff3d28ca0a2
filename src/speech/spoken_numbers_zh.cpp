#include "speech/spoken_numbers_zh.h"

#include <array>

namespace codriver::speech {
namespace {

constexpr std::array<std::string_view, 10> kDigits = {"零", "一", "二", "三", "四",
                                                      "五", "六", "七", "八", "九"};
constexpr std::array<std::string_view, 4> kPlaces = {"", "十", "百", "千"};
// Groups of four digits: units, 万, 亿.
constexpr std::array<std::string_view, 3> kGroupScales = {"", "万", "亿"};

// 1..9999 without a leading zero; a zero run inside reads as one 零.
std::string four_digit_group(unsigned value) {
  std::string text;
  bool zero_pending = false;
  for (int place = 3; place >= 0; --place) {
    unsigned divisor = 1;
    for (int i = 0; i < place; ++i)
      divisor *= 10;
    const unsigned digit = (value / divisor) % 10;
    if (digit == 0) {
      zero_pending = !text.empty();
      continue;
    }
    if (zero_pending) text += kDigits[0];
    zero_pending = false;
    text += kDigits[digit];
    text += kPlaces[place];
  }
  return text;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Spoken Mandarin drops the 一 of a leading 一十 and says 两 before 千/万/亿.
std::string colloquial(std::string text) {
  if (starts_with(text, "一十")) return text.substr(std::string_view("一").size());
  for (std::string_view scale : {"千", "万", "亿"}) {
    if (starts_with(text, std::string("二") + std::string(scale))) {
      return "两" + text.substr(std::string_view("二").size());
    }
  }
  return text;
}

}  // namespace

std::string chinese_cardinal(std::uint64_t value) {
  if (value > kLargestChineseNumber) return chinese_digits(std::to_string(value));
  if (value == 0) return std::string(kDigits[0]);
  std::array<unsigned, 3> groups{};
  for (unsigned& group : groups) {
    group = static_cast<unsigned>(value % 10'000);
    value /= 10'000;
  }
  std::string text;
  bool zero_pending = false;
  for (int index = 2; index >= 0; --index) {
    const unsigned group = groups[index];
    if (group == 0) {
      zero_pending = !text.empty();
      continue;
    }
    // A gap in front of a group (10'010, 1'000'500) is read as 零.
    if (!text.empty() && (zero_pending || group < 1000)) text += kDigits[0];
    zero_pending = false;
    text += four_digit_group(group);
    text += kGroupScales[index];
  }
  return colloquial(text);
}

std::string chinese_digits(std::string_view digits) {
  std::string text;
  for (char digit : digits) {
    if (digit >= '0' && digit <= '9') text += kDigits[digit - '0'];
  }
  return text;
}

std::string chinese_integer(std::string_view digits) {
  const bool leading_zero = digits.size() > 1 && digits.front() == '0';
  if (digits.empty() || leading_zero || digits.size() > 12) return chinese_digits(digits);
  return chinese_cardinal(std::stoull(std::string(digits)));
}

}  // namespace codriver::speech
