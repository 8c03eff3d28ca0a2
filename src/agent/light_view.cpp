#include "agent/light_view.h"

#include "routing/routing_error.h"
#include "signals/light_report.h"

namespace codriver::agent {
namespace {

LightView view_of(AgentWorld& world, const signals::LightAhead& light) {
  const auto& intersection = world.signals().intersections()[light.movement.intersection];
  return {light, intersection.intersection.name, intersection.intersection.ref_point};
}

// No drive running: the first light on the way to the destination, or on the road ahead.
std::optional<LightView> light_from_map(AgentWorld& world) {
  const CarState& car = world.dialog.car;
  const auto map = signals::intersections_of(world.signals());
  const routing::Waypoint from{car.position(), car.heading_deg, false};
  signals::LightOnRoute found;
  try {
    found = world.dialog.route
                ? signals::light_on_route(world.router(), from,
                                          world.dialog.route->destination().position, map)
                : signals::light_on_road_ahead(world.router(), from, map);
  } catch (const routing::RoutingError&) {
    return std::nullopt;  // the car is off the road network: no light to speak of
  }
  if (!found.movement) return std::nullopt;
  const auto now = feeds::Clock::now();
  const auto reading = world.signals().intersection_spat(found.movement->intersection, now);
  const signals::CarOnRoute on_route{0, car.speed_kmh / 3.6, 50 / 3.6};
  return view_of(world, signals::light_ahead(*found.movement, on_route, &reading, now, now));
}

}  // namespace

std::optional<LightView> light_ahead_of_car(AgentWorld& world) {
  if (const vehicle::DriveState* drive = world.drive_state()) {
    if (drive->light) return view_of(world, *drive->light);
    return std::nullopt;  // no light left on the trip
  }
  return light_from_map(world);
}

}  // namespace codriver::agent
