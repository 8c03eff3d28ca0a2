#include "signals/route_signals.h"

#include <algorithm>
#include <cmath>

#include "geo/bounding_box.h"
#include "geo/distance.h"
#include "geo/projection.h"
#include "signals/osm_intersections.h"

namespace codriver::signals {

namespace {

std::vector<geo::LatLon> line_of(const std::vector<routing::TracePoint>& route) {
  std::vector<geo::LatLon> line;
  for (const auto& p : route) line.push_back(p.position);
  return line;
}

// The route's direction of travel `at_m` along it.
double route_bearing(const std::vector<routing::TracePoint>& route, double at_m) {
  const auto after = std::upper_bound(route.begin(), route.end(), at_m,
                                      [](double d, const routing::TracePoint& p) { return d < p.distance_m; });
  const auto& point = after == route.begin() ? route.front() : *(after - 1);
  return point.bearing_deg;
}

Maneuver route_turn(const std::vector<routing::TracePoint>& route, double stop_m) {
  const double before = route_bearing(route, std::max(0.0, stop_m - 5));
  const double after = route_bearing(route, std::min(route.back().distance_m, stop_m + 30));
  const double turn = std::fmod(after - before + 540.0, 360.0) - 180.0;
  if (std::abs(turn) < 35) return Maneuver::kStraight;
  if (std::abs(turn) > 150) return Maneuver::kUTurn;
  return turn < 0 ? Maneuver::kLeft : Maneuver::kRight;
}

std::optional<int> group_for(const Lane& lane, Maneuver maneuver) {
  for (const LaneConnection& c : lane.connects_to) {
    if (c.signal_group && c.maneuvers && allows(*c.maneuvers, maneuver)) return c.signal_group;
  }
  // No connection names the movement: any group of the lane, since they share the light
  // in most MAPs that leave maneuvers out.
  for (const LaneConnection& c : lane.connects_to)
    if (c.signal_group) return c.signal_group;
  return std::nullopt;
}

bool lane_allows(const Lane& lane, Maneuver maneuver) {
  if (lane.maneuvers) return allows(*lane.maneuvers, maneuver);
  for (const LaneConnection& c : lane.connects_to)
    if (c.maneuvers && allows(*c.maneuvers, maneuver)) return true;
  return lane.connects_to.empty();
}

struct Candidate {
  RouteMovement movement;
  double lateral_m = 0;
  bool allows_maneuver = false;
};

std::optional<Candidate> match_lane(const Lane& lane, const std::vector<geo::LatLon>& line,
                                    const std::vector<routing::TracePoint>& route) {
  if (!lane.ingress_path && !lane.ingress_approach) return std::nullopt;
  if (lane.type != LaneType::kVehicle || lane.nodes.size() < 2) return std::nullopt;
  const geo::LatLon stop = lane.nodes[0].position;
  const geo::PolylineProjection on_route = geo::project_on_polyline(stop, line);
  if (on_route.distance_m > kStopLineMatchM) return std::nullopt;
  const double lane_bearing = geo::initial_bearing_deg(lane.nodes[1].position, stop);
  const double travel = route_bearing(route, on_route.distance_along_m);
  if (bearing_difference_deg(lane_bearing, travel) > kLaneBearingToleranceDeg) return std::nullopt;
  Candidate c;
  c.movement.lane_id = lane.id;
  c.movement.stop_line_m = on_route.distance_along_m;
  c.movement.maneuver = route_turn(route, on_route.distance_along_m);
  c.movement.signal_group = group_for(lane, c.movement.maneuver);
  if (!c.movement.signal_group) return std::nullopt;  // no light governs this lane's traffic
  c.lateral_m = on_route.distance_m;
  c.allows_maneuver = lane_allows(lane, c.movement.maneuver);
  return c;
}

bool better(const Candidate& a, const Candidate& b) {
  if (a.allows_maneuver != b.allows_maneuver) return a.allows_maneuver;
  return a.lateral_m < b.lateral_m;
}

}  // namespace

std::vector<RouteMovement> route_movements(const std::vector<Intersection>& intersections,
                                           const std::vector<routing::TracePoint>& route) {
  std::vector<RouteMovement> movements;
  if (route.size() < 2) return movements;
  const std::vector<geo::LatLon> line = line_of(route);
  geo::BoundingBox box;
  for (const auto& p : line) box.extend(p);
  box = box.expanded_by_m(500);
  for (std::size_t i = 0; i < intersections.size(); ++i) {
    if (!box.contains(intersections[i].ref_point)) continue;
    std::optional<Candidate> best;
    for (const Lane& lane : intersections[i].lanes) {
      const auto candidate = match_lane(lane, line, route);
      if (candidate && (!best || better(*candidate, *best))) best = candidate;
    }
    if (!best) continue;
    best->movement.intersection = i;
    best->movement.id = intersections[i].id;
    movements.push_back(best->movement);
  }
  std::sort(movements.begin(), movements.end(),
            [](const RouteMovement& a, const RouteMovement& b) { return a.stop_line_m < b.stop_line_m; });
  return movements;
}

std::optional<RouteMovement> next_movement(const std::vector<RouteMovement>& movements,
                                           double progress_m, double behind_m) {
  for (const RouteMovement& m : movements)
    if (m.stop_line_m >= progress_m - behind_m) return m;
  return std::nullopt;
}

}  // namespace codriver::signals
