#include "routing/router.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "geo/distance.h"
#include "routing/ch_query.h"
#include "routing/search.h"

namespace codriver::routing {

namespace {

std::string describe(geo::LatLon p) {
  char text[64];
  std::snprintf(text, sizeof(text), "%.6f,%.6f", p.lat, p.lon);
  return text;
}

}  // namespace

std::uint32_t Router::length_dm(EdgeId edge, double fraction) const {
  return static_cast<std::uint32_t>(
      std::lround(graph_.edges[edge].length_m * 10.0 * std::clamp(fraction, 0.0, 1.0)));
}

namespace {

Weight part_of(Weight weight, double fraction) {
  return static_cast<Weight>(std::llround(weight * std::clamp(fraction, 0.0, 1.0)));
}

}  // namespace

struct Router::Workspace {
  explicit Workspace(const ContractionHierarchy* ch) {
    if (ch) query = std::make_unique<ChQuery>(*ch);
  }
  std::unique_ptr<ChQuery> query;
};

Router::Router(const map::RoadGraph& graph, CarProfile profile,
               std::shared_ptr<const ContractionHierarchy> hierarchy)
    : graph_(graph),
      profile_(profile),
      turns_(TurnGraph::build(graph, profile_)),
      snap_index_(graph),
      hierarchy_(std::move(hierarchy)),
      workspace_(std::make_unique<Workspace>(hierarchy_.get())) {
  if (hierarchy_ && hierarchy_->vertex_count() != turns_.vertex_count()) {
    throw std::invalid_argument("the contraction hierarchy was built for another graph");
  }
  vertex_ends_.reserve(graph.edge_count());
  for (const auto& edge : graph.edges) {
    vertex_ends_.push_back(graph.position(edge.target));
    max_speed_mps_ = std::max(max_speed_mps_, profile_.speed_kmh(edge) / 3.6);
  }
  for (const auto& node : graph.nodes)
    bounds_.extend(map::to_latlon(node));
}

Router::~Router() = default;

void Router::check_position(geo::LatLon p, const char* role) const {
  const std::string where = std::string(role) + " " + describe(p);
  const bool is_start = std::string_view(role) == "start";
  const std::string role_zh = is_start                                  ? "起点"
                              : std::string_view(role) == "destination" ? "终点"
                                                                        : "途经点";
  if (!geo::is_valid(p)) {
    throw RoutingError(
        RoutingError::Code::kInvalidCoordinate,
        "the " + where + " is not a valid coordinate (latitude within ±90, longitude within ±180)",
        role_zh + "坐标无效（纬度须在±90之间，经度须在±180之间）");
  }
  if (!bounds_.expanded_by_m(snap_radius_m).contains(p)) {
    const geo::LatLon swapped{p.lon, p.lat};
    const bool swap_fits = geo::is_valid(swapped) && bounds_.contains(swapped);
    throw RoutingError(RoutingError::Code::kOutsideMap,
                       "the " + where + " is outside the map" +
                           (swap_fits ? "; latitude and longitude look swapped" : ""),
                       role_zh + "不在地图范围内" + (swap_fits ? "（经纬度可能写反了）" : ""));
  }
}

std::vector<SnapCandidate> Router::snap(const Waypoint& point, bool is_destination) const {
  SnapOptions options;
  options.radius_m = snap_radius_m;
  options.heading_deg = point.heading_deg;
  options.kerb_side = point.kerb_side;
  options.right_hand_traffic = profile_.right_hand_traffic;
  auto candidates = snap_index_.snap(point.position, options);
  if (candidates.empty() && point.heading_deg) {
    options.heading_deg.reset();  // a heading that fits no road nearby is ignored, not fatal
    candidates = snap_index_.snap(point.position, options);
  }
  if (candidates.empty()) {
    const char* role = is_destination ? "destination" : "start";
    throw RoutingError(RoutingError::Code::kNoRoadNearby,
                       std::string("no road a car can drive within ") +
                           std::to_string(static_cast<int>(snap_radius_m)) + " m of the " + role +
                           " " + describe(point.position),
                       std::string(is_destination ? "终点" : "起点") + "附近" +
                           std::to_string(static_cast<int>(snap_radius_m)) +
                           "米内没有可通行的道路");
  }
  return candidates;
}

std::vector<Seed> Router::forward_seeds(const std::vector<SnapCandidate>& from) const {
  std::vector<Seed> seeds;
  for (std::uint32_t i = 0; i < from.size(); ++i) {
    const double rest = 1.0 - from[i].fraction;
    seeds.push_back({from[i].edge, part_of(turns_.edge_weight(from[i].edge), rest), i,
                     length_dm(from[i].edge, rest)});
  }
  return seeds;
}

std::vector<Seed> Router::backward_seeds(const std::vector<SnapCandidate>& to) const {
  std::vector<Seed> seeds;
  for (std::uint32_t j = 0; j < to.size(); ++j) {
    const Weight whole = turns_.edge_weight(to[j].edge);
    const Weight rest = part_of(whole, 1.0 - to[j].fraction);
    for (const Turn& turn : turns_.turns_into(to[j].edge)) {
      seeds.push_back({turn.edge, turn.weight - rest, j, length_dm(to[j].edge, to[j].fraction)});
    }
  }
  return seeds;
}

Weight Router::direct_weight(const std::vector<SnapCandidate>& from,
                             const std::vector<SnapCandidate>& to, std::size_t* from_index,
                             std::size_t* to_index) const {
  Weight best = kInfiniteWeight;
  for (std::size_t i = 0; i < from.size(); ++i) {
    for (std::size_t j = 0; j < to.size(); ++j) {
      if (from[i].edge != to[j].edge || from[i].fraction > to[j].fraction) continue;
      const Weight whole = turns_.edge_weight(from[i].edge);
      const Weight w =
          part_of(whole, 1.0 - from[i].fraction) - part_of(whole, 1.0 - to[j].fraction);
      if (w < best) {
        best = w;
        if (from_index) *from_index = i;
        if (to_index) *to_index = j;
      }
    }
  }
  return best;
}

Leg Router::route(const Waypoint& from, const Waypoint& to, Engine engine) const {
  check_position(from.position, "start");
  check_position(to.position, "destination");
  const auto starts = snap(from, false);
  const auto ends = snap({to.position, std::nullopt, to.kerb_side}, true);
  const auto forward = forward_seeds(starts);
  const auto backward = backward_seeds(ends);

  SearchResult found;
  if (engine == Engine::kContractionHierarchy && workspace_->query) {
    found = workspace_->query->search(forward, backward);
  } else if (engine == Engine::kDijkstra) {
    found = dijkstra_search(turns_, forward, backward);
  } else {
    found = bidirectional_astar_search(
        turns_, {vertex_ends_, from.position, to.position, max_speed_mps_}, forward, backward);
  }
  std::size_t direct_from = 0, direct_to = 0;
  const Weight direct = direct_weight(starts, ends, &direct_from, &direct_to);

  Leg leg;
  leg.settled = found.settled;
  if (direct <= found.weight && direct != kInfiniteWeight) {
    const SnapCandidate& s = starts[direct_from];
    leg.path.edges.push_back({s.edge, s.fraction, ends[direct_to].fraction, to_seconds(direct)});
    leg.path.duration_s = to_seconds(direct);
    leg.path.distance_m = graph_.edges[s.edge].length_m * (ends[direct_to].fraction - s.fraction);
    leg.snapped_from = s.point;
    leg.snapped_to = ends[direct_to].point;
    return leg;
  }
  if (!found.found()) {
    throw RoutingError(RoutingError::Code::kNoRoute,
                       "no road connects the start " + describe(from.position) +
                           " to the destination " + describe(to.position),
                       "起点与终点之间没有道路相连");
  }
  leg.path = assemble(found.vertices, starts[found.forward_tag], ends[found.backward_tag]);
  leg.snapped_from = starts[found.forward_tag].point;
  leg.snapped_to = ends[found.backward_tag].point;
  return leg;
}

RoutePath Router::assemble(const std::vector<EdgeId>& vertices, const SnapCandidate& from,
                           const SnapCandidate& to) const {
  RoutePath path;
  const auto turn_weight = [&](EdgeId a, EdgeId b) {
    Weight best = kInfiniteWeight;
    for (const Turn& t : turns_.turns_from(a)) {
      if (t.edge == b) best = std::min(best, t.weight);
    }
    return best;
  };
  path.edges.push_back(
      {vertices.front(), from.fraction, 1.0,
       to_seconds(part_of(turns_.edge_weight(vertices.front()), 1.0 - from.fraction))});
  for (std::size_t i = 1; i < vertices.size(); ++i) {
    path.edges.push_back(
        {vertices[i], 0.0, 1.0, to_seconds(turn_weight(vertices[i - 1], vertices[i]))});
  }
  const Weight whole = turns_.edge_weight(to.edge);
  const Weight last = turn_weight(vertices.back(), to.edge) - part_of(whole, 1.0 - to.fraction);
  path.edges.push_back({to.edge, 0.0, to.fraction, to_seconds(last)});
  for (const PathEdge& e : path.edges) {
    path.duration_s += e.duration_s;
    path.distance_m += graph_.edges[e.edge].length_m * (e.to_fraction - e.from_fraction);
  }
  return path;
}

std::vector<Leg> Router::route_via(const std::vector<Waypoint>& stops, Engine engine) const {
  if (stops.size() < 2) {
    throw RoutingError(RoutingError::Code::kTooManyStops, "a route needs a start and a destination",
                       "路线需要起点和终点");
  }
  std::vector<Leg> legs;
  for (std::size_t i = 0; i + 1 < stops.size(); ++i) {
    // Only the first leg starts with the car's heading; later legs leave a stop any way.
    Waypoint from = stops[i];
    if (i > 0) from.heading_deg.reset();
    legs.push_back(route(from, stops[i + 1], engine));
  }
  return legs;
}

}  // namespace codriver::routing
