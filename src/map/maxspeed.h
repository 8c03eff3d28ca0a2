#pragma once

#include <string_view>

namespace codriver::map {

// A parsed OSM maxspeed value.
struct Maxspeed {
  enum class Kind {
    kLimit,    // kmh holds the limit
    kNoLimit,  // "none", or a zone whose law sets none (DE:motorway)
    kUnknown,  // absent, "signals", "variable", or a form we cannot read
  };
  Kind kind = Kind::kUnknown;
  double kmh = 0.0;

  static Maxspeed limit(double kmh) { return {Kind::kLimit, kmh}; }
};

// Reads every documented maxspeed form: "50", "50 km/h", "30 mph", "10 knots",
// "walk", "none", "signals", implicit zones such as "DE:urban", "CN:rural",
// "GB:nsl_single", "DE:zone30", and lists "50;30" (the lowest wins).
Maxspeed parse_maxspeed(std::string_view value);

}  // namespace codriver::map
