#include "map/road_profile.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "map/maxspeed.h"

namespace codriver::map {

namespace {

using format::RoadClass;

struct ClassInfo {
  std::string_view highway;
  RoadClass road_class;
  double default_kmh;  // typical free-flow speed, close to OSRM's car profile
};

constexpr std::array kClasses = {
    ClassInfo{"motorway", RoadClass::kMotorway, 90},
    ClassInfo{"motorway_link", RoadClass::kMotorwayLink, 45},
    ClassInfo{"trunk", RoadClass::kTrunk, 85},
    ClassInfo{"trunk_link", RoadClass::kTrunkLink, 40},
    ClassInfo{"primary", RoadClass::kPrimary, 65},
    ClassInfo{"primary_link", RoadClass::kPrimaryLink, 30},
    ClassInfo{"secondary", RoadClass::kSecondary, 55},
    ClassInfo{"secondary_link", RoadClass::kSecondaryLink, 25},
    ClassInfo{"tertiary", RoadClass::kTertiary, 40},
    ClassInfo{"tertiary_link", RoadClass::kTertiaryLink, 20},
    ClassInfo{"unclassified", RoadClass::kUnclassified, 25},
    ClassInfo{"residential", RoadClass::kResidential, 25},
    ClassInfo{"living_street", RoadClass::kLivingStreet, 10},
    ClassInfo{"service", RoadClass::kService, 15},
    ClassInfo{"track", RoadClass::kTrack, 10},
};
static_assert(kClasses.size() == static_cast<std::size_t>(RoadClass::kCount));

constexpr double kMaxStoredKmh = 250.0;  // fits EdgeRecord::speed_kmh

bool refuses_cars(std::string_view value) {
  constexpr std::array kRefusals = {"no",       "agricultural", "forestry", "emergency",
                                    "psv",      "bus",          "military", "use_sidepath",
                                    "disabled", "delivery_only"};
  return std::find(kRefusals.begin(), kRefusals.end(), value) != kRefusals.end();
}

// nullopt for refusals; values nobody documented count as open, not closed.
std::optional<format::Access> access_value(std::string_view value) {
  if (refuses_cars(value)) return std::nullopt;
  if (value == "destination" || value == "delivery" || value == "customers") {
    return format::Access::kDestination;
  }
  if (value == "private" || value == "permit") return format::Access::kPrivate;
  return format::Access::kYes;
}

DirectionalSpeed speed_for(const OsmTags& tags, std::string_view directional_key, double fallback) {
  std::string_view value = tags.get(directional_key);
  if (value.empty()) value = tags.get("maxspeed");
  Maxspeed parsed = parse_maxspeed(value);
  if (parsed.kind == Maxspeed::Kind::kUnknown) {
    parsed = parse_maxspeed(tags.first_of({"maxspeed:type", "source:maxspeed", "zone:maxspeed"}));
  }
  if (parsed.kind == Maxspeed::Kind::kLimit) {
    return {std::clamp(parsed.kmh, 1.0, kMaxStoredKmh), true};
  }
  return {fallback, false};
}

void apply_oneway(const OsmTags& tags, RoadClass road_class, CarRoad& road) {
  const std::string_view junction = tags.get("junction");
  road.roundabout = junction == "roundabout" || junction == "circular";
  const std::string_view oneway = tags.get("oneway");
  const bool implied = road.roundabout || road_class == RoadClass::kMotorway ||
                       road_class == RoadClass::kMotorwayLink;
  if (oneway == "-1" || oneway == "reverse") {
    road.forward = false;
  } else if (is_yes(oneway) || (implied && !is_no(oneway))) {
    road.backward = false;
  }
}

std::uint8_t lanes_of(const OsmTags& tags) {
  const std::string_view value = tags.get("lanes");
  unsigned lanes = 0;
  std::from_chars(value.data(), value.data() + value.size(), lanes);
  return static_cast<std::uint8_t>(std::min(lanes, 255u));
}

}  // namespace

std::optional<RoadClass> road_class_of(std::string_view highway) {
  for (const ClassInfo& info : kClasses) {
    if (info.highway == highway) return info.road_class;
  }
  return std::nullopt;
}

double default_speed_kmh(RoadClass road_class) {
  return kClasses[static_cast<std::size_t>(road_class)].default_kmh;
}

std::string_view road_class_name(RoadClass road_class) {
  return kClasses[static_cast<std::size_t>(road_class)].highway;
}

std::optional<format::Access> car_access(const OsmTags& tags) {
  // The most specific key present decides: access < vehicle < motor_vehicle < motorcar.
  for (std::string_view key : {"motorcar", "motor_vehicle", "vehicle", "access"}) {
    const std::string_view value = tags.get(key);
    if (!value.empty()) return access_value(value);
  }
  return format::Access::kYes;
}

RoadDecision classify_car_road(const OsmTags& tags) {
  const auto road_class = road_class_of(tags.get("highway"));
  if (!road_class || tags.has("area", "yes")) return {std::nullopt, RoadRejection::kNotARoad};
  const auto access = car_access(tags);
  if (!access) return {std::nullopt, RoadRejection::kNoCarAccess};
  // Tracks are for farm and forest vehicles unless cars are explicitly let in.
  if (*road_class == RoadClass::kTrack &&
      tags.first_of({"motorcar", "motor_vehicle", "vehicle"}).empty()) {
    return {std::nullopt, RoadRejection::kNotARoad};
  }
  const std::string_view oneway = tags.get("oneway");
  if (oneway == "reversible" || oneway == "alternating") {
    return {std::nullopt, RoadRejection::kTimeDependentOneway};
  }

  CarRoad road;
  road.road_class = *road_class;
  road.access = *access;
  apply_oneway(tags, *road_class, road);
  const double fallback = default_speed_kmh(*road_class);
  road.speed_forward = speed_for(tags, "maxspeed:forward", fallback);
  road.speed_backward = speed_for(tags, "maxspeed:backward", fallback);
  road.toll = is_yes(tags.get("toll"));
  road.tunnel = !tags.get("tunnel").empty() && !is_no(tags.get("tunnel"));
  road.bridge = !tags.get("bridge").empty() && !is_no(tags.get("bridge"));
  road.lanes = lanes_of(tags);
  return {road, RoadRejection::kNone};
}

}  // namespace codriver::map
