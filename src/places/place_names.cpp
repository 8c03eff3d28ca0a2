#include "places/place_names.h"

namespace codriver::places {

std::string category_label(map::PlaceCategory category, routing::Language language) {
  const bool zh = language == routing::Language::kChinese;
  switch (category) {
    case map::PlaceCategory::kRestaurant:
      return zh ? "餐厅" : "restaurant";
    case map::PlaceCategory::kCafe:
      return zh ? "咖啡馆" : "café";
    case map::PlaceCategory::kFastFood:
      return zh ? "快餐店" : "fast-food place";
    case map::PlaceCategory::kFoodCourt:
      return zh ? "美食广场" : "food court";
    case map::PlaceCategory::kParking:
      return zh ? "停车场" : "car park";
    case map::PlaceCategory::kChargingStation:
      return zh ? "充电站" : "charging station";
    case map::PlaceCategory::kFuel:
      return zh ? "加油站" : "petrol station";
  }
  return zh ? "地点" : "place";
}

std::string display_name(const map::Place& place, routing::Language language) {
  const bool zh = language == routing::Language::kChinese;
  const std::string& preferred = zh ? place.name_zh : place.name_en;
  if (!preferred.empty()) return preferred;
  if (!place.name.empty()) return place.name;
  if (!place.brand.empty()) return place.brand;
  const std::string category = category_label(place.category, language);
  return zh ? "无名" + category : "unnamed " + category;
}

}  // namespace codriver::places
