#include "routing/snapping.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "geo/distance.h"
#include "geo/projection.h"

namespace codriver::routing {

namespace {

double angle_between(double a, double b) {
  const double d = std::fmod(std::abs(a - b), 360.0);
  return d > 180.0 ? 360.0 - d : d;
}

}  // namespace

SnapIndex::SnapIndex(const map::RoadGraph& graph, double cell_m) : graph_(graph) {
  double mean_lat = 0;
  for (const auto& node : graph.nodes)
    mean_lat += map::to_latlon(node).lat;
  mean_lat = graph.nodes.empty() ? 0 : mean_lat / graph.nodes.size();
  const double metres_per_deg = geo::kEarthRadiusM * std::numbers::pi / 180.0;
  cell_deg_lat_ = cell_m / metres_per_deg;
  cell_deg_lon_ =
      cell_m / (metres_per_deg * std::max(0.05, std::cos(mean_lat * std::numbers::pi / 180)));

  geometry_offset_.reserve(graph.edge_count() + 1);
  for (map::EdgeId e = 0; e < graph.edge_count(); ++e) {
    geometry_offset_.push_back(static_cast<std::uint32_t>(points_.size()));
    const auto line = graph.edge_geometry(e);
    double along = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (i > 0) along += geo::distance_m(line[i - 1], line[i]);
      points_.push_back(line[i]);
      cumulative_m_.push_back(along);
    }
    for (std::uint32_t s = 0; s + 1 < line.size(); ++s) {
      // A segment goes into every cell its bounding box touches.
      const auto [x0, y0] = cell_of(line[s]);
      const auto [x1, y1] = cell_of(line[s + 1]);
      for (auto x = std::min(x0, x1); x <= std::max(x0, x1); ++x) {
        for (auto y = std::min(y0, y1); y <= std::max(y0, y1); ++y) {
          cells_[cell_key(x, y)].push_back({e, s});
        }
      }
    }
  }
  geometry_offset_.push_back(static_cast<std::uint32_t>(points_.size()));
}

std::pair<std::int64_t, std::int64_t> SnapIndex::cell_of(geo::LatLon p) const {
  return {static_cast<std::int64_t>(std::floor(p.lon / cell_deg_lon_)),
          static_cast<std::int64_t>(std::floor(p.lat / cell_deg_lat_))};
}

// Cells are visited in square rings around the point's cell; once the nearest road
// found is closer than anything an unvisited ring can hold, the search stops, so a
// point on a road costs one or two rings instead of the whole radius.
std::vector<SnapCandidate> SnapIndex::nearest_segments(geo::LatLon point,
                                                       const SnapOptions& options) const {
  const auto [cx, cy] = cell_of(point);
  const double metres_per_deg = geo::kEarthRadiusM * std::numbers::pi / 180.0;
  const double cell_min_m =
      std::min(cell_deg_lat_ * metres_per_deg,
               cell_deg_lon_ * metres_per_deg * std::cos(point.lat * std::numbers::pi / 180.0));
  const auto reach = static_cast<std::int64_t>(std::ceil(options.radius_m / cell_min_m)) + 1;
  std::vector<SnapCandidate> best_per_edge;
  std::unordered_map<map::EdgeId, std::size_t> slot;
  double nearest = std::numeric_limits<double>::infinity();
  const auto visit = [&](std::int64_t x, std::int64_t y) {
    const auto it = cells_.find(cell_key(x, y));
    if (it == cells_.end()) return;
    for (const SegmentRef& ref : it->second) {
      const std::uint32_t base = geometry_offset_[ref.edge] + ref.segment;
      const geo::SegmentProjection hit =
          geo::project_on_segment(point, points_[base], points_[base + 1]);
      // Only the nearest road (within a metre) survives in snap(): skip the rest early.
      if (hit.distance_m > options.radius_m || hit.distance_m > nearest + 1.0) continue;
      const double bearing = geo::initial_bearing_deg(points_[base], points_[base + 1]);
      if (options.heading_deg &&
          angle_between(bearing, *options.heading_deg) > options.heading_tolerance_deg) {
        continue;
      }
      const double length = cumulative_m_[geometry_offset_[ref.edge + 1] - 1];
      const double along =
          cumulative_m_[base] + hit.fraction * (cumulative_m_[base + 1] - cumulative_m_[base]);
      const SnapCandidate candidate{ref.edge, length > 0 ? along / length : 0.0, hit.point,
                                    hit.distance_m, bearing};
      nearest = std::min(nearest, hit.distance_m);
      const auto [pos, inserted] = slot.try_emplace(ref.edge, best_per_edge.size());
      if (inserted) {
        best_per_edge.push_back(candidate);
      } else if (candidate.distance_m < best_per_edge[pos->second].distance_m) {
        best_per_edge[pos->second] = candidate;
      }
    }
  };
  for (std::int64_t ring = 0; ring <= reach; ++ring) {
    // Every cell of this ring is at least (ring - 1) cells away from the point.
    if (nearest + 1.0 < (ring - 1) * cell_min_m) break;
    for (auto x = cx - ring; x <= cx + ring; ++x) {
      for (auto y = cy - ring; y <= cy + ring; ++y) {
        if (std::max(std::abs(x - cx), std::abs(y - cy)) == ring) visit(x, y);
      }
    }
  }
  return best_per_edge;
}

std::vector<SnapCandidate> SnapIndex::snap(geo::LatLon point, const SnapOptions& options) const {
  std::vector<SnapCandidate> all = nearest_segments(point, options);
  if (all.empty()) return {};
  const double nearest = std::min_element(all.begin(), all.end(), [](const auto& a, const auto& b) {
                           return a.distance_m < b.distance_m;
                         })->distance_m;
  // The nearest road in each direction it is driven: ties within a metre are one road.
  std::erase_if(all, [&](const SnapCandidate& c) { return c.distance_m > nearest + 1.0; });
  if (options.kerb_side && all.size() > 1) {
    const auto on_kerb_side = [&](const SnapCandidate& c) {
      // Which side the point lies on, seen in the edge's direction of travel.
      const double side = std::sin((geo::initial_bearing_deg(c.point, point) - c.bearing_deg) *
                                   std::numbers::pi / 180.0);
      return options.right_hand_traffic ? side >= 0 : side <= 0;
    };
    std::vector<SnapCandidate> kerb;
    std::copy_if(all.begin(), all.end(), std::back_inserter(kerb), on_kerb_side);
    if (!kerb.empty()) all = std::move(kerb);
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.edge < b.edge; });
  return all;
}

}  // namespace codriver::routing
