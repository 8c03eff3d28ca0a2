#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

// A small MQTT client over libmosquitto: connect, subscribe with a handler, publish.
// Messages are handled on the client's network thread; handlers must be thread-safe
// with respect to whatever they update. Subscriptions are renewed after a reconnect.
namespace codriver::feeds {

class MqttError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct MqttEndpoint {
  std::string host = "127.0.0.1";
  int port = 1883;
};

// "host:port" or "host" (port 1883); throws MqttError on a malformed value.
MqttEndpoint parse_endpoint(std::string_view text);

class MqttClient {
 public:
  using Handler = std::function<void(std::string_view topic, std::string_view payload)>;

  // Connects and starts the network thread; throws MqttError when the broker does
  // not accept the connection within `timeout`.
  MqttClient(const MqttEndpoint& endpoint, std::string client_id,
             std::chrono::milliseconds timeout = std::chrono::seconds(5));
  ~MqttClient();
  MqttClient(const MqttClient&) = delete;
  MqttClient& operator=(const MqttClient&) = delete;

  // Subscribes to a topic filter ("codriver/parking/#"); waits for the broker's SUBACK
  // so that messages published after this returns are delivered.
  void subscribe(const std::string& topic_filter, Handler handler);
  // QoS 1; waits until the broker has acknowledged the message.
  void publish(const std::string& topic, std::string_view payload, bool retain = false);

  bool connected() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace codriver::feeds
