#include "llm/engine/json_schema_number.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>

namespace codriver::llm::engine::json_schema {
namespace {

constexpr int kMaxPower = 36;

constexpr std::array<Units, kMaxPower + 1> make_powers() {
  std::array<Units, kMaxPower + 1> powers{};
  Units value = 1;
  for (int i = 0; i <= kMaxPower; ++i) {
    powers[i] = value;
    value *= 10;
  }
  return powers;
}

constexpr std::array<Units, kMaxPower + 1> kPowers = make_powers();

bool has_fraction_or_exponent(std::string_view text) {
  return text.find_first_of(".eE") != std::string_view::npos;
}

// Whether some x = a + n * step (n >= 0) lies in [a, end) and in [lo, hi].
bool has_multiple_in(Units a, Units end, Units step, Units lo, Units hi) {
  Units x = a;
  if (x < lo) x = a + (lo - a + step - 1) / step * step;
  return x < end && x <= hi;
}

// Whether a number with the prefix's digits can reach a magnitude in [lo, hi] (lo >= 0).
bool can_reach_magnitude(const NumberPrefix& prefix, bool integer_only, Units lo, Units hi) {
  const int digits = prefix.integer_digits;
  if (prefix.has_dot) {
    const int decimals = prefix.fraction_digits;
    const Units start =
        static_cast<Units>(prefix.integer_value) * kPowers[kUnitDecimals] +
        static_cast<Units>(prefix.fraction_value) * kPowers[kUnitDecimals - decimals];
    // Up to kMaxDecimalDigits - digits decimals in all: steps of 10^digits units.
    return has_multiple_in(start, start + kPowers[kUnitDecimals - decimals], kPowers[digits], lo,
                           hi);
  }
  if (prefix.integer_value == 0) {  // "0": only 0 itself or 0.xxx
    if (integer_only) return lo == 0;
    return has_multiple_in(0, kPowers[kUnitDecimals], kPowers[1], lo, hi);
  }
  const Units leading = static_cast<Units>(prefix.integer_value);
  for (int more = 0; digits + more <= kMaxIntegerDigits; ++more) {
    const Units start = leading * kPowers[more + kUnitDecimals];
    if (start > hi) break;
    const Units end = (leading + 1) * kPowers[more + kUnitDecimals];
    const bool decimals_left = !integer_only && digits + more < kMaxDecimalDigits;
    const Units step = decimals_left ? kPowers[digits + more] : kPowers[kUnitDecimals];
    if (has_multiple_in(start, end, step, lo, hi)) return true;
  }
  return false;
}

}  // namespace

Units power_of_ten(int exponent) {
  return kPowers[static_cast<std::size_t>(exponent)];
}

Units units_of(std::string_view text, Rounding rounding, bool* exact) {
  bool negative = false;
  std::size_t at = 0;
  if (at < text.size() && text[at] == '-') {
    negative = true;
    ++at;
  }
  std::string significand;  // every mantissa digit, leading zeros dropped
  long long exponent = 0;   // value = significand * 10^exponent
  bool seen_dot = false;
  for (; at < text.size() && text[at] != 'e' && text[at] != 'E'; ++at) {
    if (text[at] == '.') {
      seen_dot = true;
      continue;
    }
    if (seen_dot) --exponent;
    if (significand.empty() && text[at] == '0') continue;
    significand += text[at];
  }
  if (at < text.size()) {  // the exponent, clamped: far beyond the range we compare
    ++at;
    bool exponent_negative = false;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
      exponent_negative = text[at] == '-';
      ++at;
    }
    long long written = 0;
    for (; at < text.size(); ++at)
      written = std::min(written * 10 + (text[at] - '0'), 100000LL);
    exponent += exponent_negative ? -written : written;
  }
  if (exact != nullptr) *exact = true;
  if (significand.empty()) return 0;
  const long long shift = exponent + kUnitDecimals;  // units = significand * 10^shift
  const long long integer_digits = static_cast<long long>(significand.size()) + shift;
  if (integer_digits > kMaxPower) {
    if (exact != nullptr) *exact = false;
    return negative ? -kUnitsClamp : kUnitsClamp;
  }
  Units magnitude = 0;
  bool remainder = false;
  for (long long i = 0; i < static_cast<long long>(significand.size()); ++i) {
    if (i < integer_digits) {
      magnitude = magnitude * 10 + (significand[static_cast<std::size_t>(i)] - '0');
    } else if (significand[static_cast<std::size_t>(i)] != '0') {
      remainder = true;
    }
  }
  for (long long i = static_cast<long long>(significand.size()); i < integer_digits; ++i) {
    magnitude *= 10;
  }
  if (remainder) {
    if (exact != nullptr) *exact = false;
    // Truncation went toward zero: away from it is the other way for negative values.
    const bool away_from_zero = (rounding == Rounding::kCeil) != negative;
    if (away_from_zero) magnitude += 1;
  }
  return negative ? -magnitude : magnitude;
}

Units value_units(const NumberPrefix& prefix) {
  const Units magnitude =
      static_cast<Units>(prefix.integer_value) * kPowers[kUnitDecimals] +
      static_cast<Units>(prefix.fraction_value) * kPowers[kUnitDecimals - prefix.fraction_digits];
  return prefix.negative ? -magnitude : magnitude;
}

bool can_reach_range(const NumberPrefix& prefix, bool integer_only, Units lo, Units hi) {
  // The magnitudes that satisfy the range with the prefix's sign.
  const Units magnitude_lo = prefix.negative ? std::max<Units>(-hi, 0) : std::max<Units>(lo, 0);
  const Units magnitude_hi = prefix.negative ? -lo : hi;
  if (magnitude_hi < magnitude_lo) return false;
  if (prefix.has_integer) {
    return can_reach_magnitude(prefix, integer_only, magnitude_lo, magnitude_hi);
  }
  for (int first = 0; first <= 9; ++first) {
    NumberPrefix next = prefix;
    next.has_integer = true;
    next.integer_digits = 1;
    next.integer_value = static_cast<std::uint64_t>(first);
    if (can_reach_magnitude(next, integer_only, magnitude_lo, magnitude_hi)) return true;
  }
  return false;
}

long double validator_number(std::string_view text) {
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (!has_fraction_or_exponent(text)) {
    if (!text.empty() && text[0] == '-') {
      long long value = 0;
      if (std::from_chars(begin, end, value).ec == std::errc()) return value;
    } else {
      unsigned long long value = 0;
      if (std::from_chars(begin, end, value).ec == std::errc()) return value;
    }
  }
  double value = 0;
  const auto result = std::from_chars(begin, end, value);
  if (result.ec == std::errc::result_out_of_range) {
    // Underflow reads as zero, overflow as infinity, as strtod does.
    const bool tiny =
        text.find("e-") != std::string_view::npos || text.find("E-") != std::string_view::npos;
    const bool negative = !text.empty() && text[0] == '-';
    if (tiny) return negative ? -0.0L : 0.0L;
    return negative ? -HUGE_VALL : HUGE_VALL;
  }
  return value;
}

bool validator_integral(std::string_view text) {
  if (!has_fraction_or_exponent(text)) return true;
  const long double value = validator_number(text);
  return std::isfinite(value) && std::floor(value) == value;
}

}  // namespace codriver::llm::engine::json_schema
