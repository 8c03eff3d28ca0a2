// The J2735 UPER encoder: models encode and decode back to themselves.
#include <gtest/gtest.h>

#include "random_models.h"
#include "signals/hex.h"
#include "signals/iso_time.h"
#include "signals/j2735_uper.h"
#include "signals/signals_error.h"

namespace codriver::signals {
namespace {

const Instant kReference = *parse_iso8601("2026-03-01T11:59:50Z");

template <typename Message>
Message round_trip(const Message& message) {
  return std::get<Message>(decode_j2735_uper(encode_j2735_uper(message), kReference));
}

// A SPaT like an RSU simulator's: one intersection, two signal groups, times across the
// top of the hour (TimeMarks wrap from 35999 to 0 between them).
SpatMessage hand_built_spat() {
  SpatMessage spat;
  IntersectionSignals in;
  in.id = {std::nullopt, 12111};
  in.revision = 3;
  in.status = 1 << 5;  // fixedTimeOperation
  in.timestamp = *parse_iso8601("2026-03-01T11:59:50.250Z");
  in.timestamp_parts = {true, true};
  SignalGroupState green{2, "", {}};
  MovementEvent now;
  now.state = MovementPhase::kProtectedMovementAllowed;
  now.start = *parse_iso8601("2026-03-01T11:59:20Z");
  now.min_end = *parse_iso8601("2026-03-01T11:59:58.5Z");
  now.max_end = *parse_iso8601("2026-03-01T12:00:05Z");
  now.likely_end = *parse_iso8601("2026-03-01T12:00:01.7Z");
  now.confidence = 0.85;
  MovementEvent next;
  next.state = MovementPhase::kProtectedClearance;
  next.min_end = *parse_iso8601("2026-03-01T12:00:05Z");
  next.beyond_an_hour = static_cast<std::uint8_t>(TimeField::kMaxEnd);
  green.events = {now, next};
  SignalGroupState red{4, "north", {}};
  MovementEvent stop;
  stop.state = MovementPhase::kStopAndRemain;
  red.events = {stop};  // no timing at all
  in.signal_groups = {green, red};
  spat.intersections = {in};
  return spat;
}

TEST(UperRoundTrip, HandBuiltSpat) {
  const SpatMessage spat = hand_built_spat();
  EXPECT_EQ(round_trip(spat), spat);
  // 11:59:58.5 and 12:00:05 sit either side of the hour: marks 35985 and 50
  const SpatMessage decoded = round_trip(spat);
  EXPECT_EQ(decoded.intersections[0].signal_groups[0].events[0].max_end,
            *parse_iso8601("2026-03-01T12:00:05Z"));
}

TEST(UperRoundTrip, HandBuiltMap) {
  MapMessage map;
  map.revision = 1;
  map.layer_type = 3;
  Intersection in;
  in.id = {7, 501};
  in.name = "Hermitage / Costa";
  in.ref_point = {43.7384000, 7.4246000};
  in.elevation_m = 42.5;
  Lane ingress;
  ingress.id = 1;
  ingress.ingress_approach = 1;
  ingress.ingress_path = true;
  ingress.maneuvers =
      1 << static_cast<int>(Maneuver::kStraight) | 1 << static_cast<int>(Maneuver::kRight);
  const std::vector<NodeStep> steps = {
      {false, 250, -120, {}}, {false, 3000, -40, {}}, {false, 20000, 500, {}}};
  for (const geo::LatLon& p : place_nodes(steps, in.ref_point))
    ingress.nodes.push_back({p, std::nullopt, std::nullopt});
  ingress.nodes[0].elevation_delta_cm = -30;
  ingress.connects_to = {{5, ManeuverSet{1}, std::nullopt, 2, std::nullopt, 1}};
  Lane crosswalk;
  crosswalk.id = 9;
  crosswalk.type = LaneType::kCrosswalk;
  crosswalk.type_attributes = 1 << 5;  // hasPushToWalkButton
  crosswalk.nodes = {ingress.nodes[0], ingress.nodes[1]};
  crosswalk.nodes[0].elevation_delta_cm.reset();
  in.lanes = {ingress, crosswalk};
  map.intersections = {in};
  EXPECT_EQ(round_trip(map), map);
}

TEST(UperRoundTrip, RandomSpats) {
  testing::RandomModels models(20260301, kReference);
  for (int i = 0; i < 300; ++i) {
    const SpatMessage spat = models.spat();
    const std::vector<std::uint8_t> bytes = encode_j2735_uper(spat);
    ASSERT_EQ(std::get<SpatMessage>(decode_j2735_uper(bytes, kReference)), spat)
        << "case " << i << ": " << hex_from_bytes(bytes);
  }
}

TEST(UperRoundTrip, RandomMaps) {
  testing::RandomModels models(18, kReference);
  for (int i = 0; i < 200; ++i) {
    const MapMessage map = models.map();
    const std::vector<std::uint8_t> bytes = encode_j2735_uper(map);
    ASSERT_EQ(std::get<MapMessage>(decode_j2735_uper(bytes, kReference)), map)
        << "case " << i << ": " << hex_from_bytes(bytes);
  }
}

TEST(UperRoundTrip, WhatJ2735CannotCarryIsRefused) {
  SpatMessage spat = hand_built_spat();
  spat.intersections[0].signal_groups[0].events.clear();
  EXPECT_THROW(encode_j2735_uper(spat), SignalsError) << "a movement needs 1..16 events";
  spat = hand_built_spat();
  spat.intersections[0].name = std::string(64, 'x');
  EXPECT_THROW(encode_j2735_uper(spat), SignalsError);
  spat = hand_built_spat();
  spat.intersections[0].signal_groups[0].signal_group = 256;
  EXPECT_THROW(encode_j2735_uper(spat), SignalsError);
  EXPECT_THROW(encode_j2735_uper(SpatMessage{}), SignalsError) << "no intersections";

  MapMessage map;
  Intersection in;
  in.ref_point = {43.7, 7.4};
  Lane lane;
  lane.nodes = {{{43.7, 7.4}, std::nullopt, std::nullopt}};
  in.lanes = {lane};
  map.intersections = {in};
  try {
    encode_j2735_uper(map);
    ADD_FAILURE() << "a lane of one node";
  } catch (const SignalsError& error) {
    EXPECT_NE(std::string(error.what()).find("nodes: 1 items, J2735 allows 2..63"),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace codriver::signals
