#include "routing/snapping.h"

#include <algorithm>
#include <cmath>
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

std::vector<SnapCandidate> SnapIndex::nearest_segments(geo::LatLon point, double radius_m) const {
  const auto [cx, cy] = cell_of(point);
  const auto reach =
      static_cast<std::int64_t>(std::ceil(radius_m / (cell_deg_lat_ * 111195.0))) + 1;
  std::vector<SnapCandidate> best_per_edge;
  std::unordered_map<map::EdgeId, std::size_t> slot;
  for (auto x = cx - reach; x <= cx + reach; ++x) {
    for (auto y = cy - reach; y <= cy + reach; ++y) {
      const auto it = cells_.find(cell_key(x, y));
      if (it == cells_.end()) continue;
      for (const SegmentRef& ref : it->second) {
        const std::uint32_t base = geometry_offset_[ref.edge] + ref.segment;
        const geo::SegmentProjection hit =
            geo::project_on_segment(point, points_[base], points_[base + 1]);
        if (hit.distance_m > radius_m) continue;
        const double length = cumulative_m_[geometry_offset_[ref.edge + 1] - 1];
        const double along =
            cumulative_m_[base] + hit.fraction * (cumulative_m_[base + 1] - cumulative_m_[base]);
        SnapCandidate candidate{ref.edge, length > 0 ? along / length : 0.0, hit.point,
                                hit.distance_m,
                                geo::initial_bearing_deg(points_[base], points_[base + 1])};
        const auto [pos, inserted] = slot.try_emplace(ref.edge, best_per_edge.size());
        if (inserted) {
          best_per_edge.push_back(candidate);
        } else if (candidate.distance_m < best_per_edge[pos->second].distance_m) {
          best_per_edge[pos->second] = candidate;
        }
      }
    }
  }
  return best_per_edge;
}

std::vector<SnapCandidate> SnapIndex::snap(geo::LatLon point, const SnapOptions& options) const {
  std::vector<SnapCandidate> all = nearest_segments(point, options.radius_m);
  if (options.heading_deg) {
    std::erase_if(all, [&](const SnapCandidate& c) {
      return angle_between(c.bearing_deg, *options.heading_deg) > options.heading_tolerance_deg;
    });
  }
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
