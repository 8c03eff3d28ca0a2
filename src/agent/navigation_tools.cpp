#include <chrono>
#include <variant>

#include "agent/route_view.h"
#include "agent/spoken.h"
#include "agent/tools.h"
#include "places/place_names.h"
#include "places/place_search.h"
#include "routing/instructions.h"
#include "routing/routing_error.h"

namespace codriver::agent {
namespace {

using nlohmann::json;
using routing::Language;

const json kTargetProperties = {
    {"destination",
     {{"type", "string"},
      {"minLength", 1},
      {"maxLength", 200},
      {"description", "a place name as the driver said it"}}},
    {"category",
     {{"type", "string"},
      {"enum", {"restaurant", "cafe", "fast_food", "parking", "charging_station", "fuel"}}}},
    {"cuisine", {{"type", "string"}, {"maxLength", 40}}},
    {"saved_place", {{"type", "string"}, {"enum", {"home", "work"}}}},
    {"lat", {{"type", "number"}, {"minimum", -90}, {"maximum", 90}}},
    {"lon", {{"type", "number"}, {"minimum", -180}, {"maximum", 180}}},
    {"place_id", {{"type", "integer"}, {"minimum", 1}}}};

json target_schema() {
  return {{"type", "object"},
          {"properties", kTargetProperties},
          {"additionalProperties", false},
          {"anyOf", json::array({{{"required", {"destination"}}},
                                 {{"required", {"category"}}},
                                 {{"required", {"saved_place"}}},
                                 {{"required", {"lat", "lon"}}},
                                 {{"required", {"place_id"}}}})}};
}

std::optional<ResolvedPlace> best_of_category(AgentWorld& world, const json& arguments) {
  places::PlaceQuery query;
  query.near = world.dialog.car.position();
  query.radius_m = 5000;
  query.limit = 1;
  if (auto category = map::category_from_name(arguments.value("category", "restaurant"))) {
    query.filter.categories = {*category};
  }
  if (arguments.contains("cuisine")) {
    query.filter.cuisine = places::find_cuisine(arguments["cuisine"].get<std::string>());
  }
  const auto found = places::search_places(world.places(), query, world.memory().preferences());
  if (found.empty()) return std::nullopt;
  return ResolvedPlace{places::display_name(found.front().stored.place, world.dialog.last_language),
                       found.front().stored.place.position, found.front().stored.id};
}

// The place the arguments name, or the error to say.
std::variant<ResolvedPlace, ToolResult> resolve_target(AgentWorld& world, const json& arguments) {
  const Language language = world.dialog.last_language;
  if (arguments.contains("place_id")) {
    if (auto place = world.place_by_id(arguments["place_id"].get<std::int64_t>(), language))
      return *place;
    return tool_error("That place is not on this map.", "地图上没有这个地方。");
  }
  if (arguments.contains("saved_place")) {
    const std::string label = arguments["saved_place"];
    if (auto saved = world.memory().saved_place(label)) {
      return ResolvedPlace{
          saved->name.empty() ? label : saved->name, {saved->lat, saved->lon}, saved->place_id};
    }
    return tool_error("I don't know where " + std::string(label == "home" ? "home" : "work") +
                          " is yet. Say \"set " + label + " to\" and a place.",
                      std::string("我还不知道") + (label == "home" ? "家" : "公司") +
                          "在哪里。请说“把" + (label == "home" ? "家" : "公司") + "设为”加地点。");
  }
  if (arguments.contains("lat")) {
    const geo::LatLon at{arguments["lat"].get<double>(), arguments["lon"].get<double>()};
    char name[64];
    std::snprintf(name, sizeof name, "%.5f, %.5f", at.lat, at.lon);
    return ResolvedPlace{name, at, std::nullopt};
  }
  if (arguments.contains("destination")) {
    const std::string text = arguments["destination"];
    if (auto place = world.find_named_place(text)) return *place;
    return tool_error("I couldn't find \"" + text + "\" on the map.",
                      "地图上找不到“" + text + "”。");
  }
  if (auto place = best_of_category(world, arguments)) return *place;
  return tool_error("I found nothing of that kind nearby.", "附近没有找到这类地方。");
}

ActiveRoute plan_route(AgentWorld& world, std::vector<TripStop> stops) {
  const CarState& car = world.dialog.car;
  std::vector<routing::Waypoint> waypoints{{car.position(), car.heading_deg, false}};
  for (const auto& stop : stops)
    waypoints.push_back({stop.position});
  ActiveRoute route;
  route.legs = world.router().route_via(waypoints);
  for (std::size_t i = 0; i < route.legs.size(); ++i) {
    const auto& leg = route.legs[i];
    route.distance_m += leg.path.distance_m;
    route.duration_s += leg.path.duration_s;
    std::vector<geo::LatLon> line;
    auto steps =
        routing::build_steps(world.router().graph(), leg.path, &line, waypoints[i + 1].position);
    route.steps.insert(route.steps.end(), steps.begin(), steps.end());
    route.geometry.insert(route.geometry.end(), line.begin(), line.end());
  }
  route.stops = std::move(stops);
  route.started_unix_s = unix_now();
  return route;
}

std::string lower_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

ToolResult start_route(AgentWorld& world, std::vector<TripStop> stops, bool added_stop) {
  try {
    ActiveRoute route = plan_route(world, std::move(stops));
    const Language language = world.dialog.last_language;
    const std::string name =
        added_stop ? route.stops[route.stops.size() - 2].name : route.destination().name;
    const std::string distance_en = spoken_distance(route.distance_m, Language::kEnglish);
    const std::string distance_zh = spoken_distance(route.distance_m, Language::kChinese);
    const std::string time_en = spoken_duration(route.duration_s, Language::kEnglish);
    const std::string time_zh = spoken_duration(route.duration_s, Language::kChinese);
    json data = route_json(route, language);
    world.memory().record({unix_now(), "destination", route.destination().name,
                           route.destination().place_id, route.destination().position.lat,
                           route.destination().position.lon});
    world.dialog.route = std::move(route);
    world.start_drive();
    if (added_stop) {
      return spoken_result(
          data,
          "Added a stop at " + name + ". The trip is now " + distance_en + ", about " + time_en +
              ".",
          "已添加途经点" + name + "。全程" + distance_zh + "，约" + time_zh + "。");
    }
    return spoken_result(data,
                         "Navigating to " + name + ": " + distance_en + ", about " + time_en + ".",
                         "开始导航去" + name + "，全程" + distance_zh + "，约" + time_zh + "。");
  } catch (const routing::RoutingError& error) {
    return tool_error(std::string("I can't find a road route there: ") + error.what(),
                      "找不到能开过去的路线。");
  }
}

ToolResult navigate_to(AgentWorld& world, const json& arguments) {
  auto target = resolve_target(world, arguments);
  if (auto* error = std::get_if<ToolResult>(&target)) return *error;
  const auto& place = std::get<ResolvedPlace>(target);
  return start_route(world, {{place.name, place.position, place.place_id}}, false);
}

ToolResult add_stop(AgentWorld& world, const json& arguments) {
  if (!world.dialog.route) {
    return tool_error("There is no route to add a stop to. Where would you like to go?",
                      "当前没有导航路线，无法添加途经点。您想去哪里？");
  }
  auto target = resolve_target(world, arguments);
  if (auto* error = std::get_if<ToolResult>(&target)) return *error;
  const auto& place = std::get<ResolvedPlace>(target);
  std::vector<TripStop> stops = world.dialog.route->stops;
  stops.insert(stops.end() - 1, {place.name, place.position, place.place_id});
  return start_route(world, std::move(stops), true);
}

ToolResult cancel_navigation(AgentWorld& world) {
  if (!world.dialog.route)
    return spoken_result({{"cancelled", false}}, "There is no active route.", "当前没有导航。");
  const std::string name = world.dialog.route->destination().name;
  world.dialog.route.reset();
  world.stop_drive();
  return spoken_result({{"cancelled", true}, {"destination", name}},
                       "Navigation to " + name + " cancelled.", "已取消去" + name + "的导航。");
}

ToolResult route_info(AgentWorld& world, const json& arguments) {
  if (!world.dialog.route) {
    return tool_error("There is no active route. Tell me where to go.",
                      "当前没有导航。请告诉我您想去哪里。");
  }
  const ActiveRoute& route = *world.dialog.route;
  json data = route_json(route, world.dialog.last_language);
  const std::string about = arguments.value("about", "");
  const std::string eta = data["eta"];
  const std::string name = route.destination().name;
  if (about == "next_maneuver" && data.contains("next_instruction")) {
    const double in_m = data["next_instruction_distance_m"];
    const std::size_t next = next_step(route);
    const std::string en =
        routing::instruction_text(route.steps[next], nullptr, Language::kEnglish);
    const std::string zh =
        routing::instruction_text(route.steps[next], nullptr, Language::kChinese);
    return spoken_result(
        data, "In " + spoken_distance(in_m, Language::kEnglish) + ", " + lower_first(en) + ".",
        spoken_distance(in_m, Language::kChinese) + "后" + zh + "。");
  }
  if (about == "distance_left") {
    return spoken_result(
        data, spoken_distance(route.remaining_m(), Language::kEnglish) + " to go to " + name + ".",
        "距离" + name + "还有" + spoken_distance(route.remaining_m(), Language::kChinese) + "。");
  }
  if (about == "time_left") {
    return spoken_result(
        data,
        "About " + spoken_duration(route.remaining_s(), Language::kEnglish) + " to " + name + ".",
        "到" + name + "还需约" + spoken_duration(route.remaining_s(), Language::kChinese) + "。");
  }
  return spoken_result(data,
                       "We arrive at " + name + " around " + eta + ", " +
                           spoken_distance(route.remaining_m(), Language::kEnglish) + " to go.",
                       "预计" + eta + "到达" + name + "，还有" +
                           spoken_distance(route.remaining_m(), Language::kChinese) + "。");
}

}  // namespace

void add_navigation_tools(ToolRegistry& registry, AgentWorld& world) {
  registry.add({"navigate_to",
                "Start navigation to a place: a name, a category, home/work, coordinates or a "
                "place id from the last results.",
                "导航到一个地点：名称、类别、家/公司、坐标或上次结果中的地点编号。",
                target_schema(), true, false,
                [&world](const json& arguments) { return navigate_to(world, arguments); }});
  registry.add({"add_stop", "Add a stop before the destination of the active route.",
                "在当前路线的目的地之前添加一个途经点。", target_schema(), true, false,
                [&world](const json& arguments) { return add_stop(world, arguments); }});
  registry.add(
      {"cancel_navigation",
       "Cancel the active navigation.",
       "取消当前导航。",
       {{"type", "object"}, {"properties", json::object()}, {"additionalProperties", false}},
       true,
       false,
       [&world](const json&) { return cancel_navigation(world); }});
  registry.add({"route_info",
                "The active route: ETA, time and distance left, the next maneuver.",
                "当前路线：预计到达时间、剩余时间和距离、下一个转弯。",
                {{"type", "object"},
                 {"properties",
                  {{"about",
                    {{"type", "string"},
                     {"enum", {"eta", "time_left", "distance_left", "next_maneuver"}}}}}},
                 {"additionalProperties", false}},
                false,
                false,
                [&world](const json& arguments) { return route_info(world, arguments); }});
}

ToolResult spoken_result(json data, std::string en, std::string zh) {
  ToolResult result;
  result.data = std::move(data);
  result.speech_en = std::move(en);
  result.speech_zh = std::move(zh);
  return result;
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace codriver::agent
