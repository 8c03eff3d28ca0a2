// Routing benchmarks: the three engines on the same random queries, the many-to-many
// matrix, and a full Router::route() with snapping.
//
// The map, in order of preference:
//   CODRIVER_BENCH_BUNDLE=DIR      an imported bundle (its ch.bin is used when present and
//                                  matches the car profile; else the hierarchy is built here)
//   CODRIVER_BENCH_OSM=FILE        an OSM file, imported (and prepared) into a temp directory
//   CODRIVER_BENCH_SYNTHETIC=N     a synthetic N-intersection grid (bench/synthetic_network.h),
//                                  written as .osm.pbf and imported like a real extract
//   default                        CODRIVER_SHARED_DATA/osm/monaco.osm.pbf, imported
// Other settings:
//   CODRIVER_BENCH_PAIRS=1000      random connected (edge, fraction) pairs, fixed seed
//   CODRIVER_BENCH_SLOW_PAIRS=N    Dijkstra and A* run only the first N pairs (default: all);
//                                  ratios are always taken over the pairs both engines ran
//   CODRIVER_BENCH_SEED=20261124
//   CODRIVER_BENCH_MATRIX=100      the matrix is N x N random points on the map
//   CODRIVER_BENCH_MATRIX_RUNS=20  matrices computed (median reported)
//
// Benchmarks (one Google Benchmark iteration = one query on the next pair, so each engine
// runs every pair exactly once per run):
//   Query/CH, Query/Dijkstra, Query/BidirectionalAStar   the search alone, seeds precomputed
//   Route/CH                                             Router::route(): snap both ends,
//                                                        seeds, CH search, path assembly
//   Matrix/CH                                            travel_matrix(N x N), CH buckets
// Google Benchmark reports means; each query is also timed on its own, and the median and
// 99th percentile are reported as counters and in a summary table printed at exit.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "latency_stats.h"
#include "geo/distance.h"
#include "map/bundle.h"
#include "routing/car_profile.h"
#include "routing/ch_query.h"
#include "routing/contraction_hierarchy.h"
#include "routing/hierarchy_file.h"
#include "routing/matrix.h"
#include "routing/router.h"
#include "routing/search.h"
#include "routing/turn_graph.h"
#include "synthetic_network.h"

namespace codriver::routing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

std::size_t env_size(const char* name, std::size_t fallback) {
  const auto value = env(name);
  return value ? static_cast<std::size_t>(std::stoull(*value)) : fallback;
}

// Peak resident set of this process so far, in bytes (VmHWM), 0 if unknown.
using codriver::bench::peak_rss_bytes;
using codriver::bench::Stats;
using codriver::bench::stats_of;

struct Pair {
  std::vector<SnapCandidate> from, to;
  std::vector<Seed> forward, backward;
  geo::LatLon source, target;     // A* potentials, as the engine agreement test uses them
  Waypoint from_point, to_point;  // on the road, for Router::route()
};

// A point `fraction` of the way along an edge's polyline.
geo::LatLon point_along(const map::RoadGraph& graph, EdgeId edge, double fraction) {
  const auto points = graph.edge_geometry(edge);
  std::vector<double> cumulative{0.0};
  for (std::size_t i = 1; i < points.size(); ++i)
    cumulative.push_back(cumulative.back() + geo::distance_m(points[i - 1], points[i]));
  const double goal = cumulative.back() * fraction;
  for (std::size_t i = 1; i < points.size(); ++i) {
    if (cumulative[i] >= goal) {
      const double span = cumulative[i] - cumulative[i - 1];
      const double t = span > 0 ? (goal - cumulative[i - 1]) / span : 0.0;
      return {points[i - 1].lat + t * (points[i].lat - points[i - 1].lat),
              points[i - 1].lon + t * (points[i].lon - points[i - 1].lon)};
    }
  }
  return points.back();
}

// Everything the benchmarks share, built once before any of them runs.
class Setup {
 public:
  Setup() {
    const auto start = Clock::now();
    resolve_bundle();
    auto t = Clock::now();
    bundle_.emplace(map::MapBundle::open(bundle_dir_));
    open_s_ = seconds_since(t);
    const map::RoadGraph& graph = bundle_->graph();

    t = Clock::now();
    hierarchy_ = load_hierarchy(*bundle_, profile_);
    load_s_ = seconds_since(t);
    if (!hierarchy_) {
      std::cerr << "routing_bench: " << bundle_dir_.string()
                << " has no usable ch.bin; building the hierarchy\n";
      t = Clock::now();
      const TurnGraph turns = TurnGraph::build(graph, profile_);
      ContractionStats stats;
      hierarchy_ = std::make_shared<const ContractionHierarchy>(
          ContractionHierarchy::build(turns, vertex_lengths_dm(graph), &stats));
      built_here_s_ = seconds_since(t);
      shortcuts_ = stats.shortcuts;
    }
    if (fs::exists(bundle_dir_ / kHierarchyFile))
      ch_bytes_ = fs::file_size(bundle_dir_ / kHierarchyFile);
    std::error_code ignored;
    for (const auto& entry : fs::directory_iterator(bundle_dir_, ignored)) {
      if (entry.is_regular_file()) bundle_bytes_ += entry.file_size();
    }

    t = Clock::now();
    router_ = std::make_unique<Router>(graph, profile_, hierarchy_);
    router_s_ = seconds_since(t);
    query_ = std::make_unique<ChQuery>(*hierarchy_);
    for (const auto& e : graph.edges) {
      vertex_ends_.push_back(graph.position(e.target));
      max_speed_mps_ = std::max(max_speed_mps_, profile_.speed_kmh(e) / 3.6);
    }
    make_pairs();
    make_matrix_points();
    slow_pairs_ = std::min(env_size("CODRIVER_BENCH_SLOW_PAIRS", pairs_.size()), pairs_.size());
    setup_s_ = seconds_since(start);
    std::cerr << "routing_bench: " << name_ << ": " << graph.node_count() << " nodes, "
              << graph.edge_count() << " edges, " << router_->turn_graph().turn_count()
              << " turns; " << pairs_.size() << " pairs (" << attempts_ << " drawn); setup "
              << setup_s_ << " s\n";
  }

  ~Setup() {
    if (!scratch_.empty()) {
      std::error_code ignored;
      fs::remove_all(scratch_, ignored);
    }
  }

  const Router& router() const { return *router_; }
  ChQuery& query() { return *query_; }
  const std::vector<Pair>& pairs() const { return pairs_; }
  std::size_t slow_pairs() const { return slow_pairs_; }
  AStarGeometry geometry(const Pair& p) const {
    return {vertex_ends_, p.source, p.target, max_speed_mps_};
  }
  const std::vector<Waypoint>& origins() const { return origins_; }
  const std::vector<Waypoint>& destinations() const { return destinations_; }

  void print_summary(std::ostream& out) const;

  // Per pair, per engine: the last run's time (µs), weight and settled vertices.
  struct Sample {
    double us = -1;
    Weight weight = kInfiniteWeight;
    std::size_t settled = 0;
  };
  std::map<std::string, std::vector<Sample>> samples;
  std::vector<double> matrix_ms;
  std::size_t matrix_unreachable = 0;
  std::size_t route_failures = 0;

 private:
  void resolve_bundle() {
    if (const auto dir = env("CODRIVER_BENCH_BUNDLE")) {
      bundle_dir_ = *dir;
      name_ = bundle_dir_.filename().string();
      if (name_.empty()) name_ = bundle_dir_.parent_path().filename().string();
      return;
    }
    scratch_ = fs::temp_directory_path() / ("codriver_routing_bench_" + std::to_string(::getpid()));
    fs::create_directories(scratch_);
    fs::path osm;
    if (const auto file = env("CODRIVER_BENCH_OSM")) {
      osm = *file;
    } else if (const auto n = env("CODRIVER_BENCH_SYNTHETIC")) {
      bench::SyntheticOptions options;
      options.nodes = std::stoull(*n);
      osm = scratch_ / ("synthetic_" + *n + ".osm.pbf");
      bench::write_osm(bench::generate_synthetic_network(options), osm);
    } else {
      osm = fs::path(CODRIVER_SHARED_DATA) / "osm" / "monaco.osm.pbf";
    }
    name_ = osm.filename().string();
    bundle_dir_ = scratch_ / "bundle";
    const auto t = Clock::now();
    map::import_bundle(osm, bundle_dir_);
    import_s_ = seconds_since(t);
    const PrepareReport report = prepare_bundle(bundle_dir_, profile_);
    prepare_s_ = report.seconds;
    shortcuts_ = report.shortcuts;
  }

  void make_pairs() {
    const map::RoadGraph& graph = bundle_->graph();
    const std::size_t wanted = env_size("CODRIVER_BENCH_PAIRS", 1000);
    std::mt19937 random(static_cast<std::uint32_t>(env_size("CODRIVER_BENCH_SEED", 20261124)));
    std::uniform_int_distribution<EdgeId> edge(0, static_cast<EdgeId>(graph.edge_count() - 1));
    std::uniform_real_distribution<double> fraction(0.0, 1.0);
    while (pairs_.size() < wanted && attempts_ < 50 * wanted) {
      ++attempts_;
      Pair p;
      p.from.push_back({edge(random), fraction(random), {}, 0, 0});
      p.to.push_back({edge(random), fraction(random), {}, 0, 0});
      p.forward = router_->forward_seeds(p.from);
      p.backward = router_->backward_seeds(p.to);
      if (!query_->search(p.forward, p.backward).found()) continue;
      p.source = graph.position(graph.edges[p.from[0].edge].source);
      p.target = graph.position(graph.edges[p.to[0].edge].target);
      p.from_point.position = point_along(graph, p.from[0].edge, p.from[0].fraction);
      p.to_point.position = point_along(graph, p.to[0].edge, p.to[0].fraction);
      pairs_.push_back(std::move(p));
    }
  }

  void make_matrix_points() {
    const map::RoadGraph& graph = bundle_->graph();
    const std::size_t n = env_size("CODRIVER_BENCH_MATRIX", 100);
    std::mt19937 random(7);
    std::uniform_int_distribution<EdgeId> edge(0, static_cast<EdgeId>(graph.edge_count() - 1));
    std::uniform_real_distribution<double> fraction(0.0, 1.0);
    for (std::size_t i = 0; i < 2 * n; ++i) {
      Waypoint w;
      w.position = point_along(graph, edge(random), fraction(random));
      (i < n ? origins_ : destinations_).push_back(w);
    }
  }

  CarProfile profile_;
  fs::path scratch_, bundle_dir_;
  std::string name_;
  std::optional<map::MapBundle> bundle_;
  std::shared_ptr<const ContractionHierarchy> hierarchy_;
  std::unique_ptr<Router> router_;
  std::unique_ptr<ChQuery> query_;
  std::vector<geo::LatLon> vertex_ends_;
  double max_speed_mps_ = 1;
  std::vector<Pair> pairs_;
  std::size_t attempts_ = 0, slow_pairs_ = 0;
  std::vector<Waypoint> origins_, destinations_;
  std::optional<double> import_s_, prepare_s_, built_here_s_;
  std::optional<std::size_t> shortcuts_;
  double open_s_ = 0, load_s_ = 0, router_s_ = 0, setup_s_ = 0;
  std::uintmax_t ch_bytes_ = 0, bundle_bytes_ = 0;
};

Setup* setup = nullptr;

enum class Kind { kCh, kDijkstra, kAStar, kRoute };

const char* sample_key(Kind kind) {
  switch (kind) {
    case Kind::kCh:
      return "CH";
    case Kind::kDijkstra:
      return "Dijkstra";
    case Kind::kAStar:
      return "BidirectionalAStar";
    case Kind::kRoute:
      return "Route/CH";
  }
  return "?";
}

void set_latency_counters(benchmark::State& state, const std::vector<Setup::Sample>& samples) {
  std::vector<double> us;
  double settled = 0;
  for (const auto& s : samples) {
    if (s.us < 0) continue;
    us.push_back(s.us);
    settled += static_cast<double>(s.settled);
  }
  const Stats stats = stats_of(us);
  state.counters["median_us"] = stats.median;
  state.counters["p99_us"] = stats.p99;
  if (!us.empty()) state.counters["settled"] = settled / static_cast<double>(us.size());
}

void BM_Query(benchmark::State& state, Kind kind) {
  Setup& s = *setup;
  const std::size_t n =
      kind == Kind::kCh || kind == Kind::kRoute ? s.pairs().size() : s.slow_pairs();
  auto& samples = s.samples[sample_key(kind)];
  samples.assign(s.pairs().size(), {});
  std::size_t i = 0;
  for (auto _ : state) {
    const Pair& p = s.pairs()[i % n];
    Setup::Sample sample;
    const auto start = Clock::now();
    if (kind == Kind::kRoute) {
      try {
        const Leg leg = s.router().route(p.from_point, p.to_point, Engine::kContractionHierarchy);
        sample.settled = leg.settled;
        benchmark::DoNotOptimize(leg.path.duration_s);
      } catch (const RoutingError&) {
        ++s.route_failures;
      }
    } else {
      SearchResult result;
      if (kind == Kind::kCh) {
        result = s.query().search(p.forward, p.backward);
      } else if (kind == Kind::kDijkstra) {
        result = dijkstra_search(s.router().turn_graph(), p.forward, p.backward);
      } else {
        result = bidirectional_astar_search(s.router().turn_graph(), s.geometry(p), p.forward,
                                            p.backward);
      }
      benchmark::DoNotOptimize(result.weight);
      sample.weight = result.weight;
      sample.settled = result.settled;
    }
    sample.us = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
    if (i < n) samples[i] = sample;
    ++i;
  }
  set_latency_counters(state, samples);
}

void BM_Matrix(benchmark::State& state) {
  Setup& s = *setup;
  s.matrix_ms.clear();
  for (auto _ : state) {
    const auto start = Clock::now();
    const TravelMatrix matrix = travel_matrix(s.router(), s.origins(), s.destinations());
    s.matrix_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    s.matrix_unreachable = static_cast<std::size_t>(
        std::count(matrix.durations_s.begin(), matrix.durations_s.end(), std::nullopt));
    benchmark::DoNotOptimize(matrix.durations_s.data());
  }
  const Stats stats = stats_of(s.matrix_ms);
  state.counters["median_ms"] = stats.median;
  state.counters["cells"] = static_cast<double>(s.origins().size() * s.destinations().size());
}

void Setup::print_summary(std::ostream& out) const {
  const map::RoadGraph& graph = bundle_->graph();
  char line[512];
  out << "\n## routing_bench summary: " << name_ << "\n\n";
  out << "| map | nodes | edges (turn-graph vertices) | turns | CH arcs up+down | ch.bin bytes | "
         "bundle bytes | peak RSS MB |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
  std::snprintf(line, sizeof(line), "| %s | %zu | %zu | %zu | %zu | %ju | %ju | %.0f |\n",
                name_.c_str(), graph.node_count(), graph.edge_count(),
                router_->turn_graph().turn_count(),
                hierarchy_->up_array().size() + hierarchy_->down_array().size(), ch_bytes_,
                bundle_bytes_, static_cast<double>(peak_rss_bytes()) / 1e6);
  out << line;
  out << "\nsetup: open bundle " << open_s_ << " s, load ch.bin " << load_s_ << " s, Router "
      << router_s_ << " s";
  if (import_s_) out << ", import " << *import_s_ << " s";
  if (prepare_s_) out << ", prepare (CH) " << *prepare_s_ << " s";
  if (built_here_s_) out << ", CH built here " << *built_here_s_ << " s";
  if (shortcuts_) out << ", " << *shortcuts_ << " shortcuts";
  out << "\n\n";

  // Latency per engine over the pairs it ran, and ratios against CH on the same pairs.
  const auto ch_it = samples.find("CH");
  std::size_t mismatches = 0;
  out << "| engine | pairs | median µs | p99 µs | mean µs | settled (mean) | median ×CH | p99 ×CH "
         "|\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
  for (const char* key : {"CH", "Dijkstra", "BidirectionalAStar", "Route/CH"}) {
    const auto it = samples.find(key);
    if (it == samples.end()) continue;
    std::vector<double> us, ch_us;
    double settled = 0;
    for (std::size_t i = 0; i < it->second.size(); ++i) {
      const Sample& sample = it->second[i];
      if (sample.us < 0) continue;
      us.push_back(sample.us);
      settled += static_cast<double>(sample.settled);
      if (ch_it != samples.end() && ch_it->second[i].us >= 0) {
        ch_us.push_back(ch_it->second[i].us);
        if (std::string(key) != "Route/CH" && sample.weight != ch_it->second[i].weight) {
          ++mismatches;
        }
      }
    }
    if (us.empty()) continue;
    const Stats st = stats_of(us);
    const Stats ch = stats_of(ch_us);
    std::snprintf(line, sizeof(line), "| %s | %zu | %.1f | %.1f | %.1f | %.0f | %.1f | %.1f |\n",
                  key, st.count, st.median, st.p99, st.mean,
                  settled / static_cast<double>(us.size()),
                  ch.median > 0 ? st.median / ch.median : 0, ch.p99 > 0 ? st.p99 / ch.p99 : 0);
    out << line;
  }
  if (!matrix_ms.empty()) {
    const Stats m = stats_of(matrix_ms);
    std::snprintf(line, sizeof(line),
                  "\nmatrix %zux%zu (CH buckets): median %.2f ms, min %.2f ms over %zu runs; "
                  "%zu unreachable cells\n",
                  origins_.size(), destinations_.size(), m.median,
                  *std::min_element(matrix_ms.begin(), matrix_ms.end()), m.count,
                  matrix_unreachable);
    out << line;
  }
  out << "engine disagreements (weight differs from CH on the same pair): " << mismatches
      << "; Route/CH failures: " << route_failures << "\n";
}

}  // namespace
}  // namespace codriver::routing

int main(int argc, char** argv) {
  using namespace codriver::routing;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  try {
    static Setup shared;
    setup = &shared;
  } catch (const std::exception& error) {
    std::cerr << "routing_bench: setup failed: " << error.what() << "\n";
    return 1;
  }
  const auto pairs = static_cast<benchmark::IterationCount>(setup->pairs().size());
  const auto slow = static_cast<benchmark::IterationCount>(setup->slow_pairs());
  if (pairs == 0) {
    std::cerr << "routing_bench: no connected pairs found\n";
    return 1;
  }
  benchmark::RegisterBenchmark("Query/CH", BM_Query, Kind::kCh)
      ->Iterations(pairs)
      ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("Query/Dijkstra", BM_Query, Kind::kDijkstra)
      ->Iterations(slow)
      ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("Query/BidirectionalAStar", BM_Query, Kind::kAStar)
      ->Iterations(slow)
      ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("Route/CH", BM_Query, Kind::kRoute)
      ->Iterations(pairs)
      ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("Matrix/CH", BM_Matrix)
      ->Iterations(
          static_cast<benchmark::IterationCount>(env_size("CODRIVER_BENCH_MATRIX_RUNS", 20)))
      ->Unit(benchmark::kMillisecond);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  setup->print_summary(std::cout);
  return 0;
}
