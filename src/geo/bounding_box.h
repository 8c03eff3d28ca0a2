#pragma once

#include "geo/latlon.h"

namespace codriver::geo {

// An axis-aligned box in degrees. Boxes crossing the antimeridian are not supported.
struct BoundingBox {
  double min_lon = 0.0;
  double min_lat = 0.0;
  double max_lon = 0.0;
  double max_lat = 0.0;
  bool empty = true;  // a box that has not been extended yet contains nothing

  static BoundingBox of(LatLon a, LatLon b);

  void extend(LatLon p);
  void extend(const BoundingBox& other);
  bool contains(LatLon p) const;
  bool intersects(const BoundingBox& other) const;
  LatLon center() const;
  // The box grown by `metres` on every side (clamped to valid latitudes/longitudes).
  BoundingBox expanded_by_m(double metres) const;
};

}  // namespace codriver::geo
