#include "signals/lane_geometry.h"

#include <cmath>
#include <numbers>

namespace codriver::signals {

namespace {

constexpr double kSemiMajorAxisCm = 637813700.0;  // WGS-84 a
constexpr double kEccentricitySquared = 6.69437999014e-3;
constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;

// Centimetres per degree of latitude and of longitude at a latitude: the meridian and
// prime-vertical radii of curvature of the ellipsoid there.
struct LocalScale {
  double north_cm_per_degree;
  double east_cm_per_degree;
};

LocalScale scale_at(double latitude_deg) {
  const double phi = latitude_deg * kRadiansPerDegree;
  const double w = 1.0 - kEccentricitySquared * std::sin(phi) * std::sin(phi);
  const double meridian = kSemiMajorAxisCm * (1.0 - kEccentricitySquared) / (w * std::sqrt(w));
  const double prime_vertical = kSemiMajorAxisCm / std::sqrt(w);
  return {meridian * kRadiansPerDegree, prime_vertical * std::cos(phi) * kRadiansPerDegree};
}

}  // namespace

geo::LatLon offset_position(geo::LatLon origin, OffsetCm offset) {
  const LocalScale scale = scale_at(origin.lat);
  return {origin.lat + offset.north / scale.north_cm_per_degree,
          origin.lon + offset.east / scale.east_cm_per_degree};
}

OffsetCm offset_between(geo::LatLon origin, geo::LatLon point) {
  const LocalScale scale = scale_at(origin.lat);
  return {(point.lon - origin.lon) * scale.east_cm_per_degree,
          (point.lat - origin.lat) * scale.north_cm_per_degree};
}

}  // namespace codriver::signals

namespace codriver::signals {

std::vector<geo::LatLon> place_nodes(std::span<const NodeStep> steps, geo::LatLon ref_point) {
  std::vector<geo::LatLon> positions;
  positions.reserve(steps.size());
  geo::LatLon anchor = ref_point;
  std::int64_t east = 0, north = 0;  // summed as integers: no drift along long lanes
  for (const NodeStep& step : steps) {
    if (step.absolute) {
      anchor = step.position;
      east = north = 0;
    } else {
      east += step.east_cm;
      north += step.north_cm;
    }
    positions.push_back(
        offset_position(anchor, {static_cast<double>(east), static_cast<double>(north)}));
  }
  return positions;
}

}  // namespace codriver::signals
