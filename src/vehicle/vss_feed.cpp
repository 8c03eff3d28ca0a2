#include "vehicle/vss_feed.h"

namespace codriver::vehicle {

VssFeed::VssFeed(const feeds::MqttEndpoint& endpoint, VehicleState& state, VssFeedOptions options)
    : state_(state), options_(std::move(options)) {
  client_ =
      std::make_unique<feeds::MqttClient>(endpoint, options_.client_id, options_.connect_timeout);
  client_->subscribe(kVssTopicFilter, [this](std::string_view topic, std::string_view payload) {
    on_message(topic, payload);
  });
}

VssFeed::~VssFeed() = default;

void VssFeed::on_message(std::string_view topic, std::string_view payload) {
  // Everything is caught here: an exception escaping into libmosquitto's thread would
  // end the process, and one bad publisher must not silence the others.
  try {
    const IngestResult result = state_.ingest(topic, payload, options_.clock());
    std::lock_guard lock(stats_mutex_);
    ++(result == IngestResult::kStored ? stats_.stored : stats_.ignored_older);
  } catch (const VssError& error) {
    std::lock_guard lock(stats_mutex_);
    ++stats_.rejected;
    ++stats_.rejected_by_kind[error.kind()];
    stats_.last_error = error.what();
  } catch (const std::exception& error) {
    std::lock_guard lock(stats_mutex_);
    ++stats_.rejected;
    stats_.last_error = error.what();
  }
}

VssFeedStats VssFeed::stats() const {
  std::lock_guard lock(stats_mutex_);
  return stats_;
}

bool VssFeed::connected() const {
  return client_->connected();
}

void publish_messages(feeds::MqttClient& client, std::span<const VssMessage> messages) {
  for (const VssMessage& message : messages) {
    const VssSignal* signal = find_signal(message.path);
    if (signal == nullptr) {
      throw VssError(VssErrorKind::kUnknownPath, "unknown VSS signal " + message.path);
    }
    validate_value(*signal, message.value);
    client.publish(topic_for(message.path), format_payload(message.value, message.timestamp),
                   /*retain=*/true);
  }
}

}  // namespace codriver::vehicle
