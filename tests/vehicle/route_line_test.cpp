#include "vehicle/route_line.h"

#include <gtest/gtest.h>

#include "drive_simulation.h"
#include "vehicle/progress_filter.h"

namespace codriver::vehicle {
namespace {

using testing::local;
using testing::trace_of;

TEST(RouteLine, FindsEveryPassNearAPoint) {
  // East 300 m, north 100 m, back west 300 m: the two long legs are 100 m apart.
  const RouteLine line(trace_of({local(0, 0), local(300, 0), local(300, 100), local(0, 100)}));
  EXPECT_NEAR(line.length_m(), 700.0, 0.5);
  const auto both = line.candidates_near(local(150, 50), 60.0, 0.0, line.length_m());
  ASSERT_EQ(both.size(), 2u);
  EXPECT_NEAR(both[0].distance_along_m, 150.0, 0.5);
  EXPECT_NEAR(both[1].distance_along_m, 550.0, 0.5);
  EXPECT_NEAR(both[0].cross_track_m, -50.0, 0.5) << "north of an eastbound road is its left";
  EXPECT_NEAR(both[1].cross_track_m, -50.0, 0.5) << "south of a westbound road is its left too";
  EXPECT_NEAR(both[0].bearing_deg, 90.0, 0.5);
  EXPECT_NEAR(both[1].bearing_deg, 270.0, 0.5);
  EXPECT_EQ(line.candidates_near(local(150, 50), 60.0, 200.0, 700.0).size(), 1u)
      << "a window along the route leaves the first pass out";
  EXPECT_TRUE(line.candidates_near(local(150, 50), 40.0, 0.0, 700.0).empty());
  EXPECT_NEAR(line.nearest(local(150, 80)).distance_along_m, 550.0, 0.5);
}

TEST(RouteLine, PointsAndSegmentsByDistance) {
  const RouteLine line(trace_of({local(0, 0), local(300, 0), local(300, 100)}));
  EXPECT_LT(geo::distance_m(line.point_at(150.0), local(150, 0)), 0.1);
  EXPECT_LT(geo::distance_m(line.point_at(350.0), local(300, 50)), 0.1);
  EXPECT_EQ(line.point_at(-5.0), local(0, 0));
  EXPECT_LT(geo::distance_m(line.point_at(1e6), local(300, 100)), 0.01);
  EXPECT_EQ(line.segment_at(0.0), 0u);
  EXPECT_EQ(line.segment_at(299.0), 0u);
  EXPECT_EQ(line.segment_at(301.0), 1u);
  EXPECT_EQ(line.segment_at(1e6), 1u);
}

TEST(ProgressFilter, AveragesNoisyDistancesAgainstASteadySpeed) {
  ProgressFilter filter;
  filter.reset(0.0, 100.0, 10.0, 1.0);
  std::mt19937 rng(5);
  std::normal_distribution<double> noise(0.0, 10.0);
  for (int second = 1; second <= 60; ++second) {
    filter.predict(1.0);
    filter.observe_speed(10.0, 0.25);
    filter.observe_distance(10.0 * second + noise(rng), 100.0);
  }
  EXPECT_NEAR(filter.distance_m(), 600.0, 5.0) << "much closer than one 10 m fix";
  EXPECT_NEAR(filter.speed_mps(), 10.0, 0.3);
  EXPECT_LT(filter.distance_variance(), 25.0);
}

TEST(ProgressFilter, LearnsTheSpeedFromDistancesAlone) {
  ProgressFilter filter;
  filter.reset(0.0, 25.0, 0.0, 100.0);
  for (int second = 1; second <= 30; ++second) {
    filter.predict(1.0);
    filter.observe_distance(12.0 * second, 25.0);
  }
  EXPECT_NEAR(filter.speed_mps(), 12.0, 0.5);
}

}  // namespace
}  // namespace codriver::vehicle
