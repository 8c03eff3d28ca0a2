#include "routing/route_trace.h"

#include <algorithm>
#include <cmath>

#include "geo/distance.h"

namespace codriver::routing {

namespace {

geo::LatLon interpolate(geo::LatLon a, geo::LatLon b, double t) {
  return {a.lat + (b.lat - a.lat) * t, a.lon + (b.lon - a.lon) * t};
}

// The part of a polyline between two fractions of its length.
std::vector<geo::LatLon> cut_line(const std::vector<geo::LatLon>& line, double from, double to) {
  std::vector<double> cumulative(line.size(), 0.0);
  for (std::size_t i = 1; i < line.size(); ++i)
    cumulative[i] = cumulative[i - 1] + geo::distance_m(line[i - 1], line[i]);
  const double total = cumulative.back();
  const auto point_at = [&](double fraction) {
    const double target = fraction * total;
    const auto upper = std::lower_bound(cumulative.begin(), cumulative.end(), target);
    if (upper == cumulative.begin()) return line.front();
    if (upper == cumulative.end()) return line.back();
    const std::size_t i = static_cast<std::size_t>(upper - cumulative.begin());
    const double span = cumulative[i] - cumulative[i - 1];
    return interpolate(line[i - 1], line[i], span > 0 ? (target - cumulative[i - 1]) / span : 0.0);
  };
  std::vector<geo::LatLon> out{point_at(from)};
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (total > 0 && cumulative[i] > from * total && cumulative[i] < to * total) {
      out.push_back(line[i]);
    }
  }
  out.push_back(point_at(to));
  return out;
}

void append(std::vector<TracePoint>& trace, geo::LatLon position, double seconds_per_m,
            double speed_limit_mps) {
  if (trace.empty()) {
    trace.push_back({position, 0.0, 0.0, 0.0, speed_limit_mps});
    return;
  }
  const TracePoint& last = trace.back();
  const double step = geo::distance_m(last.position, position);
  if (step <= 0.0) return;
  trace.back().bearing_deg = geo::initial_bearing_deg(last.position, position);
  trace.back().speed_limit_mps = speed_limit_mps;
  trace.push_back({position, last.distance_m + step, last.time_s + step * seconds_per_m,
                   trace.back().bearing_deg, speed_limit_mps});
}

}  // namespace

std::vector<TracePoint> trace_route(const map::RoadGraph& graph, const RoutePath& path) {
  std::vector<TracePoint> trace;
  for (const PathEdge& part : path.edges) {
    const auto line = cut_line(graph.edge_geometry(part.edge), part.from_fraction, part.to_fraction);
    double length = 0;
    for (std::size_t i = 1; i < line.size(); ++i)
      length += geo::distance_m(line[i - 1], line[i]);
    const double seconds_per_m = length > 0 ? part.duration_s / length : 0.0;
    const double speed_limit = graph.edges[part.edge].speed_kmh / 3.6;
    for (const geo::LatLon& point : line)
      append(trace, point, seconds_per_m, speed_limit);
  }
  return trace;
}

std::vector<TracePoint> resample_trace(const std::vector<TracePoint>& trace, double spacing_m) {
  if (trace.size() < 2 || spacing_m <= 0) return trace;
  std::vector<TracePoint> samples{trace.front()};
  double next = spacing_m;
  for (std::size_t i = 1; i < trace.size(); ++i) {
    const TracePoint& a = trace[i - 1];
    const TracePoint& b = trace[i];
    while (next < b.distance_m) {
      const double t = (next - a.distance_m) / (b.distance_m - a.distance_m);
      samples.push_back({interpolate(a.position, b.position, t), next,
                         a.time_s + (b.time_s - a.time_s) * t, a.bearing_deg, a.speed_limit_mps});
      next += spacing_m;
    }
  }
  if (samples.back().distance_m < trace.back().distance_m) samples.push_back(trace.back());
  return samples;
}

}  // namespace codriver::routing
