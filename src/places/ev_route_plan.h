#pragma once

#include <string>
#include <vector>

#include "geo/latlon.h"
#include "places/ev_model.h"
#include "places/ev_planner.h"
#include "routing/router.h"

// Charging stops on the road network: the leg table comes from one many-to-many matrix
// between the origin, the candidate chargers and the destination, then ev_planner decides.
// Which chargers are candidates (say, those near the route) is the caller's choice.
namespace codriver::places {

struct ChargerCandidate {
  std::string id;
  geo::LatLon position;
  double power_kw = 50.0;
  std::string name;
};

struct RoutedChargingStop {
  ChargingStop charge;  // charge.charger indexes the caller's candidate list
  geo::LatLon position;
  std::string name;
};

struct EvRoutePlan {
  ChargingPlan plan;                           // plan.stops[i].charger: the caller's index too
  std::vector<RoutedChargingStop> stops;       // the plan's stops with where they are
  std::vector<std::string> unusable_chargers;  // ids of candidates with no road nearby
  routing::Waypoint origin;
  routing::Waypoint destination;

  // Origin, each stop, destination: what Router::route_via needs to draw the trip.
  std::vector<routing::Waypoint> waypoints() const;
};

// Throws routing::RoutingError when the origin or destination is invalid, off the map or
// far from any road, and std::invalid_argument for bad vehicle parameters or options.
// A candidate charger with no road nearby is left out and named in unusable_chargers.
EvRoutePlan plan_ev_route(const routing::Router& router, const routing::Waypoint& origin,
                          const routing::Waypoint& destination,
                          const std::vector<ChargerCandidate>& chargers,
                          const EvParameters& vehicle, const EvPlannerOptions& options = {});

}  // namespace codriver::places
