#include "feeds/mqtt_client.h"

#include <mosquitto.h>

#include <charconv>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <vector>

namespace codriver::feeds {

namespace {

void initialise_library() {
  static std::once_flag once;
  std::call_once(once, [] { mosquitto_lib_init(); });
}

std::string describe(int code) {
  return code == MOSQ_ERR_ERRNO ? "system error" : mosquitto_strerror(code);
}

}  // namespace

MqttEndpoint parse_endpoint(std::string_view text) {
  MqttEndpoint endpoint;
  const auto colon = text.rfind(':');
  endpoint.host = std::string(text.substr(0, colon));
  if (colon != std::string_view::npos) {
    const std::string_view port = text.substr(colon + 1);
    const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), endpoint.port);
    if (error != std::errc() || end != port.data() + port.size() || endpoint.port < 1 ||
        endpoint.port > 65535) {
      throw MqttError("'" + std::string(text) + "' is not HOST:PORT (port 1-65535)");
    }
  }
  if (endpoint.host.empty()) throw MqttError("MQTT endpoint '" + std::string(text) + "' has no host");
  return endpoint;
}

struct MqttClient::State {
  mosquitto* handle = nullptr;
  mutable std::mutex mutex;
  std::condition_variable changed;
  bool connected = false;
  int connect_result = -1;
  std::map<std::string, Handler> handlers;  // by topic filter
  std::set<int> pending;                    // message ids awaiting SUBACK/PUBACK
  std::chrono::milliseconds timeout{5000};

  void on_connect(int result) {
    std::lock_guard lock(mutex);
    connect_result = result;
    connected = result == 0;
    // A reconnect starts a new session: ask again for everything we listen to.
    if (connected) {
      for (const auto& [filter, handler] : handlers)
        mosquitto_subscribe(handle, nullptr, filter.c_str(), 1);
    }
    changed.notify_all();
  }

  void on_disconnect() {
    std::lock_guard lock(mutex);
    connected = false;
    changed.notify_all();
  }

  void on_acknowledged(int id) {
    std::lock_guard lock(mutex);
    pending.erase(id);
    changed.notify_all();
  }

  void on_message(const mosquitto_message* message) {
    std::vector<Handler> matching;
    {
      std::lock_guard lock(mutex);
      for (const auto& [filter, handler] : handlers) {
        bool matches = false;
        mosquitto_topic_matches_sub(filter.c_str(), message->topic, &matches);
        if (matches) matching.push_back(handler);
      }
    }
    const std::string_view payload(static_cast<const char*>(message->payload),
                                   static_cast<std::size_t>(message->payloadlen));
    for (const Handler& handler : matching)
      handler(message->topic, payload);
  }

  void wait_for(int id, const char* what) {
    std::unique_lock lock(mutex);
    if (!changed.wait_for(lock, timeout, [&] { return !pending.count(id) || !connected; }) ||
        pending.count(id)) {
      pending.erase(id);
      throw MqttError(std::string("the MQTT broker did not acknowledge the ") + what);
    }
  }
};

MqttClient::MqttClient(const MqttEndpoint& endpoint, std::string client_id,
                       std::chrono::milliseconds timeout)
    : state_(std::make_unique<State>()) {
  initialise_library();
  state_->timeout = timeout;
  state_->handle = mosquitto_new(client_id.c_str(), true, state_.get());
  if (state_->handle == nullptr) throw MqttError("cannot create an MQTT client");
  mosquitto_connect_callback_set(state_->handle, [](mosquitto*, void* self, int result) {
    static_cast<State*>(self)->on_connect(result);
  });
  mosquitto_disconnect_callback_set(state_->handle, [](mosquitto*, void* self, int) {
    static_cast<State*>(self)->on_disconnect();
  });
  mosquitto_subscribe_callback_set(state_->handle, [](mosquitto*, void* self, int id, int,
                                                      const int*) {
    static_cast<State*>(self)->on_acknowledged(id);
  });
  mosquitto_publish_callback_set(state_->handle, [](mosquitto*, void* self, int id) {
    static_cast<State*>(self)->on_acknowledged(id);
  });
  mosquitto_message_callback_set(state_->handle, [](mosquitto*, void* self,
                                                    const mosquitto_message* message) {
    static_cast<State*>(self)->on_message(message);
  });
  mosquitto_reconnect_delay_set(state_->handle, 1, 10, true);

  const std::string where = endpoint.host + ":" + std::to_string(endpoint.port);
  int result = mosquitto_connect_async(state_->handle, endpoint.host.c_str(), endpoint.port, 30);
  if (result == MOSQ_ERR_SUCCESS) result = mosquitto_loop_start(state_->handle);
  if (result != MOSQ_ERR_SUCCESS) {
    mosquitto_destroy(state_->handle);
    throw MqttError("cannot connect to the MQTT broker at " + where + ": " + describe(result));
  }
  std::unique_lock lock(state_->mutex);
  const bool answered = state_->changed.wait_for(lock, timeout, [&] { return state_->connected; });
  lock.unlock();
  if (!answered) {
    mosquitto_disconnect(state_->handle);
    mosquitto_loop_stop(state_->handle, true);
    mosquitto_destroy(state_->handle);
    throw MqttError("the MQTT broker at " + where + " did not accept a connection within " +
                    std::to_string(timeout.count()) + " ms");
  }
}

MqttClient::~MqttClient() {
  mosquitto_disconnect(state_->handle);
  mosquitto_loop_stop(state_->handle, true);
  mosquitto_destroy(state_->handle);
}

bool MqttClient::connected() const {
  std::lock_guard lock(state_->mutex);
  return state_->connected;
}

void MqttClient::subscribe(const std::string& topic_filter, Handler handler) {
  bool valid = mosquitto_sub_topic_check(topic_filter.c_str()) == MOSQ_ERR_SUCCESS;
  if (!valid) throw MqttError("'" + topic_filter + "' is not a valid MQTT topic filter");
  int id = 0;
  {
    std::lock_guard lock(state_->mutex);
    state_->handlers[topic_filter] = std::move(handler);
    const int result = mosquitto_subscribe(state_->handle, &id, topic_filter.c_str(), 1);
    if (result != MOSQ_ERR_SUCCESS) {
      throw MqttError("cannot subscribe to " + topic_filter + ": " + describe(result));
    }
    state_->pending.insert(id);
  }
  state_->wait_for(id, "subscription");
}

void MqttClient::publish(const std::string& topic, std::string_view payload, bool retain) {
  if (mosquitto_pub_topic_check(topic.c_str()) != MOSQ_ERR_SUCCESS) {
    throw MqttError("'" + topic + "' is not a valid MQTT topic to publish to");
  }
  int id = 0;
  {
    std::lock_guard lock(state_->mutex);
    const int result = mosquitto_publish(state_->handle, &id, topic.c_str(),
                                         static_cast<int>(payload.size()), payload.data(), 1, retain);
    if (result != MOSQ_ERR_SUCCESS) {
      throw MqttError("cannot publish to " + topic + ": " + describe(result));
    }
    state_->pending.insert(id);
  }
  state_->wait_for(id, "message");
}

}  // namespace codriver::feeds
