// Writes the hand-made part of the fuzz regression corpora:
//
//   make_graph_corpus FUZZ_DIR      (normally fuzz/)
//
// FUZZ_DIR/corpus/graph_reader (graph.bin inputs for graph_reader_fuzz):
//
// A tiny but complete road graph (bilingual names, one-way and two-way roads with
// shape points, a turn restriction, traffic signals), an empty graph and a small
// grid, each serialised with serialize_graph; then damaged copies of the tiny one,
// each aimed at one check of the reader:
//   trunc_*     cut short at interesting lengths
//   hdr_*       header fields (magic, version, byte order, size, section count)
//   table_*     section table entries, checksums recomputed so they reach the check
//   bad_*       well-formed files whose content is wrong (serialized from broken
//               RoadGraphData, so every checksum is valid)
//   flip_*      one flipped byte in each region, checksums left stale
// FUZZ_DIR/corpus/bundle_manifest (bundle.json inputs for bundle_manifest_fuzz): a
// valid manifest for the files of bundle_fixture.h, and variations of it. Variations
// that the code under test does not survive yet (kOpenFindings) go to
// FUZZ_DIR/findings/bundle_manifest instead, so that the CTest corpus stays green;
// once the bug is fixed, drop the name from kOpenFindings and rerun.
// The output is deterministic, so rerunning it over the corpus rewrites the same files.
// Inputs the fuzzers found are kept beside these as found_*.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bundle_fixture.h"
#include "map/bundle_format.h"
#include "map/checksum.h"
#include "map/graph_file.h"
#include "map/road_graph.h"

namespace fs = std::filesystem;
using namespace codriver::map;
using format::EdgeRecord;
using format::FileHeader;
using format::SectionEntry;
using format::SectionId;

namespace {

using Bytes = std::vector<std::byte>;

class StringTable {
 public:
  StringTable() { chars_.push_back('\0'); }
  std::uint32_t add(std::string_view text) {
    if (text.empty()) return 0;
    const auto offset = static_cast<std::uint32_t>(chars_.size());
    chars_.insert(chars_.end(), text.begin(), text.end());
    chars_.push_back('\0');
    return offset;
  }
  std::vector<char> chars() const { return chars_; }

 private:
  std::vector<char> chars_;
};

format::NodeRecord at(double lat, double lon) {
  return to_record({lat, lon});
}

EdgeRecord edge(std::uint32_t source, std::uint32_t target, std::uint32_t name,
                std::uint32_t shape_begin, std::uint16_t shape_count, std::uint16_t flags,
                format::RoadClass road_class, std::uint8_t speed, float length) {
  EdgeRecord e{};
  e.source = source;
  e.target = target;
  e.shape_begin = shape_begin;
  e.name = name;
  e.way_id = 1000 + source * 10 + target;
  e.length_m = length;
  e.shape_count = shape_count;
  e.flags = flags;
  e.speed_kmh = speed;
  e.road_class = road_class;
  e.access = format::Access::kYes;
  e.lanes = 2;
  return e;
}

void finish_first_out(RoadGraphData& g) {
  g.first_out.assign(g.nodes.size() + 1, 0);
  for (const auto& e : g.edges)
    ++g.first_out[e.source + 1];
  for (std::size_t i = 1; i < g.first_out.size(); ++i)
    g.first_out[i] += g.first_out[i - 1];
}

// Five nodes around a small square in Taipei:
//   0 --(two-way, 2 shape points)-- 1 --(one-way)--> 2
//   1 --(two-way)-- 3,  3 --(two-way, private)-- 4
RoadGraphData tiny_graph() {
  RoadGraphData g;
  g.nodes = {at(25.0478, 121.5170), at(25.0480, 121.5190), at(25.0490, 121.5195),
             at(25.0470, 121.5192), at(25.0465, 121.5210)};
  g.node_osm_ids = {101, 102, 103, 104, 105};
  StringTable s;
  g.names.push_back({0, 0, 0, 0});
  g.names.push_back(
      {s.add("忠孝西路"), s.add("忠孝西路"), s.add("Zhongxiao West Road"), s.add("1")});
  g.names.push_back({s.add("館前路"), 0, s.add("Guanqian Road"), 0});
  g.names.push_back({0, 0, 0, s.add("M1")});
  g.strings = s.chars();
  g.shape_points = {at(25.0479, 121.5176), at(25.04795, 121.5183)};
  using format::RoadClass;
  namespace f = format::edge_flags;
  g.edges = {
      edge(0, 1, 1, 0, 2, f::kForward | f::kMaxspeedTagged, RoadClass::kPrimary, 50, 205.5f),
      edge(1, 0, 1, 0, 2, 0, RoadClass::kPrimary, 50, 205.5f),
      edge(1, 2, 2, 2, 0, f::kForward | f::kOneway, RoadClass::kSecondary, 40, 118.0f),
      edge(1, 3, 3, 2, 0, f::kForward | f::kBridge, RoadClass::kResidential, 30, 111.2f),
      edge(3, 1, 3, 2, 0, f::kBridge, RoadClass::kResidential, 30, 111.2f),
      edge(3, 4, 0, 2, 0, f::kForward | f::kToll | f::kTunnel | f::kRoundabout, RoadClass::kService,
           10, 190.0f),
      edge(4, 3, 0, 2, 0, 0, RoadClass::kService, 10, 190.0f),
  };
  g.edges[5].access = format::Access::kPrivate;
  g.edges[6].access = format::Access::kDestination;
  g.edges[6].lanes = 0;
  finish_first_out(g);
  // No left turn from 0->1 onto 1->3; only straight on from 3->1 to 1->2.
  g.turn_restrictions = {{0, 1, 3, format::RestrictionKind::kNo, {}, 5001},
                         {4, 1, 2, format::RestrictionKind::kOnly, {}, 5002}};
  g.traffic_signals = {{1, format::SignalDirection::kBoth, {}, 102},
                       {3, format::SignalDirection::kForward, {}, 104},
                       {3, format::SignalDirection::kBackward, {}, 104}};
  return g;
}

RoadGraphData empty_graph() {
  RoadGraphData g;
  g.first_out = {0};
  g.names.push_back({0, 0, 0, 0});
  g.strings = {'\0'};
  return g;
}

// An n x n grid of two-way streets, for a seed with some bulk.
RoadGraphData grid_graph(std::uint32_t n) {
  RoadGraphData g;
  StringTable s;
  g.names.push_back({0, 0, 0, 0});
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::string street = std::to_string(i + 1) + "th Street";
    g.names.push_back({s.add(street), 0, s.add(street), 0});
  }
  g.strings = s.chars();
  for (std::uint32_t r = 0; r < n; ++r) {
    for (std::uint32_t c = 0; c < n; ++c) {
      g.nodes.push_back(at(40.73 + r * 0.001, -74.0 + c * 0.001));
      g.node_osm_ids.push_back(9000 + r * n + c);
    }
  }
  using format::RoadClass;
  for (std::uint32_t v = 0; v < n * n; ++v) {
    const std::uint32_t r = v / n, c = v % n;
    auto add = [&](std::uint32_t w, bool forward) {
      g.edges.push_back(edge(v, w, 1 + r, 0, 0, forward ? format::edge_flags::kForward : 0,
                             RoadClass::kResidential, 30, 100.0f));
    };
    if (c > 0) add(v - 1, false);
    if (c + 1 < n) add(v + 1, true);
    if (r > 0) add(v - n, false);
    if (r + 1 < n) add(v + n, true);
  }
  finish_first_out(g);
  g.traffic_signals.push_back({n + 1, format::SignalDirection::kBoth, {}, 9000 + n + 1});
  return g;
}

Bytes serialize(const RoadGraphData& g) {
  return serialize_graph(g.view());
}

FileHeader header_of(const Bytes& b) {
  FileHeader h;
  std::memcpy(&h, b.data(), sizeof h);
  return h;
}
void set_header(Bytes& b, const FileHeader& h) {
  std::memcpy(b.data(), &h, sizeof h);
}

SectionEntry* table_of(Bytes& b) {
  return reinterpret_cast<SectionEntry*>(b.data() + sizeof(FileHeader));
}
SectionEntry& entry(Bytes& b, SectionId id) {
  SectionEntry* table = table_of(b);
  for (std::uint32_t i = 0; i < format::kSectionKinds; ++i) {
    if (table[i].id == id) return table[i];
  }
  throw std::runtime_error("no such section");
}

// Recomputes every section checksum and the table checksum, so that a damaged
// file fails only the check it was made for.
void reseal(Bytes& b) {
  SectionEntry* table = table_of(b);
  for (std::uint32_t i = 0; i < format::kSectionKinds; ++i) {
    SectionEntry& e = table[i];
    const std::uint64_t size = e.count * e.element_bytes;
    if (e.offset <= b.size() && size <= b.size() - e.offset) {
      e.crc32 = crc32_of(std::span<const std::byte>(b).subspan(e.offset, size));
    }
  }
  FileHeader h = header_of(b);
  h.section_table_crc32 = crc32_of(std::span<const std::byte>(b).subspan(
      sizeof(FileHeader), sizeof(SectionEntry) * format::kSectionKinds));
  set_header(b, h);
}

Bytes with_table_edit(const Bytes& base, const std::function<void(Bytes&)>& edit) {
  Bytes b = base;
  edit(b);
  reseal(b);
  return b;
}

Bytes with_data_edit(const RoadGraphData& base, const std::function<void(RoadGraphData&)>& edit) {
  RoadGraphData g = base;
  edit(g);
  return serialize(g);
}

class Writer {
 public:
  explicit Writer(fs::path dir) : dir_(std::move(dir)) { fs::create_directories(dir_); }
  void write(const std::string& name, std::string_view text) {
    write(name, Bytes(reinterpret_cast<const std::byte*>(text.data()),
                      reinterpret_cast<const std::byte*>(text.data()) + text.size()));
  }
  void write(const std::string& name, const Bytes& bytes) {
    std::ofstream out(dir_ / name, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + (dir_ / name).string());
    ++files_;
    bytes_ += bytes.size();
  }
  void report() const {
    std::cout << "wrote " << files_ << " files, " << bytes_ << " bytes, to " << dir_.string()
              << "\n";
  }

 private:
  fs::path dir_;
  std::size_t files_ = 0;
  std::size_t bytes_ = 0;
};

// Manifest variations that MapBundle does not handle yet (see fuzz/README.md).
const std::vector<std::string> kOpenFindings = {};

void write_manifest_corpus(const fs::path& corpus, const fs::path& findings) {
  using nlohmann::json;
  const fs::path scratch = fs::temp_directory_path() / "codriver_make_manifest_corpus";
  codriver::fuzz::write_fixture_files(scratch);
  const auto file_entry = [&](const char* name) {
    return json{{"bytes", fs::file_size(scratch / name)}, {"crc32", crc32_of_file(scratch / name)}};
  };
  const json valid = {
      {"format", "codriver-map-bundle"},
      {"format_version", 1},
      {"graph_format_version", format::kGraphFormatVersion},
      {"created_utc", "2024-01-01T00:00:00Z"},
      {"source", {{"file", "fixture.osm.pbf"}, {"bytes", 1234}}},
      {"bbox", {7.4246, 43.7384, 7.4260, 43.7390}},
      {"counts",
       {{"nodes", 2},
        {"edges", 2},
        {"traffic_signals", 0},
        {"turn_restrictions", 0},
        {"places", {{"restaurant", 1}}}}},
      {"osm_objects_read", {{"nodes", 3}, {"ways", 1}, {"relations", 0}}},
      {"import_warnings", json::object()},
      {"files", {{kGraphFile, file_entry(kGraphFile)}, {kPlacesFile, file_entry(kPlacesFile)}}}};
  fs::remove_all(scratch);

  Writer corpus_out(corpus);
  Writer findings_out(findings);
  struct {
    Writer& corpus;
    Writer& findings;
    void write(const std::string& name, std::string_view text) {
      const bool open =
          std::find(kOpenFindings.begin(), kOpenFindings.end(), name) != kOpenFindings.end();
      (open ? findings : corpus).write(name, text);
    }
  } out{corpus_out, findings_out};
  out.write("valid.json", valid.dump(2) + "\n");
  out.write("valid_compact.json", valid.dump());
  json minimal = {{"format", valid["format"]}, {"format_version", 1}, {"files", valid["files"]}};
  out.write("valid_minimal.json", minimal.dump());
  auto variant = [&](const std::string& name, const std::function<void(json&)>& edit) {
    json j = valid;
    edit(j);
    out.write(name, j.dump());
  };
  out.write("empty.json", std::string_view());
  out.write("not_json.json", std::string_view("CDRGRAPH"));
  out.write("truncated.json", valid.dump().substr(0, 100));
  out.write("array.json", std::string_view("[1,2,3]"));
  out.write("null.json", std::string_view("null"));
  out.write("deep.json", std::string(2000, '[') + std::string(2000, ']'));
  variant("format_wrong.json", [](json& j) { j["format"] = "something-else"; });
  variant("format_number.json", [](json& j) { j["format"] = 7; });
  variant("version_newer.json", [](json& j) { j["format_version"] = 2; });
  variant("version_zero.json", [](json& j) { j["format_version"] = 0; });
  variant("version_negative.json", [](json& j) { j["format_version"] = -1; });
  variant("version_string.json", [](json& j) { j["format_version"] = "1"; });
  variant("version_float.json", [](json& j) { j["format_version"] = 1.5; });
  variant("version_huge.json", [](json& j) { j["format_version"] = 1e30; });
  variant("files_missing.json", [](json& j) { j.erase("files"); });
  variant("files_array.json", [](json& j) { j["files"] = json::array(); });
  variant("files_no_graph.json", [](json& j) { j["files"].erase(kGraphFile); });
  variant("files_no_places.json", [](json& j) { j["files"].erase(kPlacesFile); });
  variant("files_graph_null.json", [](json& j) { j["files"][kGraphFile] = nullptr; });
  variant("files_bytes_wrong.json", [](json& j) { j["files"][kGraphFile]["bytes"] = 64; });
  variant("files_bytes_negative.json", [](json& j) { j["files"][kPlacesFile]["bytes"] = -1; });
  variant("files_bytes_string.json", [](json& j) { j["files"][kGraphFile]["bytes"] = "576"; });
  variant("files_crc_wrong.json", [](json& j) { j["files"][kGraphFile]["crc32"] = 1; });
  variant("files_crc_string.json", [](json& j) { j["files"][kPlacesFile]["crc32"] = "x"; });
  variant("files_crc_huge.json", [](json& j) { j["files"][kGraphFile]["crc32"] = 1ull << 40; });
  variant("source_string.json", [](json& j) { j["source"] = "fixture.osm.pbf"; });
  variant("source_bytes_string.json", [](json& j) { j["source"]["bytes"] = "1234"; });
  variant("source_file_number.json", [](json& j) { j["source"]["file"] = 5; });
  variant("bbox_strings.json", [](json& j) { j["bbox"] = {"a", "b", "c", "d"}; });
  variant("bbox_short.json", [](json& j) { j["bbox"] = {1.0, 2.0}; });
  variant("bbox_empty.json", [](json& j) { j["bbox"] = json::array(); });
  variant("bbox_object.json", [](json& j) { j["bbox"] = json::object(); });
  variant("bbox_out_of_range.json", [](json& j) { j["bbox"] = {500.0, -100.0, 1e300, 95.0}; });
  corpus_out.report();
  findings_out.report();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " FUZZ_DIR\n";
    return 2;
  }
  const fs::path fuzz_dir = argv[1];
  write_manifest_corpus(fuzz_dir / "corpus" / "bundle_manifest",
                        fuzz_dir / "findings" / "bundle_manifest");
  Writer out(fuzz_dir / "corpus" / "graph_reader");
  const RoadGraphData tiny = tiny_graph();
  const Bytes valid = serialize(tiny);
  // The seeds must parse, or the corpus would not exercise the accessors.
  parse_graph(valid);
  out.write("valid_tiny.bin", valid);
  out.write("valid_empty.bin", serialize(empty_graph()));
  out.write("valid_grid6.bin", serialize(grid_graph(6)));

  // Truncated.
  for (std::size_t length :
       {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{8}, sizeof(FileHeader) - 1,
        sizeof(FileHeader), sizeof(FileHeader) + sizeof(SectionEntry) * 4,
        sizeof(FileHeader) + sizeof(SectionEntry) * format::kSectionKinds, valid.size() / 2,
        valid.size() - 64, valid.size() - 8, valid.size() - 1}) {
    out.write("trunc_" + std::to_string(length) + ".bin",
              Bytes(valid.begin(), valid.begin() + length));
  }
  {  // Cut short, but the header claims the shorter size (only the sections know).
    Bytes b(valid.begin(), valid.end() - 64);
    FileHeader h = header_of(b);
    h.file_bytes = b.size();
    set_header(b, h);
    out.write("trunc_size_patched.bin", b);
  }
  {
    Bytes b = valid;
    b.resize(b.size() + 64);
    out.write("trailing_bytes.bin", b);
  }

  // Header fields (the header has no checksum of its own).
  auto header_edit = [&](const std::string& name, const std::function<void(FileHeader&)>& edit) {
    Bytes b = valid;
    FileHeader h = header_of(b);
    edit(h);
    set_header(b, h);
    out.write(name, b);
  };
  header_edit("hdr_bad_magic.bin", [](FileHeader& h) { h.magic[0] = 'X'; });
  header_edit("hdr_newer_version.bin", [](FileHeader& h) { h.format_version = 2; });
  header_edit("hdr_max_version.bin", [](FileHeader& h) { h.format_version = 0xffffffffu; });
  header_edit("hdr_version_zero.bin", [](FileHeader& h) { h.format_version = 0; });
  header_edit("hdr_big_endian.bin", [](FileHeader& h) { h.endian_marker = 0x04030201; });
  header_edit("hdr_file_bytes_huge.bin", [](FileHeader& h) { h.file_bytes = ~0ull; });
  header_edit("hdr_file_bytes_small.bin", [](FileHeader& h) { h.file_bytes = 40; });
  header_edit("hdr_sections_8.bin", [](FileHeader& h) { h.section_count = 8; });
  header_edit("hdr_sections_10.bin", [](FileHeader& h) { h.section_count = 10; });
  header_edit("hdr_sections_huge.bin", [](FileHeader& h) { h.section_count = 0x7fffffffu; });
  header_edit("hdr_table_crc.bin", [](FileHeader& h) { h.section_table_crc32 ^= 1; });

  // Section table entries, resealed.
  auto table = [&](const std::string& name, const std::function<void(Bytes&)>& edit) {
    out.write(name, with_table_edit(valid, edit));
  };
  table("table_missing_section.bin",
        [](Bytes& b) { entry(b, SectionId::kTrafficSignals).id = SectionId::kNodes; });
  table("table_unknown_id.bin",
        [](Bytes& b) { entry(b, SectionId::kStrings).id = static_cast<SectionId>(99); });
  table("table_record_size.bin", [](Bytes& b) { entry(b, SectionId::kEdges).element_bytes = 32; });
  table("table_misaligned.bin", [](Bytes& b) { entry(b, SectionId::kEdges).offset += 8; });
  table("table_offset_past_end.bin",
        [](Bytes& b) { entry(b, SectionId::kNodes).offset = b.size() + 64; });
  table("table_offset_huge.bin", [](Bytes& b) { entry(b, SectionId::kNodes).offset = ~0ull - 63; });
  table("table_count_past_end.bin", [](Bytes& b) { entry(b, SectionId::kEdges).count += 100; });
  table("table_count_overflow.bin",
        [](Bytes& b) { entry(b, SectionId::kEdges).count = (~0ull / 40) + 2; });
  table("table_count_wraps.bin",
        [](Bytes& b) { entry(b, SectionId::kShapePoints).count = 1ull << 61; });
  table("table_sections_overlap.bin", [](Bytes& b) {
    // Node ids read from the node section: structurally fine, meaningless ids.
    entry(b, SectionId::kNodeOsmIds).offset = entry(b, SectionId::kNodes).offset;
  });
  table("table_section_over_header.bin", [](Bytes& b) {
    entry(b, SectionId::kStrings).offset = 0;
    entry(b, SectionId::kStrings).count = 8;
  });
  table("table_empty_names.bin", [](Bytes& b) { entry(b, SectionId::kNames).count = 0; });
  table("table_empty_strings.bin", [](Bytes& b) { entry(b, SectionId::kStrings).count = 0; });
  table("table_empty_first_out.bin", [](Bytes& b) { entry(b, SectionId::kFirstOut).count = 0; });
  table("table_fewer_nodes.bin", [](Bytes& b) {
    entry(b, SectionId::kNodes).count -= 1;
    entry(b, SectionId::kNodeOsmIds).count -= 1;
  });
  table("table_fewer_edges.bin", [](Bytes& b) { entry(b, SectionId::kEdges).count -= 1; });
  table("table_short_strings.bin", [](Bytes& b) { entry(b, SectionId::kStrings).count -= 4; });

  // Well-formed, checksummed files whose content is wrong.
  auto bad = [&](const std::string& name, const std::function<void(RoadGraphData&)>& edit) {
    out.write(name, with_data_edit(tiny, edit));
  };
  bad("bad_no_names.bin", [](RoadGraphData& g) {
    g.names.clear();
    for (auto& e : g.edges)
      e.name = 0;
  });
  bad("bad_strings_not_framed_front.bin", [](RoadGraphData& g) { g.strings.front() = 'x'; });
  bad("bad_strings_not_terminated.bin", [](RoadGraphData& g) { g.strings.back() = 'x'; });
  bad("bad_name_offset.bin",
      [](RoadGraphData& g) { g.names[2].name_en = static_cast<std::uint32_t>(g.strings.size()); });
  bad("bad_name_offset_huge.bin", [](RoadGraphData& g) { g.names[1].ref = 0xffffffffu; });
  bad("bad_osm_id_count.bin", [](RoadGraphData& g) { g.node_osm_ids.pop_back(); });
  bad("bad_first_out_size.bin", [](RoadGraphData& g) { g.first_out.pop_back(); });
  bad("bad_first_out_front.bin", [](RoadGraphData& g) { g.first_out.front() = 1; });
  bad("bad_first_out_back.bin", [](RoadGraphData& g) { g.first_out.back() += 1; });
  bad("bad_first_out_back_short.bin", [](RoadGraphData& g) { g.first_out.back() -= 1; });
  bad("bad_first_out_decreasing.bin", [](RoadGraphData& g) { g.first_out[2] = 0; });
  bad("bad_first_out_huge.bin", [](RoadGraphData& g) { g.first_out[2] = 0xfffffff0u; });
  bad("bad_node_lat.bin", [](RoadGraphData& g) { g.nodes[3].lat_e7 = 900000001; });
  bad("bad_node_lon.bin",
      [](RoadGraphData& g) { g.nodes[0].lon_e7 = std::numeric_limits<std::int32_t>::min(); });
  bad("bad_shape_lat.bin", [](RoadGraphData& g) { g.shape_points[1].lat_e7 = -900000001; });
  bad("bad_edge_source.bin", [](RoadGraphData& g) { g.edges[2].source = 3; });
  bad("bad_edge_target.bin", [](RoadGraphData& g) { g.edges[4].target = 5; });
  bad("bad_edge_target_huge.bin", [](RoadGraphData& g) { g.edges[0].target = 0xffffffffu; });
  bad("bad_edge_shape_begin.bin", [](RoadGraphData& g) { g.edges[3].shape_begin = 3; });
  bad("bad_edge_shape_count.bin", [](RoadGraphData& g) { g.edges[1].shape_count = 3; });
  bad("bad_edge_shape_wrap.bin", [](RoadGraphData& g) {
    g.edges[0].shape_begin = 0xffffffffu;
    g.edges[0].shape_count = 2;
  });
  bad("bad_edge_name.bin", [](RoadGraphData& g) { g.edges[5].name = 4; });
  bad("bad_edge_flags.bin", [](RoadGraphData& g) { g.edges[2].flags |= 0x8000; });
  bad("bad_edge_road_class.bin",
      [](RoadGraphData& g) { g.edges[2].road_class = format::RoadClass::kCount; });
  bad("bad_edge_access.bin",
      [](RoadGraphData& g) { g.edges[0].access = static_cast<format::Access>(3); });
  bad("bad_edge_length_nan.bin", [](RoadGraphData& g) { g.edges[1].length_m = std::nanf(""); });
  bad("bad_edge_length_inf.bin",
      [](RoadGraphData& g) { g.edges[1].length_m = std::numeric_limits<float>::infinity(); });
  bad("bad_edge_length_negative.bin", [](RoadGraphData& g) { g.edges[1].length_m = -1.0f; });
  bad("bad_edge_speed_zero.bin", [](RoadGraphData& g) { g.edges[6].speed_kmh = 0; });
  bad("bad_restriction_from.bin", [](RoadGraphData& g) { g.turn_restrictions[0].from_edge = 7; });
  bad("bad_restriction_to.bin",
      [](RoadGraphData& g) { g.turn_restrictions[1].to_edge = 0xffffffffu; });
  bad("bad_restriction_via.bin", [](RoadGraphData& g) { g.turn_restrictions[0].via_node = 5; });
  bad("bad_restriction_not_meeting.bin",
      [](RoadGraphData& g) { g.turn_restrictions[0].via_node = 0; });
  bad("bad_restriction_kind.bin", [](RoadGraphData& g) {
    g.turn_restrictions[1].kind = static_cast<format::RestrictionKind>(2);
  });
  bad("bad_signal_node.bin", [](RoadGraphData& g) { g.traffic_signals[2].node = 5; });
  bad("bad_signal_direction.bin", [](RoadGraphData& g) {
    g.traffic_signals[0].direction = static_cast<format::SignalDirection>(3);
  });

  // One flipped byte per region, checksums left stale: rejected with checksums,
  // and with kStructure either rejected or accepted as a different, valid graph.
  {
    Bytes sealed = valid;
    auto flip = [&](const std::string& name, std::uint64_t at, std::byte mask) {
      Bytes b = sealed;
      b[at] ^= mask;
      out.write(name, b);
    };
    flip("flip_header_reserved.bin", offsetof(FileHeader, reserved), std::byte{0x01});
    flip("flip_table.bin", sizeof(FileHeader) + 8, std::byte{0x40});
    const std::pair<const char*, SectionId> regions[] = {
        {"nodes", SectionId::kNodes},           {"osm_ids", SectionId::kNodeOsmIds},
        {"first_out", SectionId::kFirstOut},    {"edges", SectionId::kEdges},
        {"shapes", SectionId::kShapePoints},    {"names", SectionId::kNames},
        {"strings", SectionId::kStrings},       {"restrictions", SectionId::kTurnRestrictions},
        {"signals", SectionId::kTrafficSignals}};
    for (const auto& [label, id] : regions) {
      const std::uint64_t offset = entry(sealed, id).offset;
      flip(std::string("flip_") + label + ".bin", offset + 1, std::byte{0x80});
    }
    // Edge 6's target, low byte: 4 -> 3 becomes 4 -> 2, still in range and in no
    // restriction, so the structure holds and only the checksum can tell.
    flip("flip_edge_target_in_range.bin",
         entry(sealed, SectionId::kEdges).offset + 6 * sizeof(EdgeRecord) +
             offsetof(EdgeRecord, target),
         std::byte{0x01});
  }
  out.report();
  return 0;
}
