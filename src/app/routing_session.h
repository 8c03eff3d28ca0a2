#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "geo/latlon.h"
#include "map/bundle.h"
#include "routing/router.h"
#include "routing/routing_session.h"

// What the routing subcommands share: opening a bundle with its hierarchy, and
// reading coordinates from the command line.
namespace codriver::app {

using routing::open_routing_session;
using routing::RoutingSession;

// "43.7384,7.4246" -> LatLon; throws std::invalid_argument naming the text.
geo::LatLon parse_lat_lon(std::string_view text);

routing::Engine parse_engine(std::string_view name);

}  // namespace codriver::app
