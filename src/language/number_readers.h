#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "language/numbers.h"

// The three ways a number is written, each read from an exact starting byte of folded text.
// Internal to language/: numbers.cpp and ordinals.cpp combine them.
namespace codriver::language {

// "3", "3.5", "1,200", "3千", "1.5万", "20多"; not "1st" (an ordinal).
std::optional<NumberMatch> digit_number_at(std::string_view text, std::size_t pos);

// "twenty-five", "a hundred and twenty", "two thousand", "one and a half", "half",
// "a dozen", "a couple" (approximate), "a few" (approximate).
std::optional<NumberMatch> english_number_at(std::string_view text, std::size_t pos);

// "十五", "一百零五", "两千", "一万亿", "三点五", "半", "一个半", "几", "十几", "俩", "仨",
// digit-by-digit "二零二四".
std::optional<NumberMatch> chinese_number_at(std::string_view text, std::size_t pos);

// The value of a Chinese numeral unit character: 十 10, 百 100, 千, 万, 亿; 0 for others.
double chinese_unit_value(char32_t c);

// Chinese numeral digit or unit character (零一二两三...十百千万亿, 几).
bool is_chinese_numeral(char32_t c);

// Suffixes Chinese puts after any number: "个半" (+0.5), "个多" / "多" / "来" (approximate),
// and magnitudes after digits or decimals ("1.5万"). Extends `match` in place.
void read_chinese_number_suffixes(std::string_view text, NumberMatch& match);
void read_chinese_magnitudes(std::string_view text, NumberMatch& match);

}  // namespace codriver::language
