#pragma once

#include <optional>
#include <vector>

#include "feeds/timestamp.h"
#include "map/places_db.h"
#include "places/place_filter.h"
#include "places/ranking.h"
#include "routing/route_path.h"
#include "routing/route_trace.h"
#include "routing/router.h"

// Places along a route, ranked by the time they add to the drive, not by how far they
// are from the line. The detour of place P is the cheapest way to leave the route at a
// sample point s_i, drive to P, and rejoin at a later sample s_j, minus the time the
// route itself takes from s_i to s_j:
//     detour(P) = min over i <= j of  t(s_i -> P) + t(P -> s_j) - (T_j - T_i)
// with t from two CH matrices (samples -> places, places -> samples).
namespace codriver::places {

struct AlongRouteQuery {
  PlaceFilter filter;
  double max_detour_s = 600;         // leave out places that add more
  double corridor_m = 2000;          // candidates within this straight distance of the route
  double sample_spacing_m = 400;     // where the route may be left and rejoined
  std::size_t max_candidates = 200;  // the closest to the route, before routing
  int limit = 10;
  std::optional<feeds::CivilTime> at;
  bool open_only = false;
};

// Candidates: places within `corridor_m` of the trace that pass the filter, with
// distance_m (to the route) and route_position_m set, closest to the route first.
std::vector<RankedPlace> places_near_route(map::PlacesReader& places,
                                           const std::vector<routing::TracePoint>& trace,
                                           const AlongRouteQuery& query);

// Fills detour_s/detour_m for every candidate (nullopt where unreachable) from samples
// of the route, leaving the candidates in place.
void compute_detours(const routing::Router& router, const std::vector<routing::TracePoint>& samples,
                     std::vector<RankedPlace>& candidates);

// The whole search: candidates, detours, filter by max_detour_s, rank.
std::vector<RankedPlace> places_along_route(map::PlacesReader& places,
                                            const routing::Router& router,
                                            const routing::RoutePath& route,
                                            const AlongRouteQuery& query,
                                            const Preferences& preferences);

}  // namespace codriver::places
