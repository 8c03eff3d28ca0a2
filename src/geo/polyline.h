#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geo/latlon.h"

// Google's encoded polyline format; precision 5 is Google's, 6 is OSRM's and Valhalla's.
namespace codriver::geo {

std::string encode_polyline(std::span<const LatLon> points, int precision = 5);

// Throws std::invalid_argument with the offending offset on malformed input
// (truncated chunk, character outside '?'..'~', decoded coordinate out of range).
std::vector<LatLon> decode_polyline(std::string_view encoded, int precision = 5);

}  // namespace codriver::geo
