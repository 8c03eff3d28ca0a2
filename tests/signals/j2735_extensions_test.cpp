// The parts of J2735 the samples never use, in messages written field by field from the
// ASN.1 (hand_made_uper.h): extensions and regional content skipped, the rest read.
#include <gtest/gtest.h>

#include "geo/distance.h"
#include "hand_made_uper.h"
#include "signals/iso_time.h"
#include "signals/j2735_uper.h"
#include "signals/lane_geometry.h"

namespace codriver::signals {
namespace {

const Instant kReference = *parse_iso8601("2024-03-10T10:40:30Z");

TEST(J2735Extensions, SpatWithEveryOptionalPart) {
  const auto spat =
      std::get<SpatMessage>(decode_j2735_uper(testing::spat_with_everything(), kReference));
  // moy 100000 is 10 March 10:40 in the leap year 2024
  EXPECT_EQ(spat.timestamp, parse_iso8601("2024-03-10T10:40:00Z"));
  EXPECT_EQ(spat.name, "SPAT");
  ASSERT_EQ(spat.intersections.size(), 1u);
  const IntersectionSignals& in = spat.intersections[0];
  EXPECT_EQ(in.name, "Test");
  EXPECT_EQ(in.id, (IntersectionRef{9, 77}));
  EXPECT_EQ(in.revision, 5);
  EXPECT_EQ(in.status, 1) << "manualControlIsEnabled";
  EXPECT_EQ(in.timestamp, parse_iso8601("2024-03-10T10:40:01.5Z"));
  EXPECT_EQ(in.timestamp_parts, (TimestampParts{true, true}));
  EXPECT_EQ(in.enabled_lanes, (std::vector<int>{1, 2}));
  ASSERT_EQ(in.signal_groups.size(), 1u);
  EXPECT_EQ(in.signal_groups[0].signal_group, 5);
  EXPECT_EQ(in.signal_groups[0].movement_name, "through");
  ASSERT_EQ(in.signal_groups[0].events.size(), 1u);
  const MovementEvent& e = in.signal_groups[0].events[0];
  EXPECT_EQ(e.state, MovementPhase::kProtectedMovementAllowed);
  // TimeMark 100 is hh:00:10: 40 minutes before 10:40:01.5 or 20 after; after it is
  EXPECT_EQ(e.start, parse_iso8601("2024-03-10T11:00:10Z"));
  EXPECT_EQ(e.min_end, parse_iso8601("2024-03-10T11:00:20Z"));
  EXPECT_EQ(e.likely_end, parse_iso8601("2024-03-10T11:00:25Z"));
  EXPECT_FALSE(e.max_end);
  EXPECT_TRUE(e.is_beyond_an_hour(TimeField::kMaxEnd));
  EXPECT_FALSE(e.next_time);
  EXPECT_FALSE(e.is_beyond_an_hour(TimeField::kNext));
  EXPECT_DOUBLE_EQ(*e.confidence, 0.94);
}

TEST(J2735Extensions, MapWithEveryOptionalPart) {
  const auto map =
      std::get<MapMessage>(decode_j2735_uper(testing::map_with_everything(), kReference));
  EXPECT_EQ(map.timestamp, parse_iso8601("2024-05-18T21:20:00Z"));
  EXPECT_EQ(map.revision, 9);
  EXPECT_EQ(map.layer_type, 9) << "an extension value: 8 root values + 1";
  EXPECT_EQ(map.layer_id, 42);
  ASSERT_EQ(map.intersections.size(), 1u) << "road segments are read past, not kept";
  const Intersection& in = map.intersections[0];
  EXPECT_EQ(in.id, (IntersectionRef{7, 501}));
  EXPECT_EQ(in.name, "Everything");
  EXPECT_EQ(in.revision, 3);
  EXPECT_EQ(in.ref_point, (geo::LatLon{43.7384, 7.4246}));
  EXPECT_EQ(in.elevation_m, 25.0);
  EXPECT_EQ(in.lane_width_cm, 350);
  ASSERT_EQ(in.lanes.size(), 2u);

  const Lane& main = in.lanes[0];
  EXPECT_EQ(main.id, 1);
  EXPECT_EQ(main.name, "Main");
  EXPECT_EQ(main.ingress_approach, 2);
  EXPECT_FALSE(main.egress_approach);
  EXPECT_TRUE(main.ingress_path);
  EXPECT_FALSE(main.egress_path);
  EXPECT_EQ(main.shared_with, 1 << 3);
  EXPECT_EQ(main.type, LaneType::kVehicle);
  EXPECT_EQ(main.type_attributes, 1 | 1 << 9) << "10 bits through the SIZE(8, ...) extension";
  EXPECT_EQ(main.maneuvers, ManeuverSet{1});
  ASSERT_EQ(main.nodes.size(), 4u);
  const std::vector<NodeStep> steps = {{false, 100, -50, {}},
                                       {false, 2000, 0, {}},
                                       {true, 0, 0, {43.7484, 7.4246}},
                                       {false, 0, 30000, {}}};
  const std::vector<geo::LatLon> expected = place_nodes(steps, in.ref_point);
  for (std::size_t i = 0; i < 4; ++i)
    EXPECT_EQ(main.nodes[i].position, expected[i]) << i;
  EXPECT_EQ(main.nodes[0].width_delta_cm, -25);
  EXPECT_EQ(main.nodes[0].elevation_delta_cm, -30);
  ASSERT_EQ(main.connects_to.size(), 1u);
  const LaneConnection& c = main.connects_to[0];
  EXPECT_EQ(c.lane, 12);
  EXPECT_EQ(c.maneuvers, ManeuverSet{2});
  EXPECT_EQ(c.remote_intersection, (IntersectionRef{std::nullopt, 11}));
  EXPECT_EQ(c.signal_group, 4);
  EXPECT_EQ(c.user_class, 2);
  EXPECT_EQ(c.connection_id, 9);
  EXPECT_EQ(main.overlays, (std::vector<int>{7, 8}));

  const Lane& crossing = in.lanes[1];
  EXPECT_EQ(crossing.id, 2);
  EXPECT_EQ(crossing.egress_approach, 3);
  EXPECT_TRUE(crossing.egress_path);
  EXPECT_EQ(crossing.type, LaneType::kCrosswalk);
  EXPECT_EQ(crossing.type_attributes, 1 << 5) << "hasPushToWalkButton";
  ASSERT_EQ(crossing.nodes.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    const geo::LatLon moved = offset_position(main.nodes[i].position, {300, -20000});
    EXPECT_LT(geo::distance_m(crossing.nodes[i].position, moved), 0.01) << i;
  }
}

TEST(J2735Extensions, WhatIsReadCanBeWrittenAndReadAgain) {
  for (const auto& bytes : {testing::spat_with_everything(), testing::map_with_everything()}) {
    const SignalMessage first = decode_j2735_uper(bytes, kReference);
    const std::vector<std::uint8_t> again =
        std::visit([](const auto& m) { return encode_j2735_uper(m); }, first);
    const SignalMessage second = decode_j2735_uper(again, kReference);
    EXPECT_EQ(std::visit([](const auto& m) { return encode_j2735_uper(m); }, second), again);
  }
}

}  // namespace
}  // namespace codriver::signals
