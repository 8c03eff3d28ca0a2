#include "signals/spat_feed.h"

#include "signals/j2735_uper.h"
#include "signals/message_decoder.h"
#include "signals/signals_error.h"
#include "signals/signals_json.h"

namespace codriver::signals {

namespace {

std::string id_text(const IntersectionRef& id) {
  return id.region ? std::to_string(*id.region) + "-" + std::to_string(id.id) : std::to_string(id.id);
}

std::string_view as_text(const std::vector<std::uint8_t>& bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

}  // namespace

std::string spat_topic(const IntersectionRef& id) { return "codriver/spat/" + id_text(id); }
std::string map_topic(const IntersectionRef& id) { return "codriver/map/" + id_text(id); }
std::string spat_json_topic(const IntersectionRef& id) {
  return "codriver/spat_json/" + id_text(id);
}

void SpatBoard::update(const SpatMessage& message, Instant received_at) {
  std::lock_guard lock(mutex_);
  for (const IntersectionSignals& signals : message.intersections)
    latest_[signals.id.id] = {signals, received_at};
}

std::optional<SpatReading> SpatBoard::latest(int intersection_id) const {
  std::lock_guard lock(mutex_);
  const auto found = latest_.find(intersection_id);
  if (found == latest_.end()) return std::nullopt;
  return found->second;
}

std::size_t SpatBoard::size() const {
  std::lock_guard lock(mutex_);
  return latest_.size();
}

SpatFeed::SpatFeed(const feeds::MqttEndpoint& endpoint, SpatBoard& board, std::string client_id)
    : board_(board), client_(std::make_unique<feeds::MqttClient>(endpoint, std::move(client_id))) {
  client_->subscribe(kSpatTopicFilter,
                     [this](std::string_view, std::string_view payload) { on_message(payload); });
}

void SpatFeed::on_message(std::string_view payload) {
  const Instant now = feeds::Clock::now();
  try {
    DecodeOptions options;
    options.reference = now;
    const DecodedMessage decoded = decode_message(
        std::span(reinterpret_cast<const std::uint8_t*>(payload.data()), payload.size()), options);
    if (const auto* spat = std::get_if<SpatMessage>(&decoded.message)) {
      board_.update(*spat, now);
      ++received_;
      return;
    }
    throw SignalsError("a MAP arrived on a SPaT topic");
  } catch (const std::exception& error) {
    ++rejected_;
    std::lock_guard lock(error_mutex_);
    last_error_ = error.what();
  }
}

std::string SpatFeed::last_error() const {
  std::lock_guard lock(error_mutex_);
  return last_error_;
}

void publish_spat(feeds::MqttClient& client, const RsuSimulator& rsu, Instant t) {
  for (std::size_t i = 0; i < rsu.intersections().size(); ++i) {
    SpatMessage message;
    message.timestamp = std::chrono::time_point_cast<std::chrono::minutes>(t);
    message.intersections.push_back(rsu.intersection_spat(i, t));
    const IntersectionRef& id = message.intersections.front().id;
    client.publish(spat_topic(id), as_text(encode_j2735_uper(message)));
    client.publish(spat_json_topic(id), to_json(message).dump());
  }
}

void publish_map(feeds::MqttClient& client, const RsuSimulator& rsu) {
  for (const auto& derived : rsu.intersections()) {
    MapMessage message;
    message.layer_type = 3;
    message.intersections.push_back(derived.intersection);
    client.publish(map_topic(derived.intersection.id), as_text(encode_j2735_uper(message)), true);
  }
}

}  // namespace codriver::signals
