#include "routing/matrix.h"

#include <memory>
#include <unordered_map>

#include "routing/ch_query.h"

namespace codriver::routing {

namespace {

struct BucketEntry {
  std::uint32_t column;
  Weight weight;
  std::uint32_t distance_dm;
};

struct Cell {
  Weight weight = kInfiniteWeight;
  std::uint32_t distance_dm = 0;

  void offer(Weight w, std::uint32_t d) {
    if (w < weight) weight = w, distance_dm = d;
  }
};

std::vector<std::vector<SnapCandidate>> snap_all(const Router& router,
                                                 const std::vector<Waypoint>& points,
                                                 bool destinations) {
  std::vector<std::vector<SnapCandidate>> snapped;
  for (const Waypoint& p : points) {
    router.check_position(p.position, destinations ? "destination" : "start");
    snapped.push_back(router.snap(p, destinations));
  }
  return snapped;
}

// Without a hierarchy every pair is a separate reference search: slow, but right.
void fill_by_search(const Router& router, const std::vector<std::vector<SnapCandidate>>& from,
                    const std::vector<std::vector<SnapCandidate>>& to, std::vector<Cell>& cells) {
  for (std::size_t i = 0; i < from.size(); ++i) {
    for (std::size_t j = 0; j < to.size(); ++j) {
      const auto forward = router.forward_seeds(from[i]);
      const auto backward = router.backward_seeds(to[j]);
      const auto result = dijkstra_search(router.turn_graph(), forward, backward);
      if (!result.found()) continue;
      std::uint32_t distance =
          router.length_dm(from[i][result.forward_tag].edge,
                           1.0 - from[i][result.forward_tag].fraction) +
          router.length_dm(to[j][result.backward_tag].edge, to[j][result.backward_tag].fraction);
      for (std::size_t k = 1; k < result.vertices.size(); ++k) {
        distance += router.length_dm(result.vertices[k], 1.0);
      }
      cells[i * to.size() + j].offer(result.weight, distance);
    }
  }
}

// Buckets stay exact with an uncontracted core: both upward searches also explore the
// whole core (its vertices keep all their arcs), so they meet on any core vertex of a
// shortest path, as they meet at the top of an ordinary up-down path.
void fill_by_buckets(const Router& router, const std::vector<std::vector<SnapCandidate>>& from,
                     const std::vector<std::vector<SnapCandidate>>& to, std::vector<Cell>& cells) {
  ChQuery query(*router.hierarchy());
  std::unordered_map<EdgeId, std::vector<BucketEntry>> buckets;
  for (std::uint32_t j = 0; j < to.size(); ++j) {
    query.upward_search(router.backward_seeds(to[j]), false,
                        [&](EdgeId v, Weight w, std::uint32_t d, std::uint32_t) {
                          buckets[v].push_back({j, w, d});
                        });
  }
  for (std::size_t i = 0; i < from.size(); ++i) {
    Cell* row = &cells[i * to.size()];
    query.upward_search(router.forward_seeds(from[i]), true,
                        [&](EdgeId v, Weight w, std::uint32_t d, std::uint32_t) {
                          const auto it = buckets.find(v);
                          if (it == buckets.end()) return;
                          for (const BucketEntry& b : it->second) {
                            row[b.column].offer(w + b.weight, d + b.distance_dm);
                          }
                        });
  }
}

}  // namespace

TravelMatrix travel_matrix(const Router& router, const std::vector<Waypoint>& origins,
                           const std::vector<Waypoint>& destinations) {
  const auto from = snap_all(router, origins, false);
  const auto to = snap_all(router, destinations, true);
  std::vector<Cell> cells(from.size() * to.size());
  if (router.hierarchy()) {
    fill_by_buckets(router, from, to, cells);
  } else {
    fill_by_search(router, from, to, cells);
  }
  // Start and destination on the same edge, the destination further along.
  for (std::size_t i = 0; i < from.size(); ++i) {
    for (std::size_t j = 0; j < to.size(); ++j) {
      std::size_t a = 0, b = 0;
      const Weight direct = router.direct_weight(from[i], to[j], &a, &b);
      if (direct == kInfiniteWeight) continue;
      cells[i * to.size() + j].offer(
          direct, router.length_dm(from[i][a].edge, to[j][b].fraction - from[i][a].fraction));
    }
  }
  TravelMatrix matrix;
  matrix.rows = from.size();
  matrix.columns = to.size();
  for (const Cell& c : cells) {
    if (c.weight == kInfiniteWeight) {
      matrix.durations_s.emplace_back();
      matrix.distances_m.emplace_back();
    } else {
      matrix.durations_s.emplace_back(to_seconds(c.weight));
      matrix.distances_m.emplace_back(c.distance_dm / 10.0);
    }
  }
  return matrix;
}

}  // namespace codriver::routing
