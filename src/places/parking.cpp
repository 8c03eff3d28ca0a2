#include "places/parking.h"

#include "geo/distance.h"
#include "places/place_search.h"

namespace codriver::places {

namespace {

// A lot the feed says is full or closed right now is no answer, unless asked for.
bool unusable_now(const RankedPlace& lot) {
  if (!lot.availability || lot.availability->stale) return false;
  return lot.availability->status.closed || lot.availability->status.free == 0;
}

}  // namespace

double walking_distance_m(const map::Place& lot, geo::LatLon destination) {
  return geo::distance_m(lot.entrance.value_or(lot.position), destination) * kWalkDetourFactor;
}

std::vector<RankedPlace> parking_near(map::PlacesReader& places, const ParkingQuery& query,
                                      const Preferences& preferences,
                                      const AvailabilityBoard* board,
                                      feeds::Clock::time_point now) {
  PlaceFilter filter = query.filter;
  filter.categories = {map::PlaceCategory::kParking};
  // The straight line is never longer than the walk, so this radius finds every lot;
  // the margin covers lots whose tagged entrance is nearer than their centre.
  constexpr double kEntranceMarginM = 300;
  std::vector<RankedPlace> lots = places_within(
      places, query.destination, query.max_walk_m / kWalkDetourFactor + kEntranceMarginM, filter);
  for (RankedPlace& lot : lots) {
    lot.walk_m = walking_distance_m(lot.stored.place, query.destination);
    if (board != nullptr) lot.availability = board->reading(lot_id(lot.stored.place), now);
  }
  std::erase_if(lots, [&](const RankedPlace& lot) {
    return *lot.walk_m > query.max_walk_m || (!query.include_full && unusable_now(lot));
  });
  return rank_candidates(std::move(lots), query.at, false, preferences, query.max_walk_m / 3,
                         query.limit);
}

}  // namespace codriver::places
