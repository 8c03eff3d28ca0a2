#include "map/graph_builder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "geo/bounding_box.h"
#include "geo/distance.h"

namespace codriver::map {

namespace {

// EdgeRecord::shape_count is 16 bits; longer stretches are split at a shape point.
constexpr std::size_t kMaxShapePoints = 60000;

// Position along a Hilbert curve over a 2^16 x 2^16 grid: sorting by it keeps
// nodes that are close in space close in memory, which makes searches cache-friendly.
std::uint64_t hilbert_index(std::uint32_t x, std::uint32_t y) {
  std::uint64_t d = 0;
  for (std::uint32_t s = 1u << 15; s > 0; s >>= 1) {
    const std::uint32_t rx = (x & s) ? 1 : 0;
    const std::uint32_t ry = (y & s) ? 1 : 0;
    d += static_cast<std::uint64_t>(s) * s * ((3 * rx) ^ ry);
    if (ry == 0) {
      if (rx == 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      std::swap(x, y);
    }
  }
  return d;
}

std::uint32_t grid_cell(double value, double min, double max) {
  if (max <= min) return 0;
  const double cell = (value - min) / (max - min) * 65535.0;
  return static_cast<std::uint32_t>(std::clamp(cell, 0.0, 65535.0)) & 0xFFFF;
}

std::uint8_t stored_speed(double kmh) {
  return static_cast<std::uint8_t>(std::clamp(std::lround(kmh), 1L, 250L));
}

struct LocatedNode {
  std::int64_t id;
  geo::LatLon position;
};

}  // namespace

struct GraphBuilder::Segment {
  std::int64_t from = 0;
  std::int64_t to = 0;
  geo::LatLon from_position, to_position;
  std::vector<format::NodeRecord> shape;  // between from and to, in the way's direction
  double length_m = 0;
  const OsmCarWay* way = nullptr;
};

GraphBuilder::GraphBuilder(ImportStats& stats) : stats_(stats) {}

std::uint32_t GraphBuilder::intern_string(const std::string& text) {
  if (text.empty()) return 0;
  const auto [it, inserted] =
      string_offsets_.try_emplace(text, static_cast<std::uint32_t>(strings_.size()));
  if (inserted) {
    strings_.insert(strings_.end(), text.begin(), text.end());
    strings_.push_back('\0');
  }
  return it->second;
}

std::uint32_t GraphBuilder::intern_name(const std::string& name, const std::string& name_zh,
                                        const std::string& name_en, const std::string& ref) {
  if (name.empty() && name_zh.empty() && name_en.empty() && ref.empty()) return 0;
  // \x1F cannot occur in cleaned text, so the key is unambiguous.
  const std::string key = name + '\x1F' + name_zh + '\x1F' + name_en + '\x1F' + ref;
  const auto it = name_ids_.find(key);
  if (it != name_ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(names_.size());
  names_.push_back(
      {intern_string(name), intern_string(name_zh), intern_string(name_en), intern_string(ref)});
  name_ids_.emplace(key, id);
  return id;
}

void GraphBuilder::add_way(OsmCarWay way) {
  ways_.push_back(std::move(way));
}

void GraphBuilder::add_traffic_signal(std::int64_t osm_node_id, format::SignalDirection direction) {
  signals_[osm_node_id] = direction;
}

void GraphBuilder::add_turn_restriction(OsmTurnRestriction restriction) {
  restrictions_.push_back(std::move(restriction));
}

std::unordered_set<std::int64_t> GraphBuilder::decision_nodes() const {
  std::unordered_map<std::int64_t, int> uses;
  std::unordered_set<std::int64_t> decisions;
  for (const OsmCarWay& way : ways_) {
    for (std::int64_t id : way.node_ids) {
      if (++uses[id] == 2) decisions.insert(id);
    }
    if (!way.node_ids.empty()) {
      decisions.insert(way.node_ids.front());
      decisions.insert(way.node_ids.back());
      // A closed way would otherwise become an edge from a node to itself.
      if (way.node_ids.front() == way.node_ids.back() && way.node_ids.size() > 2) {
        decisions.insert(way.node_ids[way.node_ids.size() / 2]);
      }
    }
  }
  for (const auto& [id, direction] : signals_)
    decisions.insert(id);
  for (const auto& restriction : restrictions_)
    decisions.insert(restriction.via_node);
  return decisions;
}

std::vector<GraphBuilder::Segment> GraphBuilder::split_ways(const NodeLocator& locate) {
  const std::unordered_set<std::int64_t> decisions = decision_nodes();
  std::vector<Segment> segments;
  for (const OsmCarWay& way : ways_) {
    // A node without a location (outside the extract, or broken) cuts the way.
    std::vector<std::vector<LocatedNode>> runs(1);
    bool missing = false;
    for (std::int64_t id : way.node_ids) {
      const auto position = locate(id);
      if (!position) {
        missing = true;
        if (!runs.back().empty()) runs.emplace_back();
        continue;
      }
      if (!runs.back().empty() && runs.back().back().id == id) continue;  // repeated node
      runs.back().push_back({id, *position});
    }
    if (missing) {
      stats_.warn("way_missing_node_locations", 'w', way.id);
    }
    const std::size_t before = segments.size();
    for (const auto& run : runs) {
      if (run.size() < 2) continue;
      Segment current{run[0].id, 0, run[0].position, {}, {}, 0.0, &way};
      for (std::size_t i = 1; i < run.size(); ++i) {
        current.length_m += geo::distance_m(run[i - 1].position, run[i].position);
        const bool last = i + 1 == run.size();
        if (last || decisions.contains(run[i].id) || current.shape.size() >= kMaxShapePoints) {
          current.to = run[i].id;
          current.to_position = run[i].position;
          segments.push_back(std::move(current));
          current = Segment{run[i].id, 0, run[i].position, {}, {}, 0.0, &way};
        } else {
          current.shape.push_back(to_record(run[i].position));
        }
      }
    }
    if (segments.size() == before) stats_.warn("way_too_short_to_route", 'w', way.id);
  }
  return segments;
}

void GraphBuilder::emit_edges(const std::vector<Segment>& segments, RoadGraphData& graph) {
  std::map<std::int64_t, geo::LatLon> positions;  // ordered: deterministic output
  geo::BoundingBox box;
  for (const Segment& s : segments) {
    positions.emplace(s.from, s.from_position);
    positions.emplace(s.to, s.to_position);
    box.extend(s.from_position);
    box.extend(s.to_position);
  }
  std::vector<std::pair<std::uint64_t, std::int64_t>> order;
  order.reserve(positions.size());
  for (const auto& [id, p] : positions) {
    order.emplace_back(hilbert_index(grid_cell(p.lon, box.min_lon, box.max_lon),
                                     grid_cell(p.lat, box.min_lat, box.max_lat)),
                       id);
  }
  std::sort(order.begin(), order.end());
  for (const auto& [key, id] : order) {
    node_ids_.emplace(id, static_cast<NodeId>(graph.nodes.size()));
    graph.nodes.push_back(to_record(positions.at(id)));
    graph.node_osm_ids.push_back(id);
  }

  for (const Segment& s : segments) {
    const CarRoad& road = s.way->road;
    format::EdgeRecord edge{};
    edge.shape_begin = static_cast<std::uint32_t>(graph.shape_points.size());
    edge.shape_count = static_cast<std::uint16_t>(s.shape.size());
    edge.name = s.way->name;
    edge.way_id = s.way->id;
    edge.length_m = static_cast<float>(s.length_m);
    edge.road_class = road.road_class;
    edge.access = road.access;
    edge.lanes = road.lanes;
    std::uint16_t flags = 0;
    if (road.roundabout) flags |= format::edge_flags::kRoundabout;
    if (road.toll) flags |= format::edge_flags::kToll;
    if (road.tunnel) flags |= format::edge_flags::kTunnel;
    if (road.bridge) flags |= format::edge_flags::kBridge;
    if (road.forward != road.backward) flags |= format::edge_flags::kOneway;
    graph.shape_points.insert(graph.shape_points.end(), s.shape.begin(), s.shape.end());
    const NodeId from = node_ids_.at(s.from), to = node_ids_.at(s.to);
    if (road.forward) {
      edge.source = from;
      edge.target = to;
      edge.speed_kmh = stored_speed(road.speed_forward.kmh);
      edge.flags = flags | format::edge_flags::kForward |
                   (road.speed_forward.from_maxspeed ? format::edge_flags::kMaxspeedTagged : 0);
      graph.edges.push_back(edge);
    }
    if (road.backward) {
      edge.source = to;
      edge.target = from;
      edge.speed_kmh = stored_speed(road.speed_backward.kmh);
      edge.flags =
          flags | (road.speed_backward.from_maxspeed ? format::edge_flags::kMaxspeedTagged : 0);
      graph.edges.push_back(edge);
    }
  }
  std::stable_sort(graph.edges.begin(), graph.edges.end(),
                   [](const auto& a, const auto& b) { return a.source < b.source; });
  graph.first_out.assign(graph.nodes.size() + 1, 0);
  for (const auto& edge : graph.edges)
    ++graph.first_out[edge.source + 1];
  std::partial_sum(graph.first_out.begin(), graph.first_out.end(), graph.first_out.begin());
}

void GraphBuilder::attach_signals(RoadGraphData& graph) {
  for (const auto& [osm_id, direction] : signals_) {
    const auto it = node_ids_.find(osm_id);
    if (it == node_ids_.end()) {
      stats_.warn("traffic_signal_not_on_car_road", 'n', osm_id);
      continue;
    }
    graph.traffic_signals.push_back({it->second, direction, {}, osm_id});
  }
  std::sort(graph.traffic_signals.begin(), graph.traffic_signals.end(),
            [](const auto& a, const auto& b) { return a.node < b.node; });
}

void GraphBuilder::resolve_restrictions(RoadGraphData& graph) {
  std::map<std::pair<std::int64_t, NodeId>, std::vector<EdgeId>> arriving, leaving;
  for (EdgeId e = 0; e < graph.edges.size(); ++e) {
    arriving[{graph.edges[e].way_id, graph.edges[e].target}].push_back(e);
    leaving[{graph.edges[e].way_id, graph.edges[e].source}].push_back(e);
  }
  const auto edges_of = [](const auto& index, std::int64_t way, NodeId node) {
    const auto it = index.find({way, node});
    return it == index.end() ? std::vector<EdgeId>{} : it->second;
  };
  for (const OsmTurnRestriction& r : restrictions_) {
    const auto via = node_ids_.find(r.via_node);
    const std::size_t before = graph.turn_restrictions.size();
    if (via != node_ids_.end()) {
      for (std::int64_t from_way : r.from_ways) {
        for (std::int64_t to_way : r.to_ways) {
          for (EdgeId from : edges_of(arriving, from_way, via->second)) {
            for (EdgeId to : edges_of(leaving, to_way, via->second)) {
              graph.turn_restrictions.push_back({from, via->second, to, r.kind, {}, r.relation_id});
            }
          }
        }
      }
    }
    if (graph.turn_restrictions.size() == before) {
      stats_.warn("turn_restriction_not_on_car_roads", 'r', r.relation_id);
    }
  }
}

RoadGraphData GraphBuilder::build(const NodeLocator& locate) {
  RoadGraphData graph;
  emit_edges(split_ways(locate), graph);
  attach_signals(graph);
  resolve_restrictions(graph);
  graph.names = names_;
  graph.strings = strings_;
  return graph;
}

}  // namespace codriver::map
