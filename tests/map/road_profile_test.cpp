#include "map/road_profile.h"

#include <gtest/gtest.h>

namespace codriver::map {
namespace {

using format::Access;
using format::RoadClass;

CarRoad road_of(const OsmTags& tags) {
  const RoadDecision decision = classify_car_road(tags);
  EXPECT_TRUE(decision.road.has_value());
  return decision.road.value_or(CarRoad{});
}

TEST(RoadProfile, ClassDefaultsApplyWithoutMaxspeed) {
  const CarRoad road = road_of({{"highway", "residential"}});
  EXPECT_EQ(road.road_class, RoadClass::kResidential);
  EXPECT_TRUE(road.forward);
  EXPECT_TRUE(road.backward);
  EXPECT_DOUBLE_EQ(road.speed_forward.kmh, default_speed_kmh(RoadClass::kResidential));
  EXPECT_FALSE(road.speed_forward.from_maxspeed);
}

TEST(RoadProfile, TaggedMaxspeedWinsAndCanDifferByDirection) {
  const CarRoad road =
      road_of({{"highway", "primary"}, {"maxspeed", "70"}, {"maxspeed:backward", "30 mph"}});
  EXPECT_DOUBLE_EQ(road.speed_forward.kmh, 70);
  EXPECT_TRUE(road.speed_forward.from_maxspeed);
  EXPECT_NEAR(road.speed_backward.kmh, 48.28, 0.01);
}

TEST(RoadProfile, ZoneTypeTagsFillInAMissingMaxspeed) {
  const CarRoad road = road_of({{"highway", "tertiary"}, {"maxspeed:type", "DE:urban"}});
  EXPECT_DOUBLE_EQ(road.speed_forward.kmh, 50);
  EXPECT_TRUE(road.speed_forward.from_maxspeed);
}

TEST(RoadProfile, OnewayForms) {
  EXPECT_FALSE(road_of({{"highway", "residential"}, {"oneway", "yes"}}).backward);
  EXPECT_FALSE(road_of({{"highway", "residential"}, {"oneway", "1"}}).backward);
  const CarRoad reverse = road_of({{"highway", "residential"}, {"oneway", "-1"}});
  EXPECT_FALSE(reverse.forward);
  EXPECT_TRUE(reverse.backward);
  EXPECT_TRUE(road_of({{"highway", "residential"}, {"oneway", "no"}}).backward);
}

TEST(RoadProfile, RoundaboutsAndMotorwaysAreImpliedOneway) {
  const CarRoad roundabout = road_of({{"highway", "primary"}, {"junction", "roundabout"}});
  EXPECT_TRUE(roundabout.roundabout);
  EXPECT_FALSE(roundabout.backward);
  EXPECT_FALSE(road_of({{"highway", "motorway"}}).backward);
  EXPECT_FALSE(road_of({{"highway", "motorway_link"}}).backward);
  EXPECT_TRUE(road_of({{"highway", "motorway"}, {"oneway", "no"}}).backward);
}

TEST(RoadProfile, ReversibleOnewaysAreRejectedWithAReason) {
  EXPECT_EQ(classify_car_road({{"highway", "primary"}, {"oneway", "reversible"}}).rejection,
            RoadRejection::kTimeDependentOneway);
}

TEST(RoadProfile, AccessHierarchyMostSpecificWins) {
  EXPECT_EQ(road_of({{"highway", "service"}, {"access", "private"}}).access, Access::kPrivate);
  EXPECT_EQ(road_of({{"highway", "service"}, {"access", "destination"}}).access,
            Access::kDestination);
  EXPECT_EQ(road_of({{"highway", "service"}, {"access", "no"}, {"motorcar", "yes"}}).access,
            Access::kYes);
  EXPECT_EQ(classify_car_road({{"highway", "service"}, {"access", "no"}}).rejection,
            RoadRejection::kNoCarAccess);
  EXPECT_EQ(classify_car_road({{"highway", "residential"}, {"motor_vehicle", "no"}}).rejection,
            RoadRejection::kNoCarAccess);
  EXPECT_EQ(road_of({{"highway", "residential"}, {"access", "fancy-unknown"}}).access,
            Access::kYes);
}

TEST(RoadProfile, NonCarWaysAreNotRoads) {
  for (const char* highway : {"footway", "cycleway", "steps", "path", "pedestrian", "construction",
                              "proposed", "bus_stop"}) {
    EXPECT_EQ(classify_car_road({{"highway", highway}}).rejection, RoadRejection::kNotARoad)
        << highway;
  }
  EXPECT_EQ(classify_car_road({{"highway", "track"}}).rejection, RoadRejection::kNotARoad);
  EXPECT_TRUE(classify_car_road({{"highway", "track"}, {"motor_vehicle", "yes"}}).road);
  EXPECT_EQ(classify_car_road({{"highway", "service"}, {"area", "yes"}}).rejection,
            RoadRejection::kNotARoad);
}

TEST(RoadProfile, ExtraAttributes) {
  const CarRoad road = road_of(
      {{"highway", "trunk"}, {"toll", "yes"}, {"tunnel", "yes"}, {"lanes", "3"}, {"bridge", "no"}});
  EXPECT_TRUE(road.toll);
  EXPECT_TRUE(road.tunnel);
  EXPECT_FALSE(road.bridge);
  EXPECT_EQ(road.lanes, 3);
}

}  // namespace
}  // namespace codriver::map
