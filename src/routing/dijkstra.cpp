#include <algorithm>
#include <functional>
#include <queue>

#include "routing/search.h"

namespace codriver::routing {

namespace {

constexpr EdgeId kNoParent = 0xFFFFFFFFu;

using QueueEntry = std::pair<Weight, EdgeId>;
using MinQueue = std::priority_queue<QueueEntry, std::vector<QueueEntry>, std::greater<>>;

}  // namespace

SearchResult dijkstra_search(const TurnGraph& graph, std::span<const Seed> forward,
                             std::span<const Seed> backward) {
  const std::size_t n = graph.vertex_count();
  std::vector<Weight> label(n, kInfiniteWeight);
  std::vector<EdgeId> parent(n, kNoParent);
  std::vector<std::uint32_t> seed_tag(n, 0);
  std::vector<Weight> to_target(n, kInfiniteWeight);
  std::vector<std::uint32_t> target_tag(n, 0);
  for (const Seed& s : backward) {
    if (s.weight < to_target[s.vertex])
      to_target[s.vertex] = s.weight, target_tag[s.vertex] = s.tag;
  }
  MinQueue queue;
  for (const Seed& s : forward) {
    if (s.weight < label[s.vertex]) {
      label[s.vertex] = s.weight;
      seed_tag[s.vertex] = s.tag;
      queue.emplace(s.weight, s.vertex);
    }
  }
  SearchResult result;
  EdgeId meeting = kNoParent;
  while (!queue.empty()) {
    const auto [weight, vertex] = queue.top();
    queue.pop();
    if (weight != label[vertex]) continue;  // stale entry
    if (weight >= result.weight) break;
    ++result.settled;
    if (to_target[vertex] != kInfiniteWeight && weight + to_target[vertex] < result.weight) {
      result.weight = weight + to_target[vertex];
      meeting = vertex;
    }
    for (const Turn& turn : graph.turns_from(vertex)) {
      const Weight candidate = weight + turn.weight;
      if (candidate < label[turn.edge]) {
        label[turn.edge] = candidate;
        parent[turn.edge] = vertex;
        seed_tag[turn.edge] = seed_tag[vertex];
        queue.emplace(candidate, turn.edge);
      }
    }
  }
  if (meeting == kNoParent) return result;
  for (EdgeId v = meeting; v != kNoParent; v = parent[v])
    result.vertices.push_back(v);
  std::reverse(result.vertices.begin(), result.vertices.end());
  result.forward_tag = seed_tag[meeting];
  result.backward_tag = target_tag[meeting];
  return result;
}

}  // namespace codriver::routing
