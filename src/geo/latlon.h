#pragma once

namespace codriver::geo {

// A WGS-84 position in degrees. Inside codriver every coordinate is WGS-84;
// GCJ-02 and BD-09 appear only at the edges (see china_datum.h).
struct LatLon {
  double lat = 0.0;
  double lon = 0.0;

  friend bool operator==(const LatLon&, const LatLon&) = default;
};

// Finite, latitude in [-90, 90] and longitude in [-180, 180].
bool is_valid(LatLon p);

}  // namespace codriver::geo
