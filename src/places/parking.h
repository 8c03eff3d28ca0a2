#pragma once

#include <optional>
#include <vector>

#include "feeds/timestamp.h"
#include "geo/latlon.h"
#include "map/places_db.h"
#include "places/parking_availability.h"
#include "places/place_filter.h"
#include "places/ranking.h"

// Parking near a destination, ranked by the walk to it, price, type, size and live
// free spaces.
//
// The walk: bundles hold the car network only, no footways, so the walking distance is
// the straight line from the lot's entrance (its position when no entrance is tagged)
// to the destination times kWalkDetourFactor, the typical ratio of walking-network to
// straight-line distance in cities (1.2–1.4 in published route-directness studies).
namespace codriver::places {

inline constexpr double kWalkDetourFactor = 1.3;

struct ParkingQuery {
  geo::LatLon destination;
  double max_walk_m = 1000;
  int limit = 5;
  PlaceFilter filter;  // its categories are ignored: this is parking
  std::optional<feeds::CivilTime> at;
  bool include_full = false;  // lots that are live-reported full or closed
};

double walking_distance_m(const map::Place& lot, geo::LatLon destination);

// `board` may be null (no live feed); `now` dates the live readings.
std::vector<RankedPlace> parking_near(map::PlacesReader& places, const ParkingQuery& query,
                                      const Preferences& preferences,
                                      const AvailabilityBoard* board,
                                      feeds::Clock::time_point now);

}  // namespace codriver::places
