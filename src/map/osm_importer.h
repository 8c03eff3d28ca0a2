#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "geo/bounding_box.h"
#include "map/import_stats.h"
#include "map/place.h"
#include "map/road_graph.h"

namespace codriver::map {

struct OsmObjectCounts {
  std::int64_t nodes = 0;
  std::int64_t ways = 0;
  std::int64_t relations = 0;
};

struct OsmImport {
  RoadGraphData graph;
  geo::BoundingBox bbox;  // of the roads and places imported
  OsmObjectCounts read;
  ImportStats stats;
};

using PlaceSink = std::function<void(const Place&)>;

// Reads an OSM file (.osm.pbf, .osm, .osm.bz2, .osm.gz; libosmium picks by suffix)
// in three passes: relations (turn restrictions, multipolygons), nodes, ways.
// Places are handed to `on_place` as they are found. Throws ImportError when the
// file cannot be read at all; object-level problems are counted in `stats`.
OsmImport import_osm(const std::filesystem::path& input, const PlaceSink& on_place);

}  // namespace codriver::map
