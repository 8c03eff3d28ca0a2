#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "map/road_graph.h"
#include "signals/signal_model.h"

// Intersections for a map that has no MAP messages: derived from the road graph around
// the nodes tagged highway=traffic_signals. Signal nodes closer than kClusterRadiusM are
// one intersection (OSM often tags a light on every approach of one junction). Each road
// entering the cluster is an ingress lane whose stop line is the signal node, each road
// leaving it an egress lane; approaches are split into two signal groups by direction
// (the axis of the most important road, group 1, and the crossing one, group 2), the
// two-phase plan most signalised junctions run. Lanes follow J2735's conventions, so the
// same matching and the same SPaT serve real MAP data and derived data alike.
namespace codriver::signals {

inline constexpr double kClusterRadiusM = 40.0;
inline constexpr double kLaneLengthM = 25.0;  // how much road each derived lane describes

struct DerivedIntersection {
  Intersection intersection;
  std::vector<map::NodeId> nodes;  // the signal nodes
  double major_bearing_deg = 0;    // direction of group 1's axis
  map::format::RoadClass major_class = map::format::RoadClass::kResidential;
  double max_approach_speed_mps = 50 / 3.6;  // the fastest road into it (for the yellow time)
  std::vector<map::EdgeId> ingress_edges;  // lane 2k+1 is ingress_edges[k]
  std::vector<map::EdgeId> egress_edges;   // lane 2k+2 is egress_edges[k]
  bool has_crossing_axis() const;
};

// In a stable order (by smallest OSM node id); ids are 1, 2, 3, ... in that order.
std::vector<DerivedIntersection> derive_intersections(const map::RoadGraph& graph);

MapMessage map_message_of(const std::vector<DerivedIntersection>& intersections);

// A street name as J2735's DescriptiveName takes it: ASCII (IA5), at most 63 characters;
// Latin letters lose their accents ("Grâce" -> "Grace"), other non-ASCII text is left out.
std::string ia5_name(std::string_view name);

// The difference of two bearings folded to 0..180 degrees.
double bearing_difference_deg(double a, double b);

}  // namespace codriver::signals
