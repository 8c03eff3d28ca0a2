#pragma once

#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <tuple>

#include "agent/agent.h"
#include "agent/light_view.h"
#include "server/event_hub.h"
#include "server/request_values.h"

// The co-driver as the screens see it: one car, one conversation, one trip, shared by
// every connected screen. Each call takes the co-driver for the moment it needs, so an
// answer, a tick of the simulated drive and a screen's read never see half a change;
// whatever changes is published on the event hub.
namespace codriver::server {

struct PlacesRequest {
  std::string categories = "restaurant";
  std::string cuisine, name;
  std::optional<geo::LatLon> near;  // default: the car
  double radius_m = 1500;
  int limit = 10;
  bool open_now = false;
  routing::Language language = routing::Language::kEnglish;
};

struct ParkingRequest {
  std::optional<geo::LatLon> near;  // default: the trip's destination, else the car
  double max_walk_m = 1000;
  int limit = 5;
  bool covered = false, free_only = false;
  routing::Language language = routing::Language::kEnglish;
};

class Cockpit {
 public:
  Cockpit(const agent::AgentOptions& options, agent::ModelOptions models, EventHub& events);

  nlohmann::json ask(const AskRequest& request);
  // The understanding and the answer of a recognised utterance, under the same lock.
  template <typename Turn>
  auto with_agent(Turn&& turn) {
    const auto lock = hold();
    auto result = turn(agent_);
    publish_changes();
    return result;
  }
  // Tells every screen what was asked and answered (also for voice asks).
  void publish_answer(const std::string& question, const nlohmann::json& answer);

  nlohmann::json vehicle();
  nlohmann::json route(routing::Language language);
  nlohmann::json signals(routing::Language language);
  nlohmann::json places(const PlacesRequest& request);
  nlohmann::json parking(const ParkingRequest& request);
  // The map's roads, dumped once (they never change), or those within `box`.
  const std::string& map_geometry() const { return map_geometry_; }
  std::string map_geometry_within(const geo::BoundingBox& box);
  const std::string& map_name() const { return map_name_; }
  void reset();

  // Lets the on-device model read the rules and tools (seconds), outside the lock: the
  // model serves one request at a time, and the embedded path answers meanwhile.
  void prepare_models() { agent_.prepare_models(); }

  // Lets `seconds` of the simulated drive pass and publishes a tick.
  void advance(double seconds);

 private:
  using RouteSignature = std::tuple<bool, std::int64_t, double, double>;

  nlohmann::json vehicle_locked() const;
  nlohmann::json route_locked(routing::Language language) const;
  nlohmann::json tick_locked(routing::Language language,
                             const std::optional<agent::LightView>& light);
  RouteSignature route_signature() const;
  // Publishes a route event when the trip changed since the last one.
  void publish_changes();

  EventHub& events_;
  // A request waits this long for the co-driver (a model may be thinking), then gets 503.
  static constexpr std::chrono::seconds kBusyWait{30};
  std::unique_lock<std::timed_mutex> hold();

  std::timed_mutex mutex_;
  agent::Agent agent_;
  std::string map_geometry_, map_name_;
  RouteSignature published_route_{};
};

}  // namespace codriver::server
