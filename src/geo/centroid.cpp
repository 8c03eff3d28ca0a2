#include "geo/centroid.h"

#include <cmath>
#include <numbers>

#include "geo/distance.h"

namespace codriver::geo {

namespace {

// Metres per degree in a plane tangent at `origin`; enough for buildings and car parks.
struct LocalPlane {
  LatLon origin;
  double metres_per_deg_lat;
  double metres_per_deg_lon;

  explicit LocalPlane(LatLon o)
      : origin(o),
        metres_per_deg_lat(kEarthRadiusM * std::numbers::pi / 180.0),
        metres_per_deg_lon(metres_per_deg_lat * std::cos(o.lat * std::numbers::pi / 180.0)) {}

  double x(LatLon p) const { return (p.lon - origin.lon) * metres_per_deg_lon; }
  double y(LatLon p) const { return (p.lat - origin.lat) * metres_per_deg_lat; }
};

}  // namespace

std::optional<LatLon> vertex_mean(std::span<const LatLon> points) {
  if (points.empty()) return std::nullopt;
  double lat = 0, lon = 0;
  for (const LatLon& p : points) {
    lat += p.lat;
    lon += p.lon;
  }
  return LatLon{lat / points.size(), lon / points.size()};
}

double ring_area_m2(std::span<const LatLon> ring) {
  if (ring.size() < 3) return 0.0;
  const LocalPlane plane(ring.front());
  double twice_area = 0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const LatLon a = ring[i], b = ring[(i + 1) % ring.size()];
    twice_area += plane.x(a) * plane.y(b) - plane.x(b) * plane.y(a);
  }
  return twice_area / 2.0;
}

std::optional<LatLon> ring_centroid(std::span<const LatLon> ring) {
  if (ring.empty()) return std::nullopt;
  const LocalPlane plane(ring.front());
  double twice_area = 0, cx = 0, cy = 0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const LatLon a = ring[i], b = ring[(i + 1) % ring.size()];
    const double cross = plane.x(a) * plane.y(b) - plane.x(b) * plane.y(a);
    twice_area += cross;
    cx += (plane.x(a) + plane.x(b)) * cross;
    cy += (plane.y(a) + plane.y(b)) * cross;
  }
  if (std::abs(twice_area) < 1e-6) return vertex_mean(ring);
  return LatLon{plane.origin.lat + cy / (3.0 * twice_area) / plane.metres_per_deg_lat,
                plane.origin.lon + cx / (3.0 * twice_area) / plane.metres_per_deg_lon};
}

}  // namespace codriver::geo
