#include "routing/routing_session.h"

#include <iostream>

#include "routing/hierarchy_file.h"

namespace codriver::routing {

RoutingSession open_routing_session(const std::filesystem::path& path) {
  RoutingSession session;
  session.bundle = std::make_unique<map::MapBundle>(map::MapBundle::open(path));
  const CarProfile profile;
  auto hierarchy = load_hierarchy(*session.bundle, profile);
  if (!hierarchy) {
    std::cerr << "note: " << path.string()
              << " has no routing hierarchy for this profile; building one in memory "
                 "(run `codriver prepare` to store it)\n";
    const map::RoadGraph& graph = session.bundle->graph();
    hierarchy = std::make_shared<ContractionHierarchy>(
        ContractionHierarchy::build(TurnGraph::build(graph, profile), vertex_lengths_dm(graph)));
  }
  session.router = std::make_unique<Router>(session.bundle->graph(), profile, std::move(hierarchy));
  return session;
}

}  // namespace codriver::routing
