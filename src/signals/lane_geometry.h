#pragma once

#include "geo/latlon.h"

// J2735 lane nodes are offsets in centimetres, x to the east and y to the north, on the
// plane tangent to the WGS-84 ellipsoid at the point they are measured from (the
// intersection's reference point, or the last full lat/lon node). Over the few hundred
// metres a MAP spans the plane is exact to well under a centimetre.
namespace codriver::signals {

struct OffsetCm {
  double east = 0.0;
  double north = 0.0;
};

geo::LatLon offset_position(geo::LatLon origin, OffsetCm offset);

// The inverse: offset_between(o, offset_position(o, d)) == d to rounding error.
OffsetCm offset_between(geo::LatLon origin, geo::LatLon point);

}  // namespace codriver::signals

#include <cstdint>
#include <span>
#include <vector>

namespace codriver::signals {

// One J2735 lane node as sent: an offset in centimetres from the node before (the first
// from the reference point), or a full position (node-LatLon) that later offsets start
// from. Every decoder places nodes with place_nodes, so that the same message read from
// UPER and from JSON gives the same positions to the last bit.
struct NodeStep {
  bool absolute = false;
  std::int64_t east_cm = 0, north_cm = 0;  // when !absolute
  geo::LatLon position;                    // when absolute
};

std::vector<geo::LatLon> place_nodes(std::span<const NodeStep> steps, geo::LatLon ref_point);

}  // namespace codriver::signals
