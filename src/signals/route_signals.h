#pragma once

#include <optional>
#include <vector>

#include "routing/route_trace.h"
#include "signals/signal_model.h"

// Which traffic lights a route passes and which signal group governs the car at each:
// the route enters an intersection on an ingress lane whose stop line (the lane's first
// node) lies on the route and whose direction of travel is the route's; the car's
// movement (straight, left, right: the route's turn there) picks the lane connection,
// whose signal group is the light that matters. Works the same for MAP from an RSU and
// for MAP derived from OSM (osm_intersections.h).
namespace codriver::signals {

inline constexpr double kStopLineMatchM = 12.0;       // stop line to route, across
inline constexpr double kLaneBearingToleranceDeg = 40.0;

struct RouteMovement {
  std::size_t intersection = 0;  // index into the MAP's intersections
  IntersectionRef id;
  int lane_id = 0;
  std::optional<int> signal_group;
  Maneuver maneuver = Maneuver::kStraight;
  double stop_line_m = 0;  // distance along the route
};

// Every signalised stop line the route passes, in route order.
std::vector<RouteMovement> route_movements(const std::vector<Intersection>& intersections,
                                           const std::vector<routing::TracePoint>& route);

// The first movement whose stop line is still ahead of `progress_m` (a car standing at
// the line, up to `behind_m` past it, is still at that light).
std::optional<RouteMovement> next_movement(const std::vector<RouteMovement>& movements,
                                           double progress_m, double behind_m = 2.0);

}  // namespace codriver::signals
