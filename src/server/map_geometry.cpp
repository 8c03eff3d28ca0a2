#include "server/map_geometry.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "map/road_profile.h"

namespace codriver::server {
namespace {

using nlohmann::json;

// Seven decimals of a degree are the bundle's own precision (1 cm); six (11 cm) are
// plenty for a screen and keep the document small.
double rounded(double degrees) {
  return std::round(degrees * 1e6) / 1e6;
}

}  // namespace

json map_geometry_json(const map::RoadGraph& graph, const std::optional<geo::BoundingBox>& within) {
  double min_lon = 180, min_lat = 90, max_lon = -180, max_lat = -90;
  const auto extend = [&](const map::format::NodeRecord& record) {
    const geo::LatLon p = map::to_latlon(record);
    min_lon = std::min(min_lon, p.lon);
    max_lon = std::max(max_lon, p.lon);
    min_lat = std::min(min_lat, p.lat);
    max_lat = std::max(max_lat, p.lat);
  };
  for (const auto& record : graph.nodes)
    extend(record);
  for (const auto& record : graph.shape_points)
    extend(record);
  json roads = json::array();
  // A two-way road is two edges: draw it once, from whichever end comes first.
  std::set<std::tuple<map::NodeId, map::NodeId, std::int64_t, std::uint32_t>> drawn;
  for (map::EdgeId id = 0; id < graph.edge_count(); ++id) {
    const auto& edge = graph.edges[id];
    const auto key =
        std::make_tuple(std::min(edge.source, edge.target), std::max(edge.source, edge.target),
                        edge.way_id, static_cast<std::uint32_t>(std::lround(edge.length_m * 10)));
    if (!drawn.insert(key).second) continue;
    const std::vector<geo::LatLon> line = graph.edge_geometry(id);
    if (within && std::none_of(line.begin(), line.end(),
                               [&](const geo::LatLon& p) { return within->contains(p); }))
      continue;
    json points = json::array();
    for (const geo::LatLon& p : line) {
      points.push_back(rounded(p.lon));
      points.push_back(rounded(p.lat));
    }
    const map::StreetName name = graph.street_name(edge);
    json road = {{"class", std::string(map::road_class_name(edge.road_class))},
                 {"name", std::string(name.name.empty() ? name.ref : name.name)},
                 {"points", std::move(points)}};
    if (!name.name_zh.empty()) road["name_zh"] = std::string(name.name_zh);
    if (!name.name_en.empty()) road["name_en"] = std::string(name.name_en);
    roads.push_back(std::move(road));
  }
  if (graph.node_count() == 0) min_lon = min_lat = max_lon = max_lat = 0;
  return {{"bbox", {rounded(min_lon), rounded(min_lat), rounded(max_lon), rounded(max_lat)}},
          {"roads", std::move(roads)}};
}

}  // namespace codriver::server
