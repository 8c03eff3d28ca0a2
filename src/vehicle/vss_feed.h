#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>

#include "feeds/mqtt_client.h"
#include "vehicle/vehicle_state.h"
#include "vehicle/vss.h"

// VSS signals over MQTT: a subscriber that keeps a VehicleState up to date, and the
// publishing side the drive simulator uses.
namespace codriver::vehicle {

struct VssFeedStats {
  std::uint64_t stored = 0;
  std::uint64_t ignored_older = 0;
  std::uint64_t rejected = 0;
  std::map<VssErrorKind, std::uint64_t> rejected_by_kind;
  std::string last_error;  // what the last rejected message got wrong
};

struct VssFeedOptions {
  std::string client_id = "codriver-vss";
  std::chrono::milliseconds connect_timeout = std::chrono::seconds(5);
  // The clock messages are checked against (tests pass a fixed one).
  std::function<feeds::Clock::time_point()> clock = [] { return feeds::Clock::now(); };
};

// Subscribes to codriver/vss/# and ingests every message into `state`. A bad message
// is counted and its error kept; it never throws on the network thread and never stops
// the feed. The feed owns its MQTT connection, so that no message arrives after it is
// gone; `state` must outlive it. Throws feeds::MqttError when the broker is not there.
class VssFeed {
 public:
  VssFeed(const feeds::MqttEndpoint& endpoint, VehicleState& state, VssFeedOptions options = {});
  ~VssFeed();
  VssFeed(const VssFeed&) = delete;
  VssFeed& operator=(const VssFeed&) = delete;

  VssFeedStats stats() const;
  bool connected() const;

 private:
  void on_message(std::string_view topic, std::string_view payload);

  VehicleState& state_;
  VssFeedOptions options_;
  mutable std::mutex stats_mutex_;
  VssFeedStats stats_;
  std::unique_ptr<feeds::MqttClient> client_;  // last: goes first, with its network thread
};

// Publishes each message on its topic, retained, so that a subscriber that comes later
// starts from the car's current state. Waits for the broker's acknowledgement of each;
// throws feeds::MqttError, or VssError for a message that would not pass validation.
void publish_messages(feeds::MqttClient& client, std::span<const VssMessage> messages);

}  // namespace codriver::vehicle
