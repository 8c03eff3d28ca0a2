#include "signals/osm_intersections.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "geo/distance.h"

namespace codriver::signals {

namespace {

using map::EdgeId;
using map::NodeId;
using map::format::SignalDirection;

// Union-find over the signal nodes, joining those within the cluster radius.
std::vector<std::vector<NodeId>> cluster_signal_nodes(const map::RoadGraph& graph,
                                                      const std::vector<NodeId>& nodes) {
  std::vector<std::size_t> parent(nodes.size());
  std::iota(parent.begin(), parent.end(), 0);
  const auto root = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  // Sorted by latitude, only a window of nodes can be near each other.
  std::vector<std::size_t> order(nodes.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return graph.position(nodes[a]).lat < graph.position(nodes[b]).lat;
  });
  const double window_deg = kClusterRadiusM / 111000.0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const geo::LatLon a = graph.position(nodes[order[i]]);
    for (std::size_t j = i + 1; j < order.size(); ++j) {
      const geo::LatLon b = graph.position(nodes[order[j]]);
      if (b.lat - a.lat > window_deg) break;
      if (geo::distance_m(a, b) <= kClusterRadiusM) parent[root(order[i])] = root(order[j]);
    }
  }
  std::map<std::size_t, std::vector<NodeId>> groups;
  for (std::size_t i = 0; i < nodes.size(); ++i) groups[root(i)].push_back(nodes[i]);
  std::vector<std::vector<NodeId>> clusters;
  for (auto& [unused, members] : groups) clusters.push_back(std::move(members));
  return clusters;
}

bool controls(SignalDirection direction, const map::format::EdgeRecord& edge) {
  const bool forward = edge.flags & map::format::edge_flags::kForward;
  return direction == SignalDirection::kBoth ||
         (direction == SignalDirection::kForward) == forward;
}

// A point `length` metres along a polyline (or its end).
geo::LatLon along(const std::vector<geo::LatLon>& line, double length) {
  for (std::size_t i = 1; i < line.size(); ++i) {
    const double step = geo::distance_m(line[i - 1], line[i]);
    if (step >= length && step > 0) {
      const double t = length / step;
      return {line[i - 1].lat + (line[i].lat - line[i - 1].lat) * t,
              line[i - 1].lon + (line[i].lon - line[i - 1].lon) * t};
    }
    length -= step;
  }
  return line.back();
}

Lane ingress_lane(const map::RoadGraph& graph, EdgeId edge, int index) {
  std::vector<geo::LatLon> line = graph.edge_geometry(edge);
  std::reverse(line.begin(), line.end());  // from the stop line back up the road
  Lane lane;
  lane.id = 2 * index + 1;
  lane.ingress_approach = std::min(15, index + 1);
  lane.ingress_path = true;
  lane.nodes = {{line.front(), {}, {}}, {along(line, kLaneLengthM), {}, {}}};
  lane.name = ia5_name(graph.street_name(graph.edges[edge]).name);
  return lane;
}

Lane egress_lane(const map::RoadGraph& graph, EdgeId edge, int index) {
  const std::vector<geo::LatLon> line = graph.edge_geometry(edge);
  Lane lane;
  lane.id = 2 * index + 2;
  lane.egress_approach = std::min(15, index + 1);
  lane.egress_path = true;
  lane.nodes = {{line.front(), {}, {}}, {along(line, kLaneLengthM), {}, {}}};
  lane.name = ia5_name(graph.street_name(graph.edges[edge]).name);
  return lane;
}

double travel_bearing(const Lane& lane, bool ingress) {
  const geo::LatLon near = lane.nodes[0].position, far = lane.nodes[1].position;
  return ingress ? geo::initial_bearing_deg(far, near) : geo::initial_bearing_deg(near, far);
}

Maneuver turn_of(double in_bearing, double out_bearing) {
  double turn = std::fmod(out_bearing - in_bearing + 540.0, 360.0) - 180.0;  // -180..180
  if (std::abs(turn) < 35) return Maneuver::kStraight;
  if (std::abs(turn) > 150) return Maneuver::kUTurn;
  return turn < 0 ? Maneuver::kLeft : Maneuver::kRight;
}

struct Cluster {
  std::vector<NodeId> nodes;
  std::map<NodeId, SignalDirection> directions;
};

void add_lanes(const map::RoadGraph& graph, const Cluster& cluster,
               const std::vector<std::vector<EdgeId>>& incoming, DerivedIntersection& out) {
  const auto inside = [&](NodeId n) {
    return std::find(cluster.nodes.begin(), cluster.nodes.end(), n) != cluster.nodes.end();
  };
  for (NodeId node : cluster.nodes) {
    for (EdgeId e : incoming[node]) {
      if (!inside(graph.edges[e].source) && controls(cluster.directions.at(node), graph.edges[e])) {
        out.ingress_edges.push_back(e);
      }
    }
    for (EdgeId e = graph.first_edge(node); e < graph.first_out[node + 1]; ++e) {
      if (!inside(graph.edges[e].target)) out.egress_edges.push_back(e);
    }
  }
  // Lane ids are 0..255: a pathological cluster keeps its first 127 roads each way.
  if (out.ingress_edges.size() > 127) out.ingress_edges.resize(127);
  if (out.egress_edges.size() > 127) out.egress_edges.resize(127);
  out.max_approach_speed_mps = 0;
  for (std::size_t k = 0; k < out.ingress_edges.size(); ++k) {
    out.intersection.lanes.push_back(ingress_lane(graph, out.ingress_edges[k], static_cast<int>(k)));
    out.max_approach_speed_mps =
        std::max(out.max_approach_speed_mps, graph.edges[out.ingress_edges[k]].speed_kmh / 3.6);
  }
  for (std::size_t k = 0; k < out.egress_edges.size(); ++k)
    out.intersection.lanes.push_back(egress_lane(graph, out.egress_edges[k], static_cast<int>(k)));
}

// Group 1 is the axis of the most important approach road; the rest is group 2.
void assign_signal_groups(const map::RoadGraph& graph, DerivedIntersection& out) {
  std::optional<std::size_t> major;
  for (std::size_t k = 0; k < out.ingress_edges.size(); ++k) {
    const auto& edge = graph.edges[out.ingress_edges[k]];
    if (!major || edge.road_class < graph.edges[out.ingress_edges[*major]].road_class) major = k;
  }
  if (!major) return;
  out.major_class = graph.edges[out.ingress_edges[*major]].road_class;
  out.major_bearing_deg = travel_bearing(out.intersection.lanes[*major], true);
  const std::size_t ingress_count = out.ingress_edges.size();
  for (std::size_t k = 0; k < ingress_count; ++k) {
    Lane& in = out.intersection.lanes[k];
    const double bearing = travel_bearing(in, true);
    const double across = bearing_difference_deg(bearing, out.major_bearing_deg);
    const int group = across <= 45 || across >= 135 ? 1 : 2;
    for (std::size_t j = 0; j < out.egress_edges.size(); ++j) {
      const auto& from = graph.edges[out.ingress_edges[k]];
      const auto& to = graph.edges[out.egress_edges[j]];
      if (to.target == from.source) continue;  // straight back where it came from
      const Lane& egress = out.intersection.lanes[ingress_count + j];
      const Maneuver turn = turn_of(bearing, travel_bearing(egress, false));
      LaneConnection connection;
      connection.lane = egress.id;
      connection.maneuvers = static_cast<ManeuverSet>(1u << static_cast<int>(turn));
      connection.signal_group = group;
      in.connects_to.push_back(connection);
    }
  }
}

geo::LatLon centre(const map::RoadGraph& graph, const std::vector<NodeId>& nodes) {
  double lat = 0, lon = 0;
  for (NodeId n : nodes) {
    lat += graph.position(n).lat;
    lon += graph.position(n).lon;
  }
  return {lat / static_cast<double>(nodes.size()), lon / static_cast<double>(nodes.size())};
}

std::vector<std::vector<EdgeId>> incoming_edges(const map::RoadGraph& graph,
                                                const std::map<NodeId, SignalDirection>& signals) {
  std::vector<std::vector<EdgeId>> incoming(graph.node_count());
  for (EdgeId e = 0; e < graph.edge_count(); ++e) {
    if (signals.count(graph.edges[e].target)) incoming[graph.edges[e].target].push_back(e);
  }
  return incoming;
}

}  // namespace

// J2735 DescriptiveName is IA5 (ASCII), 1..63 characters: Latin letters with accents lose
// them ("Grâce" -> "Grace"), anything else non-ASCII is left out.
std::string ia5_name(std::string_view name) {
  static const char* kLatin1 = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
  std::string out;
  for (std::size_t i = 0; i < name.size() && out.size() < 63; ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else if (c == 0xC3 && i + 1 < name.size()) {
      const auto next = static_cast<unsigned char>(name[++i]);
      if (next >= 0x80 && next <= 0xBF) out += kLatin1[next - 0x80];
    }
  }
  return out;
}

double bearing_difference_deg(double a, double b) {
  const double d = std::fmod(std::abs(a - b), 360.0);
  return d > 180 ? 360 - d : d;
}

bool DerivedIntersection::has_crossing_axis() const {
  for (const Lane& lane : intersection.lanes)
    for (const LaneConnection& c : lane.connects_to)
      if (c.signal_group == 2) return true;
  return false;
}

std::vector<DerivedIntersection> derive_intersections(const map::RoadGraph& graph) {
  std::map<NodeId, SignalDirection> signals;
  for (const auto& record : graph.traffic_signals) signals[record.node] = record.direction;
  std::vector<NodeId> nodes;
  for (const auto& [node, direction] : signals) nodes.push_back(node);
  auto clusters = cluster_signal_nodes(graph, nodes);
  const auto osm_key = [&](const std::vector<NodeId>& c) {
    std::int64_t smallest = INT64_MAX;
    for (NodeId n : c) smallest = std::min(smallest, graph.node_osm_ids[n]);
    return smallest;
  };
  std::sort(clusters.begin(), clusters.end(),
            [&](const auto& a, const auto& b) { return osm_key(a) < osm_key(b); });
  const auto incoming = incoming_edges(graph, signals);
  std::vector<DerivedIntersection> out;
  for (const auto& members : clusters) {
    Cluster cluster{members, {}};
    for (NodeId n : members) cluster.directions[n] = signals.at(n);
    DerivedIntersection derived;
    derived.nodes = members;
    derived.intersection.id.id = static_cast<int>(out.size() % 65535) + 1;
    derived.intersection.ref_point = centre(graph, members);
    add_lanes(graph, cluster, incoming, derived);
    if (derived.ingress_edges.empty()) continue;  // nothing drives into this light
    assign_signal_groups(graph, derived);
    derived.intersection.name = derived.intersection.lanes.front().name;
    out.push_back(std::move(derived));
  }
  return out;
}

MapMessage map_message_of(const std::vector<DerivedIntersection>& intersections) {
  MapMessage message;
  message.layer_type = 3;  // intersectionData
  for (const auto& derived : intersections) message.intersections.push_back(derived.intersection);
  return message;
}

}  // namespace codriver::signals
