#include "app/routing_session.h"

#include <charconv>
#include <stdexcept>

namespace codriver::app {

geo::LatLon parse_lat_lon(std::string_view text) {
  const auto comma = text.find(',');
  const auto number = [&](std::string_view part) {
    while (!part.empty() && part.front() == ' ')
      part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ')
      part.remove_suffix(1);
    double value = 0;
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (part.empty() || error != std::errc() || end != part.data() + part.size()) {
      throw std::invalid_argument("'" + std::string(text) +
                                  "' is not a coordinate; write LAT,LON such as 43.7384,7.4246");
    }
    return value;
  };
  if (comma == std::string_view::npos) number("");
  return {number(text.substr(0, comma)), number(text.substr(comma + 1))};
}

routing::Engine parse_engine(std::string_view name) {
  if (name == "ch") return routing::Engine::kContractionHierarchy;
  if (name == "dijkstra") return routing::Engine::kDijkstra;
  if (name == "astar") return routing::Engine::kBidirectionalAStar;
  throw std::invalid_argument("unknown engine '" + std::string(name) +
                              "': use ch, dijkstra or astar");
}

}  // namespace codriver::app
