#include "agent/route_view.h"

#include "agent/spoken.h"
#include "agent/tools.h"
#include "routing/instructions.h"

namespace codriver::agent {

using nlohmann::json;

double step_start_m(const ActiveRoute& route, std::size_t index) {
  double start = 0;
  for (std::size_t i = 0; i < index && i < route.steps.size(); ++i)
    start += route.steps[i].distance_m;
  return start;
}

std::size_t next_step(const ActiveRoute& route) {
  for (std::size_t i = 1; i < route.steps.size(); ++i) {
    if (step_start_m(route, i) > route.progress_m) return i;
  }
  return route.steps.size();
}

json route_json(const ActiveRoute& route, routing::Language language) {
  json stops = json::array();
  for (const auto& stop : route.stops) {
    json item = {{"name", stop.name}, {"lat", stop.position.lat}, {"lon", stop.position.lon}};
    if (stop.place_id) item["place_id"] = *stop.place_id;
    stops.push_back(item);
  }
  const std::size_t next = next_step(route);
  json out = {{"type", "route"},
              {"stops", stops},
              {"distance_m", route.distance_m},
              {"duration_s", route.duration_s},
              {"remaining_m", route.remaining_m()},
              {"remaining_s", route.remaining_s()},
              {"eta", clock_time(unix_now() + static_cast<std::int64_t>(route.remaining_s()))}};
  if (next < route.steps.size()) {
    out["next_instruction"] = routing::instruction_text(route.steps[next], nullptr, language);
    out["next_instruction_distance_m"] = step_start_m(route, next) - route.progress_m;
  }
  return out;
}

}  // namespace codriver::agent
