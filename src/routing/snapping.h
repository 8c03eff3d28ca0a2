#pragma once

#include <optional>
#include <unordered_map>
#include <vector>

#include "geo/latlon.h"
#include "map/road_graph.h"

// Coordinate -> the nearest road a car can drive, through a uniform grid of
// edge segments built when a bundle is opened.
namespace codriver::routing {

struct SnapOptions {
  double radius_m = 250.0;            // nothing farther counts
  std::optional<double> heading_deg;  // the car's heading: keeps only edges driven that way
  double heading_tolerance_deg = 60.0;
  // Arrive or leave on the side of the road where the point is (the kerb side), so the
  // driver need not cross the road: on a two-way road only one direction remains.
  bool kerb_side = false;
  bool right_hand_traffic = true;
};

struct SnapCandidate {
  map::EdgeId edge = 0;
  double fraction = 0.0;  // along the edge's length in its direction of travel
  geo::LatLon point;      // on the road
  double distance_m = 0.0;
  double bearing_deg = 0.0;  // of the edge at the point, in its direction of travel
};

class SnapIndex {
 public:
  explicit SnapIndex(const map::RoadGraph& graph, double cell_m = 150.0);

  // Every directed edge of the nearest road, in the directions the options allow.
  // Empty when no road lies within the radius.
  std::vector<SnapCandidate> snap(geo::LatLon point, const SnapOptions& options) const;

 private:
  struct SegmentRef {
    map::EdgeId edge;
    std::uint32_t segment;  // index of the segment within the edge's geometry
  };
  std::int64_t cell_key(std::int64_t x, std::int64_t y) const { return x * 4000037 + y; }
  std::pair<std::int64_t, std::int64_t> cell_of(geo::LatLon p) const;
  std::vector<SnapCandidate> nearest_segments(geo::LatLon point, const SnapOptions& options) const;

  const map::RoadGraph& graph_;
  double cell_deg_lat_;
  double cell_deg_lon_;
  std::unordered_map<std::int64_t, std::vector<SegmentRef>> cells_;
  std::vector<std::uint32_t> geometry_offset_;  // edge -> first point in points_
  std::vector<geo::LatLon> points_;             // every edge's polyline, concatenated
  std::vector<double> cumulative_m_;            // distance from the edge start at each point
};

}  // namespace codriver::routing
