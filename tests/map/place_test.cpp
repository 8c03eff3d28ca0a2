#include "map/place.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace codriver::map {
namespace {

TEST(Place, CategoriesComeFromAmenity) {
  EXPECT_EQ(place_category({{"amenity", "restaurant"}}), PlaceCategory::kRestaurant);
  EXPECT_EQ(place_category({{"amenity", "charging_station"}}), PlaceCategory::kChargingStation);
  EXPECT_EQ(place_category({{"amenity", "parking"}}), PlaceCategory::kParking);
  EXPECT_FALSE(place_category({{"amenity", "bench"}}));
  EXPECT_FALSE(place_category({{"shop", "bakery"}}));
  for (int i = 0; i < kPlaceCategoryCount; ++i) {
    const auto category = static_cast<PlaceCategory>(i);
    EXPECT_EQ(category_from_name(category_name(category)), category);
  }
}

TEST(Place, RestaurantFieldsAndBilingualNames) {
  const Place place =
      place_from_tags(PlaceCategory::kRestaurant, {{"amenity", "restaurant"},
                                                   {"name", "鼎泰豐"},
                                                   {"name:zh", "鼎泰豐"},
                                                   {"name:en", "Din Tai Fung"},
                                                   {"cuisine", "chinese;dumplings"},
                                                   {"opening_hours", "Mo-Su 11:00-21:00"},
                                                   {"contact:phone", "+886 2 1234 5678"},
                                                   {"addr:street", "信義路"},
                                                   {"addr:housenumber", "194"}});
  EXPECT_EQ(place.name_en, "Din Tai Fung");
  EXPECT_EQ(place.name_zh, "鼎泰豐");
  EXPECT_EQ(place.cuisine, "chinese;dumplings");
  EXPECT_EQ(place.opening_hours, "Mo-Su 11:00-21:00");
  EXPECT_EQ(place.phone, "+886 2 1234 5678");
  EXPECT_EQ(place.address, "194 信義路");
  EXPECT_EQ(nlohmann::json::parse(place.tags_json)["cuisine"], "chinese;dumplings");
}

TEST(Place, ParkingFields) {
  const Place place = place_from_tags(PlaceCategory::kParking, {{"amenity", "parking"},
                                                                {"parking", "underground"},
                                                                {"fee", "yes"},
                                                                {"capacity", "450"},
                                                                {"maxheight", "2.1"},
                                                                {"covered", "yes"},
                                                                {"access", "customers"}});
  EXPECT_EQ(place.parking_type, "underground");
  EXPECT_EQ(place.fee, true);
  EXPECT_EQ(place.capacity, 450);
  EXPECT_DOUBLE_EQ(place.maxheight_m.value(), 2.1);
  EXPECT_EQ(place.covered, true);
  EXPECT_EQ(place.access, "customers");
  const Place unknown =
      place_from_tags(PlaceCategory::kParking, {{"amenity", "parking"}, {"capacity", "lots"}});
  EXPECT_FALSE(unknown.fee.has_value()) << "an untagged fee is unknown, not free";
  EXPECT_FALSE(unknown.capacity.has_value());
}

TEST(Place, ChargingSocketsAndPower) {
  const Place place =
      place_from_tags(PlaceCategory::kChargingStation, {{"amenity", "charging_station"},
                                                        {"socket:type2", "2"},
                                                        {"socket:type2:output", "22 kW"},
                                                        {"socket:gb_dc", "1"},
                                                        {"socket:gb_dc:output", "120kW"},
                                                        {"capacity", "3"},
                                                        {"operator", "State Grid"}});
  const auto sockets = nlohmann::json::parse(place.sockets_json);
  EXPECT_EQ(sockets["type2"]["count"], 2);
  EXPECT_DOUBLE_EQ(sockets["type2"]["output_kw"].get<double>(), 22.0);
  EXPECT_EQ(sockets["gb_dc"]["count"], 1);
  EXPECT_DOUBLE_EQ(place.max_power_kw.value(), 120.0);
  EXPECT_EQ(place.capacity, 3);
  EXPECT_EQ(place.operator_name, "State Grid");
}

TEST(Place, HeightAndPowerParsing) {
  EXPECT_DOUBLE_EQ(parse_height_m("2.3 m").value(), 2.3);
  EXPECT_NEAR(parse_height_m("7'6\"").value(), 2.286, 1e-9);
  EXPECT_NEAR(parse_height_m("7 ft").value(), 2.1336, 1e-9);
  EXPECT_FALSE(parse_height_m("default"));
  EXPECT_FALSE(parse_height_m("none"));
  EXPECT_FALSE(parse_height_m("-2"));
  EXPECT_DOUBLE_EQ(parse_power_kw("50000 W").value(), 50.0);
  EXPECT_DOUBLE_EQ(parse_power_kw("7.4").value(), 7.4);
  EXPECT_FALSE(parse_power_kw("fast"));
}

TEST(Place, CleanTextKeepsUnicodeAndDropsControls) {
  EXPECT_EQ(clean_text("Café de Paris 巴黎咖啡馆"), "Café de Paris 巴黎咖啡馆");
  EXPECT_EQ(clean_text("evil\x1b[31mred\x07"), "evil[31mred");
  EXPECT_EQ(clean_text("tab\there"), "tab here");
  EXPECT_EQ(clean_text("bad\xff\xfe utf8"), "bad\xEF\xBF\xBD\xEF\xBF\xBD utf8");
  EXPECT_EQ(clean_text("overlong \xC0\xAF"), "overlong \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(clean_text("surrogate \xED\xA0\x80"), "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(clean_text("truncated \xE4\xB8"), "truncated \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(clean_text("c1 \xC2\x85 control"), "c1  control");
  EXPECT_EQ(clean_text("emoji 🚗"), "emoji 🚗");
  EXPECT_EQ(clean_text("abc\u202Egnp.exe\u2066x"), "abcgnp.exex");
}

TEST(Place, HostileNamesSurviveIntoJson) {
  const Place place = place_from_tags(
      PlaceCategory::kRestaurant,
      {{"amenity", "restaurant"}, {"name", "'); DROP TABLE places;--\"<script>\xff"}});
  EXPECT_EQ(place.name, "'); DROP TABLE places;--\"<script>\xEF\xBF\xBD");
  EXPECT_NO_THROW(nlohmann::json::parse(place.tags_json));
}

}  // namespace
}  // namespace codriver::map
