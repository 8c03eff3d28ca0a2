#include "routing/ch_query.h"

#include <algorithm>
#include <stdexcept>

namespace codriver::routing {

namespace {
constexpr EdgeId kNoParent = 0xFFFFFFFFu;
}

ChQuery::ChQuery(const ContractionHierarchy& ch)
    : ch_(ch), forward_(ch.vertex_count()), backward_(ch.vertex_count()) {}

void ChQuery::seed(SearchSpace& space, std::span<const Seed> seeds) {
  space.clear();
  for (const Seed& s : seeds) {
    if (s.vertex >= ch_.vertex_count()) throw std::out_of_range("seed outside the hierarchy");
    if (s.weight < space.label(s.vertex)) {
      space.set(s.vertex, s.weight, kNoParent, s.tag, s.distance_dm);
      space.push(s.weight, s.vertex);
    }
  }
}

// Stall-on-demand: if a higher vertex reaches v more cheaply by an arc pointing down
// into v, v's label is not a shortest distance and nothing needs to be relaxed from it.
bool ChQuery::stalled(const SearchSpace& space, EdgeId v, Weight weight, bool forward) const {
  const auto arcs = forward ? ch_.down(v) : ch_.up(v);
  for (const ChArc& arc : arcs) {
    const Weight above = space.label(arc.vertex);
    if (above != kInfiniteWeight && above + arc.weight < weight) return true;
  }
  return false;
}

void ChQuery::relax(SearchSpace& space, EdgeId v, Weight weight, bool forward) {
  for (const ChArc& arc : forward ? ch_.up(v) : ch_.down(v)) {
    const Weight candidate = weight + arc.weight;
    if (candidate < space.label(arc.vertex)) {
      space.set(arc.vertex, candidate, v, space.tag(v), space.distance_dm(v) + arc.distance_dm);
      space.push(candidate, arc.vertex);
    }
  }
}

SearchResult ChQuery::search(std::span<const Seed> forward, std::span<const Seed> backward) {
  seed(forward_, forward);
  seed(backward_, backward);
  SearchResult result;
  EdgeId meeting = kNoParent;
  bool forward_turn = true;
  while (!forward_.queue_empty() || !backward_.queue_empty()) {
    const Weight forward_top = forward_.queue_empty() ? kInfiniteWeight : forward_.queue_top();
    const Weight backward_top = backward_.queue_empty() ? kInfiniteWeight : backward_.queue_top();
    // Each side stops when its smallest label cannot improve the best meeting.
    if (std::min(forward_top, backward_top) >= result.weight) break;
    if (forward_top >= result.weight) forward_turn = false;
    if (backward_top >= result.weight) forward_turn = true;
    SearchSpace& space = forward_turn ? forward_ : backward_;
    const SearchSpace& other = forward_turn ? backward_ : forward_;
    const auto [weight, v] = space.pop();
    const bool side_forward = forward_turn;
    forward_turn = !forward_turn;
    if (weight != space.label(v)) continue;
    ++result.settled;
    if (other.reached(v) && weight + other.label(v) < result.weight) {
      result.weight = weight + other.label(v);
      meeting = v;
    }
    if (stalled(space, v, weight, side_forward)) continue;
    relax(space, v, weight, side_forward);
  }
  if (meeting == kNoParent) return result;
  result.vertices = unpack_path(meeting);
  result.forward_tag = forward_.tag(meeting);
  result.backward_tag = backward_.tag(meeting);
  return result;
}

namespace {

// The arc of a search tree: the one to `vertex` whose weight is the labels' difference.
const ChArc& tree_arc(std::span<const ChArc> arcs, EdgeId vertex, Weight weight) {
  for (const ChArc& a : arcs) {
    if (a.vertex == vertex && a.weight == weight) return a;
  }
  throw std::logic_error("contraction hierarchy search tree is inconsistent");
}

}  // namespace

std::vector<EdgeId> ChQuery::unpack_path(EdgeId meeting) const {
  // Climbing chain from the forward seed up to the meeting vertex...
  std::vector<EdgeId> up_chain;
  for (EdgeId v = meeting; v != kNoParent; v = forward_.parent(v))
    up_chain.push_back(v);
  std::reverse(up_chain.begin(), up_chain.end());
  std::vector<EdgeId> path{up_chain.front()};
  for (std::size_t i = 1; i < up_chain.size(); ++i) {
    const EdgeId from = up_chain[i - 1], to = up_chain[i];
    const Weight weight = forward_.label(to) - forward_.label(from);
    ch_.unpack(from, to, tree_arc(ch_.up(from), to, weight), path);
  }
  // ...then down the backward tree to the backward seed; each arc is stored at its lower end.
  for (EdgeId v = meeting; backward_.parent(v) != kNoParent; v = backward_.parent(v)) {
    const EdgeId next = backward_.parent(v);
    const Weight weight = backward_.label(v) - backward_.label(next);
    ch_.unpack(v, next, tree_arc(ch_.down(next), v, weight), path);
  }
  return path;
}

void ChQuery::upward_search(std::span<const Seed> seeds, bool forward, const Visit& visit) {
  SearchSpace& space = forward ? forward_ : backward_;
  seed(space, seeds);
  while (!space.queue_empty()) {
    const auto [weight, v] = space.pop();
    if (weight != space.label(v)) continue;
    if (stalled(space, v, weight, forward)) continue;
    visit(v, weight, space.distance_dm(v), space.tag(v));
    relax(space, v, weight, forward);
  }
}

}  // namespace codriver::routing
