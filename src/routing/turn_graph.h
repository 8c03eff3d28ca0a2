#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "map/road_graph.h"
#include "routing/car_profile.h"

// The edge-based graph every engine searches: one vertex per directed road edge,
// one arc per allowed turn. Searching turns instead of intersections is what lets
// turn restrictions, U-turn rules and angle-dependent turn costs be exact.
//
// A vertex's label means "at the end of this road edge". The arc e -> f costs the
// turn at the shared node (angle, signal, access) plus driving all of f.
namespace codriver::routing {

using map::EdgeId;

struct Turn {
  EdgeId edge;    // the other end of the arc: the next edge (forward) or the previous one (reverse)
  Weight weight;  // turn cost + weight of the later edge
};

class TurnGraph {
 public:
  static TurnGraph build(const map::RoadGraph& graph, const CarProfile& profile);

  std::size_t vertex_count() const { return edge_weights_.size(); }
  std::size_t turn_count() const { return turns_.size(); }
  std::span<const Turn> turns_from(EdgeId edge) const;
  std::span<const Turn> turns_into(EdgeId edge) const;
  // The time to drive the whole road edge, no turn included.
  Weight edge_weight(EdgeId edge) const { return edge_weights_[edge]; }

 private:
  std::vector<std::uint32_t> first_out_;
  std::vector<Turn> turns_;
  std::vector<std::uint32_t> first_in_;
  std::vector<Turn> reverse_turns_;
  std::vector<Weight> edge_weights_;
};

// Each road edge's length in decimetres: the distances that hierarchies carry along.
std::vector<std::uint32_t> vertex_lengths_dm(const map::RoadGraph& graph);

// Bearings at both ends of an edge and the signed angle between two edges.
double bearing_leaving(const map::RoadGraph& graph, EdgeId edge);   // at the edge's source
double bearing_arriving(const map::RoadGraph& graph, EdgeId edge);  // at the edge's target
// From -180 (hard left) through 0 (straight) to 180 (hard right).
double turn_angle_deg(double bearing_in, double bearing_out);

}  // namespace codriver::routing
