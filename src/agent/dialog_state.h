#pragma once

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "agent/tool_call.h"
#include "geo/latlon.h"
#include "routing/instructions.h"
#include "routing/maneuvers.h"
#include "routing/router.h"

// What the conversation remembers between turns: the car, the trip, the list on the
// screen and the question waiting for an answer.
namespace codriver::agent {

struct CarState {
  double lat = 43.7384, lon = 7.4246;  // central Monaco, the sample city
  double heading_deg = 0;
  double speed_kmh = 0;
  double soc_percent = 80;
  double capacity_kwh = 60;

  bool moving() const { return speed_kmh > 0.5; }
  geo::LatLon position() const { return {lat, lon}; }
};

// One place of the last list, with what references need ("the cheaper one").
struct ResultItem {
  std::int64_t id = 0;
  std::string name;  // in the answer's language
  std::string category;
  std::string cuisine;  // the OSM tag
  std::optional<int> price_level;
  double distance_m = 0;
  geo::LatLon position;
  nlohmann::json card;
};

struct TripStop {
  std::string name;
  geo::LatLon position;
  std::optional<std::int64_t> place_id;
};

struct ActiveRoute {
  std::vector<TripStop> stops;  // the stops on the way, then the destination
  double distance_m = 0, duration_s = 0;
  std::vector<routing::Step> steps;
  std::vector<routing::Leg> legs;
  std::vector<geo::LatLon> geometry;
  std::int64_t started_unix_s = 0;
  double progress_m = 0;  // driven so far

  double remaining_m() const { return std::max(0.0, distance_m - progress_m); }
  double remaining_s() const {
    return distance_m > 0 ? duration_s * remaining_m() / distance_m : 0;
  }

  const TripStop& destination() const { return stops.back(); }
};

struct DialogState {
  CarState car;
  std::optional<ActiveRoute> route;
  std::vector<ResultItem> results;
  std::optional<std::size_t> selected;
  std::string last_search_intent;
  nlohmann::json last_search_arguments = nlohmann::json::object();
  std::optional<ToolCall> pending;  // waits for "yes"
  std::string awaiting_target_for;  // the trip request that asked "where?"
  routing::Language last_language = routing::Language::kEnglish;

  // Forget the conversation (not the car, not the memory).
  void reset_conversation();
};

nlohmann::json to_json(const DialogState& state);

}  // namespace codriver::agent
