#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "geo/bounding_box.h"
#include "map/road_graph.h"

// The map's roads for a screen that draws them itself (no online tiles in a car tunnel):
// each road once, whichever directions it has, as a flat lon,lat polyline with its class
// and names.
namespace codriver::server {

// {"bbox": [min lon, min lat, max lon, max lat],
//  "roads": [{"class", "name", "name_zh"?, "name_en"?, "points": [lon, lat, ...]}]}
// With `within`, only the roads that have a point inside it (the bbox stays the map's):
// what a screen showing part of a large map needs.
nlohmann::json map_geometry_json(const map::RoadGraph& graph,
                                 const std::optional<geo::BoundingBox>& within = std::nullopt);

}  // namespace codriver::server
