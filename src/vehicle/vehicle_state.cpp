#include "vehicle/vehicle_state.h"

#include <algorithm>

namespace codriver::vehicle {

namespace {

using std::chrono::milliseconds;

milliseconds age_at(feeds::Clock::time_point timestamp, feeds::Clock::time_point now) {
  return std::max(milliseconds(0), std::chrono::duration_cast<milliseconds>(now - timestamp));
}

bool is_stale(const VssSignal& signal, feeds::Clock::time_point timestamp,
              feeds::Clock::time_point now) {
  return signal.max_age && now - timestamp > *signal.max_age;
}

}  // namespace

IngestResult VehicleState::ingest(std::string_view topic, std::string_view payload,
                                  feeds::Clock::time_point now) {
  return update(parse_message(topic, payload), now);
}

IngestResult VehicleState::update(const VssMessage& message, feeds::Clock::time_point now) {
  const VssSignal* signal = find_signal(message.path);
  if (signal == nullptr) {
    throw VssError(VssErrorKind::kUnknownPath, "unknown VSS signal " + message.path);
  }
  validate_value(*signal, message.value);
  check_not_future(message, now);
  std::lock_guard lock(mutex_);
  const auto held = samples_.find(message.path);
  if (held != samples_.end() && held->second.timestamp >= message.timestamp) {
    return IngestResult::kIgnoredOlder;
  }
  samples_[message.path] = Sample{message.value, message.timestamp};
  return IngestResult::kStored;
}

void VehicleState::check_not_future(const VssMessage& message, feeds::Clock::time_point now) const {
  if (message.timestamp - now <= options_.max_future_skew) return;
  throw VssError(VssErrorKind::kFutureTimestamp,
                 message.path + ": timestamp " + format_vss_timestamp(message.timestamp) +
                     " is ahead of this clock (" + format_vss_timestamp(now) + ") by more than " +
                     std::to_string(options_.max_future_skew.count()) + " ms");
}

std::optional<VssMessage> VehicleState::latest(std::string_view path) const {
  std::lock_guard lock(mutex_);
  const auto found = samples_.find(path);
  if (found == samples_.end()) return std::nullopt;
  return VssMessage{found->first, found->second.value, found->second.timestamp};
}

std::vector<VssMessage> VehicleState::all() const {
  std::lock_guard lock(mutex_);
  std::vector<VssMessage> messages;
  for (const auto& [path, sample] : samples_)
    messages.push_back({path, sample.value, sample.timestamp});
  return messages;
}

template <typename T>
std::optional<Reading<T>> VehicleState::current(std::string_view path,
                                                feeds::Clock::time_point now) const {
  const auto found = samples_.find(path);
  if (found == samples_.end()) return std::nullopt;
  const Sample& sample = found->second;
  if (is_stale(*find_signal(path), sample.timestamp, now)) return std::nullopt;
  const T* value = std::get_if<T>(&sample.value);
  if (value == nullptr) return std::nullopt;
  return Reading<T>{*value, sample.timestamp, age_at(sample.timestamp, now)};
}

std::optional<Reading<geo::LatLon>> VehicleState::current_position(
    feeds::Clock::time_point now) const {
  const auto lat = current<double>(vss::kLatitude, now);
  const auto lon = current<double>(vss::kLongitude, now);
  if (!lat || !lon) return std::nullopt;
  const auto apart = lat->timestamp > lon->timestamp ? lat->timestamp - lon->timestamp
                                                     : lon->timestamp - lat->timestamp;
  if (apart > options_.max_position_pairing) return std::nullopt;
  // The older half dates the pair: the fix is no newer than its oldest coordinate.
  const auto timestamp = std::min(lat->timestamp, lon->timestamp);
  return Reading<geo::LatLon>{{lat->value, lon->value}, timestamp, age_at(timestamp, now)};
}

std::vector<std::string> VehicleState::stale_paths(feeds::Clock::time_point now) const {
  std::vector<std::string> stale;
  for (const auto& [path, sample] : samples_)
    if (is_stale(*find_signal(path), sample.timestamp, now)) stale.push_back(path);
  return stale;  // std::map keeps them sorted
}

VehicleSnapshot VehicleState::snapshot(feeds::Clock::time_point now) const {
  std::lock_guard lock(mutex_);
  VehicleSnapshot snapshot;
  snapshot.taken_at = now;
  snapshot.position = current_position(now);
  snapshot.heading_deg = current<double>(vss::kHeading, now);
  snapshot.horizontal_accuracy_m = current<double>(vss::kHorizontalAccuracy, now);
  snapshot.speed_kmh = current<double>(vss::kSpeed, now);
  snapshot.soc_percent = current<double>(vss::kStateOfCharge, now);
  snapshot.range_m = current<double>(vss::kRange, now);
  // An EV's whole range is its battery's; a car that sends only the latter still has one.
  if (!snapshot.range_m) snapshot.range_m = current<double>(vss::kBatteryRange, now);
  snapshot.net_capacity_kwh = current<double>(vss::kNetCapacity, now);
  snapshot.is_charging = current<bool>(vss::kIsCharging, now);
  snapshot.powertrain_type = current<std::string>(vss::kPowertrainType, now);
  snapshot.stale = stale_paths(now);
  return snapshot;
}

}  // namespace codriver::vehicle
