// The J2735 SPAT body, read and written. Ranges are the DSRC module's:
//   MinuteOfTheYear 0..527040, DSecond 0..65535, MsgCount 0..127, SignalGroupID 0..255,
//   LaneID 0..255, TimeMark 0..36001, TimeIntervalConfidence 0..15, ZoneLength 0..10000.
#include <array>

#include "signals/j2735_uper_parts.h"
#include "signals/j2735_vocabulary.h"
#include "signals/time_mark.h"

namespace codriver::signals::j2735 {

namespace {

using uper::BitReader;
using uper::BitWriter;
using Scope = BitReader::FieldScope;

// TimeMark ::= INTEGER (0..36001): 16 bits. J2735 2024 widened it to 0..36111 (still 16
// bits) with 36111 for unknown, which is read too.
int read_time_mark_value(BitReader& r, const char* field) {
  const auto value = static_cast<int>(r.bits(16, field));
  if (value > kTimeMarkUnknown && value != kTimeMarkUnknown2024) {
    r.fail("TimeMark " + std::to_string(value) + " is outside 0..36001", field);
  }
  return value;
}

// One TimeMark into the event, read against the intersection's time.
void read_event_time(BitReader& r, MovementEvent& event, TimeField field, const char* name,
                     Instant reference) {
  set_time(event, field, read_time_mark(read_time_mark_value(r, name), reference));
}

// TimeChangeDetails ::= SEQUENCE { startTime TimeMark OPTIONAL, minEndTime TimeMark,
//   maxEndTime TimeMark OPTIONAL, likelyTime TimeMark OPTIONAL,
//   confidence TimeIntervalConfidence OPTIONAL, nextTime TimeMark OPTIONAL }  -- no "..."
void read_timing(BitReader& r, MovementEvent& event, Instant reference) {
  Scope scope(r, "timing");
  const std::uint32_t opt = read_presence(r, 5, "optional fields");
  if (present(opt, 5, 0)) read_event_time(r, event, TimeField::kStart, "startTime", reference);
  read_event_time(r, event, TimeField::kMinEnd, "minEndTime", reference);
  if (present(opt, 5, 1)) read_event_time(r, event, TimeField::kMaxEnd, "maxEndTime", reference);
  if (present(opt, 5, 2)) read_event_time(r, event, TimeField::kLikelyEnd, "likelyTime", reference);
  if (present(opt, 5, 3)) {
    event.confidence =
        interval_confidence_probability(static_cast<int>(r.constrained(0, 15, "confidence")));
  }
  if (present(opt, 5, 4)) read_event_time(r, event, TimeField::kNext, "nextTime", reference);
}

// AdvisorySpeed ::= SEQUENCE { type AdvisorySpeedType, speed SpeedAdvice OPTIONAL,
//   confidence SpeedConfidence OPTIONAL, distance ZoneLength OPTIONAL,
//   class RestrictionClassID OPTIONAL, regional ... OPTIONAL, ... }  -- read, not kept
void skip_advisory_speed(BitReader& r) {
  const bool extended = r.bit("extension");
  const std::uint32_t opt = read_presence(r, 5, "optional fields");
  read_extensible_enum(r, 4, "type");
  if (present(opt, 5, 0)) r.constrained(0, 500, "speed");
  if (present(opt, 5, 1)) r.constrained(0, 7, "confidence");
  if (present(opt, 5, 2)) r.constrained(0, 10000, "distance");
  if (present(opt, 5, 3)) r.constrained(0, 255, "class");
  if (present(opt, 5, 4)) skip_regional_list(r);
  if (extended) r.skip_extension_additions("extension additions");
}

// ConnectionManeuverAssist ::= SEQUENCE { connectionID, queueLength OPTIONAL,
//   availableStorageLength OPTIONAL, waitOnStop OPTIONAL, pedBicycleDetect OPTIONAL,
//   regional ... OPTIONAL, ... }  -- read, not kept
void skip_maneuver_assist_list(BitReader& r) {
  const std::size_t count = r.size(1, 16, "maneuverAssistList");
  for (std::size_t i = 0; i < count; ++i) {
    Scope scope(r, "maneuverAssistList", static_cast<int>(i));
    const bool extended = r.bit("extension");
    const std::uint32_t opt = read_presence(r, 5, "optional fields");
    r.constrained(0, 255, "connectionID");
    if (present(opt, 5, 0)) r.constrained(0, 10000, "queueLength");
    if (present(opt, 5, 1)) r.constrained(0, 10000, "availableStorageLength");
    if (present(opt, 5, 2)) r.bit("waitOnStop");
    if (present(opt, 5, 3)) r.bit("pedBicycleDetect");
    if (present(opt, 5, 4)) skip_regional_list(r);
    if (extended) r.skip_extension_additions("extension additions");
  }
}

// MovementEvent ::= SEQUENCE { eventState MovementPhaseState, timing TimeChangeDetails
//   OPTIONAL, speeds AdvisorySpeedList OPTIONAL, regional ... OPTIONAL, ... }
MovementEvent read_movement_event(BitReader& r, Instant reference) {
  MovementEvent event;
  const bool extended = r.bit("extension");
  const std::uint32_t opt = read_presence(r, 3, "optional fields");
  event.state = static_cast<MovementPhase>(r.constrained(0, kMovementPhaseCount - 1, "eventState"));
  if (present(opt, 3, 0)) read_timing(r, event, reference);
  if (present(opt, 3, 1)) {
    const std::size_t count = r.size(1, 16, "speeds");
    for (std::size_t i = 0; i < count; ++i) {
      Scope scope(r, "speeds", static_cast<int>(i));
      skip_advisory_speed(r);
    }
  }
  if (present(opt, 3, 2)) skip_regional_list(r);
  if (extended) r.skip_extension_additions("extension additions");
  return event;
}

// MovementState ::= SEQUENCE { movementName DescriptiveName OPTIONAL, signalGroup
//   SignalGroupID, state-time-speed MovementEventList (SIZE(1..16)), maneuverAssistList
//   OPTIONAL, regional ... OPTIONAL, ... }
SignalGroupState read_movement_state(BitReader& r, Instant reference) {
  SignalGroupState state;
  const bool extended = r.bit("extension");
  const std::uint32_t opt = read_presence(r, 3, "optional fields");
  if (present(opt, 3, 0)) state.movement_name = read_descriptive_name(r, "movementName");
  state.signal_group = static_cast<int>(r.constrained(0, 255, "signalGroup"));
  const std::size_t count = r.size(1, 16, "state-time-speed");
  state.events.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    Scope scope(r, "state-time-speed", static_cast<int>(i));
    state.events.push_back(read_movement_event(r, reference));
  }
  if (present(opt, 3, 1)) skip_maneuver_assist_list(r);
  if (present(opt, 3, 2)) skip_regional_list(r);
  if (extended) r.skip_extension_additions("extension additions");
  return state;
}

// IntersectionState ::= SEQUENCE { name OPTIONAL, id IntersectionReferenceID, revision
//   MsgCount, status IntersectionStatusObject (BIT STRING SIZE(16)), moy MinuteOfTheYear
//   OPTIONAL, timeStamp DSecond OPTIONAL, enabledLanes EnabledLaneList OPTIONAL, states
//   MovementList (SIZE(1..255)), maneuverAssistList OPTIONAL, regional OPTIONAL, ... }
IntersectionSignals read_intersection_state(BitReader& r, Instant reference) {
  IntersectionSignals out;
  const bool extended = r.bit("extension");
  const std::uint32_t opt = read_presence(r, 6, "optional fields");
  if (present(opt, 6, 0)) out.name = read_descriptive_name(r, "name");
  out.id = read_intersection_ref(r);
  out.revision = static_cast<int>(r.constrained(0, 127, "revision"));
  out.status = read_named_bits(r, 16, "status");
  std::optional<int> moy, dsecond;
  if (present(opt, 6, 1)) moy = static_cast<int>(r.constrained(0, kMinuteOfYearUnknown, "moy"));
  if (present(opt, 6, 2)) dsecond = static_cast<int>(r.constrained(0, 65535, "timeStamp"));
  out.timestamp = read_timestamp(moy, dsecond, reference);
  out.timestamp_parts = {moy.has_value(), dsecond.has_value()};
  if (present(opt, 6, 3)) {
    const std::size_t count = r.size(1, 16, "enabledLanes");
    for (std::size_t i = 0; i < count; ++i) {
      out.enabled_lanes.push_back(static_cast<int>(r.constrained(0, 255, "enabledLanes")));
    }
  }
  // Event times are tenths of the hour in which the intersection stamped its state.
  const Instant time_base = out.timestamp.value_or(reference);
  const std::size_t count = r.size(1, 255, "states");
  out.signal_groups.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    Scope scope(r, "states", static_cast<int>(i));
    out.signal_groups.push_back(read_movement_state(r, time_base));
  }
  if (present(opt, 6, 4)) skip_maneuver_assist_list(r);
  if (present(opt, 6, 5)) skip_regional_list(r);
  if (extended) r.skip_extension_additions("extension additions");
  return out;
}

// ------------------------------------------------------------------------ writing

void write_time_mark(BitWriter& w, const MovementEvent& event, const std::optional<Instant>& time,
                     TimeField field) {
  if (time) {
    w.bits(static_cast<std::uint64_t>(time_mark_of(*time)), 16);
  } else {
    w.bits(event.is_beyond_an_hour(field) ? kTimeMarkBeyondAnHour : kTimeMarkUnknown, 16);
  }
}

bool has_time(const MovementEvent& e, const std::optional<Instant>& time, TimeField field) {
  return time.has_value() || e.is_beyond_an_hour(field);
}

bool has_timing(const MovementEvent& e) {
  return has_time(e, e.start, TimeField::kStart) || has_time(e, e.min_end, TimeField::kMinEnd) ||
         has_time(e, e.max_end, TimeField::kMaxEnd) ||
         has_time(e, e.likely_end, TimeField::kLikelyEnd) || e.confidence.has_value() ||
         has_time(e, e.next_time, TimeField::kNext);
}

void write_timing(BitWriter& w, const MovementEvent& e) {
  w.bit(has_time(e, e.start, TimeField::kStart));
  w.bit(has_time(e, e.max_end, TimeField::kMaxEnd));
  w.bit(has_time(e, e.likely_end, TimeField::kLikelyEnd));
  w.bit(e.confidence.has_value());
  w.bit(has_time(e, e.next_time, TimeField::kNext));
  if (has_time(e, e.start, TimeField::kStart)) write_time_mark(w, e, e.start, TimeField::kStart);
  // minEndTime is mandatory: without one, "unknown" (36001).
  write_time_mark(w, e, e.min_end, TimeField::kMinEnd);
  if (has_time(e, e.max_end, TimeField::kMaxEnd))
    write_time_mark(w, e, e.max_end, TimeField::kMaxEnd);
  if (has_time(e, e.likely_end, TimeField::kLikelyEnd)) {
    write_time_mark(w, e, e.likely_end, TimeField::kLikelyEnd);
  }
  if (e.confidence) w.constrained(interval_confidence_index(*e.confidence), 0, 15, "confidence");
  if (has_time(e, e.next_time, TimeField::kNext))
    write_time_mark(w, e, e.next_time, TimeField::kNext);
}

void write_movement_event(BitWriter& w, const MovementEvent& event) {
  w.bit(false);  // no extension additions
  const bool timing = has_timing(event);
  w.bit(timing);
  w.bit(false);  // speeds
  w.bit(false);  // regional
  w.constrained(static_cast<int>(event.state), 0, kMovementPhaseCount - 1, "eventState");
  if (timing) write_timing(w, event);
}

void write_movement_state(BitWriter& w, const SignalGroupState& state) {
  w.bit(false);
  w.bit(!state.movement_name.empty());
  w.bit(false);  // maneuverAssistList
  w.bit(false);  // regional
  if (!state.movement_name.empty()) {
    write_descriptive_name(w, state.movement_name, "MovementState.movementName");
  }
  w.constrained(state.signal_group, 0, 255, "MovementState.signalGroup");
  w.size(state.events.size(), 1, 16, "MovementState.state-time-speed");
  for (const MovementEvent& event : state.events)
    write_movement_event(w, event);
}

void write_intersection_state(BitWriter& w, const IntersectionSignals& in) {
  w.bit(false);
  w.bit(!in.name.empty());
  w.bit(in.timestamp_parts.minute_of_year);
  w.bit(in.timestamp_parts.millisecond);
  w.bit(!in.enabled_lanes.empty());
  w.bit(false);  // maneuverAssistList
  w.bit(false);  // regional
  if (!in.name.empty()) write_descriptive_name(w, in.name, "IntersectionState.name");
  write_intersection_ref(w, in.id);
  w.constrained(in.revision, 0, 127, "IntersectionState.revision");
  write_named_bits(w, in.status, 16);
  if (in.timestamp_parts.minute_of_year) {
    w.constrained(in.timestamp ? minute_of_year(*in.timestamp) : kMinuteOfYearUnknown, 0,
                  kMinuteOfYearUnknown, "IntersectionState.moy");
  }
  if (in.timestamp_parts.millisecond) {
    w.constrained(in.timestamp ? millisecond_of_minute(*in.timestamp) : kDSecondUnknown, 0, 65535,
                  "IntersectionState.timeStamp");
  }
  if (!in.enabled_lanes.empty()) {
    w.size(in.enabled_lanes.size(), 1, 16, "IntersectionState.enabledLanes");
    for (const int lane : in.enabled_lanes)
      w.constrained(lane, 0, 255, "enabledLanes");
  }
  w.size(in.signal_groups.size(), 1, 255, "IntersectionState.states");
  for (const SignalGroupState& state : in.signal_groups)
    write_movement_state(w, state);
}

}  // namespace

// SPAT ::= SEQUENCE { timeStamp MinuteOfTheYear OPTIONAL, name DescriptiveName OPTIONAL,
//   intersections IntersectionStateList (SIZE(1..32)), regional ... OPTIONAL, ... }
SpatMessage read_spat(BitReader& r, Instant reference) {
  Scope scope(r, "SPAT");
  SpatMessage spat;
  const bool extended = r.bit("extension");
  const std::uint32_t opt = read_presence(r, 3, "optional fields");
  if (present(opt, 3, 0)) {
    spat.timestamp = read_minute_of_year(
        static_cast<int>(r.constrained(0, kMinuteOfYearUnknown, "timeStamp")), reference);
  }
  if (present(opt, 3, 1)) spat.name = read_descriptive_name(r, "name");
  const std::size_t count = r.size(1, 32, "intersections");
  spat.intersections.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    Scope item(r, "intersections", static_cast<int>(i));
    spat.intersections.push_back(read_intersection_state(r, reference));
  }
  if (present(opt, 3, 2)) skip_regional_list(r);
  if (extended) r.skip_extension_additions("extension additions");
  return spat;
}

void write_spat(BitWriter& w, const SpatMessage& spat) {
  w.bit(false);
  w.bit(spat.timestamp.has_value());
  w.bit(!spat.name.empty());
  w.bit(false);  // regional
  if (spat.timestamp) {
    w.constrained(minute_of_year(*spat.timestamp), 0, kMinuteOfYearUnknown, "SPAT.timeStamp");
  }
  if (!spat.name.empty()) write_descriptive_name(w, spat.name, "SPAT.name");
  w.size(spat.intersections.size(), 1, 32, "SPAT.intersections");
  for (const IntersectionSignals& in : spat.intersections)
    write_intersection_state(w, in);
}

}  // namespace codriver::signals::j2735
