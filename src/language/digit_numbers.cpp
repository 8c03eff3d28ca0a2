#include <cmath>

#include "language/number_readers.h"
#include "language/text_scan.h"

namespace codriver::language {
namespace {

// "1st", "22nd", "3rd", "4th": the digits are an ordinal, not a count.
bool ordinal_suffix_at(std::string_view text, std::size_t pos) {
  for (const std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (has_at(text, pos, suffix) && (pos + 2 >= text.size() || !is_ascii_letter(text[pos + 2]))) {
      return true;
    }
  }
  return false;
}

// Three digits after a comma, and no fourth: "1,200" but not "1,2" or "1,2000".
bool thousands_group_at(std::string_view text, std::size_t pos) {
  return pos + 3 < text.size() && text[pos] == ',' && is_ascii_digit(text[pos + 1]) &&
         is_ascii_digit(text[pos + 2]) && is_ascii_digit(text[pos + 3]) &&
         (pos + 4 >= text.size() || !is_ascii_digit(text[pos + 4]));
}

// After digits ("3千", "1.5万") a magnitude multiplies; 十 does not ("3十" is no number).
double chinese_magnitude(char32_t c) {
  return c == U'十' ? 0 : chinese_unit_value(c);
}

}  // namespace

void read_chinese_magnitudes(std::string_view text, NumberMatch& match) {
  double previous = 0;
  while (true) {
    const CodePoint c = code_point_at(text, match.end);
    const double magnitude = chinese_magnitude(c.value);
    if (magnitude <= previous) return;
    const char32_t next = code_point_at(text, match.end + c.size).value;
    if (c.value == U'千' && (next == U'瓦' || next == U'米')) return;  // 千瓦 and 千米 are units
    if (c.value == U'百' && next == U'分') return;                     // 百分之 is a percentage
    match.value *= magnitude;
    match.end += c.size;
    previous = magnitude;
  }
}

void read_chinese_number_suffixes(std::string_view text, NumberMatch& match) {
  const bool whole = match.value == std::floor(match.value);
  if (has_at(text, match.end, "个半") && whole && !match.approximate) {
    match.value += 0.5;
    match.end += std::string_view("个半").size();
  } else if (has_at(text, match.end, "个多")) {
    match.approximate = true;
    match.end += std::string_view("个多").size();
  } else if ((has_at(text, match.end, "多") || has_at(text, match.end, "来")) && whole &&
             match.value >= 10 && !has_at(text, match.end, "多少")) {
    match.approximate = true;
    match.end += std::string_view("多").size();
  }
}

std::optional<NumberMatch> digit_number_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size() || !is_ascii_digit(text[pos])) return std::nullopt;
  double mantissa = 0;
  std::size_t end = pos;
  while (end < text.size() && is_ascii_digit(text[end])) {
    mantissa = mantissa * 10 + (text[end] - '0');
    ++end;
  }
  if (end - pos <= 3) {
    while (thousands_group_at(text, end)) {
      for (std::size_t k = 1; k <= 3; ++k)
        mantissa = mantissa * 10 + (text[end + k] - '0');
      end += 4;
    }
  }
  double divisor = 1;
  if (end + 1 < text.size() && text[end] == '.' && is_ascii_digit(text[end + 1])) {
    ++end;
    while (end < text.size() && is_ascii_digit(text[end])) {
      mantissa = mantissa * 10 + (text[end] - '0');
      divisor *= 10;
      ++end;
    }
  }
  if (ordinal_suffix_at(text, end)) return std::nullopt;
  NumberMatch match{pos, end, mantissa / divisor, false};
  read_chinese_magnitudes(text, match);
  read_chinese_number_suffixes(text, match);
  if (!std::isfinite(match.value)) return std::nullopt;
  return match;
}

}  // namespace codriver::language
