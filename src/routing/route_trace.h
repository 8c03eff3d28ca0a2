#pragma once

#include <vector>

#include "geo/latlon.h"
#include "map/road_graph.h"
#include "routing/route_path.h"

// A route as a line of points that know how far and how long into the route they
// are: what along-route search, progress tracking and the drive simulator need.
namespace codriver::routing {

struct TracePoint {
  geo::LatLon position;
  double distance_m = 0.0;  // from the route's start
  double time_s = 0.0;      // from the route's start
  double bearing_deg = 0.0; // direction of travel leaving this point (the last: arriving)
  double speed_limit_mps = 0.0;  // the road's speed leaving this point (the edge's speed)
};

// Every shape point of the driven edges, partial ends cut where the route starts
// and stops. Time within an edge is spread in proportion to distance.
std::vector<TracePoint> trace_route(const map::RoadGraph& graph, const RoutePath& path);

// Points at most `spacing_m` apart along the trace (the first and last included),
// interpolated between shape points.
std::vector<TracePoint> resample_trace(const std::vector<TracePoint>& trace, double spacing_m);

}  // namespace codriver::routing
