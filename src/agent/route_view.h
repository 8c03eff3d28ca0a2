#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>

#include "agent/dialog_state.h"

// The active trip as the driver sees it: where the next maneuver is, and the route card
// the tools answer with and the cockpit screen draws.
namespace codriver::agent {

// Where step `index`'s maneuver is, along the route.
double step_start_m(const ActiveRoute& route, std::size_t index);

// The first maneuver still ahead of the car (steps.size() when none is).
std::size_t next_step(const ActiveRoute& route);

// {"type":"route","stops","distance_m","duration_s","remaining_m","remaining_s","eta",
//  "next_instruction","next_instruction_distance_m"} (the last two while a maneuver is ahead)
nlohmann::json route_json(const ActiveRoute& route, routing::Language language);

}  // namespace codriver::agent
