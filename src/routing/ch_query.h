#pragma once

#include <functional>
#include <queue>
#include <span>
#include <vector>

#include "routing/contraction_hierarchy.h"
#include "routing/search.h"

namespace codriver::routing {

// Labels of one search direction, reset in O(1) between queries by a round stamp.
class SearchSpace {
 public:
  explicit SearchSpace(std::size_t n)
      : label_(n), parent_(n), tag_(n), distance_(n), stamp_(n, 0) {}

  void clear() {
    ++round_;
    queue = {};
    touched.clear();
  }
  bool reached(EdgeId v) const { return stamp_[v] == round_; }
  Weight label(EdgeId v) const { return reached(v) ? label_[v] : kInfiniteWeight; }
  EdgeId parent(EdgeId v) const { return parent_[v]; }
  std::uint32_t tag(EdgeId v) const { return tag_[v]; }
  std::uint32_t distance_dm(EdgeId v) const { return distance_[v]; }

  void set(EdgeId v, Weight weight, EdgeId parent, std::uint32_t tag, std::uint32_t distance_dm) {
    if (!reached(v)) touched.push_back(v);
    stamp_[v] = round_;
    label_[v] = weight;
    parent_[v] = parent;
    tag_[v] = tag;
    distance_[v] = distance_dm;
  }

  std::priority_queue<std::pair<Weight, EdgeId>, std::vector<std::pair<Weight, EdgeId>>,
                      std::greater<>>
      queue;
  std::vector<EdgeId> touched;

 private:
  std::vector<Weight> label_;
  std::vector<EdgeId> parent_;
  std::vector<std::uint32_t> tag_;
  std::vector<std::uint32_t> distance_;
  std::vector<std::uint32_t> stamp_;
  std::uint32_t round_ = 0;
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
