#include "geo/latlon.h"

#include <gtest/gtest.h>

#include <limits>

namespace codriver::geo {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(LatLonTest, ValidRangeIsInclusive) {
  EXPECT_TRUE(is_valid({0.0, 0.0}));
  EXPECT_TRUE(is_valid({90.0, 180.0}));
  EXPECT_TRUE(is_valid({-90.0, -180.0}));
}

TEST(LatLonTest, OutOfRangeIsInvalid) {
  EXPECT_FALSE(is_valid({90.0001, 0.0}));
  EXPECT_FALSE(is_valid({-90.0001, 0.0}));
  EXPECT_FALSE(is_valid({0.0, 180.0001}));
  EXPECT_FALSE(is_valid({0.0, -180.0001}));
}

TEST(LatLonTest, NonFiniteIsInvalid) {
  EXPECT_FALSE(is_valid({kNan, 0.0}));
  EXPECT_FALSE(is_valid({0.0, kNan}));
  EXPECT_FALSE(is_valid({0.0, kInf}));
  EXPECT_FALSE(is_valid({-kInf, 0.0}));
}

TEST(LatLonTest, EqualityComparesBothFields) {
  EXPECT_EQ((LatLon{1.0, 2.0}), (LatLon{1.0, 2.0}));
  EXPECT_NE((LatLon{1.0, 2.0}), (LatLon{2.0, 1.0}));
}

}  // namespace
}  // namespace codriver::geo
