#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "feeds/mqtt_client.h"
#include "signals/rsu_simulator.h"
#include "signals/signal_model.h"

// Live SPaT over MQTT. Roadside units (or the RSU simulator) publish each intersection's
// SPaT on `codriver/spat/<intersection id>` as a J2735 UPER MessageFrame (binary) or as any
// JSON form decode_message() reads, and the MAP on `codriver/map/<intersection id>`
// (retained). The simulator also publishes each SPaT as codriver's normalised JSON (the
// `signals decode --json` shape) on `codriver/spat_json/<intersection id>`, for dashboards. The board keeps the latest state of each intersection with the time it
// arrived, so answers can say how old their data is.
namespace codriver::signals {

inline constexpr const char* kSpatTopicFilter = "codriver/spat/#";
std::string spat_topic(const IntersectionRef& id);
std::string map_topic(const IntersectionRef& id);
std::string spat_json_topic(const IntersectionRef& id);

struct SpatReading {
  IntersectionSignals signals;
  Instant received_at;
};

class SpatBoard {
 public:
  void update(const SpatMessage& message, Instant received_at);
  std::optional<SpatReading> latest(int intersection_id) const;
  std::size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::map<int, SpatReading> latest_;
};

// Subscribes a board to the SPaT topics. A message that cannot be decoded is counted and
// its reason kept; it never stops the feed.
class SpatFeed {
 public:
  SpatFeed(const feeds::MqttEndpoint& endpoint, SpatBoard& board, std::string client_id);
  std::size_t received() const { return received_; }
  std::size_t rejected() const { return rejected_; }
  std::string last_error() const;

 private:
  void on_message(std::string_view payload);

  SpatBoard& board_;
  std::atomic<std::size_t> received_{0}, rejected_{0};
  mutable std::mutex error_mutex_;
  std::string last_error_;
  std::unique_ptr<feeds::MqttClient> client_;  // last: no message arrives after the rest is gone
};

// What an RSU broadcasts at `t`: each intersection's SPaT on its own topic (UPER), and the
// same as JSON on the spat_json topic.
void publish_spat(feeds::MqttClient& client, const RsuSimulator& rsu, Instant t);
// Each intersection's MAP, retained, so a client that connects later has it at once.
void publish_map(feeds::MqttClient& client, const RsuSimulator& rsu);

}  // namespace codriver::signals
