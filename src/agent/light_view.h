#pragma once

#include <optional>
#include <string>

#include "agent/agent_world.h"
#include "signals/light_ahead.h"

// The traffic light ahead of the car, as the tool says it and the cockpit screen shows it:
// on the simulated drive while the car drives a trip, on the way to the destination, or
// on the road in front of the car.
namespace codriver::agent {

struct LightView {
  signals::LightAhead light;
  std::string intersection;  // its name
  geo::LatLon position;      // its reference point
};

std::optional<LightView> light_ahead_of_car(AgentWorld& world);

}  // namespace codriver::agent
