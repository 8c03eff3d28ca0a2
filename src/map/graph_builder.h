#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "geo/latlon.h"
#include "map/import_stats.h"
#include "map/road_graph.h"
#include "map/road_profile.h"

// Turns OSM car ways into the routable graph: splits ways at intersections,
// drops what cannot be located, orders nodes along a Hilbert curve so that
// neighbours in space are neighbours in memory, and resolves turn restrictions
// from way ids to edge ids.
namespace codriver::map {

struct OsmCarWay {
  std::int64_t id = 0;
  std::vector<std::int64_t> node_ids;
  CarRoad road;
  std::uint32_t name = 0;  // from GraphBuilder::intern_name
};

struct OsmTurnRestriction {
  std::int64_t relation_id = 0;
  std::vector<std::int64_t> from_ways;
  std::int64_t via_node = 0;
  std::vector<std::int64_t> to_ways;
  format::RestrictionKind kind = format::RestrictionKind::kNo;
};

using NodeLocator = std::function<std::optional<geo::LatLon>(std::int64_t osm_node_id)>;

class GraphBuilder {
 public:
  explicit GraphBuilder(ImportStats& stats);

  std::uint32_t intern_name(const std::string& name, const std::string& name_zh,
                            const std::string& name_en, const std::string& ref);
  void add_way(OsmCarWay way);
  void add_traffic_signal(std::int64_t osm_node_id, format::SignalDirection direction);
  void add_turn_restriction(OsmTurnRestriction restriction);

  std::size_t way_count() const { return ways_.size(); }

  RoadGraphData build(const NodeLocator& locate);

 private:
  struct Segment;

  std::uint32_t intern_string(const std::string& text);
  std::unordered_set<std::int64_t> decision_nodes() const;
  std::vector<Segment> split_ways(const NodeLocator& locate);
  void emit_edges(const std::vector<Segment>& segments, RoadGraphData& graph);
  void attach_signals(RoadGraphData& graph);
  void resolve_restrictions(RoadGraphData& graph);

  ImportStats& stats_;
  std::vector<OsmCarWay> ways_;
  std::unordered_map<std::int64_t, format::SignalDirection> signals_;
  std::vector<OsmTurnRestriction> restrictions_;
  std::vector<char> strings_{'\0'};
  std::unordered_map<std::string, std::uint32_t> string_offsets_;
  std::vector<format::NameRecord> names_{format::NameRecord{}};
  std::unordered_map<std::string, std::uint32_t> name_ids_;
  std::unordered_map<std::int64_t, NodeId> node_ids_;  // OSM id -> graph node
};

}  // namespace codriver::map
