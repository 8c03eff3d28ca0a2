#pragma once

#include <cstddef>
#include <span>

#include "geo/latlon.h"

namespace codriver::geo {

// Where a point falls on a segment a->b (local equirectangular plane, exact
// enough for road segments up to tens of kilometres).
struct SegmentProjection {
  LatLon point;             // closest point on the segment
  double fraction = 0.0;    // 0 at a, 1 at b
  double distance_m = 0.0;  // from the query point to `point`
  // Signed cross-track distance: positive when the query point is to the right
  // of the direction a->b, negative on the left. Measured to the infinite line
  // through a and b, so past either end it can be smaller than distance_m; 0
  // for a degenerate segment (a == b), which has no direction.
  double cross_track_m = 0.0;
};

SegmentProjection project_on_segment(LatLon p, LatLon a, LatLon b);

struct PolylineProjection {
  LatLon point;
  std::size_t segment_index = 0;  // segment [i, i+1] holding `point`
  double fraction = 0.0;          // along that segment
  double distance_along_m = 0.0;  // from the first vertex to `point`
  double distance_m = 0.0;        // from the query point to `point`
  double cross_track_m = 0.0;     // signed as in SegmentProjection
};

// Closest point of a polyline. Throws std::invalid_argument for an empty polyline;
// a single vertex is a degenerate polyline.
PolylineProjection project_on_polyline(LatLon p, std::span<const LatLon> line);

// Total length of a polyline in metres.
double polyline_length_m(std::span<const LatLon> line);

}  // namespace codriver::geo
