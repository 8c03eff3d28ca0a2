#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "geo/bounding_box.h"
#include "map/road_graph.h"
#include "routing/car_profile.h"
#include "routing/contraction_hierarchy.h"
#include "routing/route_path.h"
#include "routing/routing_error.h"
#include "routing/search.h"
#include "routing/snapping.h"
#include "routing/turn_graph.h"

namespace codriver::routing {

enum class Engine { kContractionHierarchy, kDijkstra, kBidirectionalAStar };

struct Waypoint {
  Waypoint() = default;
  Waypoint(geo::LatLon at, std::optional<double> heading = std::nullopt, bool kerb = false)
      : position(at), heading_deg(heading), kerb_side(kerb) {}

  geo::LatLon position;
  std::optional<double> heading_deg;  // where the car points, at the start
  bool kerb_side = false;             // stop on the side of the road where the point is
};

// A leg's answer before it becomes text: the driven edges with partial ends.
struct Leg {
  RoutePath path;
  geo::LatLon snapped_from;
  geo::LatLon snapped_to;
  std::size_t settled = 0;
};

// The routing engine over one road graph: snapping, seeds, the search, path assembly.
// Holds a query workspace, so a Router is used from one thread at a time.
class Router {
 public:
  // Without a hierarchy, kContractionHierarchy requests fall back to A*.
  Router(const map::RoadGraph& graph, CarProfile profile,
         std::shared_ptr<const ContractionHierarchy> hierarchy);
  ~Router();

  Leg route(const Waypoint& from, const Waypoint& to,
            Engine engine = Engine::kContractionHierarchy) const;
  // Through ordered stops; one leg per consecutive pair.
  std::vector<Leg> route_via(const std::vector<Waypoint>& stops,
                             Engine engine = Engine::kContractionHierarchy) const;

  std::vector<SnapCandidate> snap(const Waypoint& point, bool is_destination) const;
  // Throws RoutingError unless the position is a valid coordinate on (or near) the map;
  // `role` is "start", "destination" or "stop".
  void check_position(geo::LatLon position, const char* role) const;

  const map::RoadGraph& graph() const { return graph_; }
  const TurnGraph& turn_graph() const { return turns_; }
  const CarProfile& profile() const { return profile_; }
  const ContractionHierarchy* hierarchy() const { return hierarchy_.get(); }

  // Seeds for a search between snapped ends (public for the matrix and trips).
  std::vector<Seed> forward_seeds(const std::vector<SnapCandidate>& from) const;
  std::vector<Seed> backward_seeds(const std::vector<SnapCandidate>& to) const;
  // The cost of staying on one edge from a start to a destination further along it.
  Weight direct_weight(const std::vector<SnapCandidate>& from, const std::vector<SnapCandidate>& to,
                       std::size_t* from_index, std::size_t* to_index) const;

  double snap_radius_m = 250.0;

  // Decimetres driven over `fraction` of an edge.
  std::uint32_t length_dm(EdgeId edge, double fraction) const;

 private:
  RoutePath assemble(const std::vector<EdgeId>& vertices, const SnapCandidate& from,
                     const SnapCandidate& to) const;

  const map::RoadGraph& graph_;
  CarProfile profile_;
  TurnGraph turns_;
  SnapIndex snap_index_;
  geo::BoundingBox bounds_;
  std::shared_ptr<const ContractionHierarchy> hierarchy_;
  std::vector<geo::LatLon> vertex_ends_;
  double max_speed_mps_ = 1.0;
  struct Workspace;
  std::unique_ptr<Workspace> workspace_;
};

}  // namespace codriver::routing
