#pragma once

#include <cstddef>
#include <vector>

#include "routing/matrix.h"

// The order to visit stops in: the first stop is the start and stays first; the last
// stays last unless the trip returns to the start. Exact (Held-Karp dynamic programming)
// for up to kExactStops intermediate stops, a nearest-neighbour tour improved by 2-opt
// beyond that.
namespace codriver::routing {

inline constexpr std::size_t kExactStops = 10;

struct TripOrder {
  std::vector<std::size_t> order;  // indices into the stops, first = 0
  double duration_s = 0;           // of the whole trip in that order
  bool exact = false;
};

// `durations` is the square matrix between all stops. Throws RoutingError (kNoRoute)
// when no order connects them all.
TripOrder optimize_trip(const TravelMatrix& durations, bool round_trip);

}  // namespace codriver::routing
