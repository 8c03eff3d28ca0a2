#pragma once

#include <optional>
#include <vector>

#include "routing/router.h"

// Many-to-many travel times and distances: the CH bucket algorithm (Knopp et al. 2007).
// One backward upward search per destination leaves (destination, label) in buckets
// at the vertices it settles; one forward upward search per origin reads them.
namespace codriver::routing {

struct TravelMatrix {
  std::size_t rows = 0, columns = 0;
  // Row-major; nullopt where no road connects the pair.
  std::vector<std::optional<double>> durations_s;
  std::vector<std::optional<double>> distances_m;

  std::optional<double> duration(std::size_t row, std::size_t column) const {
    return durations_s[row * columns + column];
  }
  std::optional<double> distance(std::size_t row, std::size_t column) const {
    return distances_m[row * columns + column];
  }
};

// Throws RoutingError for a point that is invalid, off the map or far from any road;
// an unreachable pair is not an error.
TravelMatrix travel_matrix(const Router& router, const std::vector<Waypoint>& origins,
                           const std::vector<Waypoint>& destinations);

}  // namespace codriver::routing
