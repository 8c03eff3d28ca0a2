#pragma once

#include <cstdint>
#include <string_view>

// Numbers for constrained decoding: which JSON numbers the recogniser lets a model write,
// and exact range checks on their prefixes.
//
// A number is written in plain JSON grammar with bounded size, so that generation always
// ends and every number the recogniser accepts means the same to the agent's validator
// (which reads numbers as int64 or double):
// - without fraction or exponent, at most kMaxIntegerDigits digits (exact in an int64);
// - with a fraction or an exponent, at most kMaxDecimalDigits digits in all (two such
//   decimals that differ stay different, and keep their order, once rounded to double);
// - exponents (at most kMaxExponentDigits digits) only where the schema sets no range.
// Values are compared exactly as integers counting units of 10^-kUnitDecimals.
namespace codriver::llm::engine::json_schema {

// __extension__: GCC and Clang have 128-bit integers; -Wpedantic would warn about them.
__extension__ typedef __int128 Units;

inline constexpr int kUnitDecimals = 15;
inline constexpr int kMaxIntegerDigits = 18;
inline constexpr int kMaxDecimalDigits = 15;
inline constexpr int kMaxExponentDigits = 2;
// Beyond every value a number of the sizes above can have (|value| < 10^18).
inline constexpr Units kUnitsClamp =
    static_cast<Units>(1000000000000000000LL) * static_cast<Units>(1000000000000000000LL);

// 10^exponent, 0 <= exponent <= 36.
Units power_of_ten(int exponent);

enum class Rounding { kFloor, kCeil };

// A JSON number's text as units, rounded the given way when it is not a whole number of
// units; values beyond ±kUnitsClamp become ±kUnitsClamp. `exact` (optional) tells whether
// no rounding or clamping happened.
Units units_of(std::string_view number_text, Rounding rounding, bool* exact = nullptr);

// What has been written of a number so far.
struct NumberPrefix {
  bool negative = false;
  bool has_integer = false;  // at least one integer digit
  bool has_dot = false;
  int integer_digits = 0;
  int fraction_digits = 0;
  std::uint64_t integer_value = 0;
  std::uint64_t fraction_value = 0;
};

// The value of a prefix that holds at least one digit (a fraction not yet begun reads 0).
Units value_units(const NumberPrefix& prefix);

// Whether some number that begins with `prefix`, within the size limits above (only whole
// numbers when `integer_only`), lies in [lo, hi].
bool can_reach_range(const NumberPrefix& prefix, bool integer_only, Units lo, Units hi);

// The value the agent's validator compares (it reads integers without fraction or exponent
// as int64/uint64 when they fit, everything else as double), widened to long double.
long double validator_number(std::string_view number_text);

// Whether the validator calls the number an integer (a whole value, written either way).
bool validator_integral(std::string_view number_text);

}  // namespace codriver::llm::engine::json_schema
