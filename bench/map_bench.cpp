// Benchmarks for the map module: opening a bundle (graph.bin mapped in place and
// validated) and importing an OSM extract into one.
//
// Setup imports every extract in CODRIVER_SHARED_DATA/osm (Monaco and the largest
// other extract among them) into a temporary directory once, on first use, outside
// any timed region. For each bundle the load is measured four ways:
//   OpenBundle/structure   MapBundle::open(dir, Verify::kStructure): bundle.json,
//                          file sizes, mmap of graph.bin, structural validation.
//   OpenBundle/checksums   the same with Verify::kStructureAndChecksums (adds a CRC-32
//                          of graph.bin and places.sqlite).
//   MapAndParse            only the graph part of open(): MappedFile + parse_graph.
// and, as baselines in the same run so results read as ratios ("Baseline"):
//   ReadCopyBaseline       std::ifstream the whole graph.bin into a heap buffer, then
//                          the same parse_graph(kStructure): read+copy instead of mmap.
//   HeapObjectsBaseline    the same read, then one heap object per edge
//                          (std::vector<std::unique_ptr<Edge>>, names as std::string,
//                          geometry as std::vector): what a conventional deserialising
//                          loader builds.
// Import is measured on Monaco (ImportBundle). See BENCHMARKS.md.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "geo/latlon.h"
#include "map/bundle.h"
#include "map/graph_file.h"
#include "map/mapped_file.h"
#include "map/road_graph.h"

namespace codriver::map {
namespace {

namespace fs = std::filesystem;

fs::path osm_dir() {
  return fs::path(CODRIVER_SHARED_DATA) / "osm";
}

// The extracts, by file name; empty (and a warning) when the shared data is missing.
std::vector<std::string> extract_names() {
  std::vector<std::string> names;
  std::error_code error;
  for (fs::directory_iterator it(osm_dir(), error), end; !error && it != end; it.increment(error)) {
    if (it->is_regular_file()) names.push_back(it->path().filename().string());
  }
  if (names.empty()) std::cerr << "map_bench: no OSM extracts in " << osm_dir().string() << "\n";
  std::sort(names.begin(), names.end());
  return names;
}

// Imports every extract once, on first use; removes the temporary directory at exit.
class Fixture {
 public:
  static const Fixture& get() {
    static const Fixture fixture;
    return fixture;
  }
  fs::path input(const std::string& name) const { return osm_dir() / name; }
  fs::path bundle(const std::string& name) const { return root_ / ("bundle_" + name); }
  const fs::path& scratch() const { return root_; }

  ~Fixture() {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }

 private:
  Fixture()
      : root_(fs::temp_directory_path() / ("codriver_map_bench_" + std::to_string(::getpid()))) {
    fs::remove_all(root_);
    fs::create_directories(root_);
    for (const std::string& name : extract_names()) {
      const ImportReport report = import_bundle(input(name), bundle(name));
      std::cerr << "setup: imported " << name << " (" << fs::file_size(input(name)) << " bytes) in "
                << report.seconds << " s: " << report.summary.nodes << " nodes, "
                << report.summary.edges << " edges, " << fs::file_size(bundle(name) / kGraphFile)
                << " bytes graph.bin, " << report.bundle_bytes << " bytes bundle\n";
    }
  }

  fs::path root_;
};

void describe(benchmark::State& state, const std::string& name) {
  const auto graph_bytes =
      static_cast<double>(fs::file_size(Fixture::get().bundle(name) / kGraphFile));
  state.counters["graph_kB"] = graph_bytes / 1e3;
  state.SetBytesProcessed(
      static_cast<std::int64_t>(static_cast<double>(state.iterations()) * graph_bytes));
}

// --- the real load: mmap + validate ---------------------------------------------

void BM_OpenBundle(benchmark::State& state, const std::string& name, Verify verify) {
  const fs::path dir = Fixture::get().bundle(name);
  std::size_t edges = 0;
  for (auto _ : state) {
    MapBundle bundle = MapBundle::open(dir, verify);
    edges = bundle.graph().edge_count();
    benchmark::DoNotOptimize(edges);
  }
  state.counters["edges"] = static_cast<double>(edges);
  describe(state, name);
}

void BM_MapAndParse(benchmark::State& state, const std::string& name) {
  const fs::path path = Fixture::get().bundle(name) / kGraphFile;
  for (auto _ : state) {
    const MappedFile mapped(path);
    const RoadGraph graph = parse_graph(mapped.bytes(), Verify::kStructure);
    benchmark::DoNotOptimize(graph.edges.data());
  }
  describe(state, name);
}

// --- naive baselines -------------------------------------------------------------

// The whole file, read with std::ifstream into an 8-byte-aligned heap buffer.
std::vector<std::uint64_t> read_graph_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  const auto size = static_cast<std::size_t>(fs::file_size(path));
  std::vector<std::uint64_t> words((size + 7) / 8);
  in.read(reinterpret_cast<char*>(words.data()), static_cast<std::streamsize>(size));
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return words;
}

std::span<const std::byte> bytes_of(const std::vector<std::uint64_t>& words, std::size_t size) {
  return std::as_bytes(std::span(words)).first(size);
}

void BM_ReadCopyBaseline(benchmark::State& state, const std::string& name) {
  const fs::path path = Fixture::get().bundle(name) / kGraphFile;
  const auto size = static_cast<std::size_t>(fs::file_size(path));
  for (auto _ : state) {
    const std::vector<std::uint64_t> words = read_graph_file(path);
    const RoadGraph graph = parse_graph(bytes_of(words, size), Verify::kStructure);
    benchmark::DoNotOptimize(graph.edges.data());
  }
  describe(state, name);
}

struct NaiveEdge {
  NodeId source = 0;
  NodeId target = 0;
  std::int64_t way_id = 0;
  float length_m = 0;
  std::uint16_t flags = 0;
  std::uint8_t speed_kmh = 0;
  format::RoadClass road_class{};
  format::Access access{};
  std::uint8_t lanes = 0;
  std::string name;
  std::string name_zh;
  std::string name_en;
  std::string ref;
  std::vector<geo::LatLon> geometry;
};

struct NaiveNode {
  geo::LatLon position;
  std::int64_t osm_id = 0;
  std::vector<NaiveEdge*> out;
};

struct NaiveGraph {
  std::vector<NaiveNode> nodes;
  std::vector<std::unique_ptr<NaiveEdge>> edges;
  std::vector<format::TurnRestrictionRecord> turn_restrictions;
  std::vector<format::TrafficSignalRecord> traffic_signals;
};

NaiveGraph materialise(const RoadGraph& g) {
  NaiveGraph out;
  out.nodes.resize(g.node_count());
  for (std::size_t i = 0; i < g.node_count(); ++i) {
    out.nodes[i].position = g.position(static_cast<NodeId>(i));
    out.nodes[i].osm_id = g.node_osm_ids[i];
  }
  out.edges.reserve(g.edge_count());
  for (std::size_t i = 0; i < g.edge_count(); ++i) {
    const format::EdgeRecord& r = g.edges[i];
    auto e = std::make_unique<NaiveEdge>();
    e->source = r.source;
    e->target = r.target;
    e->way_id = r.way_id;
    e->length_m = r.length_m;
    e->flags = r.flags;
    e->speed_kmh = r.speed_kmh;
    e->road_class = r.road_class;
    e->access = r.access;
    e->lanes = r.lanes;
    const StreetName name = g.street_name(r);
    e->name = name.name;
    e->name_zh = name.name_zh;
    e->name_en = name.name_en;
    e->ref = name.ref;
    e->geometry = g.edge_geometry(static_cast<EdgeId>(i));
    out.nodes[r.source].out.push_back(e.get());
    out.edges.push_back(std::move(e));
  }
  out.turn_restrictions.assign(g.turn_restrictions.begin(), g.turn_restrictions.end());
  out.traffic_signals.assign(g.traffic_signals.begin(), g.traffic_signals.end());
  return out;
}

void BM_HeapObjectsBaseline(benchmark::State& state, const std::string& name) {
  const fs::path path = Fixture::get().bundle(name) / kGraphFile;
  const auto size = static_cast<std::size_t>(fs::file_size(path));
  for (auto _ : state) {
    NaiveGraph graph;
    {
      const std::vector<std::uint64_t> words = read_graph_file(path);
      graph = materialise(parse_graph(bytes_of(words, size), Verify::kStructure));
    }
    benchmark::DoNotOptimize(graph.edges.data());
  }
  describe(state, name);
}

// --- import ----------------------------------------------------------------------

void BM_ImportBundle(benchmark::State& state, const std::string& name) {
  const Fixture& f = Fixture::get();
  const fs::path input = f.input(name);
  const fs::path out = f.scratch() / "import_out";
  ImportReport report;
  for (auto _ : state) {
    report = import_bundle(input, out);
    benchmark::DoNotOptimize(report.bundle_bytes);
  }
  const auto input_bytes = static_cast<double>(fs::file_size(input));
  state.SetBytesProcessed(
      static_cast<std::int64_t>(static_cast<double>(state.iterations()) * input_bytes));
  state.counters["input_MB"] = input_bytes / 1e6;
  state.counters["bundle_MB"] = static_cast<double>(report.bundle_bytes) / 1e6;
  state.counters["edges"] = static_cast<double>(report.summary.edges);
}

// Registered before main (BENCHMARK_MAIN) for every extract present; the imports
// themselves wait until the first benchmark runs.
bool register_benchmarks() {
  for (const std::string& name : extract_names()) {
    benchmark::RegisterBenchmark(("BM_OpenBundle/structure/" + name).c_str(), BM_OpenBundle, name,
                                 Verify::kStructure)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("BM_OpenBundle/checksums/" + name).c_str(), BM_OpenBundle, name,
                                 Verify::kStructureAndChecksums)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("BM_MapAndParse/" + name).c_str(), BM_MapAndParse, name)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("BM_ReadCopyBaseline/" + name).c_str(), BM_ReadCopyBaseline, name)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("BM_HeapObjectsBaseline/" + name).c_str(), BM_HeapObjectsBaseline,
                                 name)
        ->Unit(benchmark::kMicrosecond);
    if (name == "monaco.osm.pbf") {
      benchmark::RegisterBenchmark(("BM_ImportBundle/" + name).c_str(), BM_ImportBundle, name)
          ->Iterations(3)
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
    }
  }
  return true;
}

const bool registered = register_benchmarks();

}  // namespace
}  // namespace codriver::map

BENCHMARK_MAIN();
