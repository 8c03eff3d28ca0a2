#include "vehicle/vss.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace codriver::vehicle {

namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using std::chrono::seconds;

// Position and motion go stale fast: a car at 50 km/h covers 70 m in 5 s.
constexpr milliseconds kMotionMaxAge = seconds(5);
// The battery changes slowly, but an hour-old charge is not today's charge.
constexpr milliseconds kBatteryMaxAge = seconds(60);

constexpr std::array<std::string_view, 3> kPowertrainTypes = {"COMBUSTION", "HYBRID", "ELECTRIC"};

constexpr double kUint16Max = 65535.0;
constexpr double kUint32Max = 4294967295.0;

const std::array<VssSignal, 12> kSignals = {{
    {vss::kLatitude, VssType::kDouble, "degrees", -90.0, 90.0, {}, kMotionMaxAge},
    {vss::kLongitude, VssType::kDouble, "degrees", -180.0, 180.0, {}, kMotionMaxAge},
    {vss::kHeading, VssType::kDouble, "degrees", 0.0, 360.0, {}, kMotionMaxAge},
    // Ours: VSS gives no bound; a fix worse than 10 km is no fix.
    {vss::kHorizontalAccuracy, VssType::kDouble, "m", 0.0, 10000.0, {}, kMotionMaxAge},
    // Ours: negative when reversing; no road car reaches 500 km/h.
    {vss::kSpeed, VssType::kFloat, "km/h", -100.0, 500.0, {}, kMotionMaxAge},
    // Ours: ten g either way is a crash or a broken sensor.
    {vss::kLongitudinalAcceleration, VssType::kFloat, "m/s^2", -100.0, 100.0, {}, kMotionMaxAge},
    {vss::kStateOfCharge, VssType::kFloat, "percent", 0.0, 100.0, {}, kBatteryMaxAge},
    {vss::kNetCapacity, VssType::kUint16, "kWh", 0.0, kUint16Max, {}, std::nullopt},
    {vss::kBatteryRange, VssType::kUint32, "m", 0.0, kUint32Max, {}, kBatteryMaxAge},
    {vss::kIsCharging, VssType::kBoolean, "", std::nullopt, std::nullopt, {}, kBatteryMaxAge},
    {vss::kRange, VssType::kUint32, "m", 0.0, kUint32Max, {}, kBatteryMaxAge},
    {vss::kPowertrainType, VssType::kString, "", std::nullopt, std::nullopt, kPowertrainTypes,
     std::nullopt},
}};

std::string_view type_name(VssType type) {
  switch (type) {
    case VssType::kDouble:
      return "double";
    case VssType::kFloat:
      return "float";
    case VssType::kUint16:
      return "uint16";
    case VssType::kUint32:
      return "uint32";
    case VssType::kBoolean:
      return "boolean";
    case VssType::kString:
      return "string";
  }
  return "?";
}

std::string number_text(double value) {
  return json(value).dump();
}

std::string bound_text(std::optional<double> bound, const char* none) {
  return bound ? number_text(*bound) : none;
}

[[noreturn]] void fail(VssErrorKind kind, const std::string& message) {
  throw VssError(kind, message);
}

void validate_number(const VssSignal& signal, double value) {
  const std::string path(signal.path);
  if (!std::isfinite(value)) fail(VssErrorKind::kOutOfRange, path + " must be a finite number");
  const bool whole = signal.type == VssType::kUint16 || signal.type == VssType::kUint32;
  if (whole && value != std::floor(value)) {
    fail(VssErrorKind::kWrongType,
         path + " is a " + std::string(type_name(signal.type)) + ", not " + number_text(value));
  }
  if ((signal.min && value < *signal.min) || (signal.max && value > *signal.max)) {
    fail(VssErrorKind::kOutOfRange,
         path + " = " + number_text(value) + " is outside [" + bound_text(signal.min, "-inf") +
             ", " + bound_text(signal.max, "inf") + "] " + std::string(signal.unit));
  }
}

void validate_text(const VssSignal& signal, const std::string& value) {
  if (signal.allowed.empty()) return;
  if (std::find(signal.allowed.begin(), signal.allowed.end(), value) != signal.allowed.end())
    return;
  std::string choices;
  for (const std::string_view allowed : signal.allowed)
    choices += (choices.empty() ? "" : ", ") + std::string(allowed);
  fail(VssErrorKind::kOutOfRange,
       std::string(signal.path) + " = '" + value + "' is not one of " + choices);
}

bool expects_number(VssType type) {
  return type != VssType::kBoolean && type != VssType::kString;
}

VssValue value_from_json(const VssSignal& signal, const json& value) {
  if (expects_number(signal.type) && value.is_number()) return value.get<double>();
  if (signal.type == VssType::kBoolean && value.is_boolean()) return value.get<bool>();
  if (signal.type == VssType::kString && value.is_string()) return value.get<std::string>();
  fail(VssErrorKind::kWrongType, std::string(signal.path) + " takes a " +
                                     std::string(type_name(signal.type)) + ", not " + value.dump());
}

json value_to_json(const VssValue& value) {
  if (const auto* number = std::get_if<double>(&value)) {
    // Whole numbers go out as JSON integers so that uint signals read naturally.
    if (*number == std::floor(*number) && std::fabs(*number) < 9.0e15) {
      return static_cast<std::int64_t>(*number);
    }
    return *number;
  }
  if (const auto* flag = std::get_if<bool>(&value)) return *flag;
  return std::get<std::string>(value);
}

const VssSignal& signal_for_topic(std::string_view topic) {
  const auto path = path_for_topic(topic);
  if (!path) fail(VssErrorKind::kUnknownPath, "'" + std::string(topic) + "' is not a VSS topic");
  const VssSignal* signal = find_signal(*path);
  if (signal == nullptr) fail(VssErrorKind::kUnknownPath, "unknown VSS signal " + *path);
  return *signal;
}

json parse_object(std::string_view payload, const VssSignal& signal) {
  json document = json::parse(payload, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    fail(VssErrorKind::kMalformedPayload,
         std::string(signal.path) + ": the payload is not a JSON object");
  }
  if (!document.contains("value")) {
    fail(VssErrorKind::kMalformedPayload, std::string(signal.path) + ": no \"value\"");
  }
  return document;
}

feeds::Clock::time_point timestamp_field(const json& document, const VssSignal& signal) {
  const auto found = document.find("timestamp");
  if (found == document.end() || !found->is_string()) {
    fail(VssErrorKind::kBadTimestamp,
         std::string(signal.path) + ": \"timestamp\" must be an RFC 3339 string");
  }
  const auto instant = parse_vss_timestamp(found->get<std::string>());
  if (!instant) {
    fail(VssErrorKind::kBadTimestamp, std::string(signal.path) + ": '" + found->get<std::string>() +
                                          "' is not an RFC 3339 timestamp with a zone");
  }
  return *instant;
}

// The digits after "YYYY-MM-DDTHH:MM:SS." and where they end.
std::string_view fraction_digits(std::string_view text) {
  constexpr std::size_t kFractionStart = 20;
  if (text.size() <= kFractionStart || text[kFractionStart - 1] != '.') return {};
  std::size_t end = kFractionStart;
  while (end < text.size() && text[end] >= '0' && text[end] <= '9')
    ++end;
  return text.substr(kFractionStart, end - kFractionStart);
}

std::chrono::microseconds fraction_value(std::string_view digits) {
  std::int64_t micros = 0;
  for (std::size_t i = 0; i < 6; ++i)
    micros = micros * 10 + (i < digits.size() ? digits[i] - '0' : 0);
  return std::chrono::microseconds(micros);
}

}  // namespace

std::span<const VssSignal> known_signals() {
  return kSignals;
}

const VssSignal* find_signal(std::string_view path) {
  for (const VssSignal& signal : kSignals)
    if (signal.path == path) return &signal;
  return nullptr;
}

std::string_view to_string(VssErrorKind kind) {
  switch (kind) {
    case VssErrorKind::kUnknownPath:
      return "unknown_path";
    case VssErrorKind::kMalformedPayload:
      return "malformed_payload";
    case VssErrorKind::kWrongType:
      return "wrong_type";
    case VssErrorKind::kOutOfRange:
      return "out_of_range";
    case VssErrorKind::kBadTimestamp:
      return "bad_timestamp";
    case VssErrorKind::kFutureTimestamp:
      return "future_timestamp";
    case VssErrorKind::kOversizedPayload:
      return "oversized_payload";
  }
  return "?";
}

std::string topic_for(std::string_view path) {
  std::string topic(kVssTopicPrefix);
  for (const char c : path)
    topic += c == '.' ? '/' : c;
  return topic;
}

std::optional<std::string> path_for_topic(std::string_view topic) {
  if (!topic.starts_with(kVssTopicPrefix) || topic.size() == kVssTopicPrefix.size()) {
    return std::nullopt;
  }
  std::string path(topic.substr(kVssTopicPrefix.size()));
  // A dot inside a level would make two topics name one path.
  if (path.find('.') != std::string::npos) return std::nullopt;
  std::replace(path.begin(), path.end(), '/', '.');
  return path;
}

void validate_value(const VssSignal& signal, const VssValue& value) {
  const bool type_matches =
      (expects_number(signal.type) && std::holds_alternative<double>(value)) ||
      (signal.type == VssType::kBoolean && std::holds_alternative<bool>(value)) ||
      (signal.type == VssType::kString && std::holds_alternative<std::string>(value));
  if (!type_matches) {
    fail(VssErrorKind::kWrongType, std::string(signal.path) + " takes a " +
                                       std::string(type_name(signal.type)) + ", not " +
                                       value_to_json(value).dump());
  }
  if (const auto* number = std::get_if<double>(&value)) validate_number(signal, *number);
  if (const auto* text = std::get_if<std::string>(&value)) validate_text(signal, *text);
}

VssMessage parse_message(std::string_view topic, std::string_view payload) {
  if (payload.size() > kMaxVssPayloadBytes) {
    fail(VssErrorKind::kOversizedPayload,
         "a VSS message on " + std::string(topic) + " has " + std::to_string(payload.size()) +
             " bytes; the limit is " + std::to_string(kMaxVssPayloadBytes));
  }
  const VssSignal& signal = signal_for_topic(topic);
  const json document = parse_object(payload, signal);
  VssMessage message{std::string(signal.path), value_from_json(signal, document.at("value")),
                     timestamp_field(document, signal)};
  validate_value(signal, message.value);
  return message;
}

std::string format_payload(const VssValue& value, feeds::Clock::time_point timestamp) {
  json document = json::object();
  document["value"] = value_to_json(value);
  document["timestamp"] = format_vss_timestamp(timestamp);
  return document.dump();
}

std::optional<feeds::Clock::time_point> parse_vss_timestamp(std::string_view text) {
  const std::string_view digits = fraction_digits(text);
  if (digits.empty()) return feeds::parse_rfc3339(text);
  // Whole seconds by the shared parser, the fraction here: the shared one drops it.
  std::string whole(text.substr(0, 19));
  whole += text.substr(20 + digits.size());
  const auto instant = feeds::parse_rfc3339(whole);
  if (!instant) return std::nullopt;
  return *instant + std::chrono::duration_cast<feeds::Clock::duration>(fraction_value(digits));
}

std::string format_vss_timestamp(feeds::Clock::time_point instant) {
  using namespace std::chrono;
  const auto whole = floor<seconds>(instant);
  const auto millis = duration_cast<milliseconds>(instant - whole).count();
  std::string text = feeds::format_rfc3339(whole);  // "...:SSZ"
  char fraction[8];
  std::snprintf(fraction, sizeof fraction, ".%03d", static_cast<int>(millis));
  text.insert(text.size() - 1, fraction);
  return text;
}

}  // namespace codriver::vehicle
