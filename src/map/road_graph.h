#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "geo/latlon.h"
#include "map/bundle_format.h"

namespace codriver::map {

using NodeId = std::uint32_t;
using EdgeId = std::uint32_t;

struct StreetName {
  std::string_view name;
  std::string_view name_zh;
  std::string_view name_en;
  std::string_view ref;
};

// A read-only view of the car road network: arrays in compressed sparse row form,
// either mapped straight from a bundle's graph.bin or borrowed from RoadGraphData.
// Copying the view copies pointers only.
struct RoadGraph {
  std::span<const format::NodeRecord> nodes;
  std::span<const std::int64_t> node_osm_ids;
  std::span<const std::uint32_t> first_out;  // node_count + 1 offsets into edges
  std::span<const format::EdgeRecord> edges;
  std::span<const format::NodeRecord> shape_points;
  std::span<const format::NameRecord> names;
  std::string_view strings;
  std::span<const format::TurnRestrictionRecord> turn_restrictions;
  std::span<const format::TrafficSignalRecord> traffic_signals;

  std::size_t node_count() const { return nodes.size(); }
  std::size_t edge_count() const { return edges.size(); }

  geo::LatLon position(NodeId node) const;
  std::span<const format::EdgeRecord> out_edges(NodeId node) const;
  EdgeId first_edge(NodeId node) const { return first_out[node]; }

  // The string at an offset into the string table; "" for offset 0.
  std::string_view string_at(std::uint32_t offset) const;
  StreetName street_name(const format::EdgeRecord& edge) const;

  // The edge's full polyline in its direction of travel, endpoints included.
  std::vector<geo::LatLon> edge_geometry(EdgeId edge) const;
};

// The owning form of the same arrays, built by the importer and written by graph_file.
struct RoadGraphData {
  std::vector<format::NodeRecord> nodes;
  std::vector<std::int64_t> node_osm_ids;
  std::vector<std::uint32_t> first_out;
  std::vector<format::EdgeRecord> edges;
  std::vector<format::NodeRecord> shape_points;
  std::vector<format::NameRecord> names;
  std::vector<char> strings;
  std::vector<format::TurnRestrictionRecord> turn_restrictions;
  std::vector<format::TrafficSignalRecord> traffic_signals;

  RoadGraph view() const;
};

geo::LatLon to_latlon(format::NodeRecord record);
format::NodeRecord to_record(geo::LatLon position);

}  // namespace codriver::map
