#include <pthread.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>
#include <thread>

#include "app/commands.h"
#include "app/model_flags.h"
#include "app/routing_session.h"
#include "server/cockpit_server.h"

// `codriver serve`: the cockpit screen (web HMI), its HTTP API and event stream, with the
// simulated car driving each trip through the simulated traffic lights.
namespace codriver::app {
namespace {

struct ServeCommandOptions {
  std::filesystem::path map, memory = ":memory:";
  std::string at;
  double heading = 0, soc_percent = 80;
  server::CockpitOptions server;
  ModelFlags models;
  bool no_web = false, no_simulation = false;
};

// Ctrl-C and SIGTERM end the server cleanly: the screens' streams are closed and the
// memory database is left whole. The signals are waited for on a thread of their own.
sigset_t stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  return signals;
}

void run_serve(ServeCommandOptions o) {
  if (o.no_web) o.server.web_root.clear();
  o.server.simulate_drive = !o.no_simulation;
  const sigset_t signals = stop_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread starts
  agent::AgentOptions agent{o.map, o.memory};
  if (!o.at.empty()) {
    const geo::LatLon at = parse_lat_lon(o.at);
    agent.car = agent::CarState{};
    agent.car->lat = at.lat;
    agent.car->lon = at.lon;
    agent.car->heading_deg = o.heading;
    agent.car->soc_percent = o.soc_percent;
  }
  server::CockpitServer cockpit(agent, o.server, models_of(o.models));
  const int port = cockpit.bind();
  std::thread waiter([&cockpit, signals] {
    int received = 0;
    sigwait(&signals, &received);
    cockpit.stop();
  });
  std::cout << "codriver: serving http://" << o.server.host << ":" << port << "/" << std::endl;
  cockpit.run();
  // run() also ends without a signal (stop() from elsewhere): wake the waiter.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto o = std::make_shared<ServeCommandOptions>();
  o->server.web_root = CODRIVER_WEB_ROOT;
  CLI::App* command = app.add_subcommand(
      "serve", "The cockpit screen: web HMI, HTTP API and live events, with a simulated car");
  command->add_option("--map", o->map, "map bundle")->required();
  command->add_option("--port", o->server.port, "port (default 8080; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  command->add_option("--host", o->server.host,
                      "address to listen on (default 127.0.0.1; any other needs --token)");
  command->add_option("--token", o->server.token,
                      "require \"Authorization: Bearer TOKEN\" on every /v1 request");
  command->add_option("--web-root", o->server.web_root,
                      "the HMI's files (default: web/ of the source tree)");
  command->add_flag("--no-web", o->no_web, "serve the API only");
  command
      ->add_option("--max-sessions", o->server.max_sessions,
                   "screens on the event stream at once (default 8)")
      ->check(CLI::Range(1, 256));
  command
      ->add_option("--max-connections", o->server.max_connections,
                   "other connections served at once (default 64; more wait their turn)")
      ->check(CLI::Range(1, 1024));
  command->add_option("--memory", o->memory, "SQLite file for the driver's memory");
  command->add_option(
      "--at", o->at,
      "where the car starts, LAT,LON (default: on the map's roads, near its centre)");
  command->add_option("--heading", o->heading, "the car's heading at --at, degrees")
      ->check(CLI::Range(0.0, 360.0));
  command->add_option("--soc", o->soc_percent, "battery charge at --at, percent")
      ->check(CLI::Range(0.0, 100.0));
  command->add_flag("--no-simulation", o->no_simulation,
                    "keep the simulated car where it is (no drive along the trip)");
  command->add_flag("--log", o->server.log_requests, "one line per request on stderr");
  add_model_flags(command, o->models);
  command->callback([o] { run_serve(*o); });
}

}  // namespace codriver::app
