#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "routing/car_profile.h"
#include "routing/turn_graph.h"

// What every engine is asked and answers. A route starts part-way along a road
// edge and ends part-way along another, so a search begins at seeds: vertices with a
// starting label. Forward seeds are "at the end of a start edge"; backward seeds
// are "at the end of an edge that turns into the destination edge", labelled with
// the cost from there to the destination point. All labels are non-negative.
namespace codriver::routing {

struct Seed {
  EdgeId vertex = 0;
  Weight weight = 0;
  std::uint32_t tag = 0;          // which start/destination candidate the seed stands for
  std::uint32_t distance_dm = 0;  // length driven by the label, decimetres (matrices only)
};

struct SearchResult {
  Weight weight = kInfiniteWeight;
  std::vector<EdgeId> vertices;  // from a forward seed to a backward seed, inclusive
  std::uint32_t forward_tag = 0;
  std::uint32_t backward_tag = 0;
  std::size_t settled = 0;  // search effort, for benchmarks

  bool found() const { return weight != kInfiniteWeight; }
};

// The reference engines, kept simple so that the fast one can be checked against them.
SearchResult dijkstra_search(const TurnGraph& graph, std::span<const Seed> forward,
                             std::span<const Seed> backward);

// Bidirectional A* with the average of two great-circle potentials (Ikeda et al.):
// `ends[v]` is the position of the end of road edge v, `max_speed_mps` bounds every speed.
struct AStarGeometry {
  std::span<const geo::LatLon> vertex_ends;
  geo::LatLon source;
  geo::LatLon target;
  double max_speed_mps = 0;
};
SearchResult bidirectional_astar_search(const TurnGraph& graph, const AStarGeometry& geometry,
                                        std::span<const Seed> forward,
                                        std::span<const Seed> backward);

}  // namespace codriver::routing
