#include "geo/bounding_box.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "geo/distance.h"

namespace codriver::geo {
namespace {

constexpr double kOneDegreeM = 111195.0802335329;

TEST(BoundingBoxTest, DefaultIsEmptyAndContainsNothing) {
  const BoundingBox box;
  EXPECT_TRUE(box.empty);
  EXPECT_FALSE(box.contains({0.0, 0.0}));
  EXPECT_FALSE(box.intersects(BoundingBox::of({-1.0, -1.0}, {1.0, 1.0})));
}

TEST(BoundingBoxTest, OfOrdersCorners) {
  const BoundingBox box = BoundingBox::of({40.0, 10.0}, {30.0, -5.0});
  EXPECT_FALSE(box.empty);
  EXPECT_EQ(box.min_lat, 30.0);
  EXPECT_EQ(box.max_lat, 40.0);
  EXPECT_EQ(box.min_lon, -5.0);
  EXPECT_EQ(box.max_lon, 10.0);
}

TEST(BoundingBoxTest, FirstExtendMakesAPointBox) {
  BoundingBox box;
  box.extend(LatLon{5.0, 6.0});
  EXPECT_FALSE(box.empty);
  EXPECT_TRUE(box.contains({5.0, 6.0}));
  EXPECT_FALSE(box.contains({5.0, 6.000001}));
  EXPECT_EQ(box.center(), (LatLon{5.0, 6.0}));
}

TEST(BoundingBoxTest, ExtendGrowsToIncludePoint) {
  BoundingBox box = BoundingBox::of({0.0, 0.0}, {1.0, 1.0});
  box.extend(LatLon{2.0, -1.0});
  EXPECT_EQ(box.min_lon, -1.0);
  EXPECT_EQ(box.max_lat, 2.0);
  EXPECT_EQ(box.min_lat, 0.0);
  EXPECT_EQ(box.max_lon, 1.0);
}

TEST(BoundingBoxTest, ExtendByBox) {
  BoundingBox box = BoundingBox::of({0.0, 0.0}, {1.0, 1.0});
  box.extend(BoundingBox{});  // an empty box adds nothing
  EXPECT_EQ(box.min_lat, 0.0);
  EXPECT_EQ(box.max_lat, 1.0);
  box.extend(BoundingBox::of({-2.0, 3.0}, {-1.0, 4.0}));
  EXPECT_EQ(box.min_lat, -2.0);
  EXPECT_EQ(box.max_lon, 4.0);

  BoundingBox empty;
  empty.extend(BoundingBox::of({1.0, 2.0}, {3.0, 4.0}));
  EXPECT_FALSE(empty.empty);
  EXPECT_EQ(empty.min_lat, 1.0);
  EXPECT_EQ(empty.max_lon, 4.0);
}

TEST(BoundingBoxTest, ContainsIsClosed) {
  const BoundingBox box = BoundingBox::of({0.0, 0.0}, {1.0, 2.0});
  EXPECT_TRUE(box.contains({0.5, 1.0}));
  EXPECT_TRUE(box.contains({0.0, 0.0}));
  EXPECT_TRUE(box.contains({1.0, 2.0}));
  EXPECT_FALSE(box.contains({1.0000001, 1.0}));
  EXPECT_FALSE(box.contains({0.5, -0.0000001}));
}

TEST(BoundingBoxTest, Intersects) {
  const BoundingBox box = BoundingBox::of({0.0, 0.0}, {1.0, 1.0});
  EXPECT_TRUE(box.intersects(BoundingBox::of({0.5, 0.5}, {2.0, 2.0})));
  EXPECT_TRUE(box.intersects(BoundingBox::of({1.0, 1.0}, {2.0, 2.0})));     // touching corner
  EXPECT_TRUE(box.intersects(BoundingBox::of({-1.0, -1.0}, {2.0, 2.0})));   // enclosing
  EXPECT_FALSE(box.intersects(BoundingBox::of({1.5, 0.0}, {2.0, 1.0})));    // north
  EXPECT_FALSE(box.intersects(BoundingBox::of({0.0, -2.0}, {1.0, -0.5})));  // west
  EXPECT_TRUE(BoundingBox::of({0.5, 0.5}, {2.0, 2.0}).intersects(box));
}

TEST(BoundingBoxTest, Center) {
  EXPECT_EQ(BoundingBox::of({10.0, 20.0}, {20.0, 40.0}).center(), (LatLon{15.0, 30.0}));
}

TEST(BoundingBoxTest, ExpandedAtEquator) {
  const BoundingBox box = BoundingBox::of({0.0, 0.0}, {0.0, 0.0}).expanded_by_m(kOneDegreeM);
  EXPECT_NEAR(box.min_lat, -1.0, 1e-12);
  EXPECT_NEAR(box.max_lat, 1.0, 1e-12);
  // The longitude margin uses the latitude farthest from the equator (1 degree).
  EXPECT_NEAR(box.min_lon, -1.0 / std::cos(std::numbers::pi / 180.0), 1e-12);
  EXPECT_NEAR(box.max_lon, 1.0 / std::cos(std::numbers::pi / 180.0), 1e-12);
}

TEST(BoundingBoxTest, ExpandedMarginIsAtLeastTheDistanceEverywhere) {
  const BoundingBox box = BoundingBox::of({59.9, 10.7}, {60.0, 10.8});
  const double margin = 500.0;
  const BoundingBox grown = box.expanded_by_m(margin);
  // Every point 500 m from the box's corners in any direction is inside.
  for (const LatLon corner :
       {LatLon{59.9, 10.7}, LatLon{60.0, 10.8}, LatLon{59.9, 10.8}, LatLon{60.0, 10.7}}) {
    for (double bearing = 0.0; bearing < 360.0; bearing += 15.0) {
      const LatLon p = destination(corner, bearing, margin * 0.999);
      EXPECT_TRUE(grown.contains(p)) << corner.lat << "," << corner.lon << " @" << bearing;
    }
  }
  // And the margin is not wildly more than asked: 500 m of latitude.
  EXPECT_NEAR(grown.max_lat - box.max_lat, margin / kOneDegreeM, 1e-12);
}

TEST(BoundingBoxTest, ExpandedClampsAtPolesAndAntimeridian) {
  const BoundingBox polar = BoundingBox::of({89.99, 0.0}, {89.99, 1.0}).expanded_by_m(5000.0);
  EXPECT_EQ(polar.max_lat, 90.0);
  EXPECT_EQ(polar.min_lon, -180.0);
  EXPECT_EQ(polar.max_lon, 180.0);

  const BoundingBox edge = BoundingBox::of({0.0, 179.999}, {1.0, 179.9999}).expanded_by_m(1000.0);
  EXPECT_EQ(edge.max_lon, 180.0);
  EXPECT_TRUE(is_valid({edge.max_lat, edge.max_lon}));
  EXPECT_TRUE(is_valid({edge.min_lat, edge.min_lon}));
}

TEST(BoundingBoxTest, ExpandedEmptyStaysEmpty) {
  EXPECT_TRUE(BoundingBox{}.expanded_by_m(1000.0).empty);
}

TEST(BoundingBoxTest, NegativeMarginShrinksOrEmpties) {
  const BoundingBox box = BoundingBox::of({0.0, 0.0}, {1.0, 1.0});
  const BoundingBox shrunk = box.expanded_by_m(-kOneDegreeM / 4.0);
  EXPECT_FALSE(shrunk.empty);
  EXPECT_NEAR(shrunk.min_lat, 0.25, 1e-12);
  EXPECT_NEAR(shrunk.max_lat, 0.75, 1e-12);
  EXPECT_TRUE(box.expanded_by_m(-kOneDegreeM).empty);
}

}  // namespace
}  // namespace codriver::geo
