#include "signals/rsu_simulator.h"

#include <gtest/gtest.h>

#include <random>

#include "geo/distance.h"
#include "routing/routing_fixture.h"
#include "signals/j2735_uper.h"
#include "signals/light_ahead.h"
#include "signals/route_signals.h"

namespace codriver::signals {
namespace {

using routing::testing::RoutingFixture;

RoutingFixture& monaco() {
  static RoutingFixture fixture(codriver::testing::shared_data("osm/monaco.osm.pbf"));
  return fixture;
}

Instant at_seconds(double s) {
  return Instant(std::chrono::duration_cast<Instant::duration>(std::chrono::duration<double>(s)));
}

constexpr double kT0 = 1795000000.0;  // 2026-11-17, any instant works

TEST(RsuSimulator, DerivesSignalisedIntersectionsFromTheMap) {
  const RsuSimulator rsu(monaco().bundle->graph());
  ASSERT_GE(rsu.intersections().size(), 5u);
  int with_crossing = 0;
  for (const auto& derived : rsu.intersections()) {
    const Intersection& i = derived.intersection;
    EXPECT_GE(i.id.id, 1);
    EXPECT_LE(i.id.id, 65535);
    ASSERT_FALSE(derived.ingress_edges.empty());
    for (const Lane& lane : i.lanes) {
      ASSERT_EQ(lane.nodes.size(), 2u);
      EXPECT_LT(geo::distance_m(lane.nodes[0].position, i.ref_point), kClusterRadiusM + 1);
      for (const LaneConnection& c : lane.connects_to) {
        ASSERT_TRUE(c.signal_group);
        EXPECT_TRUE(*c.signal_group == 1 || *c.signal_group == 2);
      }
    }
    with_crossing += derived.has_crossing_axis();
  }
  EXPECT_GT(with_crossing, 0);
}

// Safety first: the two axes are never green together, and there is a yellow before red.
TEST(RsuSimulator, PlansNeverShowConflictingGreensAndCycleThroughYellow) {
  PlanOptions actuated;
  actuated.max_extension_s = 10;
  for (const PlanOptions& options : {PlanOptions{}, actuated}) {
    const RsuSimulator rsu(monaco().bundle->graph(), options);
    for (std::size_t i = 0; i < rsu.intersections().size(); ++i) {
      LightColour previous = LightColour::kUnknown;
      for (double t = kT0; t < kT0 + 400; t += 0.25) {
        const LightColour one = rsu.colour(i, 1, at_seconds(t));
        const LightColour two = rsu.colour(i, 2, at_seconds(t));
        ASSERT_FALSE(one == LightColour::kGreen && two == LightColour::kGreen) << i << " at " << t;
        ASSERT_NE(one, LightColour::kUnknown);
        if (previous == LightColour::kGreen) {
          ASSERT_NE(one, LightColour::kRed) << "no yellow";
        }
        previous = one;
      }
    }
  }
}

// The published events agree with the truth: the current event's colour is the colour
// now, the true change falls inside [min_end, max_end], and later events follow on.
TEST(RsuSimulator, PublishedEventsBoundTheTruth) {
  PlanOptions actuated;
  actuated.max_extension_s = 12;
  const RsuSimulator rsu(monaco().bundle->graph(), actuated);
  for (std::size_t i = 0; i < rsu.intersections().size(); i += 3) {
    for (double t = kT0; t < kT0 + 300; t += 1.7) {
      const int groups = rsu.intersections()[i].has_crossing_axis() ? 2 : 1;
      for (int group = 1; group <= groups; ++group) {
        const auto events = events_at(rsu.plans()[i], group, at_seconds(t), 3);
        ASSERT_FALSE(events.empty());
        const MovementEvent& now = events.front();
        ASSERT_EQ(colour_of(now.state), rsu.colour(i, group, at_seconds(t)));
        ASSERT_TRUE(now.min_end && now.max_end && now.likely_end);
        ASSERT_LE(*now.min_end, *now.max_end);
        const double end = std::chrono::duration<double>(now.likely_end->time_since_epoch()).count();
        // Just before the end the colour is still the same, just after it has changed.
        if (now.confidence && *now.confidence >= 0.95) {
          EXPECT_EQ(rsu.colour(i, group, at_seconds(end - 0.01)), colour_of(now.state));
          EXPECT_NE(rsu.colour(i, group, at_seconds(end + 0.01)), colour_of(now.state));
        }
        for (std::size_t k = 1; k < events.size(); ++k) {
          EXPECT_NE(events[k].state, events[k - 1].state);
        }
      }
    }
  }
}

TEST(RsuSimulator, SpatRoundTripsThroughUper) {
  PlanOptions actuated;
  actuated.max_extension_s = 8;
  const RsuSimulator rsu(monaco().bundle->graph(), actuated);
  const Instant t = at_seconds(kT0 + 12.3);
  const SpatMessage spat = rsu.spat_at(t);
  const auto bytes = encode_j2735_uper(spat);
  const SignalMessage decoded = decode_j2735_uper(bytes, t);
  ASSERT_TRUE(std::holds_alternative<SpatMessage>(decoded));
  const SpatMessage& back = std::get<SpatMessage>(decoded);
  ASSERT_EQ(back.intersections.size(), spat.intersections.size());
  for (std::size_t i = 0; i < spat.intersections.size(); ++i) {
    const auto& a = spat.intersections[i];
    const auto& b = back.intersections[i];
    EXPECT_EQ(a.id, b.id);
    ASSERT_EQ(a.signal_groups.size(), b.signal_groups.size());
    for (std::size_t g = 0; g < a.signal_groups.size(); ++g) {
      ASSERT_EQ(a.signal_groups[g].events.size(), b.signal_groups[g].events.size());
      for (std::size_t e = 0; e < a.signal_groups[g].events.size(); ++e) {
        const auto& x = a.signal_groups[g].events[e];
        const auto& y = b.signal_groups[g].events[e];
        EXPECT_EQ(x.state, y.state);
        // TimeMark has a resolution of 0.1 s.
        EXPECT_LE(std::abs(std::chrono::duration<double>(*x.min_end - *y.min_end).count()), 0.1);
        EXPECT_LE(std::abs(std::chrono::duration<double>(*x.max_end - *y.max_end).count()), 0.1);
      }
    }
  }
  const auto map_bytes = encode_j2735_uper(rsu.map_message());
  const SignalMessage map_back = decode_j2735_uper(map_bytes, t);
  ASSERT_TRUE(std::holds_alternative<MapMessage>(map_back));
  EXPECT_EQ(std::get<MapMessage>(map_back).intersections.size(), rsu.intersections().size());
}

RoutingFixture& greenwich_village() {
  static RoutingFixture fixture(codriver::testing::shared_data("osm/nyc_greenwich_village.osm.pbf"));
  return fixture;
}

// Random routes through Greenwich Village's dense lights: every matched light is an
// ingress lane of that intersection, in route order, with a signal group.
TEST(RouteSignals, FindsTheLightsRoutesCrossAndTheirGroups) {
  auto& fixture = greenwich_village();
  const auto& graph = fixture.bundle->graph();
  const RsuSimulator rsu(graph);
  ASSERT_GT(rsu.intersections().size(), 30u);
  std::vector<Intersection> map;
  for (const auto& d : rsu.intersections()) map.push_back(d.intersection);
  std::mt19937 rng(11);
  std::uniform_int_distribution<std::size_t> node(0, graph.node_count() - 1);
  std::size_t matched = 0, routes = 0;
  for (int attempt = 0; attempt < 200 && routes < 30; ++attempt) {
    routing::Leg leg;
    try {
      leg = fixture.router->route({graph.position(static_cast<map::NodeId>(node(rng)))},
                                  {graph.position(static_cast<map::NodeId>(node(rng)))});
    } catch (const routing::RoutingError&) {
      continue;
    }
    if (leg.path.distance_m < 300) continue;
    ++routes;
    const auto trace = routing::trace_route(graph, leg.path);
    const auto movements = route_movements(map, trace);
    matched += movements.size();
    double last = -1;
    for (const RouteMovement& m : movements) {
      EXPECT_GT(m.stop_line_m, last);
      last = m.stop_line_m;
      ASSERT_TRUE(m.signal_group);
      const Lane* lane = nullptr;
      for (const Lane& l : rsu.intersections()[m.intersection].intersection.lanes) {
        if (l.id == m.lane_id) lane = &l;
      }
      ASSERT_NE(lane, nullptr);
      EXPECT_TRUE(lane->ingress_path);
    }
  }
  EXPECT_EQ(routes, 30u);
  EXPECT_GT(matched, 30u) << "dense lights: most routes pass several";
}

TEST(RouteSignals, LightAheadIsLiveWithFreshSpatAndSaysWhenItIsNot) {
  auto& fixture = greenwich_village();
  const auto& graph = fixture.bundle->graph();
  const RsuSimulator rsu(graph);
  std::vector<Intersection> map;
  for (const auto& d : rsu.intersections()) map.push_back(d.intersection);
  // Any route that passes a light.
  std::optional<RouteMovement> first;
  std::mt19937 rng(5);
  std::uniform_int_distribution<std::size_t> node(0, graph.node_count() - 1);
  for (int attempt = 0; attempt < 200 && !first; ++attempt) {
    try {
      const routing::Leg leg = fixture.router->route({graph.position(static_cast<map::NodeId>(node(rng)))},
                                                     {graph.position(static_cast<map::NodeId>(node(rng)))});
      const auto movements = route_movements(map, routing::trace_route(graph, leg.path));
      if (!movements.empty()) first = movements.front();
    } catch (const routing::RoutingError&) {
    }
  }
  ASSERT_TRUE(first);
  const Instant now = at_seconds(kT0);
  const IntersectionSignals spat = rsu.intersection_spat(first->intersection, now);
  CarOnRoute car{std::max(0.0, first->stop_line_m - 150), 40 / 3.6, 50 / 3.6};
  const LightAhead light = light_ahead(*first, car, &spat, now, now);
  EXPECT_TRUE(light.live);
  EXPECT_EQ(light.colour, rsu.colour(first->intersection, *first->signal_group, now));
  EXPECT_NE(light.advice.kind, AdviceKind::kNoData);
  ASSERT_TRUE(light.time_to_change.min_s);
  // The same data 10 s later is stale: no colour, no advice, said as such.
  const LightAhead stale = light_ahead(*first, car, &spat, now, now + std::chrono::seconds(10));
  EXPECT_FALSE(stale.live);
  EXPECT_EQ(stale.colour, LightColour::kUnknown);
  EXPECT_EQ(stale.advice.kind, AdviceKind::kNoData);
  EXPECT_NEAR(*stale.data_age_s, 10, 1e-6);
  EXPECT_FALSE(light_ahead(*first, car, nullptr, now, now).data_age_s);
}

}  // namespace
}  // namespace codriver::signals
