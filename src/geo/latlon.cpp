#include "geo/latlon.h"

#include <cmath>

namespace codriver::geo {

bool is_valid(LatLon p) {
  // The range comparisons are false for NaN, but an explicit isfinite check
  // keeps the intent obvious and also rejects infinities.
  return std::isfinite(p.lat) && std::isfinite(p.lon) && p.lat >= -90.0 && p.lat <= 90.0 &&
         p.lon >= -180.0 && p.lon <= 180.0;
}

}  // namespace codriver::geo
