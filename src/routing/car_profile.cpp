#include "routing/car_profile.h"

#include <algorithm>
#include <cmath>

namespace codriver::routing {

Weight to_weight(double seconds) {
  return static_cast<Weight>(std::clamp(std::llround(seconds * 1000.0), 0LL, 0xFFFFFFF0LL));
}

double to_seconds(Weight weight) {
  return weight / 1000.0;
}

double CarProfile::speed_kmh(const map::format::EdgeRecord& edge) const {
  const bool tagged = edge.flags & map::format::edge_flags::kMaxspeedTagged;
  return std::max(1.0, edge.speed_kmh * (tagged ? maxspeed_factor : 1.0));
}

Weight CarProfile::edge_weight(const map::format::EdgeRecord& edge) const {
  // At least one millisecond, so that no cycle is free and every search terminates.
  return std::max<Weight>(1, to_weight(edge.length_m / (speed_kmh(edge) / 3.6)));
}

Weight CarProfile::turn_weight(double angle, bool is_uturn) const {
  if (is_uturn) return to_weight(uturn_penalty_s + turn_penalty_s * 2);
  // A smooth curve: nothing when straight, turn_penalty_s at 90°, more for sharp turns;
  // turning across oncoming traffic (left where driving on the right) costs 1.5 times more.
  const double crossing = right_hand_traffic ? -angle : angle;
  const double side_factor = crossing > 0 ? 1.5 : 1.0;
  const double normalized = std::abs(angle) / 90.0;
  return to_weight(turn_penalty_s * side_factor * normalized * normalized);
}

Weight CarProfile::access_weight(const map::format::EdgeRecord& from,
                                 const map::format::EdgeRecord& to) const {
  if (to.access == from.access) return 0;
  if (to.access == map::format::Access::kPrivate) return to_weight(private_penalty_s);
  if (to.access == map::format::Access::kDestination) return to_weight(destination_penalty_s);
  return 0;
}

Weight CarProfile::signal_weight() const {
  return to_weight(traffic_signal_delay_s);
}

}  // namespace codriver::routing
