#include <gtest/gtest.h>

#include <cstdio>
#include <random>

#include "routing/ch_query.h"
#include "routing/search.h"
#include "routing_fixture.h"

// The fast engine must give the reference engines' answers: CH, plain Dijkstra and
// bidirectional A* agree on the duration of 10,000 random routes per extract, and
// every unpacked CH path is a real sequence of allowed turns costing what it claims.
namespace codriver::routing {
namespace {

struct RandomEnds {
  std::vector<SnapCandidate> from, to;
};

RandomEnds random_ends(const map::RoadGraph& graph, std::mt19937& random) {
  std::uniform_int_distribution<map::EdgeId> edge(0,
                                                  static_cast<map::EdgeId>(graph.edge_count() - 1));
  std::uniform_real_distribution<double> fraction(0.0, 1.0);
  RandomEnds ends;
  const auto candidate = [&] {
    SnapCandidate c;
    c.edge = edge(random);
    c.fraction = fraction(random);
    return c;
  };
  ends.from.push_back(candidate());
  ends.to.push_back(candidate());
  return ends;
}

Weight path_weight(const TurnGraph& turns, const std::vector<EdgeId>& vertices) {
  Weight total = 0;
  for (std::size_t i = 1; i < vertices.size(); ++i) {
    Weight best = kInfiniteWeight;
    for (const Turn& t : turns.turns_from(vertices[i - 1])) {
      if (t.edge == vertices[i]) best = std::min(best, t.weight);
    }
    if (best == kInfiniteWeight) return kInfiniteWeight;  // not an allowed turn
    total += best;
  }
  return total;
}

class EngineAgreement : public ::testing::TestWithParam<std::string> {};

TEST_P(EngineAgreement, TenThousandRandomPairs) {
  testing::RoutingFixture fixture(codriver::testing::shared_data("osm/" + GetParam()));
  const Router& router = *fixture.router;
  const TurnGraph& turns = router.turn_graph();
  ChQuery query(*fixture.hierarchy);
  std::vector<geo::LatLon> ends;
  double max_speed = 1;
  for (const auto& e : router.graph().edges) {
    ends.push_back(router.graph().position(e.target));
    max_speed = std::max(max_speed, router.profile().speed_kmh(e) / 3.6);
  }
  std::mt19937 random(20261124);
  int reachable = 0;
  for (int i = 0; i < 10000; ++i) {
    const RandomEnds pair = random_ends(router.graph(), random);
    const auto forward = router.forward_seeds(pair.from);
    const auto backward = router.backward_seeds(pair.to);
    const SearchResult reference = dijkstra_search(turns, forward, backward);
    const SearchResult ch = query.search(forward, backward);
    const SearchResult astar = bidirectional_astar_search(
        turns,
        {ends, router.graph().position(router.graph().edges[pair.from[0].edge].source),
         router.graph().position(router.graph().edges[pair.to[0].edge].target), max_speed},
        forward, backward);
    ASSERT_EQ(ch.weight, reference.weight) << "pair " << i;
    ASSERT_EQ(astar.weight, reference.weight) << "pair " << i;
    if (!reference.found()) continue;
    ++reachable;
    ASSERT_EQ(ch.vertices.front(), forward[ch.forward_tag].vertex);
    const Weight seeds = forward[0].weight;
    Weight tail = kInfiniteWeight;
    for (const Seed& s : backward) {
      if (s.vertex == ch.vertices.back()) tail = std::min(tail, s.weight);
    }
    ASSERT_EQ(seeds + path_weight(turns, ch.vertices) + tail, ch.weight) << "pair " << i;
  }
  // Small clipped extracts have many dead ends at their border; still, thousands of
  // real routes must have been compared.
  EXPECT_GT(reachable, 1500);
  std::printf("%s: %d of 10000 random pairs connected\n", GetParam().c_str(), reachable);
}

INSTANTIATE_TEST_SUITE_P(SharedData, EngineAgreement,
                         ::testing::Values("monaco.osm.pbf", "taipei_main_station.osm",
                                           "bayfront_singapore.osm.pbf",
                                           "nyc_greenwich_village.osm.pbf"),
                         [](const auto& info) {
                           return info.param.substr(0, info.param.find('.'));
                         });

}  // namespace
}  // namespace codriver::routing
