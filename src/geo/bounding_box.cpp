#include "geo/bounding_box.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "geo/distance.h"

namespace codriver::geo {
namespace {

constexpr double kMetresPerDegLat = kEarthRadiusM * std::numbers::pi / 180.0;
// Below this cosine (latitudes within ~0.06 degrees of a pole) a metre
// distance spans any number of longitude degrees, so we take them all.
constexpr double kMinCosLat = 1e-3;

}  // namespace

BoundingBox BoundingBox::of(LatLon a, LatLon b) {
  BoundingBox box;
  box.extend(a);
  box.extend(b);
  return box;
}

void BoundingBox::extend(LatLon p) {
  if (empty) {
    *this = {p.lon, p.lat, p.lon, p.lat, false};
    return;
  }
  min_lon = std::min(min_lon, p.lon);
  min_lat = std::min(min_lat, p.lat);
  max_lon = std::max(max_lon, p.lon);
  max_lat = std::max(max_lat, p.lat);
}

void BoundingBox::extend(const BoundingBox& other) {
  if (other.empty) return;
  extend(LatLon{other.min_lat, other.min_lon});
  extend(LatLon{other.max_lat, other.max_lon});
}

bool BoundingBox::contains(LatLon p) const {
  // Closed box: points on the boundary are inside.
  return !empty && p.lat >= min_lat && p.lat <= max_lat && p.lon >= min_lon && p.lon <= max_lon;
}

bool BoundingBox::intersects(const BoundingBox& other) const {
  // Touching boxes intersect, consistent with contains() being closed.
  return !empty && !other.empty && min_lon <= other.max_lon && other.min_lon <= max_lon &&
         min_lat <= other.max_lat && other.min_lat <= max_lat;
}

LatLon BoundingBox::center() const {
  if (empty) return {};
  return {(min_lat + max_lat) / 2.0, (min_lon + max_lon) / 2.0};
}

BoundingBox BoundingBox::expanded_by_m(double metres) const {
  if (empty) return *this;
  const double dlat = metres / kMetresPerDegLat;
  BoundingBox grown = *this;
  grown.min_lat = std::max(min_lat - dlat, -90.0);
  grown.max_lat = std::min(max_lat + dlat, 90.0);
  // A degree of longitude is shortest at the latitude farthest from the
  // equator, so converting there makes the margin at least `metres` everywhere.
  const double cos_lat = std::cos(std::max(std::abs(grown.min_lat), std::abs(grown.max_lat)) *
                                  std::numbers::pi / 180.0);
  if (cos_lat < kMinCosLat) {
    // Growing: every longitude is within reach. Shrinking: no meaningful
    // longitude margin exists there, so the longitudes stay as they are.
    if (metres > 0.0) {
      grown.min_lon = -180.0;
      grown.max_lon = 180.0;
    }
  } else {
    const double dlon = dlat / cos_lat;
    grown.min_lon = std::max(min_lon - dlon, -180.0);
    grown.max_lon = std::min(max_lon + dlon, 180.0);
  }
  // A negative margin larger than half the box leaves nothing.
  if (grown.min_lat > grown.max_lat || grown.min_lon > grown.max_lon) return BoundingBox{};
  return grown;
}

}  // namespace codriver::geo
