#include <gtest/gtest.h>

#include <iostream>

#include "drive_simulation.h"
#include "routing/routing_fixture.h"
#include "vehicle/map_matcher.h"

// The map matcher on real Monaco routes (hairpins, tunnels' worth of short edges, streets
// side by side), driven at the router's own speeds with seeded GPS noise.
namespace codriver::vehicle {
namespace {

using namespace testing;

routing::testing::RoutingFixture& monaco() {
  static routing::testing::RoutingFixture fixture(
      codriver::testing::shared_data("osm/monaco.osm.pbf"));
  return fixture;
}

const geo::LatLon kFontvieille{43.7303, 7.4180};
const geo::LatLon kLarvotto{43.7450, 7.4330};

std::vector<routing::TracePoint> monaco_route(const std::vector<geo::LatLon>& stops) {
  const routing::Router& router = *monaco().router;
  std::vector<routing::Waypoint> waypoints(stops.begin(), stops.end());
  std::vector<routing::TracePoint> trace;
  for (const routing::Leg& leg : router.route_via(waypoints)) {
    auto part = routing::trace_route(router.graph(), leg.path);
    trace = trace.empty() ? part : join(std::move(trace), part);
  }
  return trace;
}

struct Accuracy {
  double median_m = 0.0;
  double p95_m = 0.0;
  double largest_step_back_m = 0.0;
  int off_route_fixes = 0;
  std::size_t fixes = 0;
};

Accuracy measure(const std::vector<routing::TracePoint>& route, const GpsNoise& noise,
                 unsigned seed) {
  MapMatcher matcher(route);
  std::vector<double> errors;
  Accuracy accuracy;
  double previous = 0.0;
  for (const DriveSample& sample : drive(route, noise, seed)) {
    const RouteMatch match = matcher.match(sample.fix);
    errors.push_back(std::fabs(match.distance_along_m - sample.true_distance_m));
    accuracy.largest_step_back_m =
        std::max(accuracy.largest_step_back_m, previous - match.distance_along_m);
    previous = match.distance_along_m;
    if (match.off_route) ++accuracy.off_route_fixes;
  }
  accuracy.median_m = percentile(errors, 0.5);
  accuracy.p95_m = percentile(errors, 0.95);
  accuracy.fixes = errors.size();
  return accuracy;
}

void report_errors(const char* name, double sigma, const std::vector<double>& errors) {
  std::cout << "[ accuracy ] " << name << " sigma " << sigma << " m: median "
            << percentile(errors, 0.5) << " m, p95 " << percentile(errors, 0.95) << " m\n";
}

void report(const char* name, double sigma, const Accuracy& a) {
  std::cout << "[ accuracy ] " << name << " sigma " << sigma << " m: median " << a.median_m
            << " m, p95 " << a.p95_m << " m, off-route fixes " << a.off_route_fixes << " of "
            << a.fixes << "\n";
}

TEST(MapMatcherMonaco, AlongRouteErrorIsSmallAtCityGpsNoise) {
  const auto route = monaco_route({kFontvieille, kLarvotto});
  ASSERT_GT(route.back().distance_m, 2000.0);
  for (const double sigma : {5.0, 10.0, 15.0}) {
    for (const unsigned seed : {1u, 2u, 3u}) {
      GpsNoise noise;
      noise.position_sigma_m = sigma;
      noise.speed_scale = 1.03;
      const Accuracy a = measure(route, noise, seed);
      report("Fontvieille-Larvotto", sigma, a);
      EXPECT_LT(a.median_m, sigma) << "sigma " << sigma << " seed " << seed;
      EXPECT_LT(a.p95_m, 3.0 * sigma) << "sigma " << sigma << " seed " << seed;
      EXPECT_EQ(a.largest_step_back_m, 0.0);
      EXPECT_EQ(a.off_route_fixes, 0) << "sigma " << sigma << " seed " << seed;
    }
  }
}

TEST(MapMatcherMonaco, WithoutHeadingOrSpeedStillFollows) {
  const auto route = monaco_route({kFontvieille, kLarvotto});
  GpsNoise noise;
  noise.with_heading = false;
  noise.with_speed = false;
  noise.with_accuracy = false;
  const Accuracy a = measure(route, noise, 9);
  report("Fontvieille-Larvotto, position only,", 10.0, a);
  EXPECT_LT(a.median_m, 10.0);
  EXPECT_EQ(a.off_route_fixes, 0);
}

TEST(MapMatcherMonaco, OutAndBackOnRealStreets) {
  const auto route = monaco_route({kFontvieille, kLarvotto, kFontvieille});
  for (const unsigned seed : {5u, 6u}) {
    GpsNoise noise;
    noise.speed_scale = 1.03;
    const Accuracy a = measure(route, noise, seed);
    report("Fontvieille-Larvotto-Fontvieille", 10.0, a);
    EXPECT_LT(a.median_m, 10.0) << "seed " << seed;
    EXPECT_LT(a.p95_m, 30.0) << "seed " << seed;
    EXPECT_EQ(a.off_route_fixes, 0) << "seed " << seed;
  }
}

TEST(MapMatcherMonaco, ADetourIsNoticedAndTheRouteRejoined) {
  // The car drives to Larvotto by way of a street off the route, then rejoins it (for
  // one of them, 400 m behind where it left).
  const auto route = monaco_route({kFontvieille, kLarvotto});
  const RouteLine line(route);
  for (const geo::LatLon& via :
       {geo::LatLon{43.7370, 7.4170}, geo::LatLon{43.7310, 7.4250}, geo::LatLon{43.7400, 7.4200}}) {
    MapMatcher matcher(route);
    GpsNoise noise;
    noise.speed_scale = 1.03;
    int away = 0, away_flagged = 0, back = 0, back_flagged = 0;
    int run_away = 0, run_back = 0;
    std::vector<double> back_errors;
    for (const DriveSample& sample :
         drive(monaco_route({kFontvieille, via, kLarvotto}), noise, 17)) {
      const RouteMatch match = matcher.match(sample.fix);
      // The truth: where the car is against the route.
      const RouteCandidate closest = line.nearest(sample.true_position);
      const bool same_way =
          std::fabs(std::remainder(closest.bearing_deg - sample.true_bearing_deg, 360.0)) < 60.0;
      run_away = closest.distance_m > 80.0 ? run_away + 1 : 0;
      run_back = closest.distance_m < 3.0 && same_way ? run_back + 1 : 0;
      if (run_away >= 5) {
        ++away;
        away_flagged += match.off_route;
      }
      if (run_back >= 8) {
        ++back;
        back_flagged += match.off_route;
        back_errors.push_back(std::fabs(match.distance_along_m - closest.distance_along_m));
      }
    }
    EXPECT_GT(away, 100) << "the detour leaves the route";
    EXPECT_EQ(away_flagged, away) << "off the route 5 s after being 80 m away";
    EXPECT_GT(back, 100);
    EXPECT_EQ(back_flagged, 0) << "on the route 8 s after driving it again";
    EXPECT_LT(percentile(back_errors, 0.5), 10.0);
    EXPECT_LT(percentile(back_errors, 0.95), 30.0);
  }
}

TEST(MapMatcherMonaco, StopsAtLightsHoldProgress) {
  const auto route = monaco_route({kFontvieille, kLarvotto});
  // Thirty seconds standing at three places along the way.
  auto path = route;
  for (const double stop_at : {600.0, 1300.0, 2000.0}) {
    const auto where = std::find_if(path.begin(), path.end(),
                                    [&](const auto& p) { return p.distance_m >= stop_at; });
    routing::TracePoint standing = *where;
    for (auto later = where; later != path.end(); ++later)
      later->time_s += 30.0;
    path.insert(where, standing);
  }
  GpsNoise noise;
  noise.speed_scale = 1.03;
  MapMatcher matcher(route);
  std::vector<double> errors;
  double previous = 0.0;
  for (const DriveSample& sample : drive(path, noise, 23)) {
    const RouteMatch match = matcher.match(sample.fix);
    errors.push_back(std::fabs(match.distance_along_m - sample.true_distance_m));
    EXPECT_GE(match.distance_along_m, previous);
    EXPECT_FALSE(match.off_route);
    previous = match.distance_along_m;
  }
  report_errors("Fontvieille-Larvotto with three stops", 10.0, errors);
  EXPECT_LT(percentile(errors, 0.5), 10.0);
  EXPECT_LT(percentile(errors, 0.95), 30.0);
}

}  // namespace
}  // namespace codriver::vehicle
