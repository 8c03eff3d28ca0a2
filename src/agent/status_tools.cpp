#include <cmath>

#include "agent/light_view.h"
#include "agent/spoken.h"
#include "agent/tools.h"
#include "places/ev_model.h"
#include "places/ev_trip.h"
#include "routing/routing_error.h"
#include "signals/light_report.h"

namespace codriver::agent {
namespace {

using nlohmann::json;
using routing::Language;

json object_schema(json properties) {
  return {
      {"type", "object"}, {"properties", std::move(properties)}, {"additionalProperties", false}};
}

// Range from the same consumption model the charging planner uses, at a mixed-driving
// average speed.
double range_km(const CarState& car) {
  constexpr double kMixedDrivingKmh = 60;
  const double kwh_per_km = places::ConsumptionModel{}.kwh_per_100km(kMixedDrivingKmh) / 100.0;
  return car.soc_percent / 100.0 * car.capacity_kwh / kwh_per_km;
}

ToolResult vehicle_status(AgentWorld& world, const json& arguments) {
  const CarState& car = world.dialog.car;
  const std::string about = arguments.value("about", "");
  const long soc = std::lround(car.soc_percent);
  const std::string range_en = spoken_distance(range_km(car) * 1000, Language::kEnglish);
  const std::string range_zh = spoken_distance(range_km(car) * 1000, Language::kChinese);
  const long speed = std::lround(car.speed_kmh);
  json data = {{"type", "vehicle"},
               {"soc_percent", car.soc_percent},
               {"range_km", range_km(car)},
               {"speed_kmh", car.speed_kmh}};
  if (about == "speed") {
    return spoken_result(data, "You are doing " + std::to_string(speed) + " kilometres an hour.",
                         "当前车速每小时" + std::to_string(speed) + "公里。");
  }
  if (about == "range") {
    return spoken_result(data, "About " + range_en + " of range left.",
                         "剩余续航约" + range_zh + "。");
  }
  return spoken_result(
      data, "Battery at " + std::to_string(soc) + " percent, about " + range_en + " of range.",
      "电量" + std::to_string(soc) + "%，续航约" + range_zh + "。");
}

std::optional<geo::LatLon> charging_destination(AgentWorld& world, const json& arguments,
                                                std::string& name) {
  if (arguments.contains("destination")) {
    if (auto place = world.find_named_place(arguments["destination"])) {
      name = place->name;
      return place->position;
    }
    return std::nullopt;
  }
  if (arguments.contains("saved_place")) {
    if (auto saved = world.memory().saved_place(arguments["saved_place"].get<std::string>())) {
      name = saved->name;
      return geo::LatLon{saved->lat, saved->lon};
    }
    return std::nullopt;
  }
  if (world.dialog.route) {
    name = world.dialog.route->destination().name;
    return world.dialog.route->destination().position;
  }
  return std::nullopt;
}

ToolResult plan_charging(AgentWorld& world, const json& arguments) {
  std::string name;
  const auto destination = charging_destination(world, arguments, name);
  if (!destination) {
    return tool_error(
        "Where to? Start a route or name the destination, and I'll plan the charging.",
        "去哪里？请先设置目的地，我再规划充电。");
  }
  const CarState& car = world.dialog.car;
  try {
    const routing::Waypoint from{car.position(), car.heading_deg, false};
    const routing::Waypoint to{*destination};
    const routing::Leg direct = world.router().route(from, to);
    places::EvOptions options;
    options.soc = car.soc_percent / 100.0;
    options.capacity_kwh = car.capacity_kwh;
    if (arguments.contains("min_arrival_percent"))
      options.reserve_soc = arguments["min_arrival_percent"].get<double>() / 100.0;
    const places::EvTrip trip =
        places::plan_ev_trip(world.bundle_path(), world.router(), direct, from, to, options);
    const Language language = world.dialog.last_language;
    json data = {{"type", "charging_plan"},
                 {"destination", name},
                 {"summary", places::ev_summary_json(trip, language)},
                 {"charging_stops", places::charging_stops_json(trip, language)}};
    const auto lines_en = places::ev_lines(trip, Language::kEnglish);
    const auto lines_zh = places::ev_lines(trip, Language::kChinese);
    if (trip.plan.stops.empty() && trip.plan.plan.feasible) {
      return spoken_result(data, "You can reach " + name + " without charging.",
                           "不用充电就能到达" + name + "。");
    }
    return spoken_result(data, lines_en.empty() ? "" : lines_en.front(),
                         lines_zh.empty() ? "" : lines_zh.front());
  } catch (const routing::RoutingError& error) {
    return tool_error(std::string("I can't route there: ") + error.what(),
                      "无法规划去那里的路线。");
  }
}

ToolResult traffic_light_status(AgentWorld& world, const json& arguments) {
  const std::optional<LightView> found = light_ahead_of_car(world);
  if (!found) {
    return spoken_result({{"type", "light"}, {"found", false}},
                         "There's no traffic light ahead on this road.", "前方道路上没有红绿灯。");
  }
  const signals::LightAhead& light = found->light;
  const std::string& intersection = found->intersection;
  json data = {{"type", "light"},
               {"found", true},
               {"intersection", intersection},
               {"distance_m", light.distance_m},
               {"state", signals::colour_name(light.colour)},
               {"advice", signals::advice_kind_name(light.advice.kind)},
               {"source", "simulated"}};
  if (light.time_to_change.likely_s) data["time_to_change_s"] = *light.time_to_change.likely_s;
  if (light.advice.speed_mps) data["advised_speed_kmh"] = *light.advice.speed_mps * 3.6;
  (void)arguments;
  return spoken_result(data, signals::light_sentence(light, intersection, Language::kEnglish),
                       signals::light_sentence(light, intersection, Language::kChinese));
}

}  // namespace

void add_status_tools(ToolRegistry& registry, AgentWorld& world) {
  registry.add(
      {"plan_charging", "Plan charging stops to reach a destination with the car's charge.",
       "按当前电量规划到达目的地所需的充电站。",
       object_schema(
           {{"destination", {{"type", "string"}, {"maxLength", 200}}},
            {"saved_place", {{"type", "string"}, {"enum", {"home", "work"}}}},
            {"min_arrival_percent", {{"type", "number"}, {"minimum", 0}, {"maximum", 90}}}}),
       false, false, [&world](const json& a) { return plan_charging(world, a); }});
  registry.add(
      {"traffic_light_status",
       "The next traffic light: its colour, seconds to green, and the speed to catch it.",
       "前方红绿灯：当前灯色、几秒后变绿、建议车速。",
       object_schema({{"about", {{"type", "string"}, {"enum", {"time_to_green", "advice"}}}}}),
       false, false, [&world](const json& a) { return traffic_light_status(world, a); }});
  registry.add(
      {"vehicle_status", "The car's charge, range and speed.", "车辆电量、续航和车速。",
       object_schema({{"about", {{"type", "string"}, {"enum", {"charge", "range", "speed"}}}}}),
       false, false, [&world](const json& a) { return vehicle_status(world, a); }});
}

}  // namespace codriver::agent
