#include "routing/turn_graph.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "geo/distance.h"

namespace codriver::routing {

namespace {

using map::format::EdgeRecord;
using map::format::RestrictionKind;
using map::format::SignalDirection;

// Restrictions by their from-edge; few edges have any.
struct RestrictionIndex {
  std::unordered_multimap<EdgeId, const map::format::TurnRestrictionRecord*> by_from;

  explicit RestrictionIndex(const map::RoadGraph& graph) {
    for (const auto& r : graph.turn_restrictions)
      by_from.emplace(r.from_edge, &r);
  }

  bool allows(EdgeId from, EdgeId to) const {
    const auto [begin, end] = by_from.equal_range(from);
    bool has_only = false, only_matches = false;
    for (auto it = begin; it != end; ++it) {
      const auto& r = *it->second;
      if (r.kind == RestrictionKind::kNo && r.to_edge == to) return false;
      if (r.kind == RestrictionKind::kOnly) {
        has_only = true;
        only_matches |= r.to_edge == to;
      }
    }
    return !has_only || only_matches;
  }
};

// Whether a car arriving over `edge` passes the signal at its target node.
bool signal_applies(const std::vector<std::int8_t>& signal_at, const EdgeRecord& edge) {
  const std::int8_t kind = signal_at[edge.target];
  if (kind < 0) return false;
  const auto direction = static_cast<SignalDirection>(kind);
  const bool forward = edge.flags & map::format::edge_flags::kForward;
  return direction == SignalDirection::kBoth ||
         (direction == SignalDirection::kForward && forward) ||
         (direction == SignalDirection::kBackward && !forward);
}

// The shape point next to an end of the edge, or the other end when it has none.
geo::LatLon neighbour_of_end(const map::RoadGraph& graph, const EdgeRecord& edge, bool at_source) {
  if (edge.shape_count == 0) return graph.position(at_source ? edge.target : edge.source);
  const bool forward = edge.flags & map::format::edge_flags::kForward;
  // Shape points are stored in the way's direction; a backward edge reads them reversed.
  const bool first_stored = at_source == forward;
  const std::uint32_t index =
      first_stored ? edge.shape_begin : edge.shape_begin + edge.shape_count - 1;
  return map::to_latlon(graph.shape_points[index]);
}

bool is_reverse_twin(const EdgeRecord& a, const EdgeRecord& b) {
  return a.way_id == b.way_id && a.source == b.target && a.target == b.source &&
         a.shape_begin == b.shape_begin;
}

}  // namespace

std::vector<std::uint32_t> vertex_lengths_dm(const map::RoadGraph& graph) {
  std::vector<std::uint32_t> lengths;
  lengths.reserve(graph.edge_count());
  for (const auto& edge : graph.edges) {
    lengths.push_back(static_cast<std::uint32_t>(std::lround(edge.length_m * 10.0)));
  }
  return lengths;
}

double bearing_leaving(const map::RoadGraph& graph, EdgeId edge) {
  const EdgeRecord& record = graph.edges[edge];
  return geo::initial_bearing_deg(graph.position(record.source),
                                  neighbour_of_end(graph, record, true));
}

double bearing_arriving(const map::RoadGraph& graph, EdgeId edge) {
  const EdgeRecord& record = graph.edges[edge];
  return geo::initial_bearing_deg(neighbour_of_end(graph, record, false),
                                  graph.position(record.target));
}

double turn_angle_deg(double bearing_in, double bearing_out) {
  double angle = bearing_out - bearing_in;
  while (angle > 180.0)
    angle -= 360.0;
  while (angle <= -180.0)
    angle += 360.0;
  return angle;
}

TurnGraph TurnGraph::build(const map::RoadGraph& graph, const CarProfile& profile) {
  const std::size_t n = graph.edge_count();
  TurnGraph result;
  result.edge_weights_.resize(n);
  std::vector<double> leaving(n), arriving(n);
  for (EdgeId e = 0; e < n; ++e) {
    result.edge_weights_[e] = profile.edge_weight(graph.edges[e]);
    leaving[e] = bearing_leaving(graph, e);
    arriving[e] = bearing_arriving(graph, e);
  }
  std::vector<std::int8_t> signal_at(graph.node_count(), -1);
  for (const auto& s : graph.traffic_signals)
    signal_at[s.node] = static_cast<std::int8_t>(s.direction);
  const RestrictionIndex restrictions(graph);

  result.first_out_.reserve(n + 1);
  result.first_out_.push_back(0);
  for (EdgeId e = 0; e < n; ++e) {
    const EdgeRecord& in = graph.edges[e];
    const auto outs = graph.out_edges(in.target);
    const EdgeId first = graph.first_edge(in.target);
    // A U-turn is allowed only where nothing else is: at a dead end.
    const bool dead_end = std::all_of(
        outs.begin(), outs.end(), [&](const EdgeRecord& out) { return is_reverse_twin(in, out); });
    const Weight signal = signal_applies(signal_at, in) ? profile.signal_weight() : 0;
    for (std::size_t k = 0; k < outs.size(); ++k) {
      const EdgeId f = first + static_cast<EdgeId>(k);
      const bool uturn = is_reverse_twin(in, outs[k]);
      if ((uturn && !dead_end) || !restrictions.allows(e, f)) continue;
      const Weight turn = profile.turn_weight(turn_angle_deg(arriving[e], leaving[f]), uturn);
      result.turns_.push_back(
          {f, turn + signal + profile.access_weight(in, outs[k]) + result.edge_weights_[f]});
    }
    result.first_out_.push_back(static_cast<std::uint32_t>(result.turns_.size()));
  }

  // The same arcs reversed, for backward searches.
  result.first_in_.assign(n + 1, 0);
  for (const Turn& t : result.turns_)
    ++result.first_in_[t.edge + 1];
  std::partial_sum(result.first_in_.begin(), result.first_in_.end(), result.first_in_.begin());
  result.reverse_turns_.resize(result.turns_.size());
  std::vector<std::uint32_t> fill(result.first_in_.begin(), result.first_in_.end() - 1);
  for (EdgeId e = 0; e < n; ++e) {
    for (const Turn& t : result.turns_from(e))
      result.reverse_turns_[fill[t.edge]++] = {e, t.weight};
  }
  return result;
}

std::span<const Turn> TurnGraph::turns_from(EdgeId edge) const {
  return std::span(turns_).subspan(first_out_[edge], first_out_[edge + 1] - first_out_[edge]);
}

std::span<const Turn> TurnGraph::turns_into(EdgeId edge) const {
  return std::span(reverse_turns_).subspan(first_in_[edge], first_in_[edge + 1] - first_in_[edge]);
}

}  // namespace codriver::routing
