#pragma once

#include <nlohmann/json.hpp>

#include "signals/j2735_uper.h"
#include "signals/signal_model.h"

// The normalised JSON codriver prints for any SPaT or MAP (`codriver signals decode
// --json`), whatever family and encoding it came in:
//
//   {"type":"map","revision":0,"intersections":[{"id":12110,"region":null,
//     "ref_point":{"lat":39.5952649,"lon":-105.0914122},"elevation_m":1677.0,
//     "lanes":[{"lane_id":2,"ingress_approach":1,"egress_approach":null,"type":"vehicle",
//       "directions":["ingress"],"maneuvers":["straight"],
//       "nodes":[{"lat":…,"lon":…},…],
//       "connects_to":[{"lane":19,"signal_group":4,"maneuvers":["straight"]}]}]}]}
//
//   {"type":"spat","intersections":[{"id":12111,"region":null,"revision":0,
//     "timestamp":"2024-12-10T17:34:35.176Z","status":[],
//     "states":[{"signal_group":2,"events":[{"state":"protected-Movement-Allowed",
//       "colour":"green","start":null,"min_end":"2024-12-10T17:36:52.000Z",
//       "max_end":"2024-12-10T17:36:52.100Z","likely":null,"confidence":null}]}]}]}
//
// Times are ISO 8601 UTC with milliseconds; null when unknown. A time the message gave as
// "more than an hour away" is null too, and named in the event's "beyond_an_hour" list.
// Degrees are rounded to 1e-8 (a millimetre). Keys with nothing to say (an empty name)
// are left out; optional numbers are null.
namespace codriver::signals {

nlohmann::ordered_json to_json(const SpatMessage& spat);
nlohmann::ordered_json to_json(const MapMessage& map);
nlohmann::ordered_json to_json(const SignalMessage& message);

}  // namespace codriver::signals
