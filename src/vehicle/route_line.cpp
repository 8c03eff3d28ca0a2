#include "vehicle/route_line.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "geo/projection.h"

namespace codriver::vehicle {

RouteLine::RouteLine(std::vector<routing::TracePoint> trace) : trace_(std::move(trace)) {
  if (trace_.size() < 2) throw std::invalid_argument("a route to match needs two points or more");
  for (std::size_t i = 1; i < trace_.size(); ++i) {
    if (trace_[i].distance_m < trace_[i - 1].distance_m) {
      throw std::invalid_argument("route distances go back at point " + std::to_string(i));
    }
  }
}

RouteCandidate RouteLine::project_on_segment(geo::LatLon fix, std::size_t segment) const {
  const routing::TracePoint& a = trace_[segment];
  const routing::TracePoint& b = trace_[segment + 1];
  const geo::SegmentProjection projection = geo::project_on_segment(fix, a.position, b.position);
  RouteCandidate candidate;
  candidate.distance_along_m = a.distance_m + projection.fraction * (b.distance_m - a.distance_m);
  candidate.point = projection.point;
  candidate.distance_m = projection.distance_m;
  candidate.cross_track_m = projection.cross_track_m;
  candidate.bearing_deg = a.bearing_deg;
  candidate.segment = segment;
  return candidate;
}

std::size_t RouteLine::segment_at(double distance_along_m) const {
  const auto after = std::upper_bound(trace_.begin(), trace_.end(), distance_along_m,
                                      [](double distance, const routing::TracePoint& point) {
                                        return distance < point.distance_m;
                                      });
  const auto index = static_cast<std::size_t>(std::max<std::ptrdiff_t>(after - trace_.begin(), 1));
  return std::min(index - 1, trace_.size() - 2);
}

std::vector<RouteCandidate> RouteLine::candidates_near(geo::LatLon fix, double radius_m,
                                                       double from_m, double to_m) const {
  std::vector<RouteCandidate> candidates;
  const std::size_t first = segment_at(from_m);
  for (std::size_t i = first; i + 1 < trace_.size() && trace_[i].distance_m <= to_m; ++i) {
    const RouteCandidate candidate = project_on_segment(fix, i);
    if (candidate.distance_m > radius_m) continue;
    if (candidate.distance_along_m < from_m || candidate.distance_along_m > to_m) continue;
    candidates.push_back(candidate);
  }
  return candidates;
}

RouteCandidate RouteLine::nearest(geo::LatLon fix) const {
  RouteCandidate best;
  best.distance_m = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i + 1 < trace_.size(); ++i) {
    const RouteCandidate candidate = project_on_segment(fix, i);
    if (candidate.distance_m < best.distance_m) best = candidate;
  }
  return best;
}

geo::LatLon RouteLine::point_at(double distance_along_m) const {
  const double along = std::clamp(distance_along_m, 0.0, length_m());
  const std::size_t i = segment_at(along);
  const routing::TracePoint& a = trace_[i];
  const routing::TracePoint& b = trace_[i + 1];
  const double span = b.distance_m - a.distance_m;
  const double t = span > 0.0 ? std::clamp((along - a.distance_m) / span, 0.0, 1.0) : 0.0;
  return {a.position.lat + (b.position.lat - a.position.lat) * t,
          a.position.lon + (b.position.lon - a.position.lon) * t};
}

}  // namespace codriver::vehicle
