#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "map/graph_builder.h"
#include "map/road_profile.h"
#include "routing/route_path.h"

// Small road networks drawn by hand on a metric grid, built through GraphBuilder so
// that they are split at shared nodes exactly as imported maps are, and routes through
// them given as the OSM node ids they pass.
namespace codriver::routing::maneuver_testing {

inline constexpr geo::LatLon kOrigin{43.7300, 7.4200};
inline constexpr double kMetresPerDegree = 6371008.8 * 3.14159265358979323846 / 180.0;

// The point `east_m` east and `north_m` north of kOrigin; a flat grid, right angles kept.
inline geo::LatLon at(double east_m, double north_m) {
  const double lat_scale = std::cos(kOrigin.lat * 3.14159265358979323846 / 180.0);
  return {kOrigin.lat + north_m / kMetresPerDegree,
          kOrigin.lon + east_m / (kMetresPerDegree * lat_scale)};
}

struct Names {
  Names(std::string name = "", std::string name_zh = "", std::string name_en = "",
        std::string ref = "")
      : name(std::move(name)),
        name_zh(std::move(name_zh)),
        name_en(std::move(name_en)),
        ref(std::move(ref)) {}
  std::string name, name_zh, name_en, ref;
};

class TestMap {
 public:
  void node(std::int64_t id, double east_m, double north_m) {
    positions_[id] = at(east_m, north_m);
  }

  void way(std::int64_t id, std::vector<std::int64_t> nodes, const map::OsmTags& tags,
           const Names& names = {}) {
    map::OsmCarWay way{id, std::move(nodes), map::classify_car_road(tags).road.value()};
    way.name = builder_.intern_name(names.name, names.name_zh, names.name_en, names.ref);
    builder_.add_way(std::move(way));
  }

  void signal(std::int64_t id) {
    builder_.add_traffic_signal(id, map::format::SignalDirection::kBoth);
  }

  const map::RoadGraph& graph() {
    if (!data_) {
      data_ = builder_.build([this](std::int64_t id) -> std::optional<geo::LatLon> {
        const auto it = positions_.find(id);
        if (it == positions_.end()) return std::nullopt;
        return it->second;
      });
      graph_ = data_->view();
    }
    return graph_;
  }

  geo::LatLon position(std::int64_t id) const { return positions_.at(id); }

  map::NodeId node_of(std::int64_t osm_id) {
    const auto& ids = graph().node_osm_ids;
    const auto it = std::find(ids.begin(), ids.end(), osm_id);
    EXPECT_NE(it, ids.end()) << "OSM node " << osm_id << " is no graph node";
    return static_cast<map::NodeId>(it - ids.begin());
  }

  // The edge from one graph node to the next, by OSM node ids.
  map::EdgeId edge(std::int64_t from, std::int64_t to) {
    const map::NodeId source = node_of(from), target = node_of(to);
    const auto out = graph().out_edges(source);
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (out[i].target == target) return graph().first_edge(source) + static_cast<map::EdgeId>(i);
    }
    ADD_FAILURE() << "no edge " << from << " -> " << to;
    return 0;
  }

  // The route through `nodes` (graph nodes, in order), starting and ending at fractions
  // of its first and last edge, each part timed at the edge's speed.
  RoutePath path(const std::vector<std::int64_t>& nodes, double from_fraction = 0.0,
                 double to_fraction = 1.0) {
    RoutePath route;
    for (std::size_t i = 0; i + 1 < nodes.size(); ++i) {
      PathEdge part{edge(nodes[i], nodes[i + 1])};
      if (i == 0) part.from_fraction = from_fraction;
      if (i + 2 == nodes.size()) part.to_fraction = to_fraction;
      const auto& record = graph().edges[part.edge];
      const double metres = record.length_m * (part.to_fraction - part.from_fraction);
      part.duration_s = metres / (record.speed_kmh / 3.6);
      route.edges.push_back(part);
      route.distance_m += metres;
      route.duration_s += part.duration_s;
    }
    return route;
  }

 private:
  map::ImportStats stats_;
  map::GraphBuilder builder_{stats_};
  std::map<std::int64_t, geo::LatLon> positions_;
  std::optional<map::RoadGraphData> data_;
  map::RoadGraph graph_;
};

inline const map::OsmTags kResidential{{"highway", "residential"}};
inline const map::OsmTags kPrimary{{"highway", "primary"}};
inline const map::OsmTags kOnewayResidential{{"highway", "residential"}, {"oneway", "yes"}};
inline const map::OsmTags kMotorway{{"highway", "motorway"}};
inline const map::OsmTags kMotorwayLink{{"highway", "motorway_link"}};
inline const map::OsmTags kRoundabout{{"highway", "primary"}, {"junction", "roundabout"}};

}  // namespace codriver::routing::maneuver_testing
