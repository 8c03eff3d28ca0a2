#pragma once

#include "geo/latlon.h"

// Conversions between WGS-84 and the two obfuscated datums used by maps in
// mainland China: GCJ-02 ("Mars coordinates", required by law for Chinese maps)
// and Baidu's BD-09 (GCJ-02 shifted once more). Outside mainland China the
// published algorithm applies no offset, and neither do we.
namespace codriver::geo {

// The rectangle test of the published algorithm (lon 72.004..137.8347, lat 0.8293..55.8271).
bool outside_mainland_china(LatLon wgs84);

LatLon wgs84_to_gcj02(LatLon wgs84);
// Iterative inverse, accurate to well under 0.5 m.
LatLon gcj02_to_wgs84(LatLon gcj02);

LatLon gcj02_to_bd09(LatLon gcj02);
LatLon bd09_to_gcj02(LatLon bd09);

LatLon wgs84_to_bd09(LatLon wgs84);
LatLon bd09_to_wgs84(LatLon bd09);

}  // namespace codriver::geo
