#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/latlon.h"
#include "map/osm_tags.h"

namespace codriver::map {

enum class PlaceCategory : std::uint8_t {
  kRestaurant,
  kCafe,
  kFastFood,
  kFoodCourt,
  kParking,
  kChargingStation,
  kFuel,
};
inline constexpr int kPlaceCategoryCount = 7;

std::string_view category_name(PlaceCategory category);  // "restaurant", "charging_station", ...
std::optional<PlaceCategory> category_from_name(std::string_view name);

// A point of interest as stored in the bundle's places.sqlite. Text is valid
// UTF-8 with control characters removed; everything else of the OSM object stays
// available in `tags_json`.
struct Place {
  char osm_type = 'n';  // 'n', 'w' or 'r'
  std::int64_t osm_id = 0;
  PlaceCategory category = PlaceCategory::kRestaurant;
  geo::LatLon position;                 // the node, or the centroid of a way or area
  std::optional<geo::LatLon> entrance;  // a tagged entrance of the way or area

  std::string name, name_zh, name_en, brand, operator_name;
  std::string cuisine, opening_hours, phone, website, address;

  // Parking.
  std::string parking_type;  // surface, multi-storey, underground, street_side, ...
  std::optional<bool> fee;
  std::optional<bool> covered;
  std::optional<int> capacity;  // also charging points for a charging station
  std::string access;
  std::optional<double> maxheight_m;

  // Charging.
  std::string sockets_json;  // {"type2": {"count": 2, "output_kw": 22}, ...}
  std::optional<double> max_power_kw;

  std::string tags_json;
};

// The category a set of tags makes, or nullopt when the object is no place of ours.
std::optional<PlaceCategory> place_category(const OsmTags& tags);

// Fills everything but osm_type/osm_id/position/entrance from the tags.
Place place_from_tags(PlaceCategory category, const OsmTags& tags);

// "2.3", "2.3 m", "7'6\"", "7 ft" -> metres; nullopt for "default", "none", garbage.
std::optional<double> parse_height_m(std::string_view value);
// "22 kW", "22kW", "7.4", "50000 W" -> kW.
std::optional<double> parse_power_kw(std::string_view value);

// Valid UTF-8 with control characters dropped and invalid bytes replaced by U+FFFD,
// so no hostile or broken name can break JSON, a terminal or a screen.
std::string clean_text(std::string_view text);

}  // namespace codriver::map
