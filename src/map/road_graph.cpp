#include "map/road_graph.h"

#include <cmath>

namespace codriver::map {

geo::LatLon to_latlon(format::NodeRecord record) {
  return {record.lat_e7 * 1e-7, record.lon_e7 * 1e-7};
}

format::NodeRecord to_record(geo::LatLon position) {
  return {static_cast<std::int32_t>(std::lround(position.lat * 1e7)),
          static_cast<std::int32_t>(std::lround(position.lon * 1e7))};
}

geo::LatLon RoadGraph::position(NodeId node) const {
  return to_latlon(nodes[node]);
}

std::span<const format::EdgeRecord> RoadGraph::out_edges(NodeId node) const {
  return edges.subspan(first_out[node], first_out[node + 1] - first_out[node]);
}

std::string_view RoadGraph::string_at(std::uint32_t offset) const {
  if (offset == 0 || offset >= strings.size()) return {};
  return std::string_view(strings.data() + offset);  // validated NUL-terminated on load
}

StreetName RoadGraph::street_name(const format::EdgeRecord& edge) const {
  const format::NameRecord& record = names[edge.name];
  return {string_at(record.name), string_at(record.name_zh), string_at(record.name_en),
          string_at(record.ref)};
}

std::vector<geo::LatLon> RoadGraph::edge_geometry(EdgeId edge_id) const {
  const format::EdgeRecord& edge = edges[edge_id];
  std::vector<geo::LatLon> line;
  line.reserve(edge.shape_count + 2u);
  line.push_back(position(edge.source));
  const auto shape = shape_points.subspan(edge.shape_begin, edge.shape_count);
  // Both directions share the shape, stored in the way's own direction.
  if (edge.flags & format::edge_flags::kForward) {
    for (const auto& point : shape)
      line.push_back(to_latlon(point));
  } else {
    for (auto it = shape.rbegin(); it != shape.rend(); ++it)
      line.push_back(to_latlon(*it));
  }
  line.push_back(position(edge.target));
  return line;
}

RoadGraph RoadGraphData::view() const {
  return {nodes,
          node_osm_ids,
          first_out,
          edges,
          shape_points,
          names,
          std::string_view(strings.data(), strings.size()),
          turn_restrictions,
          traffic_signals};
}

}  // namespace codriver::map
