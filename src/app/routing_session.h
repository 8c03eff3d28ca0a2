#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "geo/latlon.h"
#include "map/bundle.h"
#include "routing/router.h"

// What the routing subcommands share: opening a bundle with its hierarchy, and
// reading coordinates from the command line.
namespace codriver::app {

struct RoutingSession {
  std::unique_ptr<map::MapBundle> bundle;
  std::unique_ptr<routing::Router> router;
};

// Opens the bundle and its hierarchy; a bundle without one (imported before routing
// existed) gets it built in memory, with a note to run `codriver prepare`.
RoutingSession open_routing_session(const std::filesystem::path& bundle);

// "43.7384,7.4246" -> LatLon; throws std::invalid_argument naming the text.
geo::LatLon parse_lat_lon(std::string_view text);

routing::Engine parse_engine(std::string_view name);

}  // namespace codriver::app
