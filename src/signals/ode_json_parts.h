#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "signals/json_reader.h"
#include "signals/signal_model.h"

// Internal to the ODE and Processed JSON decoders: the values both shapes write alike.
namespace codriver::signals::ode {

using json_input::Node;

// Named bits written as an object of booleans ({"failureFlash": false, ...}) or as a string
// of '0'/'1' with bit 0 first ("0000000000000000", as XER writes them). Unknown names are
// ignored: ODE adds bits no edition has ("pedestriansTraffic" and "pedestrianTraffic").
std::uint16_t named_bits(const Node& node, std::span<const std::string_view> names);

std::uint16_t intersection_status(const Node& node);
ManeuverSet maneuvers(const Node& node);

// {"region": 0, "id": 12111}, or the bare id number.
IntersectionRef intersection_ref(const Node& node);

// "PROTECTED_MOVEMENT_ALLOWED", "protected-Movement-Allowed", or the number 0..9.
MovementPhase movement_phase(const Node& node);

// {"connectingLane": {"lane": 19, "maneuver": {...}}, "signalGroup": 4, "connectionID": 1,
//  "remoteIntersection": {...}, "userClass": 0}
LaneConnection connection(const Node& node);

// A key ODE has spelled more than one way across its schema versions.
std::optional<Node> find_either(const Node& node, const char* a, const char* b);

// A list ODE wraps in an object ({"movementList": [...]}) under one of two names, or the
// array itself.
std::vector<Node> wrapped_list(const Node& node, const char* key, const char* other_key,
                               std::size_t max_items);

// A degree value as J2735 holds it: on the 1e-7 degree grid, so that it is the same
// double the UPER decoder makes from the integer.
double j2735_degrees(const Node& node, double limit);

// Elevation in metres on J2735's 10 cm grid, within its range (-409.5 .. 6143.9 m).
double elevation_metres(const Node& node);

}  // namespace codriver::signals::ode
