#include "map/graph_builder.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "geo/distance.h"
#include "map/graph_fixture.h"

namespace codriver::map {
namespace {

using testing::build_fixture_graph;

NodeId node_of(const RoadGraph& graph, std::int64_t osm_id) {
  const auto it = std::find(graph.node_osm_ids.begin(), graph.node_osm_ids.end(), osm_id);
  EXPECT_NE(it, graph.node_osm_ids.end()) << "OSM node " << osm_id;
  return static_cast<NodeId>(it - graph.node_osm_ids.begin());
}

const format::EdgeRecord* edge_between(const RoadGraph& graph, std::int64_t from, std::int64_t to) {
  for (const auto& edge : graph.out_edges(node_of(graph, from))) {
    if (edge.target == node_of(graph, to)) return &edge;
  }
  return nullptr;
}

class GraphBuilderTest : public ::testing::Test {
 protected:
  ImportStats stats;
  RoadGraphData data = build_fixture_graph(stats);
  RoadGraph graph = data.view();
};

TEST_F(GraphBuilderTest, SplitsWaysAtIntersectionsAndSignals) {
  EXPECT_EQ(graph.node_count(), 5u) << "nodes 1..5; 7 and 99 are unusable";
  EXPECT_EQ(graph.edge_count(), 6u) << "way 10: 2 segments x 2 directions, way 11: 2 x 1";
  EXPECT_NE(edge_between(graph, 1, 2), nullptr);
  EXPECT_NE(edge_between(graph, 2, 1), nullptr);
  EXPECT_NE(edge_between(graph, 2, 4), nullptr);
  EXPECT_EQ(edge_between(graph, 4, 2), nullptr) << "way 11 is oneway";
}

TEST_F(GraphBuilderTest, EdgesCarryLengthSpeedNamesAndDirection) {
  const format::EdgeRecord* forward = edge_between(graph, 1, 2);
  ASSERT_NE(forward, nullptr);
  EXPECT_NEAR(forward->length_m,
              geo::distance_m(testing::kFixturePositions.at(1), testing::kFixturePositions.at(2)),
              0.01);
  EXPECT_TRUE(forward->flags & format::edge_flags::kForward);
  EXPECT_FALSE(edge_between(graph, 2, 1)->flags & format::edge_flags::kForward);
  EXPECT_EQ(graph.street_name(*forward).name, "Rue A");
  EXPECT_EQ(graph.street_name(*forward).name_zh, "甲路");
  EXPECT_EQ(graph.street_name(*forward).name_en, "A Street");
  const format::EdgeRecord* primary = edge_between(graph, 2, 4);
  EXPECT_EQ(primary->speed_kmh, 50);
  EXPECT_TRUE(primary->flags & format::edge_flags::kMaxspeedTagged);
  EXPECT_TRUE(primary->flags & format::edge_flags::kOneway);
  EXPECT_EQ(graph.street_name(*primary).ref, "D 6007");
}

TEST_F(GraphBuilderTest, EdgesAreInCompressedRowOrder) {
  for (NodeId node = 0; node < graph.node_count(); ++node) {
    for (const auto& edge : graph.out_edges(node))
      EXPECT_EQ(edge.source, node);
  }
  EXPECT_EQ(graph.first_out.back(), graph.edge_count());
}

TEST_F(GraphBuilderTest, SignalsAttachToNodesAndStrayOnesAreCounted) {
  ASSERT_EQ(graph.traffic_signals.size(), 1u);
  EXPECT_EQ(graph.traffic_signals[0].node, node_of(graph, 4));
  EXPECT_EQ(graph.traffic_signals[0].direction, format::SignalDirection::kForward);
  EXPECT_EQ(stats.count("traffic_signal_not_on_car_road"), 1);
}

TEST_F(GraphBuilderTest, RestrictionsResolveToEdgesMeetingAtTheViaNode) {
  ASSERT_EQ(graph.turn_restrictions.size(), 2u) << "from 1->2 and from 3->2, onto 2->4";
  for (const auto& r : graph.turn_restrictions) {
    EXPECT_EQ(r.via_node, node_of(graph, 2));
    EXPECT_EQ(graph.edges[r.from_edge].target, r.via_node);
    EXPECT_EQ(graph.edges[r.to_edge].source, r.via_node);
    EXPECT_EQ(graph.edges[r.to_edge].way_id, 11);
    EXPECT_EQ(r.kind, format::RestrictionKind::kNo);
  }
  EXPECT_EQ(stats.count("turn_restriction_not_on_car_roads"), 1);
}

TEST_F(GraphBuilderTest, UnusableWaysAreCountedNotDropped) {
  EXPECT_EQ(stats.count("way_missing_node_locations"), 1);  // way 12
  EXPECT_EQ(stats.count("way_too_short_to_route"), 2);      // ways 12 and 13
}

TEST_F(GraphBuilderTest, GeometryFollowsTheDirectionOfTravel) {
  const auto& edges = graph.edges;
  for (EdgeId e = 0; e < edges.size(); ++e) {
    const auto line = graph.edge_geometry(e);
    ASSERT_GE(line.size(), 2u);
    EXPECT_EQ(line.front(), graph.position(edges[e].source));
    EXPECT_EQ(line.back(), graph.position(edges[e].target));
  }
}

TEST(GraphBuilder, ClosedWayIsSplitSoNoEdgeLoopsOntoItself) {
  ImportStats stats;
  GraphBuilder builder(stats);
  builder.add_way(
      {1,
       {1, 2, 3, 4, 1},
       classify_car_road({{"highway", "residential"}, {"junction", "roundabout"}}).road.value(),
       0});
  const std::map<std::int64_t, geo::LatLon> positions = {
      {1, {0.0, 0.0}}, {2, {0.0, 0.001}}, {3, {0.001, 0.001}}, {4, {0.001, 0.0}}};
  const RoadGraphData data = builder.build(
      [&](std::int64_t id) -> std::optional<geo::LatLon> { return positions.at(id); });
  EXPECT_EQ(data.edges.size(), 2u);
  for (const auto& edge : data.edges) {
    EXPECT_NE(edge.source, edge.target);
    EXPECT_TRUE(edge.flags & format::edge_flags::kRoundabout);
  }
}

}  // namespace
}  // namespace codriver::map
