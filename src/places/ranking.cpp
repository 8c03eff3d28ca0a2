#include "places/ranking.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "places/place_filter.h"

namespace codriver::places {

namespace {

using routing::format_distance;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

void add(RankedPlace& place, std::string key, double value, double goodness, double weight,
         std::string why_en, std::string why_zh) {
  if (weight <= 0) return;
  place.components.push_back({std::move(key), value, std::clamp(goodness, 0.0, 1.0), weight,
                              std::move(why_en), std::move(why_zh)});
}

// 1 at zero, 1/2 at `scale`, falling smoothly: a hyperbola rather than an exponential,
// so a far place is worse than a near one but never worthless.
double closeness(double amount, double scale) {
  return scale > 0 ? 1.0 / (1.0 + std::max(0.0, amount) / scale) : 0.0;
}

void add_location(RankedPlace& place, const RankingWeights& weights, double scale_m) {
  if (place.detour_s) {
    // Under half a minute is no detour a driver would notice.
    const bool on_the_way = *place.detour_s < 30;
    add(place, "detour", *place.detour_s, closeness(*place.detour_s, 300.0), weights.detour,
        on_the_way ? "on the way" : minutes_text(*place.detour_s, Language::kEnglish) + " detour",
        on_the_way ? "顺路" : "绕行" + minutes_text(*place.detour_s, Language::kChinese));
    return;
  }
  if (place.walk_m) {
    add(place, "walk", *place.walk_m, closeness(*place.walk_m, scale_m), weights.distance,
        format_distance(*place.walk_m, Language::kEnglish) + " walk to your destination",
        "步行" + format_distance(*place.walk_m, Language::kChinese) + "到目的地");
    return;
  }
  add(place, "distance", place.distance_m, closeness(place.distance_m, scale_m), weights.distance,
      format_distance(place.distance_m, Language::kEnglish) + " away",
      "距离" + format_distance(place.distance_m, Language::kChinese));
}

void add_open(RankedPlace& place, const RankingWeights& weights) {
  if (place.stored.place.category == map::PlaceCategory::kParking && !place.open.open) return;
  const auto& open = place.open;
  const double goodness = !open.open ? 0.5 : (*open.open ? 1.0 : 0.0);
  std::string en = open.detail_en, zh = open.detail_zh;
  if (en.empty()) en = !open.open ? "opening hours unknown" : (*open.open ? "open" : "closed");
  if (zh.empty()) zh = !open.open ? "营业时间未知" : (*open.open ? "营业中" : "已打烊");
  add(place, "open", open.open ? (*open.open ? 1 : 0) : 0.5, goodness, weights.open, en, zh);
}

void add_price(RankedPlace& place, const Preferences& preferences) {
  const auto level = price_level(place.stored.place);
  if (!level) return;
  const double weight = preferences.weights.price * (preferences.prefer_cheap ? 2.0 : 1.0);
  static const char* en[] = {"", "inexpensive", "moderately priced", "expensive", "very expensive"};
  static const char* zh[] = {"", "价格实惠", "价格适中", "价格较高", "价格昂贵"};
  add(place, "price", *level, (4.0 - *level) / 3.0, weight, en[*level], zh[*level]);
}

void add_rating(RankedPlace& place, const RankingWeights& weights) {
  // OSM has no ratings; hotels' `stars` is the one rating-like tag some places carry.
  const std::string& tags = place.stored.place.tags_json;
  const auto at = tags.find("\"stars\":\"");
  if (at == std::string::npos) return;
  const int stars = tags[at + 9] - '0';
  if (stars < 1 || stars > 5) return;
  add(place, "rating", stars, stars / 5.0, weights.rating,
      std::to_string(stars) + "-star", std::to_string(stars) + "星");
}

void add_preference(RankedPlace& place, const Preferences& preferences) {
  const map::Place& p = place.stored.place;
  const double weight = preferences.weights.preference;
  for (const std::string& key : preferences.liked_cuisines) {
    const Cuisine* cuisine = find_cuisine(key);
    if (cuisine != nullptr && serves(p.cuisine, p.tags_json, *cuisine)) {
      add(place, "preference", 1, 1.0, weight, std::string(cuisine->label_en) + ", which you like",
          "有您喜欢的" + std::string(cuisine->label_zh));
      return;
    }
  }
  for (const std::string& key : preferences.disliked_cuisines) {
    const Cuisine* cuisine = find_cuisine(key);
    if (cuisine != nullptr && serves(p.cuisine, p.tags_json, *cuisine)) {
      add(place, "preference", -1, 0.0, weight,
          std::string(cuisine->label_en) + ", which you avoid",
          "是您不喜欢的" + std::string(cuisine->label_zh));
      return;
    }
  }
  for (const std::string& brand : preferences.liked_brands) {
    if (!p.brand.empty() && lower(p.brand) == lower(brand)) {
      add(place, "preference", 1, 1.0, weight, p.brand + ", a brand you like",
          "您常去的" + p.brand);
      return;
    }
  }
}

std::string count_text(int count) { return std::to_string(count); }

void add_availability(RankedPlace& place, const RankingWeights& weights) {
  if (!place.availability) return;
  const LotReading& reading = *place.availability;
  const LotStatus& status = reading.status;
  if (status.closed) {
    add(place, "availability", 0, 0.0, weights.availability, "closed now (live)", "目前关闭（实时）");
    return;
  }
  // Free spaces matter little beyond a handful; an old count is worth less and is said as old.
  double goodness = 1.0 - std::exp(-status.free / 8.0);
  std::string en = count_text(status.free) + " free spaces";
  std::string zh = "空余" + count_text(status.free) + "个车位";
  if (reading.stale) {
    goodness = 0.5 + (goodness - 0.5) * 0.3;
    en += ", as of " + minutes_text(reading.age_s, Language::kEnglish) + " ago";
    zh += "（" + minutes_text(reading.age_s, Language::kChinese) + "前的数据）";
  } else {
    en += " (live)";
    zh += "（实时）";
  }
  add(place, "availability", status.free, goodness, weights.availability, en, zh);
}

void add_parking_traits(RankedPlace& place, const Preferences& preferences) {
  const map::Place& p = place.stored.place;
  if (p.category != map::PlaceCategory::kParking) return;
  const bool sheltered = p.covered.value_or(false) || p.parking_type == "multi-storey" ||
                         p.parking_type == "underground";
  if (!p.parking_type.empty() || p.covered) {
    const double weight =
        preferences.weights.parking_type * (preferences.prefer_covered_parking ? 3.0 : 1.0);
    add(place, "parking_type", sheltered ? 1 : 0, sheltered ? 1.0 : 0.4, weight,
        sheltered ? "covered" : (p.parking_type.empty() ? "open air" : p.parking_type),
        sheltered ? "有遮挡" : "露天");
  }
  if (p.fee) {
    add(place, "price", *p.fee ? 1 : 0, *p.fee ? 0.3 : 1.0,
        preferences.weights.price * (preferences.prefer_cheap ? 2.0 : 1.0),
        *p.fee ? "paid" : "free", *p.fee ? "收费" : "免费");
  }
  if (p.capacity && !place.availability) {
    add(place, "capacity", *p.capacity, 1.0 - std::exp(-*p.capacity / 100.0),
        preferences.weights.capacity, count_text(*p.capacity) + " spaces",
        count_text(*p.capacity) + "个车位");
  }
}

void add_power(RankedPlace& place, const RankingWeights& weights) {
  const map::Place& p = place.stored.place;
  if (p.category != map::PlaceCategory::kChargingStation || !p.max_power_kw) return;
  const double kw = *p.max_power_kw;
  char text[32];
  std::snprintf(text, sizeof text, "%.0f kW", kw);
  add(place, "power", kw, std::min(1.0, kw / 150.0), weights.power,
      std::string("up to ") + text, std::string("最大") + text);
}

}  // namespace

std::string minutes_text(double seconds, Language language) {
  const long minutes = seconds <= 0 ? 0 : std::max(1L, std::lround(seconds / 60.0));
  if (minutes >= 120) {
    const long hours = std::lround(minutes / 60.0);
    return std::to_string(hours) + (language == Language::kChinese ? "小时" : " h");
  }
  return std::to_string(minutes) + (language == Language::kChinese ? "分钟" : " min");
}

void score_place(RankedPlace& place, const Preferences& preferences, double scale_m) {
  place.components.clear();
  const RankingWeights& weights = preferences.weights;
  add_location(place, weights, scale_m);
  add_open(place, weights);
  add_rating(place, weights);
  if (place.stored.place.category != map::PlaceCategory::kParking) add_price(place, preferences);
  add_preference(place, preferences);
  add_availability(place, weights);
  add_parking_traits(place, preferences);
  add_power(place, weights);
  double total = 0, weight_sum = 0;
  for (const ScoreComponent& component : place.components) {
    total += component.goodness * component.weight;
    weight_sum += component.weight;
  }
  place.score = weight_sum > 0 ? total / weight_sum : 0.0;
}

void sort_by_score(std::vector<RankedPlace>& places) {
  std::stable_sort(places.begin(), places.end(), [](const RankedPlace& a, const RankedPlace& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.distance_m < b.distance_m;
  });
}

std::vector<std::string> RankedPlace::why(Language language) const {
  std::vector<std::string> reasons;
  for (const ScoreComponent& component : components) {
    const std::string& text = language == Language::kChinese ? component.why_zh : component.why_en;
    if (!text.empty()) reasons.push_back(text);
  }
  return reasons;
}

}  // namespace codriver::places
