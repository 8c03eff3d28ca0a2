#include "signals/signal_model.h"

#include <array>
#include <cctype>
#include <string>

namespace codriver::signals {

namespace {

constexpr std::array<std::string_view, kManeuverCount> kManeuverNames = {
    "maneuverStraightAllowed",
    "maneuverLeftAllowed",
    "maneuverRightAllowed",
    "maneuverUTurnAllowed",
    "maneuverLeftTurnOnRedAllowed",
    "maneuverRightTurnOnRedAllowed",
    "maneuverLaneChangeAllowed",
    "maneuverNoStoppingAllowed",
    "yieldAllwaysRequired",
    "goWithHalt",
    "caution",
    "reserved1"};

constexpr std::array<std::string_view, kManeuverCount> kManeuverShortNames = {
    "straight",          "left",        "right",       "u-turn",       "left-turn-on-red",
    "right-turn-on-red", "lane-change", "no-stopping", "yield-always", "go-with-halt",
    "caution",           "reserved1"};

constexpr std::array<std::string_view, kLaneTypeCount> kLaneTypeNames = {
    "vehicle", "crosswalk", "bikeLane",       "sidewalk",
    "median",  "striping",  "trackedVehicle", "parking"};

constexpr std::array<std::string_view, kMovementPhaseCount> kPhaseNames = {
    "unavailable",
    "dark",
    "stop-Then-Proceed",
    "stop-And-Remain",
    "pre-Movement",
    "permissive-Movement-Allowed",
    "protected-Movement-Allowed",
    "permissive-clearance",
    "protected-clearance",
    "caution-Conflicting-Traffic"};

constexpr std::array<std::string_view, kIntersectionStatusBits> kStatusNames = {
    "manualControlIsEnabled",
    "stopTimeIsActivated",
    "failureFlash",
    "preemptIsActive",
    "signalPriorityIsActive",
    "fixedTimeOperation",
    "trafficDependentOperation",
    "standbyOperation",
    "failureMode",
    "off",
    "recentMAPmessageUpdate",
    "recentChangeInMAPassignedLanesIDsUsed",
    "noValidMAPisAvailableAtThisTime",
    "noValidSPATisAvailableAtThisTime"};

// "PROTECTED_MOVEMENT_ALLOWED" and "protected-Movement-Allowed" are the same name.
std::string folded(std::string_view name) {
  std::string out;
  for (const char c : name) {
    if (c == '-' || c == '_' || c == ' ') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

std::string_view maneuver_name(Maneuver m) {
  return kManeuverNames.at(static_cast<int>(m));
}

std::string_view maneuver_short_name(Maneuver m) {
  return kManeuverShortNames.at(static_cast<int>(m));
}

std::string_view lane_type_name(LaneType type) {
  return kLaneTypeNames.at(static_cast<int>(type));
}

std::optional<LaneType> lane_type_from_name(std::string_view name) {
  for (int i = 0; i < kLaneTypeCount; ++i) {
    if (folded(kLaneTypeNames[i]) == folded(name)) return static_cast<LaneType>(i);
  }
  return std::nullopt;
}

std::string_view phase_name(MovementPhase phase) {
  return kPhaseNames.at(static_cast<int>(phase));
}

std::optional<MovementPhase> phase_from_name(std::string_view name) {
  const std::string wanted = folded(name);
  for (int i = 0; i < kMovementPhaseCount; ++i) {
    if (folded(kPhaseNames[i]) == wanted) return static_cast<MovementPhase>(i);
  }
  return std::nullopt;
}

LightColour colour_of(MovementPhase phase) {
  switch (phase) {
    case MovementPhase::kUnavailable:
      return LightColour::kUnknown;
    case MovementPhase::kDark:
      return LightColour::kDark;
    case MovementPhase::kStopThenProceed:
    case MovementPhase::kStopAndRemain:
    case MovementPhase::kPreMovement:  // red + yellow: still no going
      return LightColour::kRed;
    case MovementPhase::kPermissiveMovementAllowed:
    case MovementPhase::kProtectedMovementAllowed:
      return LightColour::kGreen;
    case MovementPhase::kPermissiveClearance:
    case MovementPhase::kProtectedClearance:
    case MovementPhase::kCautionConflictingTraffic:
      return LightColour::kYellow;
  }
  return LightColour::kUnknown;
}

std::string_view colour_name(LightColour colour) {
  switch (colour) {
    case LightColour::kDark:
      return "dark";
    case LightColour::kRed:
      return "red";
    case LightColour::kYellow:
      return "yellow";
    case LightColour::kGreen:
      return "green";
    case LightColour::kUnknown:
      break;
  }
  return "unknown";
}

std::optional<Instant>& time_of(MovementEvent& event, TimeField field) {
  switch (field) {
    case TimeField::kStart:
      return event.start;
    case TimeField::kMinEnd:
      return event.min_end;
    case TimeField::kMaxEnd:
      return event.max_end;
    case TimeField::kLikelyEnd:
      return event.likely_end;
    case TimeField::kNext:
      break;
  }
  return event.next_time;
}

const std::optional<Instant>& time_of(const MovementEvent& event, TimeField field) {
  return time_of(const_cast<MovementEvent&>(event), field);
}

std::string_view intersection_status_name(int bit) {
  return kStatusNames.at(bit);
}

}  // namespace codriver::signals
