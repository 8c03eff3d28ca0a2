#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "routing/matrix.h"
#include "routing/trip.h"
#include "routing_fixture.h"

namespace codriver::routing {
namespace {

std::vector<Waypoint> random_points(const map::RoadGraph& graph, int count, std::mt19937& random) {
  std::uniform_int_distribution<std::size_t> node(0, graph.node_count() - 1);
  std::vector<Waypoint> points;
  for (int i = 0; i < count; ++i) {
    const geo::LatLon p = graph.position(static_cast<map::NodeId>(node(random)));
    points.push_back({{p.lat + 0.00005, p.lon + 0.00005}});
  }
  return points;
}

TEST(TravelMatrix, BucketsAgreeWithSingleRoutes) {
  testing::RoutingFixture monaco(codriver::testing::shared_data("osm/monaco.osm.pbf"));
  std::mt19937 random(7);
  const auto origins = random_points(monaco.bundle->graph(), 12, random);
  const auto destinations = random_points(monaco.bundle->graph(), 9, random);
  const TravelMatrix matrix = travel_matrix(*monaco.router, origins, destinations);
  ASSERT_EQ(matrix.rows, 12u);
  ASSERT_EQ(matrix.columns, 9u);
  int compared = 0;
  for (std::size_t i = 0; i < origins.size(); ++i) {
    for (std::size_t j = 0; j < destinations.size(); ++j) {
      try {
        const Leg leg = monaco.router->route(origins[i], destinations[j], Engine::kDijkstra);
        ASSERT_TRUE(matrix.duration(i, j).has_value());
        EXPECT_NEAR(*matrix.duration(i, j), leg.path.duration_s, 0.01);
        EXPECT_NEAR(*matrix.distance(i, j), leg.path.distance_m, 1.0);
        ++compared;
      } catch (const RoutingError& error) {
        ASSERT_EQ(error.code(), RoutingError::Code::kNoRoute);
        EXPECT_FALSE(matrix.duration(i, j).has_value()) << "unreachable is null, not a number";
      }
    }
  }
  EXPECT_GT(compared, 80);
}

TravelMatrix matrix_from(const std::vector<std::vector<double>>& rows) {
  TravelMatrix m;
  m.rows = m.columns = rows.size();
  for (const auto& row : rows) {
    for (double v : row) {
      m.durations_s.push_back(v < 0 ? std::nullopt : std::optional<double>(v));
      m.distances_m.push_back(m.durations_s.back());
    }
  }
  return m;
}

TravelMatrix random_matrix(std::size_t n, std::mt19937& random) {
  std::uniform_real_distribution<double> position(0, 1000);
  std::vector<std::pair<double, double>> points(n);
  for (auto& p : points)
    p = {position(random), position(random)};
  std::vector<std::vector<double>> rows(n, std::vector<double>(n));
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) {
      // Asymmetric, like real travel times.
      rows[a][b] =
          std::hypot(points[a].first - points[b].first, points[a].second - points[b].second) *
          (a < b ? 1.0 : 1.1);
    }
  }
  return matrix_from(rows);
}

double brute_force(const TravelMatrix& m) {
  std::vector<std::size_t> middle(m.rows - 2);
  std::iota(middle.begin(), middle.end(), 1);
  double best = 1e300;
  do {
    double total = *m.duration(0, middle.front()) + *m.duration(middle.back(), m.rows - 1);
    for (std::size_t i = 1; i < middle.size(); ++i)
      total += *m.duration(middle[i - 1], middle[i]);
    best = std::min(best, total);
  } while (std::next_permutation(middle.begin(), middle.end()));
  return best;
}

TEST(TripOptimizer, ExactMatchesBruteForce) {
  std::mt19937 random(11);
  for (int round = 0; round < 5; ++round) {
    const TravelMatrix m = random_matrix(9, random);
    const TripOrder trip = optimize_trip(m, false);
    EXPECT_TRUE(trip.exact);
    EXPECT_EQ(trip.order.front(), 0u);
    EXPECT_EQ(trip.order.back(), 8u);
    EXPECT_NEAR(trip.duration_s, brute_force(m), 1e-6);
  }
}

TEST(TripOptimizer, HeuristicVisitsEveryStopOnce) {
  std::mt19937 random(13);
  const TravelMatrix m = random_matrix(16, random);
  const TripOrder trip = optimize_trip(m, true);
  EXPECT_FALSE(trip.exact);
  std::vector<std::size_t> sorted = trip.order;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::size_t> expected(16);
  std::iota(expected.begin(), expected.end(), 0);
  EXPECT_EQ(sorted, expected);
  EXPECT_EQ(trip.order.front(), 0u);
  // Never worse than visiting the stops in the order given.
  double given = 0;
  for (std::size_t i = 1; i < 16; ++i)
    given += *m.duration(i - 1, i);
  EXPECT_LE(trip.duration_s, given + *m.duration(15, 0));
}

TEST(TripOptimizer, UnreachableStopIsAnError) {
  const TravelMatrix m = matrix_from({{0, 5, -1}, {5, 0, -1}, {-1, -1, 0}});
  EXPECT_THROW(optimize_trip(m, false), RoutingError);
}

}  // namespace
}  // namespace codriver::routing
