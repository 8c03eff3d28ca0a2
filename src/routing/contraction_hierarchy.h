#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "routing/turn_graph.h"

// Contraction hierarchies (Geisberger et al. 2008) over the turn graph. Every
// vertex gets a rank; a query only ever climbs ranks from both ends, and shortcut
// arcs remember the vertex they bypass so that paths can be unpacked again.
namespace codriver::routing {

inline constexpr EdgeId kNoMiddle = 0xFFFFFFFFu;
// A safety valve: contraction stops when the remaining graph averages this many arcs
// per vertex, and the remaining core is then searched by bidirectional Dijkstra inside
// the CH query. Only pathological graphs should reach it: at 48 it left 9 549 core
// vertices on the 1M-node synthetic grid, which made CH queries ten times slower
// (31 ms against 3.2 ms median) to save 8% of the build.
inline constexpr std::size_t kDefaultCoreAverageDegree = 1024;

struct ChArc {
  EdgeId vertex;  // the higher-ranked end
  Weight weight;
  EdgeId middle;              // the bypassed vertex of a shortcut, kNoMiddle for an original turn
  std::uint32_t distance_dm;  // length driven along the arc, decimetres (for matrices)
};

struct ContractionStats {
  std::size_t shortcuts = 0;
  double seconds = 0;
};

class ContractionHierarchy {
 public:
  // Contracts every vertex; deterministic for a given graph.
  // `vertex_length_dm[v]` is the length of road edge v, carried along so that
  // many-to-many tables can report distances as well as durations.
  static ContractionHierarchy build(const TurnGraph& graph,
                                    const std::vector<std::uint32_t>& vertex_length_dm,
                                    ContractionStats* stats = nullptr,
                                    std::size_t core_average_degree = kDefaultCoreAverageDegree);

  // Takes arrays as stored in a bundle; throws std::invalid_argument when inconsistent.
  static ContractionHierarchy from_arrays(std::vector<std::uint32_t> rank,
                                          std::vector<std::uint32_t> first_up,
                                          std::vector<ChArc> up,
                                          std::vector<std::uint32_t> first_down,
                                          std::vector<ChArc> down, std::uint32_t core_rank);

  std::size_t vertex_count() const { return rank_.size(); }
  std::uint32_t rank(EdgeId v) const { return rank_[v]; }
  // Vertices ranked from here on form the uncontracted core (vertex_count() when none):
  // dense grids leave one, which queries cross by bidirectional Dijkstra.
  std::uint32_t core_rank() const { return core_rank_; }
  bool has_core() const { return core_rank_ < rank_.size(); }
  // Arcs v -> w with rank(w) > rank(v): the forward search climbs these.
  std::span<const ChArc> up(EdgeId v) const;
  // Arcs w -> v with rank(w) > rank(v), stored at v: the backward search climbs these.
  std::span<const ChArc> down(EdgeId v) const;

  // Replaces the arc from -> to (given as climbing arc data) by original turns.
  void unpack(EdgeId from, EdgeId to, const ChArc& arc, std::vector<EdgeId>& out) const;

  const std::vector<std::uint32_t>& rank_array() const { return rank_; }
  const std::vector<std::uint32_t>& first_up_array() const { return first_up_; }
  const std::vector<ChArc>& up_array() const { return up_; }
  const std::vector<std::uint32_t>& first_down_array() const { return first_down_; }
  const std::vector<ChArc>& down_array() const { return down_; }

 private:
  const ChArc* find_up(EdgeId from, EdgeId to, Weight weight) const;
  const ChArc* find_down(EdgeId at, EdgeId from, Weight weight) const;

  std::vector<std::uint32_t> rank_;
  std::uint32_t core_rank_ = 0;
  std::vector<std::uint32_t> first_up_;
  std::vector<ChArc> up_;
  std::vector<std::uint32_t> first_down_;
  std::vector<ChArc> down_;
};

}  // namespace codriver::routing
