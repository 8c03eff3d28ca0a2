#include "agent/dialog_state.h"

namespace codriver::agent {

void DialogState::reset_conversation() {
  route.reset();
  results.clear();
  selected.reset();
  last_search_intent.clear();
  last_search_arguments = nlohmann::json::object();
  pending.reset();
  awaiting_target_for.clear();
}

nlohmann::json to_json(const DialogState& state) {
  nlohmann::json out = {
      {"car",
       {{"lat", state.car.lat},
        {"lon", state.car.lon},
        {"heading_deg", state.car.heading_deg},
        {"speed_kmh", state.car.speed_kmh},
        {"soc_percent", state.car.soc_percent}}},
      {"results", nlohmann::json::array()},
      {"last_search", state.last_search_intent.empty()
                          ? nlohmann::json(nullptr)
                          : nlohmann::json{{"intent", state.last_search_intent},
                                           {"arguments", state.last_search_arguments}}}};
  for (const auto& item : state.results)
    out["results"].push_back({{"id", item.id}, {"name", item.name}});
  if (state.selected) out["selected"] = *state.selected;
  if (state.pending) out["pending"] = to_json(*state.pending);
  if (state.route) {
    nlohmann::json stops = nlohmann::json::array();
    for (const auto& stop : state.route->stops) {
      stops.push_back(
          {{"name", stop.name}, {"lat", stop.position.lat}, {"lon", stop.position.lon}});
    }
    out["route"] = {{"stops", stops},
                    {"distance_m", state.route->distance_m},
                    {"duration_s", state.route->duration_s}};
  }
  return out;
}

}  // namespace codriver::agent
