#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/timestamp.h"
#include "geo/latlon.h"

// One model for every traffic-light message family codriver reads: SAE J2735 SPaT/MAP
// (also ISO TS 19091 / ETSI SPATEM/MAPEM, which share its DSRC module) and the Chinese
// T/CSAE 53-2020 SPAT. Decoders fill it, the J2735 encoder writes it; nothing downstream
// (time-to-green, GLOSA) needs to know which family a message came in.
//
// Times are absolute UTC instants: the decoders resolve J2735 TimeMarks (tenths of a
// second within the hour) and CSAE countdowns (seconds from the message's timestamp).
// Positions are WGS-84; lane node offsets are converted from the reference point.
namespace codriver::signals {

using Instant = feeds::Clock::time_point;

// J2735 IntersectionReferenceID / CSAE NodeReferenceID.
struct IntersectionRef {
  std::optional<int> region;  // road regulator (0..65535); absent when the id is unique alone
  int id = 0;                 // 0..65535
  friend bool operator==(const IntersectionRef&, const IntersectionRef&) = default;
};

// ---------------------------------------------------------------- MAP

// AllowedManeuvers, bit i of the J2735 BIT STRING is bit (1 << i) of a ManeuverSet.
enum class Maneuver : std::uint8_t {
  kStraight,
  kLeft,
  kRight,
  kUTurn,
  kLeftTurnOnRed,
  kRightTurnOnRed,
  kLaneChange,
  kNoStopping,
  kYieldAlways,
  kGoWithHalt,
  kCaution,
  kReserved1,
};
inline constexpr int kManeuverCount = 12;
using ManeuverSet = std::uint16_t;
constexpr bool allows(ManeuverSet set, Maneuver m) {
  return (set >> static_cast<int>(m)) & 1u;
}
std::string_view maneuver_name(Maneuver m);        // J2735 name: "maneuverStraightAllowed"
std::string_view maneuver_short_name(Maneuver m);  // "straight", "left-turn-on-red"

// LaneTypeAttributes: which kind of lane, each with its own attribute bits.
enum class LaneType : std::uint8_t {
  kVehicle,
  kCrosswalk,
  kBikeLane,
  kSidewalk,
  kMedian,
  kStriping,
  kTrackedVehicle,
  kParking,
};
inline constexpr int kLaneTypeCount = 8;
std::string_view lane_type_name(LaneType type);  // J2735 name: "vehicle", "bikeLane"
std::optional<LaneType> lane_type_from_name(std::string_view name);

struct LaneNode {
  geo::LatLon position;
  std::optional<int> width_delta_cm;      // dWidth: the lane widens (+) or narrows from here
  std::optional<int> elevation_delta_cm;  // dElevation
  friend bool operator==(const LaneNode&, const LaneNode&) = default;
};

// Where traffic leaving a lane may go, and which signal group controls that movement.
struct LaneConnection {
  int lane = 0;  // the connecting lane's id
  std::optional<ManeuverSet> maneuvers;
  std::optional<IntersectionRef> remote_intersection;  // when the lane is another's
  std::optional<int> signal_group;
  std::optional<int> user_class;     // RestrictionClassID
  std::optional<int> connection_id;  // LaneConnectionID, as SPaT maneuver assists name it
  friend bool operator==(const LaneConnection&, const LaneConnection&) = default;
};

struct Lane {
  int id = 0;  // 0..255, unique within the intersection
  std::string name;
  std::optional<int> ingress_approach;  // 0..15
  std::optional<int> egress_approach;
  bool ingress_path = false;      // directionalUse: traffic enters the intersection on it
  bool egress_path = false;       // directionalUse: traffic leaves on it
  std::uint16_t shared_with = 0;  // LaneSharing bits (bit i = J2735 bit i)
  LaneType type = LaneType::kVehicle;
  std::uint16_t type_attributes = 0;  // the bits of the lane type's attribute BIT STRING
  std::optional<ManeuverSet> maneuvers;
  std::vector<LaneNode> nodes;  // J2735 order: from the stop line away from the intersection
  std::vector<LaneConnection> connects_to;
  std::vector<int> overlays;
  friend bool operator==(const Lane&, const Lane&) = default;
};

struct Intersection {
  IntersectionRef id;
  std::string name;
  int revision = 0;  // MsgCount, 0..127
  geo::LatLon ref_point;
  std::optional<double> elevation_m;
  std::optional<int> lane_width_cm;
  std::vector<Lane> lanes;
  friend bool operator==(const Intersection&, const Intersection&) = default;
};

struct MapMessage {
  std::optional<Instant> timestamp;  // minute precision (MinuteOfTheYear)
  int revision = 0;                  // msgIssueRevision
  std::optional<int> layer_type;     // J2735 LayerType (3 = intersectionData)
  std::optional<int> layer_id;
  std::vector<Intersection> intersections;
  friend bool operator==(const MapMessage&, const MapMessage&) = default;
};

// ---------------------------------------------------------------- SPaT

// J2735 MovementPhaseState, in its order.
enum class MovementPhase : std::uint8_t {
  kUnavailable,
  kDark,
  kStopThenProceed,            // flashing red
  kStopAndRemain,              // red
  kPreMovement,                // red + yellow (Europe)
  kPermissiveMovementAllowed,  // green, yield to conflicting traffic
  kProtectedMovementAllowed,   // green arrow
  kPermissiveClearance,        // yellow
  kProtectedClearance,         // yellow arrow
  kCautionConflictingTraffic,  // flashing yellow
};
inline constexpr int kMovementPhaseCount = 10;
std::string_view phase_name(MovementPhase phase);  // J2735 name: "stop-And-Remain"
// J2735 names, ODE's ("STOP_AND_REMAIN") and case/separator variants of them.
std::optional<MovementPhase> phase_from_name(std::string_view name);

// What the driver sees, in the words a co-driver uses.
enum class LightColour : std::uint8_t { kUnknown, kDark, kRed, kYellow, kGreen };
LightColour colour_of(MovementPhase phase);
std::string_view colour_name(LightColour colour);  // "red"

// Which of an event's times were "more than an hour away" (TimeMark 36000): their
// instants are empty, like unknown ones, but the message did say something.
enum class TimeField : std::uint8_t {
  kStart = 1,
  kMinEnd = 2,
  kMaxEnd = 4,
  kLikelyEnd = 8,
  kNext = 16,
};

// One state of a movement and when it may change: the current one first, then
// predicted ones. min_end/max_end bound the change; likely_end is the best guess.
struct MovementEvent {
  MovementPhase state = MovementPhase::kUnavailable;
  std::optional<Instant> start, min_end, max_end, likely_end, next_time;
  std::optional<double> confidence;  // probability (0..1] that likely_end is right
  std::uint8_t beyond_an_hour = 0;   // TimeField bits
  bool is_beyond_an_hour(TimeField f) const { return beyond_an_hour & static_cast<int>(f); }
  friend bool operator==(const MovementEvent&, const MovementEvent&) = default;
};

// The event's time a TimeField names.
std::optional<Instant>& time_of(MovementEvent& event, TimeField field);
const std::optional<Instant>& time_of(const MovementEvent& event, TimeField field);
inline constexpr TimeField kTimeFields[] = {TimeField::kStart, TimeField::kMinEnd,
                                            TimeField::kMaxEnd, TimeField::kLikelyEnd,
                                            TimeField::kNext};

struct SignalGroupState {
  int signal_group = 0;  // 0..255, what MAP lane connections refer to
  std::string movement_name;
  std::vector<MovementEvent> events;
  friend bool operator==(const SignalGroupState&, const SignalGroupState&) = default;
};

// Which parts of a timestamp the message carried (J2735 moy / timeStamp), so that an
// encoder writes the same ones back.
struct TimestampParts {
  bool minute_of_year = false;
  bool millisecond = false;
  friend bool operator==(const TimestampParts&, const TimestampParts&) = default;
};

struct IntersectionSignals {
  IntersectionRef id;
  std::string name;
  int revision = 0;
  std::uint16_t status = 0;  // IntersectionStatusObject bits (bit i = J2735 bit i)
  std::optional<Instant> timestamp;
  TimestampParts timestamp_parts;
  std::vector<int> enabled_lanes;
  std::vector<SignalGroupState> signal_groups;
  friend bool operator==(const IntersectionSignals&, const IntersectionSignals&) = default;
};

struct SpatMessage {
  std::optional<Instant> timestamp;  // message level: a minute in J2735, exact in CSAE 53
  std::string name;
  std::optional<int> message_count;  // CSAE msgCnt (J2735 has none at this level)
  std::vector<IntersectionSignals> intersections;
  friend bool operator==(const SpatMessage&, const SpatMessage&) = default;
};

// IntersectionStatusObject bit names, J2735 order.
std::string_view intersection_status_name(int bit);
inline constexpr int kIntersectionStatusBits = 14;

}  // namespace codriver::signals
