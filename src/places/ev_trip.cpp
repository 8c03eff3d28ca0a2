#include "places/ev_trip.h"

#include <cmath>

#include "map/places_db.h"
#include "places/along_route.h"

namespace codriver::places {

namespace {

using nlohmann::json;

std::vector<ChargerCandidate> chargers_near(const std::filesystem::path& bundle,
                                            const routing::Router& router,
                                            const routing::Leg& direct, double corridor_m) {
  map::PlacesReader reader(bundle / "places.sqlite");
  AlongRouteQuery query;
  query.filter.categories = {map::PlaceCategory::kChargingStation};
  query.corridor_m = corridor_m;
  query.max_candidates = 60;  // the planner's search stays well under 100 ms
  std::vector<ChargerCandidate> chargers;
  for (const auto& found :
       places_near_route(reader, routing::trace_route(router.graph(), direct.path), query)) {
    const map::Place& p = found.stored.place;
    chargers.push_back({"osm:" + std::string(1, p.osm_type) + std::to_string(p.osm_id),
                        p.entrance.value_or(p.position),
                        p.max_power_kw.value_or(kUntaggedChargerKw),
                        p.name.empty() ? p.operator_name : p.name});
  }
  return chargers;
}

}  // namespace

EvTrip plan_ev_trip(const std::filesystem::path& bundle, const routing::Router& router,
                    const routing::Leg& direct, const routing::Waypoint& from,
                    const routing::Waypoint& to, const EvOptions& options) {
  EvParameters vehicle;
  vehicle.capacity_kwh = options.capacity_kwh;
  vehicle.start_soc = *options.soc;
  vehicle.reserve_soc = options.reserve_soc;
  vehicle.max_charge_soc = options.max_charge_soc;
  vehicle.charging.max_power_kw = options.max_power_kw;
  vehicle.validate();
  EvTrip trip;
  const auto chargers = chargers_near(bundle, router, direct, options.corridor_m);
  trip.candidates = chargers.size();
  trip.plan = plan_ev_route(router, from, to, chargers, vehicle);
  return trip;
}

json ev_summary_json(const EvTrip& trip, routing::Language language) {
  const ChargingPlan& plan = trip.plan.plan;
  return {{"feasible", plan.feasible},
          {"problem", plan_problem_name(plan.problem)},
          {"reason", language == routing::Language::kChinese ? plan.reason_zh : plan.reason_en},
          {"arrival_soc", plan.arrival_soc},
          {"drive_time_s", plan.drive_time_s},
          {"charge_time_s", plan.charge_time_s},
          {"total_time_s", plan.total_time_s},
          {"candidate_chargers", trip.candidates},
          {"unusable_chargers", trip.plan.unusable_chargers}};
}

json charging_stops_json(const EvTrip& trip, routing::Language) {
  json stops = json::array();
  for (const auto& stop : trip.plan.stops) {
    const ChargingStop& c = stop.charge;
    stops.push_back({{"id", c.charger_id},
                     {"name", stop.name},
                     {"lat", stop.position.lat},
                     {"lon", stop.position.lon},
                     {"charger_kw", c.charger_kw},
                     {"arrival_soc", c.arrival_soc},
                     {"departure_soc", c.departure_soc},
                     {"energy_added_kwh", c.energy_added_kwh},
                     {"charge_time_s", c.charge_time_s},
                     {"arrival_time_s", c.arrival_time_s},
                     {"departure_time_s", c.departure_time_s}});
  }
  return stops;
}

std::vector<std::string> ev_lines(const EvTrip& trip, routing::Language language) {
  const bool zh = language == routing::Language::kChinese;
  const ChargingPlan& plan = trip.plan.plan;
  if (!plan.feasible) return {zh ? plan.reason_zh : plan.reason_en};
  const auto percent = [](double soc) { return std::to_string(std::lround(soc * 100)) + "%"; };
  std::vector<std::string> lines;
  if (trip.plan.stops.empty()) {
    lines.push_back(zh ? "无需充电，到达时电量" + percent(plan.arrival_soc)
                       : "No charging needed; arriving with " + percent(plan.arrival_soc));
  }
  for (const auto& stop : trip.plan.stops) {
    const auto& c = stop.charge;
    const std::string minutes = std::to_string(std::lround(c.charge_time_s / 60));
    const std::string name = stop.name.empty() ? c.charger_id : stop.name;
    lines.push_back(zh ? "在" + name + "充电：" + percent(c.arrival_soc) + " → " +
                             percent(c.departure_soc) + "，约" + minutes + "分钟"
                       : "Charge at " + name + ": " + percent(c.arrival_soc) + " → " +
                             percent(c.departure_soc) + ", about " + minutes + " min");
  }
  return lines;
}

}  // namespace codriver::places
