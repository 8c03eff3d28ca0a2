#include "vehicle/map_matcher.h"

#include <gtest/gtest.h>

#include "drive_simulation.h"

// The map matcher on routes drawn by hand, where the right answer is plain: a straight
// road, an out-and-back, a loop driven twice, a car that leaves and comes back.
namespace codriver::vehicle {
namespace {

using namespace testing;
using namespace std::chrono_literals;

struct DriveResult {
  std::vector<double> errors;  // |matched - true| along the route, per fix
  double largest_step_back_m = 0.0;
  int off_route_fixes = 0;
};

DriveResult run(MapMatcher& matcher, const std::vector<DriveSample>& samples) {
  DriveResult result;
  double previous = 0.0;
  for (const DriveSample& sample : samples) {
    const RouteMatch match = matcher.match(sample.fix);
    result.errors.push_back(std::fabs(match.distance_along_m - sample.true_distance_m));
    result.largest_step_back_m =
        std::max(result.largest_step_back_m, previous - match.distance_along_m);
    previous = match.distance_along_m;
    if (match.off_route) ++result.off_route_fixes;
  }
  return result;
}

double largest(const std::vector<double>& values) {
  return *std::max_element(values.begin(), values.end());
}

TEST(MapMatcher, FollowsAStraightRoadThroughTheNoise) {
  const auto route = trace_of({local(0, 0), local(1000, 0), local(2000, 0)}, 12.0);
  MapMatcher matcher(route);
  const DriveResult result = run(matcher, drive(route, {}, 1));
  EXPECT_LT(percentile(result.errors, 0.5), 4.0);
  EXPECT_LT(largest(result.errors), 20.0);
  EXPECT_EQ(result.largest_step_back_m, 0.0);
  EXPECT_EQ(result.off_route_fixes, 0);
  EXPECT_NEAR(matcher.last().distance_along_m, 2000.0, 15.0);
}

TEST(MapMatcher, ReportsWhereOnTheRoadTheFixIs) {
  const auto route = trace_of({local(0, 0), local(1000, 0)});
  MapMatcher matcher(route);
  GpsFix fix{local(100, -8), kStart, 90.0, 10.0, 5.0};
  const RouteMatch match = matcher.match(fix);
  EXPECT_TRUE(match.matched);
  EXPECT_NEAR(match.distance_along_m, 100.0, 0.5);
  EXPECT_NEAR(match.lateral_offset_m, 8.0, 0.2) << "south of an eastbound road is its right";
  EXPECT_NEAR(match.distance_to_route_m, 8.0, 0.2);
  EXPECT_LT(geo::distance_m(match.snapped, local(100, 0)), 0.5);
  EXPECT_GT(match.confidence, 0.1);
  EXPECT_LT(match.confidence, 0.5) << "8 m off with 5 m accuracy is plausible, not certain";
  fix = {local(110, 1), kStart + 1s, 90.0, 10.0, 5.0};
  EXPECT_GT(matcher.match(fix).confidence, 0.9);
}

TEST(MapMatcher, OutAndBackIsToldApartByHeadingAndContinuity) {
  // East 600 m and back on the same road: every place is on the route twice.
  const auto route = trace_of({local(0, 0), local(600, 0), local(0, 0.5)}, 10.0);
  for (const bool with_heading : {true, false}) {
    GpsNoise noise;
    noise.with_heading = with_heading;
    MapMatcher matcher(route);
    const DriveResult result = run(matcher, drive(route, noise, 7));
    EXPECT_LT(percentile(result.errors, 0.5), 5.0) << "heading " << with_heading;
    EXPECT_LT(largest(result.errors), 30.0) << "never on the other pass; heading " << with_heading;
    EXPECT_EQ(result.largest_step_back_m, 0.0);
    EXPECT_EQ(result.off_route_fixes, 0);
    EXPECT_NEAR(matcher.last().distance_along_m, 1200.0, 20.0);
  }
}

TEST(MapMatcher, ALoopDrivenTwiceIsCountedTwice) {
  // A stem north to a junction, twice round a 200 m block, then west: the block's
  // every point is on the route twice in the same direction; only continuity can tell.
  const geo::LatLon junction = local(0, 0);
  const std::vector<geo::LatLon> block = {local(200, 0), local(200, 200), local(0, 200),
                                          local(0, 1)};
  std::vector<geo::LatLon> points = {local(0, -300), junction};
  for (int lap = 0; lap < 2; ++lap)
    points.insert(points.end(), block.begin(), block.end());
  points.push_back(local(-300, 0));
  const auto route = trace_of(points, 10.0);
  for (const unsigned seed : {3u, 4u, 5u}) {
    MapMatcher matcher(route);
    const DriveResult result = run(matcher, drive(route, {}, seed));
    EXPECT_LT(percentile(result.errors, 0.5), 5.0) << "seed " << seed;
    EXPECT_LT(largest(result.errors), 30.0) << "seed " << seed;
    EXPECT_EQ(result.off_route_fixes, 0) << "seed " << seed;
    EXPECT_NEAR(matcher.last().distance_along_m, route.back().distance_m, 20.0);
  }
}

TEST(MapMatcher, NoticesTheCarLeavingAndComingBack) {
  const auto route = trace_of({local(0, 0), local(2000, 0)}, 10.0);
  // Along the road to 500 m, a detour north round a block, back onto the road at 900 m.
  const auto path = trace_of(
      {local(0, 0), local(500, 0), local(500, 200), local(900, 200), local(900, 0), local(2000, 0)},
      10.0);
  MapMatcher matcher(route);
  int off_while_away = 0, away = 0, off_after_return = 0;
  for (const DriveSample& sample : drive(path, {}, 11)) {
    const RouteMatch match = matcher.match(sample.fix);
    const double d = sample.true_distance_m;                           // along the driven path
    const bool far_away = d > 500 + 100 && d < 500 + 200 + 400 + 100;  // more than 100 m north
    const bool long_back = d > 500 + 200 + 400 + 200 + 30;             // 30 s after rejoining
    if (far_away) {
      ++away;
      if (match.off_route) ++off_while_away;
    }
    if (long_back) {
      if (match.off_route) ++off_after_return;
      const double true_along = d - 400.0;  // the detour is 400 m longer than the road
      EXPECT_NEAR(match.distance_along_m, true_along, 20.0) << "at " << d;
    }
    if (d < 480) {
      EXPECT_FALSE(match.off_route) << "at " << d;
    }
    if (far_away) {
      EXPECT_NEAR(match.distance_along_m, 500.0, 30.0) << "progress is held while away";
    }
  }
  EXPECT_EQ(off_while_away, away);
  EXPECT_EQ(off_after_return, 0);
}

TEST(MapMatcher, DrivingAgainstTheRouteIsOffRoute) {
  const auto route = trace_of({local(0, 0), local(1000, 0)}, 10.0);
  // Up the road to 400 m, a U-turn, and back down it.
  const auto path = trace_of({local(0, 0), local(400, 0), local(0, 1)}, 10.0);
  MapMatcher matcher(route);
  int first_off = -1;
  const auto samples = drive(path, {}, 21);
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const RouteMatch match = matcher.match(samples[i].fix);
    if (match.off_route && first_off < 0) first_off = static_cast<int>(i);
  }
  ASSERT_GE(first_off, 0);
  EXPECT_NEAR(samples[first_off].true_distance_m, 400.0 + 3 * 10.0, 20.0)
      << "after three fixes heading the wrong way";
  EXPECT_TRUE(matcher.last().off_route);
}

TEST(MapMatcher, OneWildFixIsNotLeavingTheRoute) {
  const auto route = trace_of({local(0, 0), local(1000, 0)}, 10.0);
  auto samples = drive(route, {}, 31);
  samples[30].fix.position = local(300, 250);  // multipath in a street canyon
  MapMatcher matcher(route);
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const RouteMatch match = matcher.match(samples[i].fix);
    EXPECT_FALSE(match.off_route) << i;
    if (i == 30) {
      EXPECT_FALSE(match.matched);
      EXPECT_NEAR(match.distance_to_route_m, 250.0, 1.0);
    }
    if (i > 31) {
      EXPECT_NEAR(match.distance_along_m, samples[i].true_distance_m, 20.0) << i;
    }
  }
}

TEST(MapMatcher, AStandingCarStaysPutWhateverItsHeadingSays) {
  const auto route = trace_of({local(0, 0), local(1000, 0)}, 10.0);
  MapMatcher matcher(route);
  std::mt19937 rng(41);
  std::normal_distribution<double> noise(0.0, 8.0);
  std::uniform_real_distribution<double> any_heading(0.0, 360.0);
  for (int second = 0; second < 120; ++second) {
    const GpsFix fix{local(250 + noise(rng), noise(rng)), kStart + second * 1s, any_heading(rng),
                     0.0, 8.0};
    const RouteMatch match = matcher.match(fix);
    EXPECT_FALSE(match.off_route) << second;
    EXPECT_NEAR(match.distance_along_m, 250.0, 20.0) << second;
  }
}

TEST(MapMatcher, FixesOutOfOrderChangeNothing) {
  const auto route = trace_of({local(0, 0), local(1000, 0)});
  MapMatcher matcher(route);
  const RouteMatch first = matcher.match({local(100, 0), kStart + 10s, 90.0, 10.0, 5.0});
  const RouteMatch late = matcher.match({local(50, 0), kStart + 5s, 90.0, 10.0, 5.0});
  EXPECT_EQ(late.distance_along_m, first.distance_along_m);
  matcher.reset();
  EXPECT_NEAR(matcher.match({local(50, 0), kStart + 5s, 90.0, 10.0, 5.0}).distance_along_m, 50.0,
              0.5);
}

TEST(MapMatcher, StartsOnTheRightPassOfAnOutAndBack) {
  const auto route = trace_of({local(0, 0), local(600, 0), local(0, 0.5)});
  MapMatcher outbound(route), homebound(route);
  EXPECT_NEAR(outbound.match({local(200, 3), kStart, 90.0, 10.0, 5.0}).distance_along_m, 200.0,
              1.0);
  EXPECT_NEAR(homebound.match({local(200, 3), kStart, 270.0, 10.0, 5.0}).distance_along_m, 1000.0,
              1.0);
}

TEST(MapMatcher, RefusesARouteWithoutLength) {
  EXPECT_THROW(MapMatcher(std::vector<routing::TracePoint>{}), std::invalid_argument);
  EXPECT_THROW(MapMatcher(trace_of({local(0, 0)})), std::invalid_argument);
}

}  // namespace
}  // namespace codriver::vehicle
