#include "map/maxspeed.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <string>

namespace codriver::map {

namespace {

constexpr double kKmPerMile = 1.609344;
constexpr double kKmPerNauticalMile = 1.852;
constexpr double kWalkingKmh = 6.0;
constexpr double kNoLimit = -1.0;

struct ZoneLimit {
  std::string_view country;  // "" matches any country
  std::string_view zone;
  double kmh;  // kNoLimit for "no general limit"
};

// Implicit limits by national law, as listed on the OSM wiki's "Default speed
// limits" page; the generic rows at the end catch countries not listed.
constexpr std::array kZoneLimits = {
    ZoneLimit{"CN", "urban", 50},
    ZoneLimit{"CN", "rural", 70},
    ZoneLimit{"CN", "expressway", 120},
    ZoneLimit{"CN", "motorway", 120},
    ZoneLimit{"DE", "urban", 50},
    ZoneLimit{"DE", "rural", 100},
    ZoneLimit{"DE", "motorway", kNoLimit},
    ZoneLimit{"DE", "living_street", kWalkingKmh},
    ZoneLimit{"FR", "urban", 50},
    ZoneLimit{"FR", "rural", 80},
    ZoneLimit{"FR", "motorway", 130},
    ZoneLimit{"IT", "urban", 50},
    ZoneLimit{"IT", "rural", 90},
    ZoneLimit{"IT", "motorway", 130},
    ZoneLimit{"MC", "urban", 50},
    ZoneLimit{"AT", "rural", 100},
    ZoneLimit{"AT", "motorway", 130},
    ZoneLimit{"CH", "rural", 80},
    ZoneLimit{"CH", "motorway", 120},
    ZoneLimit{"RU", "urban", 60},
    ZoneLimit{"RU", "rural", 90},
    ZoneLimit{"RU", "motorway", 110},
    ZoneLimit{"GB", "nsl_single", 60 * kKmPerMile},
    ZoneLimit{"GB", "nsl_dual", 70 * kKmPerMile},
    ZoneLimit{"GB", "motorway", 70 * kKmPerMile},
    ZoneLimit{"UK", "nsl_single", 60 * kKmPerMile},
    ZoneLimit{"UK", "nsl_dual", 70 * kKmPerMile},
    ZoneLimit{"UK", "motorway", 70 * kKmPerMile},
    ZoneLimit{"JP", "urban", 60},
    ZoneLimit{"JP", "rural", 60},
    ZoneLimit{"JP", "motorway", 100},
    ZoneLimit{"TW", "urban", 50},
    ZoneLimit{"TW", "rural", 80},
    ZoneLimit{"SG", "urban", 50},
    ZoneLimit{"", "living_street", 20},
    ZoneLimit{"", "urban", 50},
    ZoneLimit{"", "rural", 90},
    ZoneLimit{"", "trunk", 100},
    ZoneLimit{"", "motorway", 120},
    ZoneLimit{"", "expressway", 120},
    ZoneLimit{"", "walk", kWalkingKmh},
    ZoneLimit{"", "school", 30},
};

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

Maxspeed from_zone_limit(double kmh) {
  return kmh == kNoLimit ? Maxspeed{Maxspeed::Kind::kNoLimit, 0.0} : Maxspeed::limit(kmh);
}

// "DE:zone30", "DE:zone:30", "zone:maxspeed" style numbers inside a zone name.
Maxspeed zone_number(std::string_view zone) {
  const auto digit =
      std::find_if(zone.begin(), zone.end(), [](unsigned char c) { return std::isdigit(c); });
  if (digit == zone.end()) return {};
  double kmh = 0;
  const char* first = zone.data() + (digit - zone.begin());
  const auto [end, error] = std::from_chars(first, zone.data() + zone.size(), kmh);
  if (error != std::errc() || kmh <= 0) return {};
  return Maxspeed::limit(kmh);
}

Maxspeed parse_zone(std::string_view country, std::string_view zone) {
  const std::string country_upper = [&] {
    std::string c(country);
    std::transform(c.begin(), c.end(), c.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    return c;
  }();
  const std::string zone_lower = lowercase(zone);
  for (const ZoneLimit& row : kZoneLimits) {
    if (row.country == country_upper && row.zone == zone_lower) return from_zone_limit(row.kmh);
  }
  if (zone_lower.starts_with("zone")) return zone_number(zone_lower);
  for (const ZoneLimit& row : kZoneLimits) {
    if (row.country.empty() && row.zone == zone_lower) return from_zone_limit(row.kmh);
  }
  return {};
}

Maxspeed parse_number_with_unit(std::string_view text) {
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || number <= 0) return {};
  const std::string unit = lowercase(trim(std::string_view(end, text.data() + text.size() - end)));
  if (unit.empty() || unit == "km/h" || unit == "kmh" || unit == "kph" || unit == "km") {
    return Maxspeed::limit(number);
  }
  if (unit == "mph") return Maxspeed::limit(number * kKmPerMile);
  if (unit == "knots" || unit == "knot" || unit == "kn") {
    return Maxspeed::limit(number * kKmPerNauticalMile);
  }
  return {};
}

Maxspeed parse_single(std::string_view raw) {
  const std::string_view text = trim(raw);
  if (text.empty()) return {};
  const std::string lower = lowercase(text);
  if (lower == "none" || lower == "unlimited") return {Maxspeed::Kind::kNoLimit, 0.0};
  if (lower == "walk") return Maxspeed::limit(kWalkingKmh);
  if (lower == "signals" || lower == "variable") return {};
  if (const auto colon = text.find(':'); colon != std::string_view::npos) {
    return parse_zone(text.substr(0, colon), text.substr(colon + 1));
  }
  return parse_number_with_unit(text);
}

}  // namespace

Maxspeed parse_maxspeed(std::string_view value) {
  Maxspeed best;
  std::size_t start = 0;
  while (start <= value.size()) {
    const std::size_t end = std::min(value.find(';', start), value.size());
    const Maxspeed part = parse_single(value.substr(start, end - start));
    if (part.kind == Maxspeed::Kind::kLimit &&
        (best.kind != Maxspeed::Kind::kLimit || part.kmh < best.kmh)) {
      best = part;
    } else if (part.kind == Maxspeed::Kind::kNoLimit && best.kind == Maxspeed::Kind::kUnknown) {
      best = part;
    }
    start = end + 1;
  }
  return best;
}

}  // namespace codriver::map
