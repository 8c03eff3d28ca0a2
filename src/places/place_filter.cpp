#include "places/place_filter.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace codriver::places {

namespace {

std::string lower_compact(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (c == ' ' || c == '-' || c == '/' || c == '_') continue;
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::optional<std::string> check_category(const map::Place& place, const PlaceFilter& filter) {
  if (filter.categories.empty()) return std::nullopt;
  const bool listed = std::find(filter.categories.begin(), filter.categories.end(),
                                place.category) != filter.categories.end();
  if (listed) return std::nullopt;
  return "is a " + std::string(map::category_name(place.category));
}

std::optional<std::string> check_food(const map::Place& place, const PlaceFilter& filter) {
  if (filter.cuisine != nullptr && !serves(place.cuisine, place.tags_json, *filter.cuisine)) {
    return "does not serve " + std::string(filter.cuisine->label_en);
  }
  const auto level = price_level(place);
  if (filter.max_price_level && level && *level > *filter.max_price_level) {
    return "price level " + std::to_string(*level) + " is above " +
           std::to_string(*filter.max_price_level);
  }
  return std::nullopt;
}

std::optional<std::string> check_parking(const map::Place& place, const PlaceFilter& filter) {
  if (!filter.parking_types.empty() && !place.parking_type.empty() &&
      !contains(filter.parking_types, place.parking_type)) {
    return "is " + place.parking_type + " parking";
  }
  if (filter.covered && place.covered && *place.covered != *filter.covered) {
    return *place.covered ? "is covered" : "is not covered";
  }
  if (filter.free_only && place.fee.value_or(false)) return "charges a fee";
  if (filter.car_height_m && place.maxheight_m && *place.maxheight_m < *filter.car_height_m) {
    char text[64];
    std::snprintf(text, sizeof text, "has a %.1f m height limit", *place.maxheight_m);
    return std::string(text);
  }
  return std::nullopt;
}

std::optional<std::string> check_access(const map::Place& place, const PlaceFilter& filter) {
  if (filter.include_private) return std::nullopt;
  if (place.access == "private" || place.access == "no") return "is private";
  return std::nullopt;
}

std::optional<std::string> check_charging(const map::Place& place, const PlaceFilter& filter) {
  if (place.category != map::PlaceCategory::kChargingStation) return std::nullopt;
  if (!filter.socket_types.empty()) {
    const auto sockets = socket_types(place);
    const bool any = std::any_of(filter.socket_types.begin(), filter.socket_types.end(),
                                 [&](const std::string& s) { return contains(sockets, s); });
    if (!sockets.empty() && !any) return "has no matching socket";
  }
  if (filter.min_power_kw && place.max_power_kw && *place.max_power_kw < *filter.min_power_kw) {
    return "charges at most " + std::to_string(static_cast<int>(*place.max_power_kw)) + " kW";
  }
  return std::nullopt;
}

std::optional<int> price_from_text(std::string value) {
  value = lower_compact(value);
  if (value.empty()) return std::nullopt;
  // "$$", "€€€" or "¥¥": the count of one repeated currency sign is the level.
  for (const std::string_view sign : {"$", "€", "¥", "£"}) {
    std::size_t count = 0;
    while ((count + 1) * sign.size() <= value.size() &&
           std::string_view(value).substr(count * sign.size(), sign.size()) == sign) {
      ++count;
    }
    if (count >= 1 && count <= 4 && count * sign.size() == value.size()) {
      return static_cast<int>(count);
    }
  }
  if (value.size() == 1 && value[0] >= '1' && value[0] <= '4') return value[0] - '0';
  if (value == "cheap" || value == "inexpensive" || value == "low") return 1;
  if (value == "moderate" || value == "medium") return 2;
  if (value == "expensive" || value == "high") return 3;
  if (value == "luxury" || value == "veryexpensive") return 4;
  return std::nullopt;
}

}  // namespace

std::optional<int> price_level(const map::Place& place) {
  if (place.tags_json.find("price") == std::string::npos) return std::nullopt;
  const auto tags = nlohmann::json::parse(place.tags_json, nullptr, false);
  if (!tags.is_object()) return std::nullopt;
  for (const char* key : {"price_level", "price:range", "price_range", "price"}) {
    const auto found = tags.find(key);
    if (found != tags.end() && found->is_string()) {
      if (const auto level = price_from_text(found->get<std::string>())) return level;
    }
  }
  return std::nullopt;
}

std::string normalise_socket(std::string_view word) {
  const std::string w = lower_compact(word);
  if (w == "ccs" || w == "ccs2" || w == "combo" || w == "combo2" || w == "type2combo") return "ccs";
  if (w == "ccs1" || w == "combo1" || w == "type1combo") return "ccs1";
  if (w == "type2" || w == "mennekes" || w == "type2cable" || w == "iec62196") return "type2";
  if (w == "type1" || w == "j1772") return "type1";
  if (w == "chademo") return "chademo";
  if (w == "gbdc" || w == "gbt" || w == "gb" || w == "国标" || w == "国标直流") return "gb_dc";
  if (w == "gbac" || w == "国标交流") return "gb_ac";
  if (w == "tesla" || w == "nacs" || w == "teslasupercharger" || w == "tesladestination") {
    return "nacs";
  }
  if (w == "schuko" || w == "domestic" || w == "typef") return "schuko";
  return "";
}

std::vector<std::string> socket_types(const map::Place& place) {
  std::vector<std::string> types;
  const auto sockets = nlohmann::json::parse(place.sockets_json, nullptr, false);
  if (!sockets.is_object()) return types;
  for (const auto& [key, value] : sockets.items()) {
    std::string type = normalise_socket(key);
    if (type.empty()) type = key;
    if (!contains(types, type)) types.push_back(type);
  }
  return types;
}

std::optional<std::string> rejection(const map::Place& place, const PlaceFilter& filter) {
  for (const auto check :
       {check_category, check_food, check_parking, check_access, check_charging}) {
    if (auto reason = check(place, filter)) return reason;
  }
  return std::nullopt;
}

std::vector<map::PlaceCategory> categories_from_list(const std::string& list) {
  std::vector<map::PlaceCategory> categories;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t end = std::min(list.find(',', start), list.size());
    const std::string word = list.substr(start, end - start);
    if (word == "food") {
      categories.insert(categories.end(),
                        {map::PlaceCategory::kRestaurant, map::PlaceCategory::kFastFood,
                         map::PlaceCategory::kFoodCourt, map::PlaceCategory::kCafe});
    } else if (const auto category = map::category_from_name(word)) {
      categories.push_back(*category);
    } else {
      throw std::invalid_argument("unknown category '" + word +
                                  "': use restaurant, cafe, fast_food, food_court, food, parking, "
                                  "charging_station or fuel");
    }
    start = end + 1;
  }
  return categories;
}

}  // namespace codriver::places
