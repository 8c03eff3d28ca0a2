#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// Numbers as English words, the way a US English voice should read them aloud
// ("three hundred fifty", no "and"). Inputs are digit strings so that any length of
// text can be passed without overflow; what is too long to say as one number is read
// digit by digit.
namespace codriver::speech {

// Largest integer read as a number rather than digit by digit: 999,999,999,999.
inline constexpr std::uint64_t kLargestEnglishNumber = 999'999'999'999ULL;

// 0 -> "zero", 21 -> "twenty-one", 1'234 -> "one thousand two hundred thirty-four".
// Values above kLargestEnglishNumber are read digit by digit.
std::string english_cardinal(std::uint64_t value);

// "007" -> "zero zero seven".
std::string english_digits(std::string_view digits);

// An integer written with ASCII digits: "350" -> "three hundred fifty"; leading zeros
// ("05") and overlong runs are read digit by digit.
std::string english_integer(std::string_view digits);

// 1 -> "first", 12 -> "twelfth", 21 -> "twenty-first", 100 -> "one hundredth".
std::string english_ordinal(std::uint64_t value);

}  // namespace codriver::speech
