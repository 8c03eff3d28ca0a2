#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "places/ev_route_plan.h"
#include "routing/instructions.h"
#include "routing/router.h"

// `codriver route --ev-soc ...`: charging stops for the trip, chosen among the bundle's
// charging stations near the direct route.
namespace codriver::places {

struct EvOptions {
  std::optional<double> soc;  // set: plan charging
  double capacity_kwh = 60;
  double reserve_soc = 0.10;
  double max_charge_soc = 1.0;
  double max_power_kw = 150;
  double corridor_m = 5000;  // chargers this close to the direct route are candidates
};

// A charger without a tagged power is assumed to be a 22 kW AC post, the most common kind.
inline constexpr double kUntaggedChargerKw = 22.0;

struct EvTrip {
  EvRoutePlan plan;
  std::size_t candidates = 0;
};

EvTrip plan_ev_trip(const std::filesystem::path& bundle, const routing::Router& router,
                    const routing::Leg& direct, const routing::Waypoint& from,
                    const routing::Waypoint& to, const EvOptions& options);

// {"feasible":…, "reason":…, "arrival_soc":…, ...} and the "charging_stops" array.
nlohmann::json ev_summary_json(const EvTrip& trip, routing::Language language);
nlohmann::json charging_stops_json(const EvTrip& trip, routing::Language language);
// For people: "Charge at X: 12% -> 80%, 25 min" lines, or why the trip cannot be made.
std::vector<std::string> ev_lines(const EvTrip& trip, routing::Language language);

}  // namespace codriver::places
