#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "routing/contraction_hierarchy.h"
#include "routing/search.h"

namespace codriver::routing {

// Labels of one search direction, reset in O(1) between queries by a round stamp.
// Everything kept per vertex sits in one record, so that reaching a vertex costs one
// cache miss rather than one per array: on the large grids the labels no longer fit
// in cache, and that is most of a query's time.
class SearchSpace {
 public:
  explicit SearchSpace(std::size_t n) : entries_(n) {}

  void clear() {
    if (++round_ == 0) {  // the stamps wrapped: forget them for real
      std::fill(entries_.begin(), entries_.end(), Entry{});
      round_ = 1;
    }
    queue_.clear();
  }
  bool reached(EdgeId v) const { return entries_[v].round == round_; }
  Weight label(EdgeId v) const { return reached(v) ? entries_[v].label : kInfiniteWeight; }
  EdgeId parent(EdgeId v) const { return entries_[v].parent; }
  std::uint32_t tag(EdgeId v) const { return entries_[v].tag; }
  std::uint32_t distance_dm(EdgeId v) const { return entries_[v].distance_dm; }

  void set(EdgeId v, Weight weight, EdgeId parent, std::uint32_t tag, std::uint32_t distance_dm) {
    entries_[v] = {weight, round_, parent, tag, distance_dm};
  }

  // The queue: a binary heap of weight << 32 | vertex, smallest first.
  bool queue_empty() const { return queue_.empty(); }
  Weight queue_top() const { return static_cast<Weight>(queue_.front() >> 32); }
  void push(Weight weight, EdgeId v) {
    queue_.push_back(std::uint64_t{weight} << 32 | v);
    std::push_heap(queue_.begin(), queue_.end(), std::greater<>());
  }
  std::pair<Weight, EdgeId> pop() {
    std::pop_heap(queue_.begin(), queue_.end(), std::greater<>());
    const std::uint64_t top = queue_.back();
    queue_.pop_back();
    return {static_cast<Weight>(top >> 32), static_cast<EdgeId>(top)};
  }

 private:
  struct Entry {
    Weight label = kInfiniteWeight;
    std::uint32_t round = 0;
    EdgeId parent = 0;
    std::uint32_t tag = 0;
    std::uint32_t distance_dm = 0;
  };
  std::vector<Entry> entries_;
  std::uint32_t round_ = 0;
  std::vector<std::uint64_t> queue_;
};

// A reusable bidirectional CH query with stall-on-demand. Not thread-safe: one per thread.
class ChQuery {
 public:
  explicit ChQuery(const ContractionHierarchy& ch);

  SearchResult search(std::span<const Seed> forward, std::span<const Seed> backward);

  // One upward search, for the many-to-many bucket algorithm: calls
  // visit(vertex, label, distance_dm, tag) for every vertex it settles (stalled ones excluded).
  using Visit = std::function<void(EdgeId, Weight, std::uint32_t, std::uint32_t)>;
  void upward_search(std::span<const Seed> seeds, bool forward, const Visit& visit);

 private:
  void seed(SearchSpace& space, std::span<const Seed> seeds);
  bool stalled(const SearchSpace& space, EdgeId v, Weight weight, bool forward) const;
  void relax(SearchSpace& space, EdgeId v, Weight weight, bool forward);
  std::vector<EdgeId> unpack_path(EdgeId meeting) const;

  const ContractionHierarchy& ch_;
  SearchSpace forward_, backward_;
};

}  // namespace codriver::routing
