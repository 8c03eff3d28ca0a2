#pragma once

#include <optional>
#include <string>
#include <vector>

#include "feeds/timestamp.h"
#include "geo/latlon.h"
#include "map/places_db.h"
#include "places/place_filter.h"
#include "places/ranking.h"

// Places near a point: nearest-k and within-radius by category and filters, by name
// (FTS5 with prefixes, then a spelling-tolerant pass), ranked with reasons.
namespace codriver::places {

struct PlaceQuery {
  geo::LatLon near;
  double radius_m = 1500;
  int limit = 10;
  PlaceFilter filter;
  std::string name;                       // when set, only places whose names match
  std::optional<feeds::CivilTime> at;     // evaluate opening hours at this local time
  bool open_only = false;                 // leave out places known to be closed at `at`
};

// Places within `radius_m` of `center` that pass the filter, nearest first, with
// distance_m set. Uses the R*Tree, then the exact great-circle distance.
std::vector<RankedPlace> places_within(map::PlacesReader& places, geo::LatLon center,
                                       double radius_m, const PlaceFilter& filter);

// The k nearest places that pass the filter, no farther than `max_radius_m`, nearest
// first. Searches growing boxes until k are inside the circle that the box holds.
std::vector<RankedPlace> nearest_places(map::PlacesReader& places, geo::LatLon center,
                                        std::size_t k, const PlaceFilter& filter,
                                        double max_radius_m = 50000);

// Ids of places whose names match, best first: FTS5 prefix matches, and when those are
// fewer than `limit`, names within a small edit distance of each typed word.
std::vector<std::int64_t> match_names(map::PlacesReader& places, std::string_view text,
                                      int limit);

// The ranked answer to a query: filtered, opening hours evaluated, scored, best first.
std::vector<RankedPlace> search_places(map::PlacesReader& places, const PlaceQuery& query,
                                       const Preferences& preferences);

// What every ranked search does after it has its candidates: evaluate opening hours at
// `at`, drop the closed ones when asked, score, sort, keep `limit`.
std::vector<RankedPlace> rank_candidates(std::vector<RankedPlace> candidates,
                                         const std::optional<feeds::CivilTime>& at,
                                         bool open_only, const Preferences& preferences,
                                         double scale_m, int limit);

}  // namespace codriver::places
