#pragma once

#include <optional>
#include <span>

#include "geo/latlon.h"

namespace codriver::geo {

// Area-weighted centroid of a simple polygon ring (closed or not), computed in a
// local plane; falls back to the vertex mean for rings without area. nullopt when empty.
std::optional<LatLon> ring_centroid(std::span<const LatLon> ring);

// Signed area of a ring in square metres (positive when counter-clockwise).
double ring_area_m2(std::span<const LatLon> ring);

// Mean of the vertices; nullopt when empty.
std::optional<LatLon> vertex_mean(std::span<const LatLon> points);

}  // namespace codriver::geo
