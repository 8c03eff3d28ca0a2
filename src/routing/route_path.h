#pragma once

#include <vector>

#include "map/road_graph.h"

namespace codriver::routing {

// One road edge as a route uses it: whole, or only part of it at the route's ends
// (the start and the destination lie somewhere along their edges).
struct PathEdge {
  map::EdgeId edge = 0;
  double from_fraction = 0.0;  // of the edge's length, in its direction of travel
  double to_fraction = 1.0;
  double duration_s = 0.0;  // time spent on this part, turn and signal delays at its start included
};

// A route as the sequence of edges it drives, in order; consecutive edges meet at a node.
struct RoutePath {
  std::vector<PathEdge> edges;
  double duration_s = 0.0;
  double distance_m = 0.0;
};

}  // namespace codriver::routing
