#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "routing/ch_query.h"
#include "routing/matrix.h"
#include "routing/search.h"
#include "routing_fixture.h"

// Small OSM maps written by hand, where the right answer is known: oneways,
// turn restrictions, roundabouts, U-turns, and every kind of bad request.
//
//   31 ---300--- 32 ---300--- 33        rows are ways 100, 200, 300 (west to east),
//    |            |            |        columns are ways 110, 120, 130 (south to north);
//  110          120          130        blocks are about 110 m square
//    |            |            |
//   21 ---200--- 22 ---200--- 23        an island, way 900 (91-92), lies east of 33
//    |            |            |
//   11 ---100--- 12 ---100--- 13
namespace codriver::routing {
namespace {

using testing::RoutingFixture;

std::string node(int id, double lat, double lon) {
  std::ostringstream out;
  out.precision(10);
  out << "<node id='" << id << "' lat='" << lat << "' lon='" << lon << "'/>\n";
  return out.str();
}

geo::LatLon at(int row, double column) {
  return {43.7000 + row * 0.001, 7.4000 + column * 0.0014};
}

std::string way(int id, std::initializer_list<int> nodes, const std::string& tags) {
  std::string out = "<way id='" + std::to_string(id) + "'>";
  for (int n : nodes)
    out += "<nd ref='" + std::to_string(n) + "'/>";
  return out + "<tag k='highway' v='residential'/>" + tags + "</way>\n";
}

std::string restriction(int id, int from, int via, int to, const std::string& kind) {
  return "<relation id='" + std::to_string(id) + "'><member type='way' ref='" +
         std::to_string(from) + "' role='from'/><member type='node' ref='" + std::to_string(via) +
         "' role='via'/><member type='way' ref='" + std::to_string(to) +
         "' role='to'/><tag k='type' v='restriction'/><tag k='restriction' v='" + kind +
         "'/></relation>\n";
}

std::string grid(const std::string& row1_tags = "", const std::string& extra = "") {
  std::string xml;
  for (int r = 1; r <= 3; ++r) {
    for (int c = 1; c <= 3; ++c)
      xml += node(10 * r + c, at(r, c).lat, at(r, c).lon);
  }
  xml += node(91, at(3, 5).lat, at(3, 5).lon) + node(92, at(3, 6).lat, at(3, 6).lon);
  xml +=
      way(100, {11, 12, 13}, row1_tags) + way(200, {21, 22, 23}, "") + way(300, {31, 32, 33}, "");
  xml += way(110, {11, 21, 31}, "") + way(120, {12, 22, 32}, "") + way(130, {13, 23, 33}, "");
  xml += way(900, {91, 92}, "");
  return xml + extra;
}

// Midway between two grid points, nudged a metre so snapping is unambiguous.
Waypoint between(int row_a, double col_a, int row_b, double col_b) {
  return {{(at(row_a, col_a).lat + at(row_b, col_b).lat) / 2,
           (at(row_a, col_a).lon + at(row_b, col_b).lon) / 2}};
}

// The OSM ways a route drives, in order, each once per stretch.
std::vector<std::int64_t> ways_of(const Router& router, const Leg& leg) {
  std::vector<std::int64_t> ways;
  for (const PathEdge& e : leg.path.edges) {
    const std::int64_t id = router.graph().edges[e.edge].way_id;
    if (ways.empty() || ways.back() != id) ways.push_back(id);
  }
  return ways;
}

bool passes_node(const Router& router, const Leg& leg, int osm_node) {
  for (const PathEdge& e : leg.path.edges) {
    if (router.graph().node_osm_ids[router.graph().edges[e.edge].target] == osm_node &&
        e.to_fraction == 1.0) {
      return true;
    }
  }
  return false;
}

TEST(HandMadeMaps, AllEnginesAgreeOnEveryGridPair) {
  const auto map = RoutingFixture::from_xml(grid());
  const Router& router = *map->router;
  for (int a = 0; a < 9; ++a) {
    for (int b = 0; b < 9; ++b) {
      const Waypoint from = between(1 + a / 3, 1 + a % 3, 1 + a / 3, 1.5 + a % 3 * 0.3);
      const Waypoint to = between(1 + b / 3, 1 + b % 3, 1 + b / 3, 1.5 + b % 3 * 0.3);
      const double ch = router.route(from, to).path.duration_s;
      EXPECT_NEAR(router.route(from, to, Engine::kDijkstra).path.duration_s, ch, 0.0011);
      EXPECT_NEAR(router.route(from, to, Engine::kBidirectionalAStar).path.duration_s, ch, 0.0011);
    }
  }
}

TEST(HandMadeMaps, OnewayIsNeverDrivenBackwards) {
  const auto map = RoutingFixture::from_xml(grid("<tag k='oneway' v='yes'/>"));
  const Router& router = *map->router;
  // From between 12 and 13 to between 11 and 12, on the eastbound row 1: all the way round.
  const Leg leg = router.route(between(1, 2, 1, 3), between(1, 1, 1, 2));
  EXPECT_EQ(ways_of(router, leg), (std::vector<std::int64_t>{100, 130, 200, 110, 100}));
  for (const PathEdge& e : leg.path.edges) {
    const auto& edge = router.graph().edges[e.edge];
    if (edge.way_id == 100) {
      EXPECT_TRUE(edge.flags & map::format::edge_flags::kForward);
    }
  }
  // The other way is direct.
  const Leg back = router.route(between(1, 1, 1, 2), between(1, 2, 1, 3));
  EXPECT_EQ(ways_of(router, back), (std::vector<std::int64_t>{100}));
  EXPECT_NEAR(back.path.distance_m, 2 * 0.0014 * 111195 * std::cos(43.701 * M_PI / 180) / 2 * 1.0,
              15.0);
}

TEST(HandMadeMaps, NoLeftTurnForcesADetour) {
  const Waypoint start = between(1, 2, 2, 2);  // on 120, northbound towards 22
  const Waypoint goal = between(2, 1, 2, 2);   // on 200, west of 22
  const auto free_map = RoutingFixture::from_xml(grid());
  const Leg free_leg = free_map->router->route(start, goal, Engine::kDijkstra);
  EXPECT_EQ(ways_of(*free_map->router, free_leg), (std::vector<std::int64_t>{120, 200}));

  const auto restricted =
      RoutingFixture::from_xml(grid("", restriction(1, 120, 22, 200, "no_left_turn")));
  for (Engine engine :
       {Engine::kContractionHierarchy, Engine::kDijkstra, Engine::kBidirectionalAStar}) {
    const Leg leg = restricted->router->route(start, goal, engine);
    const auto ways = ways_of(*restricted->router, leg);
    EXPECT_NE(ways, (std::vector<std::int64_t>{120, 200}));
    EXPECT_GT(leg.path.duration_s, free_leg.path.duration_s + 10);
  }
}

TEST(HandMadeMaps, OnlyStraightOnForbidsTheRightTurn) {
  const auto map =
      RoutingFixture::from_xml(grid("", restriction(2, 120, 22, 120, "only_straight_on")));
  const Router& router = *map->router;
  Waypoint northbound = between(1, 2, 2, 2);
  northbound.heading_deg = 0.0;
  const Leg leg = router.route(northbound, between(2, 2, 2, 3));
  EXPECT_TRUE(passes_node(router, leg, 32)) << "must continue north to 32 first";
}

TEST(HandMadeMaps, RoundaboutIsDrivenInItsDirection) {
  // A ring N(1) W(2) S(3) E(4) drawn counter-clockwise, as in right-hand traffic,
  // with roads leaving west (5) and east (6).
  const double lat = 43.70, lon = 7.40, r = 0.0003;
  std::string xml = node(1, lat + r, lon) + node(2, lat, lon - r * 1.4) + node(3, lat - r, lon) +
                    node(4, lat, lon + r * 1.4) + node(5, lat, lon - r * 8) +
                    node(6, lat, lon + r * 8);
  xml +=
      "<way id='50'><nd ref='1'/><nd ref='2'/><nd ref='3'/><nd ref='4'/><nd ref='1'/>"
      "<tag k='highway' v='primary'/><tag k='junction' v='roundabout'/></way>\n";
  xml += way(51, {5, 2}, "") + way(52, {4, 6}, "");
  const auto map = RoutingFixture::from_xml(xml);
  const Router& router = *map->router;
  const Leg east = router.route({{lat, lon - r * 6}}, {{lat, lon + r * 6}});
  EXPECT_TRUE(passes_node(router, east, 3)) << "west to east goes round by the south";
  EXPECT_FALSE(passes_node(router, east, 1));
  const Leg west = router.route({{lat, lon + r * 6}}, {{lat, lon - r * 6}});
  EXPECT_TRUE(passes_node(router, west, 1)) << "east to west goes round by the north";
}

TEST(HandMadeMaps, UTurnsOnlyAtDeadEnds) {
  const auto map = RoutingFixture::from_xml(
      grid("", way(400, {33, 34}, "") + node(34, at(3, 4).lat, at(3, 4).lon)));
  const Router& router = *map->router;
  // Heading east on the dead-end spur 33-34, to a point behind the car: turn at its end.
  Waypoint start{{at(3, 3.5).lat, at(3, 3.5).lon}, 90.0};
  const Leg spur = router.route(start, {{at(3, 3.2).lat, at(3, 3.2).lon}});
  EXPECT_EQ(ways_of(router, spur), (std::vector<std::int64_t>{400}));
  EXPECT_TRUE(passes_node(router, spur, 34));
  // Heading east on row 2 between 21 and 22, to a point behind: no U-turn at 22, go round a block.
  Waypoint middle{{at(2, 1.6).lat, at(2, 1.6).lon}, 90.0};
  const Leg round = router.route(middle, {{at(2, 1.3).lat, at(2, 1.3).lon}});
  const auto& edges = round.path.edges;
  for (std::size_t i = 1; i < edges.size(); ++i) {
    const auto& a = router.graph().edges[edges[i - 1].edge];
    const auto& b = router.graph().edges[edges[i].edge];
    EXPECT_FALSE(a.way_id == b.way_id && a.source == b.target && a.target == b.source)
        << "U-turn at an intersection";
  }
  EXPECT_GT(round.path.distance_m, 300);
}

TEST(HandMadeMaps, BadRequestsHaveClearAnswers) {
  const auto map = RoutingFixture::from_xml(grid());
  const Router& router = *map->router;
  const auto code_of = [&](Waypoint from, Waypoint to) {
    try {
      router.route(from, to);
    } catch (const RoutingError& error) {
      EXPECT_FALSE(error.message_zh().empty());
      return std::string(error.code_name()) + ": " + error.what();
    }
    return std::string("no error");
  };
  const Waypoint inside = between(2, 1, 2, 2);
  EXPECT_EQ(code_of({{NAN, 7.4}}, inside).find("invalid_coordinate"), 0u);
  EXPECT_EQ(code_of(inside, {{95, 7.4}}).find("invalid_coordinate"), 0u);
  EXPECT_EQ(code_of({{48.85, 2.35}}, inside).find("outside_map"), 0u);
  const std::string swapped = code_of({{7.4014, 43.702}}, inside);
  EXPECT_NE(swapped.find("swapped"), std::string::npos) << swapped;
  // Inside the map's box, but more than 250 m from any road.
  EXPECT_EQ(code_of(inside, {{43.6995, 7.4075}}).find("no_road_nearby"), 0u);
  EXPECT_EQ(code_of(inside, {{at(3, 5.5).lat, at(3, 5.5).lon}}).find("no_route"), 0u)
      << "way 900 is an island";

  const Leg same = router.route(inside, inside);
  EXPECT_EQ(same.path.distance_m, 0);
  EXPECT_EQ(same.path.duration_s, 0);
}

TEST(HandMadeMaps, ViaPointsChainLegs) {
  const auto map = RoutingFixture::from_xml(grid());
  const Router& router = *map->router;
  const auto legs =
      router.route_via({between(1, 1, 1, 2), between(3, 2, 3, 3), between(1, 2, 1, 3)});
  ASSERT_EQ(legs.size(), 2u);
  EXPECT_NEAR(legs[0].snapped_to.lat, legs[1].snapped_from.lat, 1e-9);
  EXPECT_GT(legs[0].path.distance_m, 300);
  EXPECT_GT(legs[1].path.distance_m, 300);
}

}  // namespace
}  // namespace codriver::routing

namespace codriver::routing {
namespace {

TEST(HandMadeMaps, HierarchyWithACoreStillAgreesWithDijkstra) {
  testing::RoutingFixture nyc(codriver::testing::shared_data("osm/nyc_greenwich_village.osm.pbf"));
  const map::RoadGraph& graph = nyc.bundle->graph();
  const CarProfile profile;
  // A threshold of 1 arc per vertex stops contraction early and leaves a large core.
  auto cored = std::make_shared<ContractionHierarchy>(ContractionHierarchy::build(
      TurnGraph::build(graph, profile), vertex_lengths_dm(graph), nullptr, 1));
  ASSERT_TRUE(cored->has_core());
  const Router router(graph, profile, cored);
  int compared = 0;
  for (map::EdgeId a = 0; a < graph.edge_count(); a += 7) {
    for (map::EdgeId b = 0; b < graph.edge_count(); b += 11) {
      const std::vector<SnapCandidate> from{{a, 0.25, {}, 0, 0}}, to{{b, 0.75, {}, 0, 0}};
      const auto forward = router.forward_seeds(from);
      const auto backward = router.backward_seeds(to);
      ChQuery query(*cored);
      ASSERT_EQ(query.search(forward, backward).weight,
                dijkstra_search(router.turn_graph(), forward, backward).weight);
      ++compared;
    }
  }
  EXPECT_GT(compared, 1000);

  // The many-to-many buckets too.
  std::vector<Waypoint> points;
  for (map::NodeId n = 0; n < graph.node_count(); n += 9) {
    points.push_back({{graph.position(n).lat + 0.00003, graph.position(n).lon}});
  }
  const Router plain(graph, profile, nullptr);
  const TravelMatrix with_core = travel_matrix(router, points, points);
  const TravelMatrix reference = travel_matrix(plain, points, points);
  ASSERT_EQ(with_core.durations_s.size(), reference.durations_s.size());
  for (std::size_t k = 0; k < reference.durations_s.size(); ++k) {
    ASSERT_EQ(with_core.durations_s[k].has_value(), reference.durations_s[k].has_value()) << k;
    if (reference.durations_s[k]) {
      EXPECT_NEAR(*with_core.durations_s[k], *reference.durations_s[k], 0.0011);
    }
  }
}

}  // namespace
}  // namespace codriver::routing

namespace codriver::routing {
namespace {

TEST(HandMadeMaps, KerbSideArrivalPutsTheDestinationOnTheRight) {
  const auto map = testing::RoutingFixture::from_xml(grid());
  const Router& router = *map->router;
  // 15 m north of way 200 (drawn west to east), between 21 and 22.
  const geo::LatLon north_of_street{at(2, 1.5).lat + 0.000135, at(2, 1.5).lon};
  const geo::LatLon south_of_street{at(2, 1.5).lat - 0.000135, at(2, 1.5).lon};
  const Waypoint start = between(1, 2, 1, 3);
  for (const auto& [point, westbound] :
       {std::pair{north_of_street, true}, std::pair{south_of_street, false}}) {
    const Leg leg = router.route(start, Waypoint(point, std::nullopt, true));
    const auto& last = router.graph().edges[leg.path.edges.back().edge];
    ASSERT_EQ(last.way_id, 200);
    // Driving on the right, the kerb is on the right: westbound for a point to the north.
    EXPECT_EQ(!(last.flags & map::format::edge_flags::kForward), westbound);
  }
}

}  // namespace
}  // namespace codriver::routing
