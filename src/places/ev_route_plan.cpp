#include "places/ev_route_plan.h"

#include "routing/matrix.h"

namespace codriver::places {

namespace {

// A charger the matrix can use: a valid position with a road near it, both to arrive and
// to leave. One bad candidate must not sink the whole plan, so it is set aside instead.
bool has_road_nearby(const routing::Router& router, const routing::Waypoint& point) {
  try {
    router.check_position(point.position, "stop");
    router.snap(point, false);
    router.snap(point, true);
    return true;
  } catch (const routing::RoutingError&) {
    return false;
  }
}

// Matrix rows: origin, chargers; columns: chargers, destination. Node k of the table is
// row k and column k - 1; a charger's leg to itself is never used.
LegTable leg_table(const routing::TravelMatrix& matrix, std::size_t charger_count) {
  LegTable legs(charger_count);
  for (std::size_t row = 0; row < matrix.rows; ++row) {
    for (std::size_t column = 0; column < matrix.columns; ++column) {
      const std::size_t to = column + 1;
      const auto duration = matrix.duration(row, column);
      const auto distance = matrix.distance(row, column);
      if (row == to || !duration || !distance) continue;
      legs.set(row, to, {*duration, *distance});
    }
  }
  return legs;
}

}  // namespace

std::vector<routing::Waypoint> EvRoutePlan::waypoints() const {
  std::vector<routing::Waypoint> points{origin};
  for (const RoutedChargingStop& stop : stops)
    points.emplace_back(stop.position);
  points.push_back(destination);
  return points;
}

EvRoutePlan plan_ev_route(const routing::Router& router, const routing::Waypoint& origin,
                          const routing::Waypoint& destination,
                          const std::vector<ChargerCandidate>& chargers,
                          const EvParameters& vehicle, const EvPlannerOptions& options) {
  vehicle.validate();
  EvRoutePlan result;
  result.origin = origin;
  result.destination = destination;

  std::vector<std::size_t> usable;  // indices into `chargers`
  std::vector<ChargerSite> sites;
  std::vector<routing::Waypoint> origins{origin}, destinations;
  for (std::size_t i = 0; i < chargers.size(); ++i) {
    const routing::Waypoint point(chargers[i].position);
    if (!has_road_nearby(router, point)) {
      result.unusable_chargers.push_back(chargers[i].id);
      continue;
    }
    usable.push_back(i);
    sites.push_back({chargers[i].id, chargers[i].power_kw});
    origins.push_back(point);
    destinations.push_back(point);
  }
  destinations.push_back(destination);

  const routing::TravelMatrix matrix = routing::travel_matrix(router, origins, destinations);
  result.plan = plan_charging(sites, leg_table(matrix, sites.size()), vehicle, options);
  for (ChargingStop& stop : result.plan.stops) {
    stop.charger = usable[stop.charger];
    const ChargerCandidate& where = chargers[stop.charger];
    result.stops.push_back({stop, where.position, where.name});
  }
  return result;
}

}  // namespace codriver::places
