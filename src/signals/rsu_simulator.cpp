#include "signals/rsu_simulator.h"

namespace codriver::signals {

RsuSimulator::RsuSimulator(const map::RoadGraph& graph, const PlanOptions& options)
    : intersections_(derive_intersections(graph)) {
  for (const auto& intersection : intersections_) plans_.push_back(plan_for(intersection, options));
}

MapMessage RsuSimulator::map_message() const { return map_message_of(intersections_); }

IntersectionSignals RsuSimulator::intersection_spat(std::size_t index, Instant t) const {
  const DerivedIntersection& derived = intersections_[index];
  IntersectionSignals signals;
  signals.id = derived.intersection.id;
  signals.name = derived.intersection.name;
  // MsgCount advances with every cycle, as a controller's would with each new plan step.
  const double seconds = std::chrono::duration<double>(t.time_since_epoch()).count();
  signals.revision = static_cast<int>(static_cast<std::int64_t>(seconds / plans_[index].cycle_s) % 128);
  signals.timestamp = std::chrono::time_point_cast<std::chrono::milliseconds>(t);
  signals.timestamp_parts = {true, true};
  const int groups = derived.has_crossing_axis() ? 2 : 1;
  for (int group = 1; group <= groups; ++group) {
    SignalGroupState state;
    state.signal_group = group;
    state.events = events_at(plans_[index], group, t, 3);
    signals.signal_groups.push_back(std::move(state));
  }
  return signals;
}

SpatMessage RsuSimulator::spat_at(Instant t) const {
  SpatMessage message;
  message.timestamp = std::chrono::time_point_cast<std::chrono::minutes>(t);
  for (std::size_t i = 0; i < intersections_.size(); ++i)
    message.intersections.push_back(intersection_spat(i, t));
  return message;
}

LightColour RsuSimulator::colour(std::size_t index, int group, Instant t) const {
  return colour_at(plans_[index], group, t);
}

std::size_t RsuSimulator::index_of(int intersection_id) const {
  for (std::size_t i = 0; i < intersections_.size(); ++i)
    if (intersections_[i].intersection.id.id == intersection_id) return i;
  return static_cast<std::size_t>(-1);
}

}  // namespace codriver::signals
