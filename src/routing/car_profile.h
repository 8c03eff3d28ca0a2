#pragma once

#include <cstdint>

#include "map/bundle_format.h"

// How long a car takes: per edge from its speed, per turn from its angle, and at
// traffic signals. Durations are integer milliseconds so that every engine (Dijkstra,
// A*, CH) sums exactly the same numbers.
namespace codriver::routing {

using Weight = std::uint32_t;  // milliseconds
inline constexpr Weight kInfiniteWeight = 0xFFFFFFFFu;

struct CarProfile {
  // A tagged limit is a ceiling, not a cruising speed: cars average below it in town.
  double maxspeed_factor = 0.8;
  // Turning costs time on top of the road: a right angle about 7.5 s, a U-turn ~ 20 s more.
  double turn_penalty_s = 7.5;
  double uturn_penalty_s = 20.0;
  // Mean wait at a signal over the cycle (about a third of a 60-90 s cycle spent at red).
  double traffic_signal_delay_s = 8.0;
  // Entering a road that is only for access (destination) or private: avoid through traffic.
  double destination_penalty_s = 60.0;
  double private_penalty_s = 300.0;
  // Traffic drives on the right (false: left, e.g. UK, Japan); right turns are then cheaper.
  bool right_hand_traffic = true;

  Weight edge_weight(const map::format::EdgeRecord& edge) const;
  double speed_kmh(const map::format::EdgeRecord& edge) const;
  // Turn angle in degrees in (-180, 180]: negative left, positive right, 0 straight.
  Weight turn_weight(double turn_angle_deg, bool is_uturn) const;
  Weight access_weight(const map::format::EdgeRecord& from,
                       const map::format::EdgeRecord& to) const;
  Weight signal_weight() const;
};

Weight to_weight(double seconds);
double to_seconds(Weight weight);

}  // namespace codriver::routing
