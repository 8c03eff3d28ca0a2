#include <algorithm>
#include <ctime>
#include <variant>

#include "agent/spoken.h"
#include "agent/tools.h"
#include "places/along_route.h"
#include "places/cuisine.h"
#include "places/open_state.h"
#include "places/parking.h"
#include "places/place_card.h"
#include "places/place_filter.h"
#include "places/place_names.h"
#include "places/place_search.h"

namespace codriver::agent {
namespace {

using nlohmann::json;
using routing::Language;

constexpr double kDefaultRadiusM = 1500;
constexpr int kResultLimit = 5;

json area_properties() {
  return {{"near", {{"type", "string"}, {"enum", {"car", "destination", "route"}}}},
          {"near_place", {{"type", "string"}, {"minLength", 1}, {"maxLength", 200}}},
          {"radius_m", {{"type", "number"}, {"exclusiveMinimum", 0}, {"maximum", 50000}}},
          {"sort", {{"type", "string"}, {"enum", {"best", "distance", "price", "rating"}}}},
          {"max_price_level", {{"type", "integer"}, {"minimum", 1}, {"maximum", 4}}}};
}

json object_schema(json properties) {
  return {
      {"type", "object"}, {"properties", std::move(properties)}, {"additionalProperties", false}};
}

json restaurant_schema() {
  json p = area_properties();
  p["cuisine"] = {{"type", "string"}, {"maxLength", 40}};
  p["exclude_cuisines"] = {{"type", "array"}, {"items", {{"type", "string"}}}, {"maxItems", 10}};
  p["category"] = {{"type", "string"}, {"enum", {"restaurant", "cafe", "fast_food"}}};
  p["min_price_level"] = {{"type", "integer"}, {"minimum", 1}, {"maximum", 4}};
  p["open_now"] = {{"type", "boolean"}};
  p["open_at"] = {{"type", "string"}, {"minLength", 5}, {"maxLength", 5}};
  p["day_offset"] = {{"type", "integer"}, {"minimum", 0}, {"maximum", 7}};
  p["party_size"] = {{"type", "integer"}, {"minimum", 1}, {"maximum", 50}};
  p["name"] = {{"type", "string"}, {"maxLength", 200}};
  return object_schema(p);
}

json parking_schema() {
  json p = area_properties();
  p["covered"] = {{"type", "boolean"}};
  p["parking_type"] = {{"type", "string"}, {"enum", {"underground", "multi-storey", "surface"}}};
  p["free"] = {{"type", "boolean"}};
  return object_schema(p);
}

json charger_schema() {
  json p = area_properties();
  p["min_power_kw"] = {{"type", "number"}, {"minimum", 0}, {"maximum", 1000}};
  p["socket"] = {{"type", "string"}, {"maxLength", 20}};
  p["free"] = {{"type", "boolean"}};
  return object_schema(p);
}

struct SearchArea {
  geo::LatLon center;
  std::string anchor_name;  // "" for the car
  bool along_route = false;
};

std::variant<SearchArea, ToolResult> search_area(AgentWorld& world, const json& arguments) {
  const std::string near = arguments.value("near", "car");
  if (near == "route" || near == "destination") {
    if (!world.dialog.route) {
      return tool_error("There is no active route; I'll need a destination first.",
                        "当前没有导航路线，请先设置目的地。");
    }
    const auto& destination = world.dialog.route->destination();
    if (near == "route") return SearchArea{world.dialog.car.position(), "", true};
    return SearchArea{destination.position, destination.name, false};
  }
  if (arguments.contains("near_place")) {
    const std::string text = arguments["near_place"];
    if (auto place = world.find_named_place(text))
      return SearchArea{place->position, place->name, false};
    return tool_error("I couldn't find \"" + text + "\" on the map.",
                      "地图上找不到“" + text + "”。");
  }
  return SearchArea{world.dialog.car.position(), "", false};
}

std::optional<feeds::CivilTime> asked_time(const json& arguments) {
  if (!arguments.contains("open_at")) return std::nullopt;
  feeds::CivilTime at = places::local_now();
  const std::string text = arguments["open_at"];
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  at.hour = std::stoi(text.substr(0, 2)) % 24;
  at.minute = std::stoi(text.substr(3, 2)) % 60;
  const int days = arguments.value("day_offset", 0);
  if (days > 0) {
    std::tm tm{};
    tm.tm_year = at.year - 1900;
    tm.tm_mon = at.month - 1;
    tm.tm_mday = at.day + days;
    tm.tm_hour = 12;
    std::mktime(&tm);
    at.year = tm.tm_year + 1900;
    at.month = tm.tm_mon + 1;
    at.day = tm.tm_mday;
  }
  return at;
}

void apply_sort(std::vector<places::RankedPlace>& found, const std::string& sort) {
  if (sort == "distance") {
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
      return a.walk_m.value_or(a.distance_m) < b.walk_m.value_or(b.distance_m);
    });
  } else if (sort == "price") {
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
      return places::price_level(a.stored.place).value_or(2) <
             places::price_level(b.stored.place).value_or(2);
    });
  }
}

// Leaves out what the driver excluded: avoided places, cuisines said "not", too-cheap
// places for "fancy".
void drop_excluded(AgentWorld& world, const json& arguments,
                   std::vector<places::RankedPlace>& found) {
  std::vector<const places::Cuisine*> excluded;
  for (const auto& key : arguments.value("exclude_cuisines", json::array())) {
    if (const auto* cuisine = places::find_cuisine(key.get<std::string>()))
      excluded.push_back(cuisine);
  }
  const int min_price = arguments.value("min_price_level", 0);
  std::erase_if(found, [&](const places::RankedPlace& ranked) {
    const map::Place& place = ranked.stored.place;
    if (world.memory().is_avoided(ranked.stored.id)) return true;
    for (const auto* cuisine : excluded) {
      if (places::serves(place.cuisine, place.tags_json, *cuisine)) return true;
    }
    return min_price > 0 && places::price_level(place).value_or(0) < min_price;
  });
}

ToolResult present(AgentWorld& world, std::vector<places::RankedPlace> found,
                   const std::string& intent, const json& arguments, const SearchArea& area,
                   const char* what_en, const char* what_zh) {
  apply_sort(found, arguments.value("sort", "best"));
  if (found.size() > static_cast<std::size_t>(kResultLimit)) found.resize(kResultLimit);
  const Language language = world.dialog.last_language;
  DialogState& dialog = world.dialog;
  dialog.results.clear();
  dialog.selected.reset();
  dialog.last_search_intent = intent;
  dialog.last_search_arguments = arguments;
  json cards = json::array();
  std::vector<std::string> names_en, names_zh;
  for (const auto& ranked : found) {
    json card = places::place_json(ranked, language);
    card["id"] = ranked.stored.id;
    cards.push_back(card);
    const map::Place& place = ranked.stored.place;
    dialog.results.push_back({ranked.stored.id, places::display_name(place, language),
                              std::string(map::category_name(place.category)), place.cuisine,
                              places::price_level(place), ranked.walk_m.value_or(ranked.distance_m),
                              place.position, card});
    names_en.push_back(places::display_name(place, Language::kEnglish));
    names_zh.push_back(places::display_name(place, Language::kChinese));
  }
  world.memory().record({unix_now(), "search", intent + " " + arguments.dump(), std::nullopt,
                         area.center.lat, area.center.lon});
  json data = {{"type", "places"}, {"places", cards}};
  if (found.empty()) {
    return spoken_result(data, std::string("I found no ") + what_en + " that fits.",
                         std::string("没有找到符合条件的") + what_zh + "。");
  }
  const std::string first_en =
      spoken_distance(dialog.results.front().distance_m, Language::kEnglish);
  const std::string first_zh =
      spoken_distance(dialog.results.front().distance_m, Language::kChinese);
  const std::string count = std::to_string(found.size());
  return spoken_result(
      data,
      "I found " + count + " " + what_en + ": " + spoken_list(names_en, Language::kEnglish) +
          ". The first is " + first_en + " away.",
      "找到" + count + "个" + what_zh + "：" + spoken_list(names_zh, Language::kChinese) +
          "。第一个距离" + first_zh + "。");
}

void base_filter(const json& arguments, places::PlaceFilter& filter) {
  if (arguments.contains("max_price_level"))
    filter.max_price_level = arguments["max_price_level"].get<int>();
}

std::vector<places::RankedPlace> search(AgentWorld& world, const SearchArea& area,
                                        const json& arguments, places::PlaceFilter filter) {
  const auto at = asked_time(arguments);
  const bool open_only = arguments.value("open_now", false) || at.has_value();
  if (area.along_route) {
    places::AlongRouteQuery query;
    query.filter = std::move(filter);
    query.limit = 20;
    query.at = at ? at : std::optional(places::local_now());
    query.open_only = open_only;
    return places::places_along_route(world.places(), world.router(),
                                      world.dialog.route->legs.front().path, query,
                                      world.memory().preferences());
  }
  places::PlaceQuery query;
  query.near = area.center;
  query.radius_m = arguments.value("radius_m", kDefaultRadiusM);
  query.limit = 20;
  query.filter = std::move(filter);
  query.name = arguments.value("name", "");
  query.at = at ? at : std::optional(places::local_now());
  query.open_only = open_only;
  return places::search_places(world.places(), query, world.memory().preferences());
}

ToolResult find_restaurants(AgentWorld& world, const json& arguments) {
  auto area = search_area(world, arguments);
  if (auto* error = std::get_if<ToolResult>(&area)) return *error;
  places::PlaceFilter filter;
  const std::string category = arguments.value("category", "");
  if (category == "cafe") {
    filter.categories = {map::PlaceCategory::kCafe};
  } else if (category == "fast_food") {
    filter.categories = {map::PlaceCategory::kFastFood};
  } else {
    filter.categories = {map::PlaceCategory::kRestaurant, map::PlaceCategory::kFastFood,
                         map::PlaceCategory::kFoodCourt, map::PlaceCategory::kCafe};
  }
  if (arguments.value("cuisine", "") == "coffee") {
    filter.categories = {map::PlaceCategory::kCafe};  // a café serves coffee, tagged or not
  } else if (arguments.contains("cuisine")) {
    filter.cuisine = places::find_cuisine(arguments["cuisine"].get<std::string>());
    if (filter.cuisine == nullptr) {
      return tool_error(
          "I don't know the cuisine \"" + arguments["cuisine"].get<std::string>() + "\".",
          "我不认识这个菜系。");
    }
  }
  base_filter(arguments, filter);
  auto found = search(world, std::get<SearchArea>(area), arguments, std::move(filter));
  drop_excluded(world, arguments, found);
  return present(world, std::move(found), "find_restaurants", arguments, std::get<SearchArea>(area),
                 "places to eat", "餐厅");
}

ToolResult find_parking(AgentWorld& world, const json& arguments) {
  auto area = search_area(world, arguments);
  if (auto* error = std::get_if<ToolResult>(&area)) return *error;
  places::ParkingQuery query;
  query.destination = std::get<SearchArea>(area).center;
  query.max_walk_m = arguments.value("radius_m", 1000.0);
  query.limit = 20;
  base_filter(arguments, query.filter);
  if (arguments.contains("covered")) query.filter.covered = arguments["covered"].get<bool>();
  if (arguments.contains("parking_type"))
    query.filter.parking_types = {arguments["parking_type"].get<std::string>()};
  query.filter.free_only = arguments.value("free", false);
  query.at = places::local_now();
  auto found = places::parking_near(world.places(), query, world.memory().preferences(), nullptr,
                                    feeds::Clock::now());
  drop_excluded(world, arguments, found);
  return present(world, std::move(found), "find_parking", arguments, std::get<SearchArea>(area),
                 "parking places", "停车场");
}

ToolResult find_chargers(AgentWorld& world, const json& arguments) {
  auto area = search_area(world, arguments);
  if (auto* error = std::get_if<ToolResult>(&area)) return *error;
  places::PlaceFilter filter;
  filter.categories = {map::PlaceCategory::kChargingStation};
  if (arguments.contains("min_power_kw"))
    filter.min_power_kw = arguments["min_power_kw"].get<double>();
  if (arguments.contains("socket"))
    filter.socket_types = {places::normalise_socket(arguments["socket"].get<std::string>())};
  filter.free_only = arguments.value("free", false);
  base_filter(arguments, filter);
  json wider = arguments;
  if (!wider.contains("radius_m"))
    wider["radius_m"] = 5000.0;  // chargers are sparser than restaurants
  auto found = search(world, std::get<SearchArea>(area), wider, std::move(filter));
  drop_excluded(world, arguments, found);
  return present(world, std::move(found), "find_chargers", arguments, std::get<SearchArea>(area),
                 "chargers", "充电站");
}

}  // namespace

void add_search_tools(ToolRegistry& registry, AgentWorld& world) {
  registry.add({"find_restaurants",
                "Find places to eat near the car, the destination, a named place or along the "
                "route, ranked with reasons.",
                "在车辆、目的地、某地附近或沿途查找餐厅，并给出排序理由。", restaurant_schema(),
                false, false, [&world](const json& a) { return find_restaurants(world, a); }});
  registry.add({"find_parking",
                "Find parking near the destination, the car or a named place: walk, price, type, "
                "live spaces.",
                "在目的地、车辆或某地附近查找停车场：步行距离、价格、类型、实时空位。",
                parking_schema(), false, false,
                [&world](const json& a) { return find_parking(world, a); }});
  registry.add({"find_chargers", "Find EV charging stations by power and socket.",
                "按功率和接口查找电动车充电站。", charger_schema(), false, false,
                [&world](const json& a) { return find_chargers(world, a); }});
}

}  // namespace codriver::agent
