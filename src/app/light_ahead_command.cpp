#include "app/light_ahead_command.h"

#include <CLI/CLI.hpp>
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/routing_session.h"
#include "geo/distance.h"
#include "signals/light_ahead.h"
#include "signals/light_report.h"
#include "signals/osm_intersections.h"
#include "signals/rsu_simulator.h"
#include "signals/spat_feed.h"

namespace codriver::app {

namespace {

using nlohmann::json;
using signals::Instant;

struct LightAheadOptions {
  std::filesystem::path map;
  std::string at, to, time, mqtt, lang = "en";
  double heading = 0, speed_kmh = 30;
  int wait_ms = 2000;
  bool json = false;
};

std::optional<signals::SpatReading> live_reading(const std::string& endpoint, int id, int wait_ms) {
  signals::SpatBoard board;
  signals::SpatFeed feed(feeds::parse_endpoint(endpoint), board, "codriver-signals-cli");
  for (int waited = 0; waited < wait_ms; waited += 50) {
    if (auto reading = board.latest(id)) return reading;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return std::nullopt;
}

json optional_json(const std::optional<double>& value) {
  return value ? json(*value) : json(nullptr);
}

json answer_json(const signals::LightAhead& light, const signals::Intersection& intersection,
                 const char* source) {
  const auto& advice = light.advice;
  json advice_json = {
      {"kind", signals::advice_kind_name(advice.kind)},
      {"speed_kmh", advice.speed_mps ? json(*advice.speed_mps * 3.6) : json(nullptr)},
      {"green_in_s", optional_json(advice.green_in_s)}};
  return {{"intersection_id", intersection.id.id},
          {"intersection_name", intersection.name},
          {"distance_m", light.distance_m},
          {"signal_group",
           light.movement.signal_group ? json(*light.movement.signal_group) : json(nullptr)},
          {"lane_id", light.movement.lane_id},
          {"movement", signals::maneuver_short_name(light.movement.maneuver)},
          {"state", signals::colour_name(light.colour)},
          {"phase", signals::phase_name(light.phase)},
          {"time_to_change_s",
           {{"min", optional_json(light.time_to_change.min_s)},
            {"likely", optional_json(light.time_to_change.likely_s)},
            {"max", optional_json(light.time_to_change.max_s)}}},
          {"advice", advice_json},
          {"data_age_s", optional_json(light.data_age_s)},
          {"live", light.live},
          {"source", source}};
}

Instant time_of(const std::string& text) {
  if (text.empty()) return feeds::Clock::now();
  const auto t = feeds::parse_rfc3339(text);
  if (!t)
    throw std::invalid_argument("'" + text + "' is not a time: write e.g. 2026-11-24T21:05:00Z");
  return *t;
}

void run_light_ahead(const LightAheadOptions& o) {
  if (o.at.empty())
    throw std::invalid_argument("give --at LAT,LON (and --heading), or use `signals decode`");
  const bool zh = o.lang == "zh";
  const RoutingSession session = open_routing_session(o.map);
  const routing::Waypoint from{parse_lat_lon(o.at), o.heading};
  session.router->check_position(from.position, "start");
  const signals::RsuSimulator rsu(session.bundle->graph());
  const auto map = signals::intersections_of(rsu);
  const signals::LightOnRoute found =
      o.to.empty() ? signals::light_on_road_ahead(*session.router, from, map)
                   : signals::light_on_route(*session.router, from, parse_lat_lon(o.to), map);
  if (!found.movement) {
    if (o.json) {
      std::cout << json{{"intersection_id", nullptr}, {"message", "no traffic light ahead"}}.dump()
                << "\n";
    } else {
      std::cout << (zh ? "前方路线上没有红绿灯\n" : "No traffic light ahead on the route\n");
    }
    return;
  }
  const signals::RouteMovement& movement = *found.movement;
  const Instant now = time_of(o.time);
  std::optional<signals::SpatReading> reading;
  const char* source = "simulated";
  if (!o.mqtt.empty()) {
    reading = live_reading(o.mqtt, movement.id.id, o.wait_ms);
    source = "live";
  } else {
    reading = signals::SpatReading{rsu.intersection_spat(movement.intersection, now), now};
  }
  const signals::CarOnRoute car{0, o.speed_kmh / 3.6, 50 / 3.6};
  const Instant asked = o.mqtt.empty() ? now : feeds::Clock::now();
  const signals::LightAhead light =
      signals::light_ahead(movement, car, reading ? &reading->signals : nullptr,
                           reading ? reading->received_at : asked, asked);
  const auto& intersection = map[movement.intersection];
  if (o.json) {
    std::cout << answer_json(light, intersection, source).dump() << "\n";
  } else {
    std::cout << signals::light_sentence(
                     light, intersection.name,
                     zh ? routing::Language::kChinese : routing::Language::kEnglish)
              << "\n";
  }
}

}  // namespace

void add_light_ahead_options(CLI::App& command) {
  auto o = std::make_shared<LightAheadOptions>();
  command.add_option("--map", o->map, "map bundle");
  command.add_option("--at", o->at, "the car's position, LAT,LON");
  command.add_option("--heading", o->heading, "the car's heading, degrees (default 0, north)");
  command.add_option("--to", o->to, "destination LAT,LON (default: the road ahead)");
  command.add_option("--time", o->time, "RFC 3339 instant for the simulated signals (default now)");
  command.add_option("--speed", o->speed_kmh, "the car's speed in km/h (default 30)");
  command.add_option("--mqtt", o->mqtt, "HOST:PORT of a broker with live SPaT on codriver/spat/#");
  command.add_option("--wait-ms", o->wait_ms, "how long to wait for live SPaT (default 2000)");
  command.add_option("--lang", o->lang, "en or zh")->check(CLI::IsMember({"en", "zh"}));
  command.add_flag("--json", o->json, "print JSON");
  command.callback([o, &command] {
    if (!command.get_subcommands().empty()) return;  // `signals decode ...` ran instead
    if (o->map.empty()) throw std::invalid_argument("--map is required");
    run_light_ahead(*o);
  });
}

}  // namespace codriver::app
