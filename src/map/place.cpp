#include "map/place.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>

namespace codriver::map {

namespace {

constexpr std::array<std::string_view, kPlaceCategoryCount> kCategoryNames = {
    "restaurant", "cafe", "fast_food", "food_court", "parking", "charging_station", "fuel"};

std::optional<double> leading_number(std::string_view text, std::string_view* rest) {
  while (!text.empty() && text.front() == ' ')
    text.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc()) return std::nullopt;
  *rest = std::string_view(end, text.data() + text.size() - end);
  while (!rest->empty() && rest->front() == ' ')
    rest->remove_prefix(1);
  return value;
}

std::optional<bool> yes_no(std::string_view value) {
  if (is_yes(value)) return true;
  if (is_no(value)) return false;
  return std::nullopt;
}

std::optional<int> count_of(std::string_view value) {
  int count = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), count);
  if (error != std::errc() || end != value.data() + value.size() || count < 0) return std::nullopt;
  return count;
}

std::string joined_address(const OsmTags& tags) {
  if (const auto full = tags.get("addr:full"); !full.empty()) return std::string(full);
  std::string address(tags.get("addr:housenumber"));
  const std::string_view street = tags.get("addr:street");
  if (!street.empty()) address += (address.empty() ? "" : " ") + std::string(street);
  return address;
}

// socket:<type>=<count> and socket:<type>:output=<power>, as the charging_station scheme tags them.
void read_sockets(const OsmTags& tags, Place& place) {
  nlohmann::json sockets = nlohmann::json::object();
  for (const auto& [key, value] : tags) {
    if (!key.starts_with("socket:")) continue;
    const std::string_view rest = key.substr(7);
    const std::size_t colon = rest.find(':');
    const std::string type = clean_text(rest.substr(0, colon));
    if (colon == std::string_view::npos) {
      if (const auto count = count_of(value)) sockets[type]["count"] = *count;
    } else if (rest.substr(colon + 1) == "output") {
      if (const auto kw = parse_power_kw(value)) {
        sockets[type]["output_kw"] = *kw;
        place.max_power_kw = std::max(place.max_power_kw.value_or(0.0), *kw);
      }
    }
  }
  if (const auto kw = parse_power_kw(tags.first_of({"charging_station:output", "maxpower"}))) {
    place.max_power_kw = std::max(place.max_power_kw.value_or(0.0), *kw);
  }
  place.sockets_json = sockets.dump();
}

std::string all_tags_json(const OsmTags& tags) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : tags)
    object[clean_text(key)] = clean_text(value);
  return object.dump();
}

std::string text(const OsmTags& tags, std::initializer_list<std::string_view> keys) {
  return clean_text(tags.first_of(keys));
}

}  // namespace

std::string_view category_name(PlaceCategory category) {
  return kCategoryNames[static_cast<std::size_t>(category)];
}

std::optional<PlaceCategory> category_from_name(std::string_view name) {
  const auto it = std::find(kCategoryNames.begin(), kCategoryNames.end(), name);
  if (it == kCategoryNames.end()) return std::nullopt;
  return static_cast<PlaceCategory>(it - kCategoryNames.begin());
}

std::optional<PlaceCategory> place_category(const OsmTags& tags) {
  return category_from_name(tags.get("amenity"));
}

Place place_from_tags(PlaceCategory category, const OsmTags& tags) {
  Place place;
  place.category = category;
  place.name = text(tags, {"name"});
  place.name_zh = clean_text(chinese_name(tags));
  place.name_en = text(tags, {"name:en"});
  place.brand = text(tags, {"brand"});
  place.operator_name = text(tags, {"operator"});
  place.cuisine = text(tags, {"cuisine"});
  place.opening_hours = text(tags, {"opening_hours"});
  place.phone = text(tags, {"phone", "contact:phone"});
  place.website = text(tags, {"website", "contact:website", "url"});
  place.address = clean_text(joined_address(tags));
  place.parking_type = text(tags, {"parking"});
  place.fee = yes_no(tags.get("fee"));
  place.covered = yes_no(tags.get("covered"));
  place.capacity = count_of(tags.get("capacity"));
  place.access = text(tags, {"access"});
  place.maxheight_m = parse_height_m(tags.first_of({"maxheight", "maxheight:physical"}));
  if (category == PlaceCategory::kChargingStation) read_sockets(tags, place);
  place.tags_json = all_tags_json(tags);
  return place;
}

std::optional<double> parse_height_m(std::string_view value) {
  std::string_view rest;
  const auto number = leading_number(value, &rest);
  if (!number || *number <= 0) return std::nullopt;
  if (rest.empty() || rest == "m") return *number;
  if (rest == "ft") return *number * 0.3048;
  if (rest.front() == '\'') {  // 7'6"
    rest.remove_prefix(1);
    std::string_view inches_rest;
    const double inches = leading_number(rest, &inches_rest).value_or(0.0);
    return *number * 0.3048 + inches * 0.0254;
  }
  return std::nullopt;
}

std::optional<double> parse_power_kw(std::string_view value) {
  std::string_view rest;
  const auto number = leading_number(value, &rest);
  if (!number || *number <= 0) return std::nullopt;
  if (rest.empty() || rest == "kW" || rest == "kw" || rest == "KW") return *number;
  if (rest == "W" || rest == "w") return *number / 1000.0;
  if (rest == "MW") return *number * 1000.0;
  return std::nullopt;
}

std::string clean_text(std::string_view input) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(input.size());
  const auto* s = reinterpret_cast<const unsigned char*>(input.data());
  const std::size_t n = input.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      if (c >= 0x20 && c != 0x7F)
        out.push_back(static_cast<char>(c));
      else if (c == '\t' || c == '\n' || c == '\r')
        out.push_back(' ');
      ++i;
      continue;
    }
    // Length and first-continuation bounds of each well-formed UTF-8 lead byte (RFC 3629).
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
      length = 2;
    else if (c >= 0xE0 && c <= 0xEF)
      length = 3, low = c == 0xE0 ? 0xA0 : 0x80, high = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4)
      length = 4, low = c == 0xF0 ? 0x90 : 0x80, high = c == 0xF4 ? 0x8F : 0xBF;
    bool valid = length > 0 && i + length <= n && s[i + 1] >= low && s[i + 1] <= high;
    for (std::size_t k = 2; valid && k < length; ++k)
      valid = (s[i + k] & 0xC0) == 0x80;
    // C1 controls (U+0080..U+009F) are as unprintable as C0 ones, and bidirectional
    // overrides (U+202A..U+202E, U+2066..U+2069) can make a name display as another.
    const bool c1_control = valid && c == 0xC2 && s[i + 1] <= 0x9F;
    const bool bidi_control = valid && c == 0xE2 &&
                              ((s[i + 1] == 0x80 && s[i + 2] >= 0xAA && s[i + 2] <= 0xAE) ||
                               (s[i + 1] == 0x81 && s[i + 2] >= 0xA6 && s[i + 2] <= 0xA9));
    if (!valid) {
      out += kReplacement;
      ++i;
    } else {
      if (!c1_control && !bidi_control) out.append(input.substr(i, length));
      i += length;
    }
  }
  return out;
}

}  // namespace codriver::map
