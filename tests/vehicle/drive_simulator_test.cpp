#include "vehicle/drive_simulator.h"

#include <gtest/gtest.h>

#include <random>

#include "routing/routing_fixture.h"

namespace codriver::vehicle {
namespace {

using routing::testing::RoutingFixture;

RoutingFixture& greenwich_village() {
  static RoutingFixture fixture(codriver::testing::shared_data("osm/nyc_greenwich_village.osm.pbf"));
  return fixture;
}

const signals::Instant kStart{std::chrono::seconds(1795000000)};

std::vector<std::vector<routing::TracePoint>> random_routes(int count, unsigned seed) {
  auto& fixture = greenwich_village();
  const auto& graph = fixture.bundle->graph();
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> node(0, graph.node_count() - 1);
  std::vector<std::vector<routing::TracePoint>> routes;
  for (int attempt = 0; attempt < 20 * count && static_cast<int>(routes.size()) < count; ++attempt) {
    try {
      const auto leg = fixture.router->route({graph.position(static_cast<map::NodeId>(node(rng)))},
                                             {graph.position(static_cast<map::NodeId>(node(rng)))});
      if (leg.path.distance_m > 500) routes.push_back(routing::trace_route(graph, leg.path));
    } catch (const routing::RoutingError&) {
    }
  }
  return routes;
}

TEST(DriveSimulator, ArrivesObeyingEveryLightWithOrWithoutGlosa) {
  const signals::RsuSimulator rsu(greenwich_village().bundle->graph());
  int lights = 0, stops = 0;
  for (const auto& route : random_routes(25, 3)) {
    for (const bool glosa : {false, true}) {
      DriveOptions options;
      options.follow_glosa = glosa;
      DriveSimulator drive(route, rsu, kStart, options);
      const DriveStats stats = drive.run();
      ASSERT_TRUE(stats.arrived) << "glosa " << glosa;
      EXPECT_NEAR(stats.distance_m, route.back().distance_m, 1.0);
      EXPECT_EQ(stats.red_crossings, 0) << "glosa " << glosa;
      EXPECT_GT(stats.energy_kwh, 0);
      // Never faster than the roads' speeds allow, nor absurdly slow.
      double fastest = 0;
      for (std::size_t i = 1; i < route.size(); ++i) {
        fastest += (route[i].distance_m - route[i - 1].distance_m) / route[i - 1].speed_limit_mps;
      }
      EXPECT_GE(stats.travel_time_s, fastest);
      EXPECT_LT(stats.travel_time_s, route.back().time_s * 4 + 300);
      lights += stats.lights_passed;
      stops += stats.stops;
    }
  }
  EXPECT_GT(lights, 20);
  EXPECT_GT(stops, 0) << "red lights make cars stop";
}

TEST(DriveSimulator, MotionIsPhysical) {
  const signals::RsuSimulator rsu(greenwich_village().bundle->graph());
  const auto routes = random_routes(1, 9);
  ASSERT_EQ(routes.size(), 1u);
  DriveOptions options;
  DriveSimulator drive(routes[0], rsu, kStart, options);
  double last_progress = 0;
  while (drive.step()) {
    const DriveState& s = drive.state();
    ASSERT_GE(s.progress_m, last_progress);
    ASSERT_GE(s.speed_mps, 0);
    ASSERT_LE(s.speed_mps, 40);
    ASSERT_LE(s.acceleration_mps2, options.acceleration_mps2 + 1e-9);
    ASSERT_GE(s.acceleration_mps2, -options.max_deceleration_mps2 - 1e-9);
    last_progress = s.progress_m;
  }
}

}  // namespace
}  // namespace codriver::vehicle
