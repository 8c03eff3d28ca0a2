#include "places/along_route.h"

#include <gtest/gtest.h>

#include <limits>

#include "places_fixture.h"

namespace codriver::places {
namespace {

using testing::PlacesFixture;

// The reference detour: one point-to-point route per (sample, place) pair, by Dijkstra.
std::optional<double> reference_detour(const routing::Router& router,
                                       const std::vector<routing::TracePoint>& samples,
                                       geo::LatLon place) {
  const auto time = [&](const routing::Waypoint& a, const routing::Waypoint& b)
      -> std::optional<double> {
    try {
      return router.route(a, b, routing::Engine::kDijkstra).path.duration_s;
    } catch (const routing::RoutingError&) {
      return std::nullopt;
    }
  };
  std::vector<std::optional<double>> to(samples.size()), from(samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const routing::Waypoint sample(samples[i].position, samples[i].bearing_deg);
    to[i] = time(sample, routing::Waypoint(place));
    from[i] = time(routing::Waypoint(place), routing::Waypoint(samples[i].position, samples[i].bearing_deg));
  }
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < samples.size(); ++i)
    for (std::size_t j = i; j < samples.size(); ++j)
      if (to[i] && from[j]) best = std::min(best, *to[i] + *from[j] - (samples[j].time_s - samples[i].time_s));
  if (best == std::numeric_limits<double>::infinity()) return std::nullopt;
  return std::max(0.0, best);
}

TEST(AlongRouteMonaco, DetoursEqualPointToPointRoutes) {
  auto& monaco = PlacesFixture::monaco();
  const routing::Router& router = monaco.router();
  // Across Monaco, from Fontvieille to Larvotto.
  const routing::Leg leg = router.route({{43.7303, 7.4180}}, {{43.7450, 7.4330}});
  const auto trace = routing::trace_route(router.graph(), leg.path);
  ASSERT_GT(trace.size(), 10u);
  EXPECT_NEAR(trace.back().time_s, leg.path.duration_s, 0.5);
  EXPECT_NEAR(trace.back().distance_m, leg.path.distance_m, leg.path.distance_m * 0.01);
  AlongRouteQuery query;
  query.corridor_m = 300;
  query.filter.categories = {map::PlaceCategory::kRestaurant};
  auto candidates = places_near_route(*monaco.places, trace, query);
  ASSERT_GE(candidates.size(), 5u);
  const auto samples = routing::resample_trace(trace, 600);
  compute_detours(router, samples, candidates);
  int compared = 0;
  for (const auto& place : candidates) {
    const auto expected = reference_detour(
        router, samples, place.stored.place.entrance.value_or(place.stored.place.position));
    ASSERT_EQ(place.detour_s.has_value(), expected.has_value()) << place.stored.place.name;
    if (!expected) continue;
    EXPECT_NEAR(*place.detour_s, *expected, 0.1) << place.stored.place.name;
    EXPECT_LE(place.distance_m, 300);
    ++compared;
  }
  EXPECT_GE(compared, 5);
}

TEST(AlongRouteMonaco, RanksByDetourNotByDistanceToTheLine) {
  auto& monaco = PlacesFixture::monaco();
  const routing::Router& router = monaco.router();
  const routing::Leg leg = router.route({{43.7303, 7.4180}}, {{43.7450, 7.4330}});
  AlongRouteQuery query;
  query.filter.categories = {map::PlaceCategory::kRestaurant, map::PlaceCategory::kCafe};
  query.max_detour_s = 240;
  query.limit = 50;
  const auto found = places_along_route(*monaco.places, router, leg.path, query, {});
  ASSERT_GE(found.size(), 3u);
  for (std::size_t i = 0; i < found.size(); ++i) {
    ASSERT_TRUE(found[i].detour_s);
    EXPECT_LE(*found[i].detour_s, 240);
    EXPECT_EQ(found[i].components.front().key, "detour");
  }
  // With only detour counting, the order is by detour.
  Preferences detour_only;
  detour_only.weights = {};
  detour_only.weights.distance = detour_only.weights.open = detour_only.weights.price = 0;
  detour_only.weights.preference = detour_only.weights.rating = 0;
  const auto by_detour = places_along_route(*monaco.places, router, leg.path, query, detour_only);
  for (std::size_t i = 1; i < by_detour.size(); ++i)
    EXPECT_LE(*by_detour[i - 1].detour_s, *by_detour[i].detour_s + 1e-9);
}

}  // namespace
}  // namespace codriver::places
