#pragma once

#include "geo/latlon.h"

namespace codriver::geo {

// Mean Earth radius (IUGG), the sphere all great-circle formulas here use.
inline constexpr double kEarthRadiusM = 6371008.8;

// Great-circle (haversine) distance in metres.
double distance_m(LatLon a, LatLon b);

// Initial great-circle bearing from `from` to `to`, degrees clockwise from north in [0, 360).
double initial_bearing_deg(LatLon from, LatLon to);

// The point reached by going `distance_m` metres from `from` along `bearing_deg`.
LatLon destination(LatLon from, double bearing_deg, double distance_m);

}  // namespace codriver::geo
