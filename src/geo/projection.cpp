#include "geo/projection.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

#include "geo/distance.h"

namespace codriver::geo {
namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;
// Metres per degree of latitude on the kEarthRadiusM sphere.
constexpr double kMetresPerDegLat = kEarthRadiusM * kDegToRad;

// A longitude difference taken the short way round, so segments that cross the
// antimeridian are not treated as spanning the whole globe.
double wrap_delta_lon(double d) {
  if (d > 180.0) return d - 360.0;
  if (d < -180.0) return d + 360.0;
  return d;
}

// Brings a longitude produced by interpolation across the antimeridian back into range.
double wrap_lon(double lon) {
  if (lon > 180.0) return lon - 360.0;
  if (lon < -180.0) return lon + 360.0;
  return lon;
}

}  // namespace

SegmentProjection project_on_segment(LatLon p, LatLon a, LatLon b) {
  // Local equirectangular plane with its origin at `a`, x east and y north in
  // metres. Scaling longitudes by the cosine of the segment's mean latitude
  // keeps the distortion negligible for segments up to tens of kilometres.
  const double metres_per_deg_lon = kMetresPerDegLat * std::cos((a.lat + b.lat) / 2.0 * kDegToRad);
  const double dlon_ab = wrap_delta_lon(b.lon - a.lon);
  const double bx = dlon_ab * metres_per_deg_lon;
  const double by = (b.lat - a.lat) * kMetresPerDegLat;
  const double px = wrap_delta_lon(p.lon - a.lon) * metres_per_deg_lon;
  const double py = (p.lat - a.lat) * kMetresPerDegLat;

  const double length_sq = bx * bx + by * by;
  SegmentProjection result;
  if (length_sq > 0.0) {
    result.fraction = std::clamp((px * bx + py * by) / length_sq, 0.0, 1.0);
    // 2-D cross product of (b - a) and (p - a), negated so that the right-hand
    // side is positive. It is the distance to the infinite line through a and b.
    result.cross_track_m = (px * by - py * bx) / std::sqrt(length_sq);
  }
  // A degenerate segment (a == b) keeps fraction 0 and cross track 0: it has no direction.
  const double t = result.fraction;
  result.point = {a.lat + t * (b.lat - a.lat), wrap_lon(a.lon + t * dlon_ab)};
  result.distance_m = std::hypot(px - t * bx, py - t * by);
  return result;
}

PolylineProjection project_on_polyline(LatLon p, std::span<const LatLon> line) {
  if (line.empty()) throw std::invalid_argument("project_on_polyline: empty polyline");

  PolylineProjection best;
  if (line.size() == 1) {
    const SegmentProjection s = project_on_segment(p, line[0], line[0]);
    best.point = s.point;
    best.distance_m = s.distance_m;
    return best;
  }

  best.distance_m = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i + 1 < line.size(); ++i) {
    const SegmentProjection s = project_on_segment(p, line[i], line[i + 1]);
    // Strict comparison: on a tie the earlier segment wins, so a point nearest
    // to a shared vertex reports the end of the earlier segment.
    if (s.distance_m < best.distance_m) {
      best.point = s.point;
      best.segment_index = i;
      best.fraction = s.fraction;
      best.distance_m = s.distance_m;
      best.cross_track_m = s.cross_track_m;
    }
  }

  // Measured along the same great-circle lengths as polyline_length_m, so the
  // projection of the last vertex reports exactly the polyline's length.
  const std::size_t i = best.segment_index;
  best.distance_along_m =
      polyline_length_m(line.first(i + 1)) + best.fraction * distance_m(line[i], line[i + 1]);
  return best;
}

double polyline_length_m(std::span<const LatLon> line) {
  double total = 0.0;
  for (std::size_t i = 0; i + 1 < line.size(); ++i)
    total += distance_m(line[i], line[i + 1]);
  return total;
}

}  // namespace codriver::geo
