// ODE's J2735SPAT JSON (payload.data of an OdeSpatPayload) into the model.
#include "signals/j2735_vocabulary.h"
#include "signals/ode_json.h"
#include "signals/ode_json_parts.h"
#include "signals/signals_error.h"
#include "signals/time_mark.h"

namespace codriver::signals::ode {

namespace {

void read_event_time(const Node& timing, const char* key, TimeField field, MovementEvent& event,
                     Instant reference) {
  const auto node = timing.find(key);
  if (!node) return;
  const auto mark = static_cast<int>(node->integer(0, kTimeMarkUnknown2024));
  try {
    set_time(event, field, read_time_mark(mark, reference));
  } catch (const SignalsError& error) {
    node->fail(error.what());
  }
}

MovementEvent read_event(const Node& node, Instant reference) {
  MovementEvent event;
  event.state = movement_phase(node.at("eventState"));
  const auto timing = node.find("timing");
  if (!timing) return event;
  read_event_time(*timing, "startTime", TimeField::kStart, event, reference);
  read_event_time(*timing, "minEndTime", TimeField::kMinEnd, event, reference);
  read_event_time(*timing, "maxEndTime", TimeField::kMaxEnd, event, reference);
  read_event_time(*timing, "likelyTime", TimeField::kLikelyEnd, event, reference);
  read_event_time(*timing, "nextTime", TimeField::kNext, event, reference);
  if (const auto confidence = timing->optional_integer("confidence", 0, 15)) {
    event.confidence = j2735::interval_confidence_probability(static_cast<int>(*confidence));
  }
  return event;
}

SignalGroupState read_movement(const Node& node, Instant reference) {
  SignalGroupState state;
  state.signal_group = static_cast<int>(node.required_integer("signalGroup", 0, 255));
  if (const auto name = node.optional_string("movementName")) state.movement_name = *name;
  const auto events = find_either(node, "state_time_speed", "stateTimeSpeed");
  if (!events) node.fail("has no state_time_speed");
  for (const Node& event : wrapped_list(*events, "movementEventList", "MovementEvent", 16)) {
    state.events.push_back(read_event(event, reference));
  }
  if (state.events.empty()) events->fail("has no movement events (J2735 needs 1..16)");
  return state;
}

std::vector<int> enabled_lanes(const Node& node) {
  std::vector<int> lanes;
  for (const Node& lane : wrapped_list(node, "enabledLaneList", "laneID", 16)) {
    lanes.push_back(static_cast<int>(lane.integer(0, 255)));
  }
  return lanes;
}

IntersectionSignals read_intersection(const Node& node, Instant reference) {
  IntersectionSignals out;
  if (const auto name = node.optional_string("name")) out.name = *name;
  out.id = intersection_ref(node.at("id"));
  out.revision = static_cast<int>(node.required_integer("revision", 0, 127));
  if (const auto status = node.find("status")) out.status = intersection_status(*status);
  const auto moy = node.optional_integer("moy", 0, kMinuteOfYearUnknown);
  const auto dsecond = node.optional_integer("timeStamp", 0, 65535);
  out.timestamp = read_timestamp(
      moy ? std::optional<int>(static_cast<int>(*moy)) : std::nullopt,
      dsecond ? std::optional<int>(static_cast<int>(*dsecond)) : std::nullopt, reference);
  out.timestamp_parts = {moy.has_value(), dsecond.has_value()};
  if (const auto lanes = node.find("enabledLanes")) out.enabled_lanes = enabled_lanes(*lanes);
  const Instant time_base = out.timestamp.value_or(reference);
  for (const Node& movement :
       wrapped_list(node.at("states"), "movementList", "MovementState", 255)) {
    out.signal_groups.push_back(read_movement(movement, time_base));
  }
  if (out.signal_groups.empty()) node.fail("has no movement states (J2735 needs 1..255)");
  return out;
}

}  // namespace

SpatMessage read_ode_spat(const Node& data, Instant reference) {
  SpatMessage spat;
  if (const auto moy = data.optional_integer("timeStamp", 0, kMinuteOfYearUnknown)) {
    spat.timestamp = read_minute_of_year(static_cast<int>(*moy), reference);
  }
  if (const auto name = data.optional_string("name")) spat.name = *name;
  const Node list = data.at("intersectionStateList");
  for (const Node& intersection :
       wrapped_list(list, "intersectionStatelist", "IntersectionState", 32)) {
    spat.intersections.push_back(read_intersection(intersection, reference));
  }
  if (spat.intersections.empty()) list.fail("has no intersections (J2735 needs 1..32)");
  return spat;
}

}  // namespace codriver::signals::ode
