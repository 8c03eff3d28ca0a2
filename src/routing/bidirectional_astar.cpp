#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>

#include "geo/distance.h"
#include "routing/search.h"

namespace codriver::routing {

namespace {

constexpr EdgeId kNoParent = 0xFFFFFFFFu;

// One direction of the search: labels in milliseconds, keys with the potential added.
struct Side {
  std::vector<Weight> label;
  std::vector<EdgeId> parent;
  std::vector<std::uint32_t> tag;
  std::priority_queue<std::pair<double, EdgeId>, std::vector<std::pair<double, EdgeId>>,
                      std::greater<>>
      queue;

  explicit Side(std::size_t n) : label(n, kInfiniteWeight), parent(n, kNoParent), tag(n, 0) {}

  double top_key() const {
    return queue.empty() ? std::numeric_limits<double>::infinity() : queue.top().first;
  }
};

class AStar {
 public:
  AStar(const TurnGraph& graph, const AStarGeometry& geometry)
      : potential_(graph.vertex_count(), std::numeric_limits<double>::quiet_NaN()),
        graph_(graph),
        geometry_(geometry),
        forward_(graph.vertex_count()),
        backward_(graph.vertex_count()) {}

  SearchResult run(std::span<const Seed> forward_seeds, std::span<const Seed> backward_seeds) {
    seed(forward_, forward_seeds, +1);
    seed(backward_, backward_seeds, -1);
    while (forward_.top_key() + backward_.top_key() < static_cast<double>(best_)) {
      if (forward_.top_key() <= backward_.top_key()) {
        step(forward_, backward_, +1);
      } else {
        step(backward_, forward_, -1);
      }
    }
    return result();
  }

 private:
  // p(v) = (π_target(v) − π_source(v)) / 2 in milliseconds; the backward search uses −p.
  // Two great-circle distances are dearer than a relaxation, so each is computed once.
  double potential(EdgeId vertex) {
    double& cached = potential_[vertex];
    if (std::isnan(cached)) {
      const geo::LatLon end = geometry_.vertex_ends[vertex];
      const double to_target = geo::distance_m(end, geometry_.target);
      const double from_source = geo::distance_m(geometry_.source, end);
      cached = (to_target - from_source) / 2.0 / geometry_.max_speed_mps * 1000.0;
    }
    return cached;
  }

  void seed(Side& side, std::span<const Seed> seeds, int sign) {
    for (const Seed& s : seeds) {
      if (s.weight < side.label[s.vertex]) {
        side.label[s.vertex] = s.weight;
        side.tag[s.vertex] = s.tag;
        side.queue.emplace(s.weight + sign * potential(s.vertex), s.vertex);
      }
    }
  }

  void step(Side& side, const Side& other, int sign) {
    const auto [key, vertex] = side.queue.top();
    side.queue.pop();
    const Weight weight = side.label[vertex];
    if (key != weight + sign * potential(vertex)) return;  // stale entry
    ++settled_;
    if (other.label[vertex] != kInfiniteWeight && weight + other.label[vertex] < best_) {
      best_ = weight + other.label[vertex];
      meeting_ = vertex;
    }
    const auto turns = sign > 0 ? graph_.turns_from(vertex) : graph_.turns_into(vertex);
    for (const Turn& turn : turns) {
      const Weight candidate = weight + turn.weight;
      if (candidate < side.label[turn.edge]) {
        side.label[turn.edge] = candidate;
        side.parent[turn.edge] = vertex;
        side.tag[turn.edge] = side.tag[vertex];
        side.queue.emplace(candidate + sign * potential(turn.edge), turn.edge);
      }
    }
  }

  SearchResult result() const {
    SearchResult result;
    result.settled = settled_;
    if (meeting_ == kNoParent) return result;
    result.weight = best_;
    for (EdgeId v = meeting_; v != kNoParent; v = forward_.parent[v])
      result.vertices.push_back(v);
    std::reverse(result.vertices.begin(), result.vertices.end());
    for (EdgeId v = backward_.parent[meeting_]; v != kNoParent; v = backward_.parent[v]) {
      result.vertices.push_back(v);
    }
    result.forward_tag = forward_.tag[meeting_];
    result.backward_tag = backward_.tag[meeting_];
    return result;
  }

  std::vector<double> potential_;
  const TurnGraph& graph_;
  const AStarGeometry& geometry_;
  Side forward_, backward_;
  Weight best_ = kInfiniteWeight;
  EdgeId meeting_ = kNoParent;
  std::size_t settled_ = 0;
};

}  // namespace

SearchResult bidirectional_astar_search(const TurnGraph& graph, const AStarGeometry& geometry,
                                        std::span<const Seed> forward,
                                        std::span<const Seed> backward) {
  return AStar(graph, geometry).run(forward, backward);
}

}  // namespace codriver::routing
