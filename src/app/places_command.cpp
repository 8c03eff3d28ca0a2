#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "app/place_output.h"
#include "app/routing_session.h"
#include "places/along_route.h"
#include "places/open_state.h"
#include "places/place_search.h"

namespace codriver::app {

namespace {

using nlohmann::json;

struct PlacesOptions {
  std::filesystem::path map;
  std::string near, route_to;
  std::string category = "restaurant";
  std::string cuisine, name, open_at, lang = "en";
  bool open_only = false, free_only = false, covered = false, json = false;
  double radius_m = 1500, max_detour_s = 600;
  int limit = 10;
  std::optional<int> max_price;
  std::optional<double> car_height_m, min_power_kw;
  std::vector<std::string> sockets, parking_types;
};

places::PlaceFilter filter_of(const PlacesOptions& o) {
  places::PlaceFilter filter;
  filter.categories = places::categories_from_list(o.category);
  if (!o.cuisine.empty()) {
    filter.cuisine = places::find_cuisine(o.cuisine);
    if (filter.cuisine == nullptr) {
      throw std::invalid_argument("unknown cuisine '" + o.cuisine +
                                  "': try e.g. sichuan, 川菜, hot pot, noodles, pizza, vegetarian");
    }
  }
  filter.max_price_level = o.max_price;
  filter.free_only = o.free_only;
  if (o.covered) filter.covered = true;
  filter.car_height_m = o.car_height_m;
  filter.min_power_kw = o.min_power_kw;
  filter.parking_types = o.parking_types;
  for (const std::string& socket : o.sockets) {
    const std::string type = places::normalise_socket(socket);
    if (type.empty()) {
      throw std::invalid_argument("unknown socket '" + socket +
                                  "': use type2, ccs, ccs1, chademo, gb_dc, gb_ac, nacs, type1");
    }
    filter.socket_types.push_back(type);
  }
  return filter;
}

feeds::CivilTime time_of(const std::string& text) {
  if (text.empty()) return places::local_now();
  const auto at = feeds::parse_civil_time(text);
  if (!at) {
    throw std::invalid_argument("'" + text + "' is not a time: write e.g. 2026-11-24T20:00");
  }
  return *at;
}

std::vector<places::RankedPlace> along_route(const PlacesOptions& o,
                                             const places::PlaceFilter& filter,
                                             const feeds::CivilTime& at) {
  const RoutingSession session = open_routing_session(o.map);
  const routing::Leg leg =
      session.router->route({parse_lat_lon(o.near)}, {parse_lat_lon(o.route_to)});
  map::PlacesReader reader(o.map / "places.sqlite");
  places::AlongRouteQuery query;
  query.filter = filter;
  query.max_detour_s = o.max_detour_s;
  query.limit = o.limit;
  query.at = at;
  query.open_only = o.open_only;
  return places::places_along_route(reader, *session.router, leg.path, query, {});
}

std::vector<places::RankedPlace> nearby(const PlacesOptions& o, const places::PlaceFilter& filter,
                                        const feeds::CivilTime& at) {
  const geo::LatLon near = parse_lat_lon(o.near);
  if (!geo::is_valid(near)) throw std::invalid_argument("--near " + o.near + " is not on Earth");
  map::PlacesReader reader(o.map / "places.sqlite");
  places::PlaceQuery query;
  query.near = near;
  query.radius_m = o.radius_m;
  query.limit = o.limit;
  query.filter = filter;
  query.name = o.name;
  query.at = at;
  query.open_only = o.open_only;
  return places::search_places(reader, query, {});
}

void run_places(const PlacesOptions& o) {
  const routing::Language language = parse_language(o.lang);
  if (o.limit < 1 || o.limit > 1000) throw std::invalid_argument("--limit must be 1..1000");
  if (!(o.radius_m > 0 && o.radius_m <= 100000)) {
    throw std::invalid_argument("--radius must be more than 0 and at most 100000 m");
  }
  const places::PlaceFilter filter = filter_of(o);
  const feeds::CivilTime at = time_of(o.open_at);
  const auto found = o.route_to.empty() ? nearby(o, filter, at) : along_route(o, filter, at);
  const bool zh = language == routing::Language::kChinese;
  print_places(found, o.json, language, "places", json::object(),
               zh ? "附近没有符合条件的地点" : "No matching places nearby");
}

}  // namespace

void add_places_command(CLI::App& app) {
  auto o = std::make_shared<PlacesOptions>();
  CLI::App* command = app.add_subcommand("places", "Find and rank places near a point or a route");
  command->add_option("--map", o->map, "map bundle")->required();
  command->add_option("--near", o->near, "LAT,LON to search around (the start of --route-to)")
      ->required();
  command->add_option("--category", o->category,
                      "restaurant, cafe, fast_food, food_court, food, parking, charging_station, "
                      "fuel (comma-separated)");
  command->add_option("--cuisine", o->cuisine, "e.g. sichuan, 川菜, hot pot, noodles, pizza");
  command->add_option("--name", o->name, "only places whose name matches (typos tolerated)");
  command->add_option("--open-at", o->open_at, "local time to check hours at (default: now)");
  command->add_flag("--open-now,--open", o->open_only, "leave out places known to be closed");
  command->add_option("--radius", o->radius_m, "search radius in metres (default 1500)");
  command->add_option("--limit", o->limit, "number of results (default 10)");
  command->add_option("--max-price", o->max_price, "price level 1 (cheap) to 4");
  command->add_flag("--free", o->free_only, "only places that charge no fee");
  command->add_flag("--covered", o->covered, "only covered places");
  command->add_option("--car-height", o->car_height_m, "leave out lots lower than this (m)");
  command->add_option("--parking-type", o->parking_types, "surface, multi-storey, underground");
  command->add_option("--socket", o->sockets, "charger socket: type2, ccs, chademo, gb_dc, ...");
  command->add_option("--min-power", o->min_power_kw, "minimum charger power in kW");
  command->add_option("--route-to", o->route_to,
                      "LAT,LON: search along the route from --near to here, by detour");
  command->add_option("--max-detour-s", o->max_detour_s, "along a route: most extra seconds");
  command->add_option("--lang", o->lang, "en or zh");
  command->add_flag("--json", o->json, "print JSON");
  command->callback([o] { run_places(*o); });
}

}  // namespace codriver::app
