#include <gtest/gtest.h>

#include "llm/engine/json_schema_number.h"

// The exact arithmetic behind numeric ranges: bounds read into units of 10^-15, rounded
// toward the inside of the range, and whether a prefix can still reach it.
namespace codriver::llm::engine::json_schema {
namespace {

constexpr Units kOne = 1000000000000000;  // 1 in units

TEST(ConstraintNumberUnits, ReadsBoundsExactlyOrRoundsThemInward) {
  bool exact = false;
  EXPECT_EQ(units_of("90", Rounding::kFloor, &exact), 90 * kOne);
  EXPECT_TRUE(exact);
  EXPECT_EQ(units_of("-180", Rounding::kCeil), -180 * kOne);
  EXPECT_EQ(units_of("0.125", Rounding::kCeil), kOne / 8);
  EXPECT_EQ(units_of("1.5e2", Rounding::kCeil), 150 * kOne);
  EXPECT_EQ(units_of("25E-1", Rounding::kCeil), 5 * kOne / 2);
  EXPECT_EQ(units_of("-0", Rounding::kCeil), 0);
  // 10^-16 lies between 0 and one unit.
  EXPECT_EQ(units_of("1e-16", Rounding::kFloor, &exact), 0);
  EXPECT_FALSE(exact);
  EXPECT_EQ(units_of("1e-16", Rounding::kCeil), 1);
  EXPECT_EQ(units_of("-1e-16", Rounding::kFloor), -1);
  EXPECT_EQ(units_of("-1e-16", Rounding::kCeil), 0);
  // Far beyond any value a number may have: clamped.
  EXPECT_EQ(units_of("1e300", Rounding::kFloor, &exact), kUnitsClamp);
  EXPECT_FALSE(exact);
  EXPECT_EQ(units_of("-1e99999999999", Rounding::kCeil), -kUnitsClamp);
}

NumberPrefix prefix(bool negative, std::uint64_t integer, int integer_digits) {
  NumberPrefix result;
  result.negative = negative;
  result.has_integer = integer_digits > 0;
  result.integer_digits = integer_digits;
  result.integer_value = integer;
  return result;
}

TEST(ConstraintNumberUnits, PrefixesReachARangeOnlyWhenSomeCompletionFits) {
  // [1000, 1000]: "1" can grow into 1000, "2" cannot.
  EXPECT_TRUE(can_reach_range(prefix(false, 1, 1), true, 1000 * kOne, 1000 * kOne));
  EXPECT_FALSE(can_reach_range(prefix(false, 2, 1), true, 1000 * kOne, 1000 * kOne));
  // [0.5, 0.5] is out of reach of integers but not of decimals.
  EXPECT_FALSE(can_reach_range(prefix(false, 0, 1), true, kOne / 2, kOne / 2));
  EXPECT_TRUE(can_reach_range(prefix(false, 0, 1), false, kOne / 2, kOne / 2));
  // A sign alone: negative values (or -0) must exist in the range.
  EXPECT_FALSE(can_reach_range(prefix(true, 0, 0), false, kOne, 2 * kOne));
  EXPECT_TRUE(can_reach_range(prefix(true, 0, 0), true, 0, kOne));  // "-0" is 0
  EXPECT_TRUE(can_reach_range(prefix(true, 0, 0), false, -kOne, kOne));
  // 15 integer digits leave no room for a fraction, so [x + 0.5] is out of reach.
  const std::uint64_t fifteen_digits = 100000000000000;
  EXPECT_FALSE(can_reach_range(prefix(false, fifteen_digits, 15), false,
                               static_cast<Units>(fifteen_digits) * kOne + kOne / 2,
                               static_cast<Units>(fifteen_digits) * kOne + kOne / 2));
  // Decimals: "0.1" reaches 0.15 but not 0.2.
  NumberPrefix tenth = prefix(false, 0, 1);
  tenth.has_dot = true;
  tenth.fraction_digits = 1;
  tenth.fraction_value = 1;
  EXPECT_TRUE(can_reach_range(tenth, false, kOne * 15 / 100, kOne * 15 / 100));
  EXPECT_FALSE(can_reach_range(tenth, false, kOne * 2 / 10, kOne));
  EXPECT_EQ(value_units(tenth), kOne / 10);
}

TEST(ConstraintNumberUnits, ReadsNumbersTheWayTheValidatorDoes) {
  EXPECT_EQ(validator_number("9007199254740993"), 9007199254740993.0L);  // exact as an integer
  EXPECT_EQ(validator_number("0.5"), 0.5L);
  EXPECT_TRUE(validator_integral("3"));
  EXPECT_TRUE(validator_integral("3.0"));
  EXPECT_TRUE(validator_integral("1e2"));
  EXPECT_FALSE(validator_integral("2.5"));
}

}  // namespace
}  // namespace codriver::llm::engine::json_schema
