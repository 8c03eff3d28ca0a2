#pragma once

#include <vector>

#include "map/road_graph.h"
#include "signals/osm_intersections.h"
#include "signals/signal_model.h"
#include "signals/signal_plan.h"

// A roadside unit for every signalised intersection of a bundle: the intersections
// derived from the road graph, a timing plan for each, and the MAP and SPaT messages
// an RSU would broadcast. The drive simulator asks the same plans for the truth.
namespace codriver::signals {

class RsuSimulator {
 public:
  RsuSimulator(const map::RoadGraph& graph, const PlanOptions& options = {});

  const std::vector<DerivedIntersection>& intersections() const { return intersections_; }
  const std::vector<SignalPlan>& plans() const { return plans_; }

  MapMessage map_message() const;
  // Every intersection's current and next two events per signal group at `t`.
  SpatMessage spat_at(Instant t) const;
  IntersectionSignals intersection_spat(std::size_t index, Instant t) const;
  // What a group shows (the truth), for the drive simulator.
  LightColour colour(std::size_t index, int group, Instant t) const;

  // The index of the intersection with this id, or npos.
  std::size_t index_of(int intersection_id) const;

 private:
  std::vector<DerivedIntersection> intersections_;
  std::vector<SignalPlan> plans_;
};

}  // namespace codriver::signals
