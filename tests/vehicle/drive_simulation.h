#pragma once

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "geo/distance.h"
#include "routing/route_trace.h"
#include "vehicle/gps_fix.h"

// A car driven along a line, seen through a noisy GPS: what the map-matcher tests feed
// it, with the truth beside each fix.
namespace codriver::vehicle::testing {

inline const feeds::Clock::time_point kStart = *parse_vss_timestamp("2026-11-24T21:00:00Z");

// A point `east_m` and `north_m` from an origin in Monaco's latitudes.
inline geo::LatLon local(double east_m, double north_m) {
  const geo::LatLon origin{43.7300, 7.4200};
  constexpr double kMetresPerDegree = geo::kEarthRadiusM * std::numbers::pi / 180.0;
  return {
      origin.lat + north_m / kMetresPerDegree,
      origin.lon + east_m / (kMetresPerDegree * std::cos(origin.lat * std::numbers::pi / 180.0))};
}

// A polyline as a route trace driven at a constant speed.
inline std::vector<routing::TracePoint> trace_of(const std::vector<geo::LatLon>& points,
                                                 double speed_mps = 10.0) {
  std::vector<routing::TracePoint> trace;
  for (const geo::LatLon& point : points) {
    if (trace.empty()) {
      trace.push_back({point, 0.0, 0.0, 0.0});
      continue;
    }
    routing::TracePoint& last = trace.back();
    const double step = geo::distance_m(last.position, point);
    last.bearing_deg = geo::initial_bearing_deg(last.position, point);
    trace.push_back(
        {point, last.distance_m + step, last.time_s + step / speed_mps, last.bearing_deg});
  }
  return trace;
}

// One route after another, as one trace (a trip through stops).
inline std::vector<routing::TracePoint> join(std::vector<routing::TracePoint> first,
                                             const std::vector<routing::TracePoint>& second) {
  const routing::TracePoint end = first.back();
  for (std::size_t i = 0; i < second.size(); ++i) {
    if (i == 0 && geo::distance_m(second[0].position, end.position) < 0.01) continue;
    routing::TracePoint point = second[i];
    point.distance_m += end.distance_m;
    point.time_s += end.time_s;
    first.push_back(point);
  }
  return first;
}

struct GpsNoise {
  double position_sigma_m = 10.0;
  double heading_sigma_deg = 8.0;
  double speed_sigma_mps = 0.3;
  double speed_scale = 1.0;  // a speedometer reads a little high: 1.03 is 3 % over
  double interval_s = 1.0;
  bool with_heading = true;
  bool with_speed = true;
  bool with_accuracy = true;
};

struct DriveSample {
  GpsFix fix;
  geo::LatLon true_position;
  double true_distance_m = 0.0;  // along the driven line
  double true_bearing_deg = 0.0;
};

// The car's true place on a trace at a time: the point, the distance, the bearing, the speed.
inline DriveSample truth_at(const std::vector<routing::TracePoint>& trace, double time_s,
                            double* speed_mps) {
  std::size_t i = 1;
  while (i + 1 < trace.size() && trace[i].time_s < time_s)
    ++i;
  const routing::TracePoint& a = trace[i - 1];
  const routing::TracePoint& b = trace[i];
  const double span = b.time_s - a.time_s;
  const double t = span > 0 ? std::clamp((time_s - a.time_s) / span, 0.0, 1.0) : 1.0;
  DriveSample sample;
  sample.true_position = {a.position.lat + (b.position.lat - a.position.lat) * t,
                          a.position.lon + (b.position.lon - a.position.lon) * t};
  sample.true_distance_m = a.distance_m + (b.distance_m - a.distance_m) * t;
  sample.true_bearing_deg = a.bearing_deg;
  *speed_mps = span > 0 ? (b.distance_m - a.distance_m) / span : 0.0;
  return sample;
}

// Fixes every `interval_s` along the trace's own timing, with seeded Gaussian noise.
inline std::vector<DriveSample> drive(const std::vector<routing::TracePoint>& trace,
                                      const GpsNoise& noise, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> unit(0.0, 1.0);
  std::vector<DriveSample> samples;
  for (double t = 0.0; t <= trace.back().time_s; t += noise.interval_s) {
    double speed = 0.0;
    DriveSample sample = truth_at(trace, t, &speed);
    const double north = unit(rng) * noise.position_sigma_m;
    const double east = unit(rng) * noise.position_sigma_m;
    sample.fix.position =
        geo::destination(geo::destination(sample.true_position, 0.0, north), 90.0, east);
    sample.fix.timestamp = kStart + std::chrono::milliseconds(static_cast<long>(t * 1000.0));
    const double heading = sample.true_bearing_deg + unit(rng) * noise.heading_sigma_deg;
    if (noise.with_heading) sample.fix.heading_deg = std::fmod(heading + 720.0, 360.0);
    if (noise.with_speed)
      sample.fix.speed_mps =
          std::max(0.0, speed * noise.speed_scale + unit(rng) * noise.speed_sigma_mps);
    if (noise.with_accuracy) sample.fix.horizontal_accuracy_m = noise.position_sigma_m;
    samples.push_back(sample);
  }
  return samples;
}

inline double percentile(std::vector<double> values, double fraction) {
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1));
  return values[index];
}

}  // namespace codriver::vehicle::testing
