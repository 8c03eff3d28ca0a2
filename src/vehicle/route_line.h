#pragma once

#include <cstddef>
#include <vector>

#include "geo/latlon.h"
#include "routing/route_trace.h"

// The active route as the map matcher sees it: a line whose every point knows how far
// into the route it is, searched for the places a GPS fix could be on it.
namespace codriver::vehicle {

// Where a fix could be on the route: the closest point of one segment.
struct RouteCandidate {
  double distance_along_m = 0.0;
  geo::LatLon point;
  double distance_m = 0.0;     // from the fix
  double cross_track_m = 0.0;  // positive when the fix is right of the direction of travel
  double bearing_deg = 0.0;    // the route's direction of travel there
  std::size_t segment = 0;     // [i, i+1] of the trace
};

class RouteLine {
 public:
  // Throws std::invalid_argument for fewer than two points or distances that go back.
  explicit RouteLine(std::vector<routing::TracePoint> trace);

  double length_m() const { return trace_.back().distance_m; }
  const std::vector<routing::TracePoint>& trace() const { return trace_; }

  // One candidate per segment that passes within `radius_m` of `fix`, keeping those
  // whose distance along lies in [from_m, to_m]. A route that passes a place twice
  // gives a candidate on each pass; choosing is the caller's business.
  std::vector<RouteCandidate> candidates_near(geo::LatLon fix, double radius_m, double from_m,
                                              double to_m) const;
  // The closest point of the whole route (for "how far off the route are we").
  RouteCandidate nearest(geo::LatLon fix) const;

  // The point and the segment at a distance along the route (clamped to the route).
  geo::LatLon point_at(double distance_along_m) const;
  std::size_t segment_at(double distance_along_m) const;
  RouteCandidate project_on_segment(geo::LatLon fix, std::size_t segment) const;

 private:
  std::vector<routing::TracePoint> trace_;
};

}  // namespace codriver::vehicle
