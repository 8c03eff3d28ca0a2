#pragma once

#include <cstdint>
#include <vector>

#include "signals/uper.h"

// J2735 messages written field by field from the ASN.1 with the bare UPER primitives, to
// reach what the sample messages never use: extension additions, regional extensions,
// advisory speeds, maneuver assists, node-LatLon and computed lanes, node attributes,
// road segments, data parameters, restriction lists. Each returns a whole MessageFrame.
namespace codriver::signals::testing {

using uper::BitWriter;

inline void regional_list(BitWriter& w, int count) {
  w.constrained(count, 1, 4, "regional");
  for (int i = 0; i < count; ++i) {
    w.constrained(3 + i, 0, 255, "regionId");                  // addGrpC, ...
    w.open_type(std::vector<std::uint8_t>{0xAB, 0xCD, 0xEF});  // content nobody here reads
  }
}

// One extension addition, present, of unknown content.
inline void one_extension_addition(BitWriter& w) {
  w.normally_small_length(2);
  w.bit(false);
  w.bit(true);
  w.open_type(std::vector<std::uint8_t>{0x12, 0x34});
}

inline std::vector<std::uint8_t> frame(int message_id, BitWriter body) {
  const std::vector<std::uint8_t> content = std::move(body).finish();
  BitWriter w;
  w.bit(false);
  w.constrained(message_id, 0, 32767, "messageId");
  w.open_type(content);
  return std::move(w).finish();
}

inline void advisory_speed(BitWriter& w, bool extended_type) {
  w.bit(false);        // no extension additions
  w.bits(0b11110, 5);  // speed, confidence, distance, class; no regional
  if (extended_type) {
    w.bit(true);
    w.normally_small(2);  // a type later editions may add
  } else {
    w.bit(false);
    w.constrained(1, 0, 3, "type");  // greenwave
  }
  w.constrained(139, 0, 500, "speed");
  w.constrained(4, 0, 7, "confidence");
  w.constrained(1000, 0, 10000, "distance");
  w.constrained(7, 0, 255, "class");
}

inline void maneuver_assist(BitWriter& w) {
  w.constrained(1, 1, 16, "count");
  w.bit(false);
  w.bits(0b11111, 5);
  w.constrained(3, 0, 255, "connectionID");
  w.constrained(45, 0, 10000, "queueLength");
  w.constrained(60, 0, 10000, "availableStorageLength");
  w.bit(true);   // waitOnStop
  w.bit(false);  // pedBicycleDetect
  regional_list(w, 1);
}

// SPAT: intersection 77 (region 9) "Test", moy 100000 and DSecond 1500, enabled lanes
// {1, 2}; signal group 5 "through": protected-Movement-Allowed with every TimeMark
// (start 100, minEnd 200, maxEnd 36000, likely 250, confidence 12, next 36001), advisory
// speeds; every optional and extension part set.
inline std::vector<std::uint8_t> spat_with_everything() {
  BitWriter w;
  w.bit(true);       // extension additions follow the root
  w.bits(0b111, 3);  // timeStamp, name, regional
  w.constrained(100000, 0, 527040, "timeStamp");
  w.ia5_string("SPAT", 1, 63, "name");
  w.constrained(1, 1, 32, "intersections");
  // IntersectionState
  w.bit(true);
  w.bits(0b111111, 6);  // name, moy, timeStamp, enabledLanes, maneuverAssistList, regional
  w.ia5_string("Test", 1, 63, "name");
  w.bit(true);
  w.constrained(9, 0, 65535, "region");
  w.constrained(77, 0, 65535, "id");
  w.constrained(5, 0, 127, "revision");
  w.bits(0x8000, 16);  // manualControlIsEnabled
  w.constrained(100000, 0, 527040, "moy");
  w.constrained(1500, 0, 65535, "timeStamp");
  w.constrained(2, 1, 16, "enabledLanes");
  w.constrained(1, 0, 255, "lane");
  w.constrained(2, 0, 255, "lane");
  w.constrained(1, 1, 255, "states");
  // MovementState
  w.bit(true);
  w.bits(0b111, 3);  // movementName, maneuverAssistList, regional
  w.ia5_string("through", 1, 63, "movementName");
  w.constrained(5, 0, 255, "signalGroup");
  w.constrained(1, 1, 16, "state-time-speed");
  // MovementEvent
  w.bit(true);
  w.bits(0b111, 3);  // timing, speeds, regional
  w.constrained(6, 0, 9, "eventState");
  w.bits(0b11111, 5);  // TimeChangeDetails: every optional field
  w.bits(100, 16);
  w.bits(200, 16);
  w.bits(36000, 16);
  w.bits(250, 16);
  w.constrained(12, 0, 15, "confidence");
  w.bits(36001, 16);
  w.constrained(2, 1, 16, "speeds");
  advisory_speed(w, false);
  advisory_speed(w, true);
  regional_list(w, 2);
  one_extension_addition(w);  // MovementEvent
  maneuver_assist(w);         // MovementState.maneuverAssistList
  regional_list(w, 1);
  one_extension_addition(w);  // MovementState
  maneuver_assist(w);         // IntersectionState.maneuverAssistList
  regional_list(w, 1);
  one_extension_addition(w);  // IntersectionState
  regional_list(w, 1);        // SPAT
  one_extension_addition(w);  // SPAT
  return frame(19, std::move(w));
}

inline void ref_point(BitWriter& w, std::int64_t lat, std::int64_t lon, bool extras) {
  w.bit(extras);
  w.bit(extras);  // elevation
  w.bit(extras);  // regional
  w.constrained(lat, -900000000, 900000001, "lat");
  w.constrained(lon, -1799999999, 1800000001, "long");
  if (!extras) return;
  w.constrained(250, -4096, 61439, "elevation");
  regional_list(w, 1);
  one_extension_addition(w);
}

inline void speed_limits(BitWriter& w) {
  w.constrained(2, 1, 9, "speedLimits");
  w.bit(false);
  w.constrained(5, 0, 12, "type");  // vehicleMaxSpeed
  w.constrained(700, 0, 8191, "speed");
  w.bit(true);
  w.normally_small(0);  // a type past the root
  w.constrained(300, 0, 8191, "speed");
}

inline void node_attributes(BitWriter& w) {
  w.bit(true);
  w.bits(0b1111111, 7);
  w.constrained(2, 1, 8, "localNode");
  w.bit(false);
  w.constrained(1, 0, 11, "stopLine");
  w.bit(true);
  w.normally_small(3);
  w.constrained(1, 1, 8, "disabled");
  w.bit(false);
  w.constrained(37, 0, 37, "unEvenPavementPresent");
  w.constrained(1, 1, 8, "enabled");
  w.bit(false);
  w.constrained(2, 0, 37, "whiteLine");
  w.constrained(7, 1, 8, "data");
  const int alternatives[] = {0, 1, 2, 3, 4, 5, 6};
  for (const int a : alternatives) {
    w.bit(false);
    w.constrained(a, 0, 6, "LaneDataAttribute");
    if (a == 0) w.constrained(-150, -150, 150, "pathEndPointAngle");
    if (a >= 1 && a <= 3) w.constrained(127, -128, 127, "crown");
    if (a == 4) w.constrained(180, -180, 180, "laneAngle");
    if (a == 5) speed_limits(w);
    if (a == 6) regional_list(w, 1);
  }
  w.constrained(-25, -512, 511, "dWidth");
  w.constrained(-3, -512, 511, "dElevation");
  regional_list(w, 1);
  one_extension_addition(w);
}

// A lane of ingress approach 2 "Main": node-XY1 (100, -50) with every attribute, node-XY3
// (2000, 0), node-LatLon at the reference point moved 0.01 degree north, node-XY6 (0, 30000).
inline void lane_one(BitWriter& w, std::int64_t ref_lat, std::int64_t ref_lon) {
  w.bit(true);
  w.bits(0b1101111, 7);  // name, ingress, (no egress), maneuvers, connectsTo, overlays, regional
  w.constrained(1, 0, 255, "laneID");
  w.ia5_string("Main", 1, 63, "name");
  w.constrained(2, 0, 15, "ingressApproach");
  w.bit(true);  // LaneAttributes.regional
  w.bits(0b10, 2);
  w.bits(0b0001000000, 10);  // individualMotorizedVehicleTraffic
  w.bit(false);
  w.constrained(0, 0, 7, "vehicle");
  w.bit(true);  // SIZE(8, ...) extension: 10 bits
  w.length(10);
  w.bits(0b1000000001, 10);
  w.constrained(3, 0, 255, "regionId");
  w.open_type(std::vector<std::uint8_t>{0x00});
  w.bits(0b100000000000, 12);  // straight
  w.bit(false);                // NodeListXY extension
  w.constrained(0, 0, 1, "nodes");
  w.constrained(4, 2, 63, "nodes");
  w.bit(false);
  w.bit(true);
  w.constrained(0, 0, 7, "node-XY1");
  w.constrained(100, -512, 511, "x");
  w.constrained(-50, -512, 511, "y");
  node_attributes(w);
  w.bit(false);
  w.bit(false);
  w.constrained(2, 0, 7, "node-XY3");
  w.constrained(2000, -2048, 2047, "x");
  w.constrained(0, -2048, 2047, "y");
  w.bit(true);  // NodeXY extension
  w.bit(false);
  w.constrained(6, 0, 7, "node-LatLon");
  w.constrained(ref_lon, -1799999999, 1800000001, "lon");
  w.constrained(ref_lat + 100000, -900000000, 900000001, "lat");
  one_extension_addition(w);
  w.bit(false);
  w.bit(false);
  w.constrained(5, 0, 7, "node-XY6");
  w.constrained(0, -32768, 32767, "x");
  w.constrained(30000, -32768, 32767, "y");
  // connectsTo: one connection with every optional field
  w.constrained(1, 1, 16, "connectsTo");
  w.bits(0b1111, 4);
  w.bit(true);
  w.constrained(12, 0, 255, "lane");
  w.bits(0b010000000000, 12);  // left
  w.bit(false);
  w.constrained(11, 0, 65535, "remote id");
  w.constrained(4, 0, 255, "signalGroup");
  w.constrained(2, 0, 255, "userClass");
  w.constrained(9, 0, 255, "connectionID");
  w.constrained(2, 1, 5, "overlays");
  w.constrained(7, 0, 255, "overlay");
  w.constrained(8, 0, 255, "overlay");
  regional_list(w, 1);
  one_extension_addition(w);
}

// Lane 2, computed from lane 1: moved 300 cm east (small) and 200 m south (large).
inline void lane_two_computed(BitWriter& w) {
  w.bit(false);
  w.bits(0b0010000, 7);  // egressApproach only
  w.constrained(2, 0, 255, "laneID");
  w.constrained(3, 0, 15, "egressApproach");
  w.bit(false);
  w.bits(0b01, 2);
  w.bits(0, 10);
  w.bit(false);
  w.constrained(1, 0, 7, "crosswalk");
  w.bits(0x0400, 16);  // hasPushToWalkButton is bit 5
  w.bit(false);
  w.constrained(1, 0, 1, "computed");
  w.bit(true);
  w.bits(0b0001, 4);  // regional only
  w.constrained(1, 0, 255, "referenceLaneId");
  w.bit(false);
  w.constrained(300, -2047, 2047, "offsetXaxis small");
  w.bit(true);
  w.constrained(-20000, -32767, 32767, "offsetYaxis large");
  regional_list(w, 1);
  one_extension_addition(w);
}

inline void road_segment(BitWriter& w) {
  w.bit(false);
  w.bits(0b1000, 4);  // name
  w.ia5_string("Segment", 1, 63, "name");
  w.bit(false);
  w.constrained(4, 0, 65535, "id");
  w.constrained(0, 0, 127, "revision");
  ref_point(w, 437384000, 74246000, false);
  w.constrained(1, 1, 255, "roadLaneSet");
  w.bit(false);
  w.bits(0, 7);
  w.constrained(1, 0, 255, "laneID");
  w.bit(false);
  w.bits(0, 2);
  w.bits(0, 10);
  w.bit(false);
  w.constrained(7, 0, 7, "parking");
  w.bits(0, 16);
  w.bit(false);
  w.constrained(0, 0, 1, "nodes");
  w.constrained(2, 2, 63, "nodes");
  for (int i = 0; i < 2; ++i) {
    w.bit(false);
    w.bit(false);
    w.constrained(0, 0, 7, "node-XY1");
    w.constrained(10 * i, -512, 511, "x");
    w.constrained(0, -512, 511, "y");
  }
}

// MapData: layerType past the root, intersection 501 (region 7) "Everything" with two
// lanes (see lane_one and lane_two_computed), one road segment, data parameters, a
// restriction list; every optional and extension part set.
inline std::vector<std::uint8_t> map_with_everything() {
  constexpr std::int64_t lat = 437384000, lon = 74246000;
  BitWriter w;
  w.bit(true);
  w.bits(0xFF, 8);
  w.constrained(200000, 0, 527040, "timeStamp");
  w.constrained(9, 0, 127, "msgIssueRevision");
  w.bit(true);
  w.normally_small(1);  // LayerType 9, after the 8 root values
  w.constrained(42, 0, 100, "layerID");
  w.constrained(1, 1, 32, "intersections");
  w.bit(true);
  w.bits(0b11111, 5);
  w.ia5_string("Everything", 1, 63, "name");
  w.bit(true);
  w.constrained(7, 0, 65535, "region");
  w.constrained(501, 0, 65535, "id");
  w.constrained(3, 0, 127, "revision");
  ref_point(w, lat, lon, true);
  w.constrained(350, 0, 32767, "laneWidth");
  speed_limits(w);
  w.constrained(2, 1, 255, "laneSet");
  lane_one(w, lat, lon);
  lane_two_computed(w);
  w.constrained(1, 1, 32, "preemptPriorityData");
  w.bit(true);
  w.constrained(3, 0, 255, "regionId");
  w.open_type(std::vector<std::uint8_t>{0x01});
  one_extension_addition(w);
  regional_list(w, 1);
  one_extension_addition(w);
  // roadSegments
  w.constrained(1, 1, 32, "roadSegments");
  road_segment(w);
  // dataParameters
  w.bit(false);
  w.bits(0b1010, 4);
  w.ia5_string("survey", 1, 255, "processMethod");
  w.ia5_string("2024-01-01", 1, 255, "lastCheckedDate");
  // restrictionList
  w.constrained(1, 1, 254, "restrictionList");
  w.constrained(2, 0, 255, "id");
  w.constrained(3, 1, 16, "users");
  w.bit(false);
  w.constrained(0, 0, 1, "basicType");
  w.bit(false);
  w.constrained(5, 0, 13, "equippedBicycle");
  w.bit(false);
  w.constrained(1, 0, 1, "regional");
  regional_list(w, 1);
  w.bit(true);
  w.normally_small(0);
  w.open_type(std::vector<std::uint8_t>{0x77});
  regional_list(w, 1);  // MapData.regional
  one_extension_addition(w);
  return frame(18, std::move(w));
}

}  // namespace codriver::signals::testing
