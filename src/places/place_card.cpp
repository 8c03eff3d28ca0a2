#include "places/place_card.h"

#include <cstdio>

#include "places/cuisine.h"
#include "places/parking_availability.h"
#include "places/place_filter.h"
#include "places/place_names.h"

namespace codriver::places {

namespace {

using nlohmann::json;
using routing::Language;

json optional_json(const auto& value) { return value ? json(*value) : json(nullptr); }

json components_json(const RankedPlace& place) {
  json components = json::array();
  for (const auto& c : place.components) {
    components.push_back({{"key", c.key},
                          {"value", c.value},
                          {"goodness", c.goodness},
                          {"weight", c.weight},
                          {"why_en", c.why_en},
                          {"why_zh", c.why_zh}});
  }
  return components;
}

json availability_json(const RankedPlace& place) {
  if (!place.availability) return nullptr;
  const auto& reading = *place.availability;
  return {{"free", reading.status.free},
          {"total", optional_json(reading.status.total)},
          {"closed", reading.status.closed},
          {"observed_at", feeds::format_rfc3339(reading.status.observed_at)},
          {"age_s", reading.age_s},
          {"stale", reading.stale}};
}

void add_category_details(json& out, const map::Place& p, Language language) {
  if (!p.cuisine.empty()) out["cuisine"] = cuisine_label(p.cuisine, language);
  if (p.category == map::PlaceCategory::kParking) {
    out["parking_type"] = p.parking_type;
    out["fee"] = optional_json(p.fee);
    out["covered"] = optional_json(p.covered);
    out["capacity"] = optional_json(p.capacity);
    out["maxheight_m"] = optional_json(p.maxheight_m);
    out["lot_id"] = lot_id(p);
  }
  if (p.category == map::PlaceCategory::kChargingStation) {
    out["sockets"] = socket_types(p);
    out["max_power_kw"] = optional_json(p.max_power_kw);
    out["capacity"] = optional_json(p.capacity);
  }
}

}  // namespace

json place_json(const RankedPlace& place, Language language) {
  const map::Place& p = place.stored.place;
  json out = {{"id", place.stored.id},
              {"osm", std::string(1, p.osm_type) + std::to_string(p.osm_id)},
              {"name", display_name(p, language)},
              {"name_local", p.name},
              {"name_zh", p.name_zh},
              {"name_en", p.name_en},
              {"category", map::category_name(p.category)},
              {"lat", p.position.lat},
              {"lon", p.position.lon},
              {"distance_m", place.distance_m},
              {"open_now", optional_json(place.open.open)},
              {"opening_hours", p.opening_hours},
              {"score", place.score},
              {"why", place.why(language)},
              {"components", components_json(place)}};
  if (place.walk_m) out["walk_m"] = *place.walk_m;
  if (place.detour_s) {
    out["detour_s"] = *place.detour_s;
    out["detour_m"] = optional_json(place.detour_m);
    out["route_position_m"] = place.route_position_m;
  }
  if (place.availability) out["availability"] = availability_json(place);
  add_category_details(out, p, language);
  return out;
}

std::string place_line(const RankedPlace& place, Language language) {
  std::string line = display_name(place.stored.place, language);
  const char* separator = language == Language::kChinese ? "：" : ": ";
  const char* comma = language == Language::kChinese ? "，" : ", ";
  bool first = true;
  for (const std::string& reason : place.why(language)) {
    line += first ? separator : comma;
    line += reason;
    first = false;
  }
  return line;
}

}  // namespace codriver::places
