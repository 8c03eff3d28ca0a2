#pragma once

#include <nlohmann/json.hpp>

#include "map/road_graph.h"

// The map's roads for a screen that draws them itself (no online tiles in a car tunnel):
// each road once, whichever directions it has, as a flat lon,lat polyline with its class
// and names.
namespace codriver::server {

// {"bbox": [min lon, min lat, max lon, max lat],
//  "roads": [{"class", "name", "name_zh"?, "name_en"?, "points": [lon, lat, ...]}]}
nlohmann::json map_geometry_json(const map::RoadGraph& graph);

}  // namespace codriver::server
