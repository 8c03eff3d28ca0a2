#pragma once

#include <filesystem>
#include <memory>

#include "map/bundle.h"
#include "routing/router.h"

// A bundle opened for routing: the graph with its hierarchy, ready for queries.
namespace codriver::routing {

struct RoutingSession {
  std::unique_ptr<map::MapBundle> bundle;
  std::unique_ptr<Router> router;
};

// Opens the bundle and its hierarchy; a bundle without one (imported before routing
// existed) gets it built in memory, with a note on stderr to run `codriver prepare`.
RoutingSession open_routing_session(const std::filesystem::path& bundle);

}  // namespace codriver::routing
