#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "map/bundle_format.h"
#include "map/osm_tags.h"

// Which OSM ways a car may drive, in which directions, and how fast.
namespace codriver::map {

struct DirectionalSpeed {
  double kmh = 0.0;
  bool from_maxspeed = false;  // false: the road class default
};

struct CarRoad {
  format::RoadClass road_class = format::RoadClass::kResidential;
  bool forward = true;   // drivable in the way's direction
  bool backward = true;  // drivable against it
  DirectionalSpeed speed_forward;
  DirectionalSpeed speed_backward;
  format::Access access = format::Access::kYes;
  bool roundabout = false;
  bool toll = false;
  bool tunnel = false;
  bool bridge = false;
  std::uint8_t lanes = 0;
};

// Why a way with a highway tag is not a car road; kNotARoad for footways and the like.
enum class RoadRejection { kNone, kNotARoad, kNoCarAccess, kTimeDependentOneway };

struct RoadDecision {
  std::optional<CarRoad> road;
  RoadRejection rejection = RoadRejection::kNone;
};

RoadDecision classify_car_road(const OsmTags& tags);

std::optional<format::RoadClass> road_class_of(std::string_view highway);
// The speed a car keeps on a road class when no maxspeed is tagged (km/h).
double default_speed_kmh(format::RoadClass road_class);
std::string_view road_class_name(format::RoadClass road_class);

// The car's access from access/vehicle/motor_vehicle/motorcar, most specific tag
// winning; nullopt when cars may not enter at all.
std::optional<format::Access> car_access(const OsmTags& tags);

}  // namespace codriver::map
