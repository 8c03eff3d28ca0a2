// Micro-benchmarks for the geo module. Where an obvious cheaper alternative
// exists it is benchmarked alongside ("Baseline" in the name) so results can be
// read as ratios rather than absolute numbers that depend on the machine.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include "geo/china_datum.h"
#include "geo/distance.h"
#include "geo/polyline.h"
#include "geo/projection.h"

namespace codriver::geo {
namespace {

// A fixed pseudo-random set of points in eastern China, cycled through so the
// compiler cannot hoist the work out of the loop.
std::vector<LatLon> china_points(std::size_t n) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> lat(22.0, 41.0);
  std::uniform_real_distribution<double> lon(108.0, 122.0);
  std::vector<LatLon> points(n);
  for (LatLon& p : points)
    p = {lat(rng), lon(rng)};
  return points;
}

// A road-like track: 1000 vertices about 25 m apart with gentle turns.
std::vector<LatLon> track(std::size_t n) {
  std::mt19937_64 rng(11);
  std::normal_distribution<double> turn(0.0, 10.0);
  std::vector<LatLon> line{{31.2304, 121.4737}};
  double bearing = 45.0;
  while (line.size() < n) {
    bearing += turn(rng);
    line.push_back(destination(line.back(), bearing, 25.0));
  }
  return line;
}

const std::vector<LatLon>& points() {
  static const std::vector<LatLon> p = china_points(1024);
  return p;
}

void BM_DistanceHaversine(benchmark::State& state) {
  const auto& p = points();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(distance_m(p[i % 1024], p[(i + 1) % 1024]));
    ++i;
  }
}
BENCHMARK(BM_DistanceHaversine);

// Baselines: the textbook haversine (same trig count, but ~0.2 m error near
// the antipode) and the spherical law of cosines (fewer operations, but
// ill-conditioned for short distances, where acos is evaluated near 1).
constexpr double kDeg = std::numbers::pi / 180.0;

double textbook_haversine_m(LatLon a, LatLon b) {
  const double s_dphi = std::sin((b.lat - a.lat) * kDeg / 2.0);
  const double s_dl = std::sin((b.lon - a.lon) * kDeg / 2.0);
  const double h = s_dphi * s_dphi + std::cos(a.lat * kDeg) * std::cos(b.lat * kDeg) * s_dl * s_dl;
  return 2.0 * kEarthRadiusM * std::asin(std::sqrt(std::min(h, 1.0)));
}

double law_of_cosines_m(LatLon a, LatLon b) {
  const double c =
      std::sin(a.lat * kDeg) * std::sin(b.lat * kDeg) +
      std::cos(a.lat * kDeg) * std::cos(b.lat * kDeg) * std::cos((b.lon - a.lon) * kDeg);
  return kEarthRadiusM * std::acos(std::clamp(c, -1.0, 1.0));
}

template <double (*Distance)(LatLon, LatLon)>
void BM_DistanceBaseline(benchmark::State& state) {
  const auto& p = points();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(Distance(p[i % 1024], p[(i + 1) % 1024]));
    ++i;
  }
}
BENCHMARK(BM_DistanceBaseline<textbook_haversine_m>)->Name("BM_DistanceTextbookHaversineBaseline");
BENCHMARK(BM_DistanceBaseline<law_of_cosines_m>)->Name("BM_DistanceLawOfCosinesBaseline");

void BM_Wgs84ToGcj02(benchmark::State& state) {
  const auto& p = points();
  std::size_t i = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(wgs84_to_gcj02(p[i++ % 1024]));
}
BENCHMARK(BM_Wgs84ToGcj02);

void BM_Gcj02ToWgs84Iterative(benchmark::State& state) {
  const auto& p = points();
  std::size_t i = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(gcj02_to_wgs84(p[i++ % 1024]));
}
BENCHMARK(BM_Gcj02ToWgs84Iterative);

// Baseline: the one-step approximate inverse wgs = gcj - (gcj(gcj) - gcj),
// off by up to ~5 m.
void BM_Gcj02ToWgs84OneStepBaseline(benchmark::State& state) {
  const auto& p = points();
  std::size_t i = 0;
  for (auto _ : state) {
    const LatLon gcj = p[i++ % 1024];
    const LatLon shifted = wgs84_to_gcj02(gcj);
    benchmark::DoNotOptimize(
        LatLon{gcj.lat - (shifted.lat - gcj.lat), gcj.lon - (shifted.lon - gcj.lon)});
  }
}
BENCHMARK(BM_Gcj02ToWgs84OneStepBaseline);

// Baseline: eviltransform's "exact" inverse, a per-axis bisection from a
// +-0.01 degree bracket down to 1e-6 degrees (~0.1 m).
LatLon bisection_gcj02_to_wgs84(LatLon gcj) {
  double m_lat = gcj.lat - 0.01, m_lon = gcj.lon - 0.01;
  double p_lat = gcj.lat + 0.01, p_lon = gcj.lon + 0.01;
  LatLon wgs = gcj;
  for (int i = 0; i < 30; ++i) {
    wgs = {(m_lat + p_lat) / 2.0, (m_lon + p_lon) / 2.0};
    const LatLon shifted = wgs84_to_gcj02(wgs);
    const double d_lat = shifted.lat - gcj.lat;
    const double d_lon = shifted.lon - gcj.lon;
    if (std::abs(d_lat) < 1e-6 && std::abs(d_lon) < 1e-6) break;
    (d_lat > 0 ? p_lat : m_lat) = wgs.lat;
    (d_lon > 0 ? p_lon : m_lon) = wgs.lon;
  }
  return wgs;
}

void BM_Gcj02ToWgs84BisectionBaseline(benchmark::State& state) {
  const auto& p = points();
  std::size_t i = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(bisection_gcj02_to_wgs84(p[i++ % 1024]));
}
BENCHMARK(BM_Gcj02ToWgs84BisectionBaseline);

void BM_EncodePolyline1000(benchmark::State& state) {
  const std::vector<LatLon> line = track(1000);
  for (auto _ : state)
    benchmark::DoNotOptimize(encode_polyline(line));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(line.size()));
}
BENCHMARK(BM_EncodePolyline1000);

void BM_DecodePolyline1000(benchmark::State& state) {
  const std::string encoded = encode_polyline(track(1000));
  for (auto _ : state)
    benchmark::DoNotOptimize(decode_polyline(encoded));
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_DecodePolyline1000);

void BM_ProjectOnPolyline1000(benchmark::State& state) {
  const std::vector<LatLon> line = track(1000);
  std::mt19937_64 rng(3);
  std::uniform_int_distribution<std::size_t> vertex(0, line.size() - 1);
  std::vector<LatLon> queries;
  for (int i = 0; i < 64; ++i)
    queries.push_back(destination(line[vertex(rng)], 90.0, 7.0));
  std::size_t i = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(project_on_polyline(queries[i++ % 64], line));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(line.size()));
}
BENCHMARK(BM_ProjectOnPolyline1000);

// Baseline: nearest vertex by haversine, the naive "snap" many apps start with.
// Cheaper per vertex-pair only if trig dominates; it is also less accurate.
void BM_NearestVertexHaversineBaseline1000(benchmark::State& state) {
  const std::vector<LatLon> line = track(1000);
  std::mt19937_64 rng(3);
  std::uniform_int_distribution<std::size_t> vertex(0, line.size() - 1);
  std::vector<LatLon> queries;
  for (int i = 0; i < 64; ++i)
    queries.push_back(destination(line[vertex(rng)], 90.0, 7.0));
  std::size_t i = 0;
  for (auto _ : state) {
    const LatLon q = queries[i++ % 64];
    double best = std::numeric_limits<double>::infinity();
    std::size_t best_index = 0;
    for (std::size_t k = 0; k < line.size(); ++k) {
      const double d = distance_m(q, line[k]);
      if (d < best) best = d, best_index = k;
    }
    benchmark::DoNotOptimize(best_index);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(line.size()));
}
BENCHMARK(BM_NearestVertexHaversineBaseline1000);

}  // namespace
}  // namespace codriver::geo

BENCHMARK_MAIN();
