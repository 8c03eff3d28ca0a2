#pragma once

#include <cstdint>
#include <vector>

#include "signals/osm_intersections.h"
#include "signals/signal_model.h"

// Timing plans for simulated signals: fixed-time cycles whose length and splits follow
// the class of the roads, offsets that make green waves along the major axis, and an
// optional actuated variation (the major green is extended by a per-cycle amount that
// the controller only knows late) reported through `likely_end` and `confidence`.
namespace codriver::signals {

struct PlanOptions {
  double arterial_cycle_s = 90;     // an approach of primary class or above
  double minor_cycle_s = 60;
  double single_axis_cycle_s = 70;  // a crossing light on one road: road green, then walkers
  double yellow_s = 3;
  double all_red_s = 2;
  double major_share = 0.6;         // of the green time in a two-group cycle
  double progression_speed_mps = 50 / 3.6;  // the green wave's speed along the major axis
  double max_extension_s = 0;       // > 0: actuated; the major green may run this much longer
  std::uint32_t seed = 1;
};

struct SignalPlan {
  double cycle_s = 60;
  double offset_s = 0;  // the cycle starts at Unix time offset_s (mod cycle_s)
  double major_green_s = 30;
  double minor_green_s = 20;  // 0 without a crossing axis: the rest of the cycle is red
  double yellow_s = 3, all_red_s = 2;
  double max_extension_s = 0;
  std::uint32_t seed = 1;
  int intersection_id = 0;
};

SignalPlan plan_for(const DerivedIntersection& intersection, const PlanOptions& options);

// What signal group `group` shows at `t` (the truth, as the controller runs it).
LightColour colour_at(const SignalPlan& plan, int group, Instant t);

// The current event of `group` at `t` and the next `count - 1`, as an RSU publishes them:
// ends that the actuation may move carry min/max bounds, a likely value and a confidence.
std::vector<MovementEvent> events_at(const SignalPlan& plan, int group, Instant t, int count);

}  // namespace codriver::signals
