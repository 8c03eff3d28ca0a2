#include "app/light_ahead_command.h"

#include <CLI/CLI.hpp>
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/routing_session.h"
#include "geo/distance.h"
#include "signals/light_ahead.h"
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

struct Found {
  std::vector<routing::TracePoint> route;
  std::optional<signals::RouteMovement> movement;
};

std::vector<signals::Intersection> map_of(const signals::RsuSimulator& rsu) {
  std::vector<signals::Intersection> map;
  for (const auto& derived : rsu.intersections()) map.push_back(derived.intersection);
  return map;
}

Found along(const routing::Router& router, const routing::Waypoint& from, geo::LatLon to,
            const std::vector<signals::Intersection>& map) {
  Found found;
  found.route = routing::trace_route(router.graph(), router.route(from, {to}).path);
  found.movement = signals::next_movement(signals::route_movements(map, found.route), 0);
  return found;
}

// Without a destination: the light the car reaches first on the road ahead, among the
// intersections in front of it (within 60° of its heading and 1 km).
Found nearest_ahead(const routing::Router& router, const routing::Waypoint& from,
                    const std::vector<signals::Intersection>& map) {
  Found best;
  for (const auto& intersection : map) {
    const double distance = geo::distance_m(from.position, intersection.ref_point);
    const double bearing = geo::initial_bearing_deg(from.position, intersection.ref_point);
    if (distance > 1000 || signals::bearing_difference_deg(bearing, *from.heading_deg) > 60) continue;
    try {
      Found candidate = along(router, from, intersection.ref_point, map);
      if (candidate.movement && (!best.movement || candidate.movement->stop_line_m < best.movement->stop_line_m)) {
        best = std::move(candidate);
      }
    } catch (const routing::RoutingError&) {
    }
  }
  return best;
}

std::optional<signals::SpatReading> live_reading(const std::string& endpoint, int id, int wait_ms) {
  signals::SpatBoard board;
  signals::SpatFeed feed(feeds::parse_endpoint(endpoint), board, "codriver-signals-cli");
  for (int waited = 0; waited < wait_ms; waited += 50) {
    if (auto reading = board.latest(id)) return reading;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return std::nullopt;
}

json optional_json(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

json answer_json(const signals::LightAhead& light, const signals::Intersection& intersection,
                 const char* source) {
  const auto& advice = light.advice;
  json advice_json = {{"kind", signals::advice_kind_name(advice.kind)},
                      {"speed_kmh", advice.speed_mps ? json(*advice.speed_mps * 3.6) : json(nullptr)},
                      {"green_in_s", optional_json(advice.green_in_s)}};
  return {{"intersection_id", intersection.id.id},
          {"intersection_name", intersection.name},
          {"distance_m", light.distance_m},
          {"signal_group", light.movement.signal_group ? json(*light.movement.signal_group) : json(nullptr)},
          {"lane_id", light.movement.lane_id},
          {"movement", signals::maneuver_short_name(light.movement.maneuver)},
          {"state", signals::colour_name(light.colour)},
          {"phase", signals::phase_name(light.phase)},
          {"time_to_change_s", {{"min", optional_json(light.time_to_change.min_s)},
                                {"likely", optional_json(light.time_to_change.likely_s)},
                                {"max", optional_json(light.time_to_change.max_s)}}},
          {"advice", advice_json},
          {"data_age_s", optional_json(light.data_age_s)},
          {"live", light.live},
          {"source", source}};
}

std::string seconds_text(std::optional<double> s) {
  return s ? std::to_string(static_cast<long>(std::lround(*s))) : "?";
}

std::string english_line(const signals::LightAhead& light, const std::string& name) {
  std::string line = "Light" + (name.empty() ? "" : " at " + name) + " in " +
                     std::to_string(std::lround(light.distance_m)) + " m: ";
  if (!light.live) return line + "no live data for this light.";
  line += std::string(signals::colour_name(light.colour)) + ", changes in " +
          seconds_text(light.time_to_change.likely_s) + " s (" +
          seconds_text(light.time_to_change.min_s) + "–" + seconds_text(light.time_to_change.max_s) + " s). ";
  const auto& a = light.advice;
  const std::string speed = a.speed_mps ? std::to_string(std::lround(*a.speed_mps * 3.6)) + " km/h" : "";
  switch (a.kind) {
    case signals::AdviceKind::kKeep: return line + "Keep your speed to pass on green.";
    case signals::AdviceKind::kSlowTo: return line + "Slow to " + speed + " to arrive on green.";
    case signals::AdviceKind::kSpeedTo: return line + "Drive " + speed + " to pass on green.";
    case signals::AdviceKind::kStop:
      return line + "You will have to stop" +
             (a.green_in_s ? ": green in " + seconds_text(a.green_in_s) + " s." : ".");
    case signals::AdviceKind::kGo: return line + "The light is green: go.";
    case signals::AdviceKind::kRedWarning: return line + "Red ahead: too close to stop comfortably!";
    case signals::AdviceKind::kNoData: return line;
  }
  return line;
}

std::string chinese_line(const signals::LightAhead& light, const std::string& name) {
  static const char* colours[] = {"状态未知", "熄灭", "红灯", "黄灯", "绿灯"};
  std::string line = "前方" + std::to_string(std::lround(light.distance_m)) + "米" +
                     (name.empty() ? "" : name) + "路口：";
  if (!light.live) return line + "暂无实时信号数据。";
  line += std::string(colours[static_cast<int>(light.colour)]) + "，约" +
          seconds_text(light.time_to_change.likely_s) + "秒后变化（" +
          seconds_text(light.time_to_change.min_s) + "–" + seconds_text(light.time_to_change.max_s) + "秒）。";
  const auto& a = light.advice;
  const std::string speed = a.speed_mps ? std::to_string(std::lround(*a.speed_mps * 3.6)) + "公里/小时" : "";
  switch (a.kind) {
    case signals::AdviceKind::kKeep: return line + "保持当前车速可绿灯通过。";
    case signals::AdviceKind::kSlowTo: return line + "建议减速至" + speed + "，到达时为绿灯。";
    case signals::AdviceKind::kSpeedTo: return line + "建议以" + speed + "行驶，可绿灯通过。";
    case signals::AdviceKind::kStop:
      return line + "需要停车等待" + (a.green_in_s ? "，" + seconds_text(a.green_in_s) + "秒后变绿。" : "。");
    case signals::AdviceKind::kGo: return line + "绿灯，请起步。";
    case signals::AdviceKind::kRedWarning: return line + "前方红灯，距离过近，请注意！";
    case signals::AdviceKind::kNoData: return line;
  }
  return line;
}

Instant time_of(const std::string& text) {
  if (text.empty()) return feeds::Clock::now();
  const auto t = feeds::parse_rfc3339(text);
  if (!t) throw std::invalid_argument("'" + text + "' is not a time: write e.g. 2026-11-24T21:05:00Z");
  return *t;
}

void run_light_ahead(const LightAheadOptions& o) {
  if (o.at.empty()) throw std::invalid_argument("give --at LAT,LON (and --heading), or use `signals decode`");
  const bool zh = o.lang == "zh";
  const RoutingSession session = open_routing_session(o.map);
  const routing::Waypoint from{parse_lat_lon(o.at), o.heading};
  session.router->check_position(from.position, "start");
  const signals::RsuSimulator rsu(session.bundle->graph());
  const auto map = map_of(rsu);
  const Found found = o.to.empty() ? nearest_ahead(*session.router, from, map)
                                   : along(*session.router, from, parse_lat_lon(o.to), map);
  if (!found.movement) {
    if (o.json) {
      std::cout << json{{"intersection_id", nullptr}, {"message", "no traffic light ahead"}}.dump() << "\n";
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
  const signals::LightAhead light = signals::light_ahead(
      movement, car, reading ? &reading->signals : nullptr, reading ? reading->received_at : asked, asked);
  const auto& intersection = map[movement.intersection];
  if (o.json) {
    std::cout << answer_json(light, intersection, source).dump() << "\n";
  } else {
    std::cout << (zh ? chinese_line(light, intersection.name) : english_line(light, intersection.name)) << "\n";
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
