#include "app/routing_session.h"

#include <charconv>
#include <iostream>
#include <stdexcept>

#include "routing/hierarchy_file.h"

namespace codriver::app {

RoutingSession open_routing_session(const std::filesystem::path& path) {
  RoutingSession session;
  session.bundle = std::make_unique<map::MapBundle>(map::MapBundle::open(path));
  const routing::CarProfile profile;
  auto hierarchy = routing::load_hierarchy(*session.bundle, profile);
  if (!hierarchy) {
    std::cerr << "note: " << path.string()
              << " has no routing hierarchy for this profile; building one in memory "
                 "(run `codriver prepare` to store it)\n";
    const map::RoadGraph& graph = session.bundle->graph();
    hierarchy =
        std::make_shared<routing::ContractionHierarchy>(routing::ContractionHierarchy::build(
            routing::TurnGraph::build(graph, profile), routing::vertex_lengths_dm(graph)));
  }
  session.router =
      std::make_unique<routing::Router>(session.bundle->graph(), profile, std::move(hierarchy));
  return session;
}

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
