#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <random>
#include <thread>

#include "app/commands.h"
#include "app/routing_session.h"
#include "signals/rsu_simulator.h"
#include "signals/spat_feed.h"
#include "vehicle/drive_simulator.h"
#include "vehicle/vss.h"
#include "vehicle/vss_feed.h"

// `codriver simulate`: the RSU simulator and the drive simulator together. With --mqtt
// they publish SPaT (codriver/spat/<id>, 10 Hz, UPER), MAP (codriver/map/<id>, retained)
// and the car's VSS state (codriver/vss/..., 10 Hz); without, the drive is printed.
namespace codriver::app {

namespace {

struct SimulateOptions {
  std::filesystem::path map;
  std::string from, to, mqtt;
  double speedup = 1.0, duration_s = 600, actuated_s = 0;
  bool glosa = false;
  unsigned seed = 1;
};

// A route between two random road nodes that passes at least one light (or any route
// after many tries), so the demo has something to show.
routing::Leg pick_route(const routing::Router& router, const signals::RsuSimulator& rsu,
                        unsigned seed) {
  const auto& graph = router.graph();
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> node(0, graph.node_count() - 1);
  std::vector<signals::Intersection> map;
  for (const auto& d : rsu.intersections()) map.push_back(d.intersection);
  std::optional<routing::Leg> any;
  for (int attempt = 0; attempt < 300; ++attempt) {
    try {
      routing::Leg leg = router.route({graph.position(static_cast<map::NodeId>(node(rng)))},
                                      {graph.position(static_cast<map::NodeId>(node(rng)))});
      if (leg.path.distance_m < 800) continue;
      if (!signals::route_movements(map, routing::trace_route(graph, leg.path)).empty()) return leg;
      if (!any) any = std::move(leg);
    } catch (const routing::RoutingError&) {
    }
  }
  if (!any) throw std::invalid_argument("no drivable route found in this map");
  return *any;
}

std::vector<vehicle::VssMessage> vss_of(const vehicle::DriveState& s, signals::Instant t) {
  return {{std::string(vehicle::vss::kLatitude), s.position.lat, t},
          {std::string(vehicle::vss::kLongitude), s.position.lon, t},
          {std::string(vehicle::vss::kHeading), std::fmod(s.heading_deg + 360.0, 360.0), t},
          {std::string(vehicle::vss::kSpeed), s.speed_mps * 3.6, t},
          {std::string(vehicle::vss::kLongitudinalAcceleration), s.acceleration_mps2, t}};
}

void print_state(const vehicle::DriveState& s) {
  std::printf("t=%6.1f s  %7.0f m  %5.1f km/h", s.time_s, s.progress_m, s.speed_mps * 3.6);
  if (s.light) {
    const auto& l = *s.light;
    std::printf("  light %d in %4.0f m: %-6s", l.movement.id.id, l.distance_m,
                std::string(signals::colour_name(l.colour)).c_str());
    if (l.time_to_change.likely_s) std::printf(" changes in %4.1f s", *l.time_to_change.likely_s);
    std::printf("  advice %s", signals::advice_kind_name(l.advice.kind));
    if (l.advice.speed_mps) std::printf(" %.0f km/h", *l.advice.speed_mps * 3.6);
  }
  std::printf("\n");
}

void run_simulate(const SimulateOptions& o) {
  if (!o.mqtt.empty() && o.speedup != 1.0) {
    throw std::invalid_argument("--mqtt publishes in real time: leave --speedup at 1");
  }
  if (!(o.speedup >= 0) || !(o.duration_s > 0)) {
    throw std::invalid_argument("--speedup must be >= 0 (0: as fast as possible), --duration > 0");
  }
  const RoutingSession session = open_routing_session(o.map);
  signals::PlanOptions plans;
  plans.max_extension_s = o.actuated_s;
  const signals::RsuSimulator rsu(session.bundle->graph(), plans);
  const routing::Leg leg =
      o.from.empty() || o.to.empty()
          ? pick_route(*session.router, rsu, o.seed)
          : session.router->route({parse_lat_lon(o.from)}, {parse_lat_lon(o.to)});
  vehicle::DriveOptions drive_options;
  drive_options.follow_glosa = o.glosa;
  drive_options.max_duration_s = o.duration_s;
  const signals::Instant start = feeds::Clock::now();
  vehicle::DriveSimulator drive(routing::trace_route(session.router->graph(), leg.path), rsu, start,
                                drive_options);
  std::unique_ptr<feeds::MqttClient> client;
  if (!o.mqtt.empty()) {
    client = std::make_unique<feeds::MqttClient>(feeds::parse_endpoint(o.mqtt), "codriver-simulate");
    signals::publish_map(*client, rsu);
  }
  std::printf("%zu signalised intersections; driving %.0f m%s\n", rsu.intersections().size(),
              leg.path.distance_m, o.glosa ? " with GLOSA" : "");
  int step = 0;
  const auto wall_start = std::chrono::steady_clock::now();
  while (drive.step()) {
    ++step;
    if (o.speedup > 0) {
      std::this_thread::sleep_until(wall_start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                     std::chrono::duration<double>(drive.state().time_s / o.speedup)));
    }
    if (client) {
      signals::publish_spat(*client, rsu, drive.now());
      vehicle::publish_messages(*client, vss_of(drive.state(), drive.now()));
    }
    if (step % 10 == 0) print_state(drive.state());
  }
  const auto& s = drive.stats();
  std::printf("%s after %.0f s: %.0f m, %d stops, %.0f s waiting, %.0f Wh, %d lights passed\n",
              s.arrived ? "arrived" : "stopped", s.travel_time_s, s.distance_m, s.stops, s.waiting_s,
              s.energy_kwh * 1000, s.lights_passed);
}

}  // namespace

void add_simulate_command(CLI::App& app) {
  auto o = std::make_shared<SimulateOptions>();
  CLI::App* command = app.add_subcommand("simulate", "Simulated traffic lights and a car driving through them");
  command->add_option("--map", o->map, "map bundle")->required();
  command->add_option("--mqtt", o->mqtt, "HOST:PORT: publish SPaT, MAP and the car's VSS state");
  command->add_option("--speedup", o->speedup, "simulated seconds per real second (0: no waiting)");
  command->add_option("--duration", o->duration_s, "stop after this many simulated seconds (600)");
  command->add_option("--from", o->from, "start LAT,LON (default: a random route with lights)");
  command->add_option("--to", o->to, "destination LAT,LON");
  command->add_flag("--glosa", o->glosa, "the car follows the speed advice");
  command->add_option("--actuated", o->actuated_s, "actuated signals: the most a green is extended (s)");
  command->add_option("--seed", o->seed, "for the random route (default 1)");
  command->callback([o] { run_simulate(*o); });
}

}  // namespace codriver::app
