#include "signals/csae53_json.h"

#include <array>
#include <cctype>
#include <chrono>
#include <cmath>

#include "signals/json_reader.h"
#include "signals/ode_json_parts.h"
#include "signals/signals_error.h"
#include "signals/time_mark.h"

namespace codriver::signals {

namespace {

using json_input::Node;
constexpr const char* kCodec = "CSAE 53 SPAT JSON";

struct LightName {
  std::string_view name;
  MovementPhase phase;
};

// LightState in its ASN.1 order (0..8), then the aliases.
constexpr std::array<LightName, 11> kLights = {{
    {"unavailable", MovementPhase::kUnavailable},
    {"dark", MovementPhase::kDark},
    {"flashing-red", MovementPhase::kStopThenProceed},
    {"red", MovementPhase::kStopAndRemain},
    {"flashing-green", MovementPhase::kPermissiveMovementAllowed},
    {"permissive-green", MovementPhase::kPermissiveMovementAllowed},
    {"protected-green", MovementPhase::kProtectedMovementAllowed},
    {"yellow", MovementPhase::kProtectedClearance},
    {"flashing-yellow", MovementPhase::kCautionConflictingTraffic},
    {"green", MovementPhase::kPermissiveMovementAllowed},
    {"amber", MovementPhase::kProtectedClearance},
}};

bool same_light(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char x =
        a[i] == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(a[i])));
    if (x != b[i]) return false;
  }
  return true;
}

MovementPhase light(const Node& node) {
  if (node.value().is_number()) return kLights[static_cast<std::size_t>(node.integer(0, 8))].phase;
  const std::string name = node.string();
  for (const LightName& l : kLights) {
    if (same_light(name, l.name)) return l.phase;
  }
  node.fail("\"" + name + "\" is not a CSAE 53 LightState");
}

Instant::duration seconds_from(double seconds) {
  return std::chrono::duration_cast<Instant::duration>(std::chrono::duration<double>(seconds));
}

// Seconds from the time base, 0..3600 (a countdown has no business being longer).
std::optional<Instant> countdown_time(const Node& countdown, const char* key, Instant base) {
  const auto node = countdown.find(key);
  if (!node) return std::nullopt;
  const double seconds = node->number();
  if (seconds < 0 || seconds > 3600) node->fail(std::to_string(seconds) + " s is outside 0..3600");
  return base + seconds_from(seconds);
}

void read_countdown(const Node& countdown, Instant base, MovementEvent& event) {
  if (const auto start = countdown.find("start"); start && start->number() != 0) {
    event.start = countdown_time(countdown, "start", base);
  }
  event.min_end = countdown_time(countdown, "minEnd", base);
  event.max_end = countdown_time(countdown, "maxEnd", base);
  event.likely_end = countdown_time(countdown, "likelyEnd", base);
  event.next_time = countdown_time(countdown, "nextStart", base);
  if (const auto confidence = countdown.find("confidence")) {
    const double p = confidence->number();
    if (p < 0 || p > 1) confidence->fail("is not a probability (0..1)");
    event.confidence = p;
  }
}

// TimeCountingDown: tenths of a second from the time base; 36001 (and above 36000) unknown.
void counting_time(const Node& timing, const char* key, TimeField field, Instant base,
                   MovementEvent& event) {
  const auto tenths = timing.optional_integer(key, 0, 36001);
  if (!tenths || *tenths == kTimeMarkUnknown) return;
  if (*tenths == kTimeMarkBeyondAnHour) {
    event.beyond_an_hour |= static_cast<std::uint8_t>(field);
    return;
  }
  if (field == TimeField::kStart && *tenths == 0) return;  // already showing
  time_of(event, field) = base + std::chrono::milliseconds(100 * *tenths);
}

// UTCTiming: TimeMarks within the hour, read as J2735's.
void utc_time(const Node& timing, const char* key, TimeField field, Instant base,
              MovementEvent& event) {
  const auto mark = timing.optional_integer(key, 0, kTimeMarkUnknown);
  if (mark) set_time(event, field, read_time_mark(static_cast<int>(*mark), base));
}

void read_confidence(const Node& timing, MovementEvent& event) {
  if (const auto c = timing.optional_integer("timeConfidence", 0, 200)) {
    event.confidence = static_cast<double>(*c) / 200.0;
  }
}

void read_timing(const Node& timing, Instant base, MovementEvent& event) {
  if (const auto counting = timing.find("counting")) {
    counting_time(*counting, "startTime", TimeField::kStart, base, event);
    counting_time(*counting, "minEndTime", TimeField::kMinEnd, base, event);
    counting_time(*counting, "maxEndTime", TimeField::kMaxEnd, base, event);
    counting_time(*counting, "likelyEndTime", TimeField::kLikelyEnd, base, event);
    counting_time(*counting, "nextStartTime", TimeField::kNext, base, event);
    read_confidence(*counting, event);
  } else if (const auto utc = timing.find("utcTiming")) {
    utc_time(*utc, "startUTCTime", TimeField::kStart, base, event);
    utc_time(*utc, "minEndUTCTime", TimeField::kMinEnd, base, event);
    utc_time(*utc, "maxEndUTCTime", TimeField::kMaxEnd, base, event);
    utc_time(*utc, "likelyEndUTCTime", TimeField::kLikelyEnd, base, event);
    utc_time(*utc, "nextStartUTCTime", TimeField::kNext, base, event);
    read_confidence(*utc, event);
  } else {
    timing.fail("has neither \"counting\" nor \"utcTiming\"");
  }
}

MovementEvent read_phase_state(const Node& node, Instant base) {
  MovementEvent event;
  event.state = light(node.at("light"));
  if (const auto countdown = node.find("countdown"))
    read_countdown(*countdown, base, event);
  else if (const auto timing = node.find("timing"))
    read_timing(*timing, base, event);
  return event;
}

// "timestamp", or moy + timeStamp, of a message or an intersection.
std::optional<Instant> time_base(const Node& node, Instant reference, TimestampParts& parts) {
  if (const auto stamp = node.find("timestamp")) {
    parts = {true, true};
    return json_input::instant(*stamp);
  }
  const auto moy = node.optional_integer("moy", 0, kMinuteOfYearUnknown);
  const auto dsecond = node.optional_integer("timeStamp", 0, 65535);
  parts = {moy.has_value(), dsecond.has_value()};
  return read_timestamp(moy ? std::optional<int>(static_cast<int>(*moy)) : std::nullopt,
                        dsecond ? std::optional<int>(static_cast<int>(*dsecond)) : std::nullopt,
                        reference);
}

// The message's time base, for intersections that have none of their own.
struct MessageTime {
  std::optional<Instant> time;
  TimestampParts parts;
};

IntersectionSignals read_intersection(const Node& node, const MessageTime& message,
                                      Instant reference) {
  IntersectionSignals out;
  out.id = ode::intersection_ref(node.at("intersectionId"));
  if (const auto status = node.find("status")) out.status = ode::intersection_status(*status);
  out.timestamp = time_base(node, reference, out.timestamp_parts);
  if (!out.timestamp) {
    out.timestamp = message.time;
    out.timestamp_parts = message.parts;
  }
  const Instant base = out.timestamp.value_or(reference);
  for (const Node& phase : node.at("phases").items(16)) {
    SignalGroupState group;
    group.signal_group = static_cast<int>(phase.required_integer("id", 0, 255));
    for (const Node& state : phase.at("phaseStates").items(16)) {
      group.events.push_back(read_phase_state(state, base));
    }
    if (group.events.empty()) phase.fail("has no phase states (CSAE 53 needs 1..16)");
    out.signal_groups.push_back(std::move(group));
  }
  if (out.signal_groups.empty()) node.fail("has no phases (CSAE 53 needs 1..16)");
  return out;
}

}  // namespace

bool is_csae53_spat_json(const nlohmann::json& document) {
  if (!document.is_object()) return false;
  const auto standard = document.find("standard");
  return standard != document.end() && standard->is_string() &&
         standard->get<std::string>().find("CSAE 53") != std::string::npos;
}

SpatMessage decode_csae53_spat_json(const nlohmann::json& document, const DecodeOptions& options) {
  const Node root(document, "", kCodec);
  if (!is_csae53_spat_json(document)) root.fail("has no \"standard\": \"T/CSAE 53-2020\"");
  if (root.at("messageType").string() != "SPAT") {
    root.at("messageType").fail("only SPAT is read in this form");
  }
  const Instant reference = options.reference.value_or(feeds::Clock::now());
  SpatMessage spat;
  if (const auto count = root.optional_integer("msgCnt", 0, 127)) {
    spat.message_count = static_cast<int>(*count);
  }
  if (const auto name = root.optional_string("name")) spat.name = *name;
  MessageTime message;
  message.time = time_base(root, reference, message.parts);
  spat.timestamp = message.time;
  for (const Node& node : root.at("intersections").items(32)) {
    spat.intersections.push_back(read_intersection(node, message, reference));
  }
  if (spat.intersections.empty()) root.fail("has no intersections (CSAE 53 needs 1..32)");
  return spat;
}

}  // namespace codriver::signals
