#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// Numbers as Mandarin characters for the synthesiser: 105 -> "一百零五", 10 -> "十".
// Inputs are digit strings so that any text can be passed without overflow; what is too
// long to say as one number is read digit by digit.
namespace codriver::speech {

// Largest integer read as a number rather than digit by digit (九千九百九十九亿…).
inline constexpr std::uint64_t kLargestChineseNumber = 999'999'999'999ULL;

// 0 -> "零", 15 -> "十五", 2'000 -> "两千", 10'010 -> "一万零一十".
// A leading 2 before 千/万/亿 is read 两, as people say it; 2 and 200 stay 二 / 二百.
std::string chinese_cardinal(std::uint64_t value);

// "2024" -> "二零二四" (years, codes).
std::string chinese_digits(std::string_view digits);

// An integer written with ASCII digits; leading zeros and overlong runs digit by digit.
std::string chinese_integer(std::string_view digits);

}  // namespace codriver::speech
