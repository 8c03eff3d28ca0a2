#pragma once

#include <optional>
#include <string>
#include <vector>

#include "routing/instructions.h"
#include "routing/route_trace.h"
#include "routing/router.h"
#include "signals/light_ahead.h"
#include "signals/route_signals.h"
#include "signals/rsu_simulator.h"

// The light ahead of a car, found on its route or on the road in front of it, and said
// in a sentence of either language — what the CLI, the agent and the screen share.
namespace codriver::signals {

struct LightOnRoute {
  std::vector<routing::TracePoint> route;
  std::optional<RouteMovement> movement;
};

std::vector<Intersection> intersections_of(const RsuSimulator& rsu);

// The first signalised movement on the route from `from` to `to`.
LightOnRoute light_on_route(const routing::Router& router, const routing::Waypoint& from,
                            geo::LatLon to, const std::vector<Intersection>& map);

// Without a destination: the light the car reaches first on the road ahead, among the
// intersections in front of it (within 60° of its heading and 1 km). `from` needs a heading.
LightOnRoute light_on_road_ahead(const routing::Router& router, const routing::Waypoint& from,
                                 const std::vector<Intersection>& map);

// "Light at X in 120 m: red, changes in 14 s (12–16 s). Slow to 38 km/h to arrive on green."
std::string light_sentence(const LightAhead& light, const std::string& name,
                           routing::Language language);

}  // namespace codriver::signals
