// libFuzzer target for the graph.bin reader (src/map/graph_file.h).
//
// parse_graph promises that a truncated, corrupt or hostile file throws BundleError
// and never yields a view that reads out of bounds. This target holds it to that:
//   * the input is parsed twice, with Verify::kStructure (so mutations get past the
//     section checksums and reach the structural checks) and with
//     Verify::kStructureAndChecksums (the path a bundle with no manifest would take);
//   * only BundleError is caught: any other exception escapes and is a finding, as
//     is any crash or sanitizer report;
//   * when a parse succeeds, every accessor of the view is exercised over the whole
//     graph (out_edges, edge_geometry, street_name, restrictions, signals), so an
//     under-validated view shows up as an out-of-bounds read under ASan.
//
// The same file is linked into graph_reader_regression (regression_main.cpp), which
// replays fuzz/corpus/graph_reader under CTest in the ordinary gcc build.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <string_view>

#include "map/errors.h"
#include "map/graph_file.h"
#include "map/road_graph.h"

namespace {

using codriver::map::BundleError;
using codriver::map::RoadGraph;
using codriver::map::Verify;
namespace format = codriver::map::format;

// Folds everything read into a value the optimiser cannot discard.
struct Sink {
  std::uint64_t value = 0;
  void add(std::uint64_t v) { value = value * 1099511628211ull ^ v; }
  void text(std::string_view s) {
    add(s.size());
    for (char c : s)
      add(static_cast<unsigned char>(c));
  }
  void real(double d) {
    std::uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    add(bits);
  }
};

// Keeps the walk observable without printing anything.
volatile std::uint64_t observed = 0;

// A view that parse_graph accepted but that contradicts its own promises.
[[noreturn]] void finding(const char* what) {
  std::fprintf(stderr, "graph_reader_fuzz: accepted graph is inconsistent: %s\n", what);
  std::abort();
}

struct AlignedFree {
  void operator()(std::byte* p) const { ::operator delete (p, std::align_val_t{8}); }
};

void walk(const RoadGraph& g, Sink& sink) {
  if (g.first_out.size() != g.node_count() + 1) finding("first_out size");
  for (std::size_t node = 0; node < g.node_count(); ++node) {
    const auto id = static_cast<codriver::map::NodeId>(node);
    const auto position = g.position(id);
    sink.real(position.lat);
    sink.real(position.lon);
    sink.add(static_cast<std::uint64_t>(g.node_osm_ids[node]));
    const auto out = g.out_edges(id);
    std::uint64_t index = g.first_edge(id);
    for (const format::EdgeRecord& edge : out) {
      if (edge.source != node) finding("edge under the wrong source");
      const auto line = g.edge_geometry(static_cast<codriver::map::EdgeId>(index));
      if (line.size() != edge.shape_count + 2u) finding("edge geometry size");
      for (const auto& p : line) {
        sink.real(p.lat);
        sink.real(p.lon);
      }
      const auto name = g.street_name(edge);
      sink.text(name.name);
      sink.text(name.name_zh);
      sink.text(name.name_en);
      sink.text(name.ref);
      sink.real(g.position(edge.target).lat);
      ++index;
    }
  }
  for (const auto& r : g.turn_restrictions) {
    const auto& from = g.edges[r.from_edge];
    const auto& to = g.edges[r.to_edge];
    sink.add(from.target);
    sink.add(to.source);
    sink.real(g.position(r.via_node).lat);
    sink.text(g.street_name(from).name);
    sink.text(g.street_name(to).name);
  }
  for (const auto& s : g.traffic_signals) {
    sink.real(g.position(s.node).lon);
    sink.add(g.out_edges(s.node).size());
  }
  for (const auto& n : g.names) {
    sink.text(g.string_at(n.name));
    sink.text(g.string_at(n.ref));
  }
}

void parse_and_walk(std::span<const std::byte> bytes, Verify verify, Sink& sink) {
  try {
    const RoadGraph graph = codriver::map::parse_graph(bytes, verify);
    walk(graph, sink);
  } catch (const BundleError& error) {
    sink.text(std::string_view(error.what()));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // parse_graph needs an 8-byte-aligned buffer (the file is mapped in place). Use an
  // exactly sized allocation so that ASan catches a read one byte past the end.
  const std::size_t allocated = size == 0 ? 1 : size;
  const std::unique_ptr<std::byte, AlignedFree> buffer(
      static_cast<std::byte*>(::operator new (allocated, std::align_val_t{8})));
  if (size != 0) std::memcpy(buffer.get(), data, size);
  const std::span<const std::byte> bytes(buffer.get(), size);

  Sink sink;
  parse_and_walk(bytes, Verify::kStructure, sink);
  parse_and_walk(bytes, Verify::kStructureAndChecksums, sink);
  observed = sink.value;
  return 0;
}
