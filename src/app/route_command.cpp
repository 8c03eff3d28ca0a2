#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "app/routing_session.h"
#include "geo/polyline.h"
#include "places/ev_trip.h"
#include "routing/instructions.h"
#include "routing/maneuvers.h"
#include "routing/matrix.h"
#include "routing/trip.h"

namespace codriver::app {

namespace {

using nlohmann::json;
using routing::Language;

struct RouteOptions {
  std::filesystem::path map;
  std::string from, to;
  std::vector<std::string> via;
  std::string lang = "en";
  std::string engine = "ch";
  std::optional<double> heading;
  bool kerb = false;
  double snap_radius_m = 250.0;
  bool optimize = false;
  bool json = false;
  places::EvOptions ev;
};

json lon_lat(geo::LatLon p) {
  return json::array({p.lon, p.lat});
}

json step_json(const routing::Step& step, const routing::Step* previous, Language language) {
  json out = {{"maneuver", routing::maneuver_name(step.type, step.direction)},
              {"type", routing::maneuver_type_name(step.type)},
              {"modifier", routing::direction_name(step.direction)},
              {"instruction", routing::instruction_text(step, previous, language)},
              {"instruction_en", routing::instruction_text(step, previous, Language::kEnglish)},
              {"instruction_zh", routing::instruction_text(step, previous, Language::kChinese)},
              {"name", step.name},
              {"name_zh", step.name_zh},
              {"ref", step.ref},
              {"distance_m", step.distance_m},
              {"duration_s", step.duration_s},
              {"location", lon_lat(step.location)},
              {"bearing_before", step.bearing_before},
              {"bearing_after", step.bearing_after}};
  if (step.type == routing::ManeuverType::kRoundabout) out["exit"] = step.roundabout_exit;
  return out;
}

struct RouteAnswer {
  json document;
  std::vector<std::string> lines;  // instructions for people
};

RouteAnswer describe(const routing::Router& router, const std::vector<routing::Leg>& legs,
                     const std::vector<routing::Waypoint>& stops, Language language) {
  RouteAnswer answer;
  std::vector<geo::LatLon> geometry;
  json all_steps = json::array(), leg_documents = json::array();
  double distance = 0, duration = 0;
  for (std::size_t i = 0; i < legs.size(); ++i) {
    std::vector<geo::LatLon> leg_line;
    const auto steps =
        routing::build_steps(router.graph(), legs[i].path, &leg_line, stops[i + 1].position);
    json leg_steps = json::array();
    for (std::size_t k = 0; k < steps.size(); ++k) {
      const routing::Step* previous = k > 0 ? &steps[k - 1] : nullptr;
      leg_steps.push_back(step_json(steps[k], previous, language));
      answer.lines.push_back(routing::instruction_text(steps[k], previous, language));
    }
    geometry.insert(geometry.end(),
                    leg_line.begin() + (geometry.empty() || leg_line.empty() ? 0 : 1),
                    leg_line.end());
    leg_documents.push_back({{"distance_m", legs[i].path.distance_m},
                             {"duration_s", legs[i].path.duration_s},
                             {"steps", leg_steps}});
    all_steps.insert(all_steps.end(), leg_steps.begin(), leg_steps.end());
    distance += legs[i].path.distance_m;
    duration += legs[i].path.duration_s;
  }
  json waypoints = json::array();
  for (std::size_t i = 0; i < stops.size(); ++i) {
    const geo::LatLon snapped = i == 0 ? legs.front().snapped_from : legs[i - 1].snapped_to;
    waypoints.push_back({{"location", lon_lat(stops[i].position)}, {"snapped", lon_lat(snapped)}});
  }
  answer.document = {{"distance_m", distance},
                     {"duration_s", duration},
                     {"geometry", geo::encode_polyline(geometry, 6)},
                     {"steps", all_steps},
                     {"legs", leg_documents},
                     {"waypoints", waypoints}};
  return answer;
}

std::vector<routing::Waypoint> stops_of(const RouteOptions& options) {
  std::vector<routing::Waypoint> stops{{parse_lat_lon(options.from), options.heading, false}};
  for (const auto& via : options.via)
    stops.push_back({parse_lat_lon(via), std::nullopt, false});
  stops.push_back({parse_lat_lon(options.to), std::nullopt, options.kerb});
  return stops;
}

std::string summary_line(double distance_m, double duration_s, Language language) {
  const std::string distance = routing::format_distance(distance_m, language);
  const int minutes = static_cast<int>(std::lround(duration_s / 60.0));
  if (language == Language::kChinese)
    return "全程" + distance + "，约" + std::to_string(minutes) + "分钟";
  return distance + ", about " + std::to_string(minutes) + " min";
}

void run_route(const RouteOptions& options) {
  const Language language = options.lang == "zh" ? Language::kChinese : Language::kEnglish;
  const RoutingSession session = open_routing_session(options.map);
  session.router->snap_radius_m = options.snap_radius_m;
  std::vector<routing::Waypoint> stops = stops_of(options);
  json order;
  if (options.optimize && stops.size() > 3) {
    const auto trip =
        routing::optimize_trip(routing::travel_matrix(*session.router, stops, stops), false);
    std::vector<routing::Waypoint> reordered;
    for (std::size_t index : trip.order)
      reordered.push_back(stops[index]);
    stops = std::move(reordered);
    order = trip.order;
  }
  auto legs = session.router->route_via(stops, parse_engine(options.engine));
  std::optional<places::EvTrip> ev;
  if (options.ev.soc) {
    ev = places::plan_ev_trip(options.map, *session.router, legs.front(), stops.front(),
                              stops.back(), options.ev);
    if (!ev->plan.stops.empty()) {
      stops = ev->plan.waypoints();
      legs = session.router->route_via(stops, parse_engine(options.engine));
    }
  }
  RouteAnswer answer = describe(*session.router, legs, stops, language);
  if (!order.is_null()) answer.document["order"] = order;
  if (ev) {
    answer.document["charging_stops"] = places::charging_stops_json(*ev, language);
    answer.document["ev"] = places::ev_summary_json(*ev, language);
  }
  if (options.json) {
    std::cout << answer.document.dump() << "\n";
    return;
  }
  std::cout << summary_line(answer.document["distance_m"], answer.document["duration_s"], language)
            << "\n";
  if (ev) {
    for (const std::string& line : places::ev_lines(*ev, language))
      std::cout << "  " << line << "\n";
  }
  for (std::size_t i = 0; i < answer.lines.size(); ++i) {
    std::cout << "  " << i + 1 << ". " << answer.lines[i] << "\n";
  }
}

}  // namespace

void add_route_command(CLI::App& app) {
  auto options = std::make_shared<RouteOptions>();
  CLI::App* command = app.add_subcommand("route", "A route with turn-by-turn instructions");
  command->add_option("--map", options->map, "map bundle")->required();
  command->add_option("--from", options->from, "start, LAT,LON")->required();
  command->add_option("--to", options->to, "destination, LAT,LON")->required();
  command->add_option("--via", options->via, "a stop on the way, LAT,LON (repeatable, in order)");
  command->add_option("--lang", options->lang, "instructions in en or zh")
      ->check(CLI::IsMember({"en", "zh"}));
  command->add_option("--heading", options->heading, "the car's heading at the start, degrees");
  command->add_flag("--kerb", options->kerb,
                    "arrive on the side of the road the destination is on");
  command
      ->add_option("--snap-radius", options->snap_radius_m,
                   "how far from a road a point may be, metres (default 250)")
      ->check(CLI::Range(1.0, 5000.0));
  command->add_flag("--optimize", options->optimize,
                    "reorder the --via stops for the fastest trip");
  command->add_option("--engine", options->engine, "ch (default), dijkstra or astar");
  command
      ->add_option("--ev-soc", options->ev.soc,
                   "electric car: state of charge at the start, 0..1 (plans charging stops)")
      ->check(CLI::Range(0.0, 1.0));
  command->add_option("--ev-capacity-kwh", options->ev.capacity_kwh,
                      "usable battery capacity (default 60)");
  command->add_option("--ev-reserve", options->ev.reserve_soc,
                      "least charge on any arrival, 0..1 (default 0.1)");
  command->add_option("--ev-max-charge", options->ev.max_charge_soc,
                      "charge no further than this at a stop, 0..1 (default 1)");
  command->add_option("--ev-max-power-kw", options->ev.max_power_kw,
                      "the car's maximum DC charging power (default 150)");
  command->add_option("--ev-corridor-m", options->ev.corridor_m,
                      "chargers this close to the route are candidates (default 5000)");
  command->add_flag("--json", options->json, "print the route as one JSON document");
  command->callback([options] {
    if (options->ev.soc && (!options->via.empty() || options->optimize)) {
      throw std::invalid_argument(
          "--ev-soc plans a trip from --from to --to; it cannot be "
          "combined with --via or --optimize yet");
    }
    run_route(*options);
  });
}

}  // namespace codriver::app
