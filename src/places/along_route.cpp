#include "places/along_route.h"

#include <algorithm>
#include <limits>
#include <unordered_set>

#include "geo/bounding_box.h"
#include "geo/distance.h"
#include "geo/projection.h"
#include "places/place_search.h"
#include "routing/matrix.h"

namespace codriver::places {

namespace {

// Boxes around consecutive stretches of the route: a long diagonal route's one box
// would hold a whole region's places.
std::vector<geo::BoundingBox> corridor_boxes(const std::vector<routing::TracePoint>& trace,
                                             double margin_m) {
  constexpr double kStretchM = 2000;
  std::vector<geo::BoundingBox> boxes;
  geo::BoundingBox box;
  double stretch_start = 0;
  for (const routing::TracePoint& point : trace) {
    box.extend(point.position);
    if (point.distance_m - stretch_start >= kStretchM) {
      boxes.push_back(box.expanded_by_m(margin_m));
      box = geo::BoundingBox();
      box.extend(point.position);
      stretch_start = point.distance_m;
    }
  }
  boxes.push_back(box.expanded_by_m(margin_m));
  return boxes;
}

std::vector<geo::LatLon> positions(const std::vector<routing::TracePoint>& trace) {
  std::vector<geo::LatLon> line;
  line.reserve(trace.size());
  for (const routing::TracePoint& point : trace)
    line.push_back(point.position);
  return line;
}

// Where a place projects onto the route: the distance to it and how far along it is.
std::pair<double, double> route_offset(const std::vector<geo::LatLon>& line,
                                       geo::LatLon position) {
  const geo::PolylineProjection projection = geo::project_on_polyline(position, line);
  return {projection.distance_m, projection.distance_along_m};
}

struct Detour {
  double seconds = std::numeric_limits<double>::infinity();
  double metres = 0;
};

// The best (leave at i, rejoin at j >= i) for one place, from its matrix column/row.
Detour best_detour(const routing::TravelMatrix& to_place, const routing::TravelMatrix& from_place,
                   std::size_t place, const std::vector<routing::TracePoint>& samples) {
  Detour best;
  // Best departure so far, as t(s_i -> P) + T_i, scanning j forward keeps i <= j.
  double best_leave = std::numeric_limits<double>::infinity();
  double best_leave_m = 0;
  for (std::size_t j = 0; j < samples.size(); ++j) {
    if (const auto t = to_place.duration(j, place)) {
      if (*t + samples[j].time_s < best_leave) {
        best_leave = *t + samples[j].time_s;
        best_leave_m = *to_place.distance(j, place) + samples[j].distance_m;
      }
    }
    const auto back = from_place.duration(place, j);
    if (!back || best_leave == std::numeric_limits<double>::infinity()) continue;
    const double detour = best_leave + *back - samples[j].time_s;
    if (detour < best.seconds) {
      best.seconds = detour;
      best.metres = best_leave_m + *from_place.distance(place, j) - samples[j].distance_m;
    }
  }
  return best;
}

void add_if_near(map::StoredPlace stored, const std::vector<geo::LatLon>& line,
                 const AlongRouteQuery& query, std::vector<RankedPlace>& found) {
  if (rejection(stored.place, query.filter)) return;
  const auto [distance, along] = route_offset(line, stored.place.position);
  if (distance > query.corridor_m) return;
  RankedPlace place;
  place.stored = std::move(stored);
  place.distance_m = distance;
  place.route_position_m = along;
  found.push_back(std::move(place));
}

}  // namespace

std::vector<RankedPlace> places_near_route(map::PlacesReader& places,
                                           const std::vector<routing::TracePoint>& trace,
                                           const AlongRouteQuery& query) {
  std::vector<RankedPlace> found;
  if (trace.size() < 2) return found;
  const std::optional<map::PlaceCategory> category =
      query.filter.categories.size() == 1 ? std::optional(query.filter.categories[0])
                                          : std::nullopt;
  const std::vector<geo::LatLon> line = positions(trace);
  std::unordered_set<std::int64_t> seen;
  for (const geo::BoundingBox& box : corridor_boxes(trace, query.corridor_m)) {
    for (map::StoredPlace& stored : places.places_in_box(box, category)) {
      if (!seen.insert(stored.id).second) continue;
      add_if_near(std::move(stored), line, query, found);
    }
  }
  std::sort(found.begin(), found.end(), [](const RankedPlace& a, const RankedPlace& b) {
    return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.stored.id < b.stored.id;
  });
  if (found.size() > query.max_candidates) found.resize(query.max_candidates);
  return found;
}

void compute_detours(const routing::Router& router, const std::vector<routing::TracePoint>& samples,
                     std::vector<RankedPlace>& candidates) {
  if (candidates.empty() || samples.empty()) return;
  std::vector<routing::Waypoint> on_route, at_places;
  // The heading keeps each sample on the carriageway the route drives.
  for (const routing::TracePoint& sample : samples)
    on_route.emplace_back(sample.position, sample.bearing_deg);
  for (const RankedPlace& place : candidates)
    at_places.emplace_back(place.stored.place.entrance.value_or(place.stored.place.position));
  const routing::TravelMatrix to_places = routing::travel_matrix(router, on_route, at_places);
  const routing::TravelMatrix from_places = routing::travel_matrix(router, at_places, on_route);
  for (std::size_t p = 0; p < candidates.size(); ++p) {
    const Detour detour = best_detour(to_places, from_places, p, samples);
    if (detour.seconds == std::numeric_limits<double>::infinity()) continue;
    candidates[p].detour_s = std::max(0.0, detour.seconds);
    candidates[p].detour_m = std::max(0.0, detour.metres);
  }
}

std::vector<RankedPlace> places_along_route(map::PlacesReader& places,
                                            const routing::Router& router,
                                            const routing::RoutePath& route,
                                            const AlongRouteQuery& query,
                                            const Preferences& preferences) {
  const auto trace = routing::trace_route(router.graph(), route);
  std::vector<RankedPlace> candidates = places_near_route(places, trace, query);
  compute_detours(router, routing::resample_trace(trace, query.sample_spacing_m), candidates);
  std::erase_if(candidates, [&](const RankedPlace& place) {
    return !place.detour_s || *place.detour_s > query.max_detour_s;
  });
  return rank_candidates(std::move(candidates), query.at, query.open_only, preferences,
                         query.corridor_m / 2, query.limit);
}

}  // namespace codriver::places
