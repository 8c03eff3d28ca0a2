#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

#include "feeds/timestamp.h"

// The vehicle signals codriver reads, named as COVESA's Vehicle Signal Specification
// (VSS 4.x) names them, with VSS's unit, data type and range, and their MQTT form:
//
//   topic    codriver/vss/ + the path with dots as slashes  (codriver/vss/Vehicle/Speed)
//   payload  {"value": 42.5, "timestamp": "2026-11-24T21:05:00.250Z"}
//
// Where VSS gives no range (speed, accuracy, acceleration) the bounds are ours: values
// no car reports, so a message carrying one is broken rather than news.
namespace codriver::vehicle {

namespace vss {
inline constexpr std::string_view kLatitude = "Vehicle.CurrentLocation.Latitude";
inline constexpr std::string_view kLongitude = "Vehicle.CurrentLocation.Longitude";
inline constexpr std::string_view kHeading = "Vehicle.CurrentLocation.Heading";
inline constexpr std::string_view kHorizontalAccuracy =
    "Vehicle.CurrentLocation.HorizontalAccuracy";
inline constexpr std::string_view kSpeed = "Vehicle.Speed";
inline constexpr std::string_view kLongitudinalAcceleration = "Vehicle.Acceleration.Longitudinal";
inline constexpr std::string_view kStateOfCharge =
    "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current";
inline constexpr std::string_view kNetCapacity = "Vehicle.Powertrain.TractionBattery.NetCapacity";
inline constexpr std::string_view kBatteryRange = "Vehicle.Powertrain.TractionBattery.Range";
inline constexpr std::string_view kIsCharging =
    "Vehicle.Powertrain.TractionBattery.Charging.IsCharging";
inline constexpr std::string_view kRange = "Vehicle.Powertrain.Range";
inline constexpr std::string_view kPowertrainType = "Vehicle.Powertrain.Type";
}  // namespace vss

inline constexpr std::string_view kVssTopicPrefix = "codriver/vss/";
inline constexpr const char* kVssTopicFilter = "codriver/vss/#";
// Larger than any honest message (about 70 bytes); a bigger one is refused unread.
inline constexpr std::size_t kMaxVssPayloadBytes = 1024;

// VSS data types as the wire carries them: every number is a JSON number.
enum class VssType { kDouble, kFloat, kUint16, kUint32, kBoolean, kString };

// A signal's value: numbers of every VSS numeric type as double (uint32 fits exactly).
using VssValue = std::variant<double, bool, std::string>;

struct VssSignal {
  std::string_view path;
  VssType type = VssType::kDouble;
  std::string_view unit;  // VSS's unit name: "km/h", "percent", "degrees", "m", "kWh", ""
  std::optional<double> min;
  std::optional<double> max;
  std::span<const std::string_view> allowed;  // for strings; empty means any
  // How long a reading may be trusted as current; nullopt for signals that describe the
  // car rather than the moment (capacity, powertrain type).
  std::optional<std::chrono::milliseconds> max_age;
};

// Every signal codriver knows, and one by path (nullptr when unknown).
std::span<const VssSignal> known_signals();
const VssSignal* find_signal(std::string_view path);

enum class VssErrorKind {
  kUnknownPath,
  kMalformedPayload,
  kWrongType,
  kOutOfRange,
  kBadTimestamp,
  kFutureTimestamp,
  kOversizedPayload,
};
std::string_view to_string(VssErrorKind kind);

class VssError : public std::runtime_error {
 public:
  VssError(VssErrorKind kind, const std::string& message)
      : std::runtime_error(message), kind_(kind) {}
  VssErrorKind kind() const { return kind_; }

 private:
  VssErrorKind kind_;
};

struct VssMessage {
  std::string path;
  VssValue value;
  feeds::Clock::time_point timestamp;
};

// "Vehicle.Speed" <-> "codriver/vss/Vehicle/Speed". topic_for does not check the path;
// path_for_topic gives nullopt for a topic outside the prefix.
std::string topic_for(std::string_view path);
std::optional<std::string> path_for_topic(std::string_view topic);

// Checks a value against its signal's type, range and allowed values; throws VssError
// (kWrongType or kOutOfRange) naming the signal.
void validate_value(const VssSignal& signal, const VssValue& value);

// A message from the wire, fully checked except for the timestamp's distance from now
// (the receiver knows its clock). Throws VssError.
VssMessage parse_message(std::string_view topic, std::string_view payload);

// The payload for a value, timestamp with milliseconds ("...T21:05:00.250Z").
std::string format_payload(const VssValue& value, feeds::Clock::time_point timestamp);

// RFC 3339 with the fraction of a second kept (to the microsecond), which 10 Hz
// position updates need to stay in order; nullopt for anything else.
std::optional<feeds::Clock::time_point> parse_vss_timestamp(std::string_view text);
std::string format_vss_timestamp(feeds::Clock::time_point instant);

}  // namespace codriver::vehicle
