#include "map/graph_file.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "map/checksum.h"
#include "map/errors.h"

namespace codriver::map {

namespace {

using format::SectionEntry;
using format::SectionId;

std::uint64_t align_up(std::uint64_t value) {
  return (value + format::kSectionAlignment - 1) / format::kSectionAlignment *
         format::kSectionAlignment;
}

struct SectionSource {
  SectionId id;
  std::uint32_t element_bytes;
  std::span<const std::byte> bytes;
};

template <typename T>
SectionSource section(SectionId id, std::span<const T> items) {
  return {id, static_cast<std::uint32_t>(sizeof(T)), std::as_bytes(items)};
}

std::vector<SectionSource> sections_of(const RoadGraph& graph) {
  return {section(SectionId::kNodes, graph.nodes),
          section(SectionId::kNodeOsmIds, graph.node_osm_ids),
          section(SectionId::kFirstOut, graph.first_out),
          section(SectionId::kEdges, graph.edges),
          section(SectionId::kShapePoints, graph.shape_points),
          section(SectionId::kNames, graph.names),
          section(SectionId::kStrings, std::span<const char>(graph.strings)),
          section(SectionId::kTurnRestrictions, graph.turn_restrictions),
          section(SectionId::kTrafficSignals, graph.traffic_signals)};
}

[[noreturn]] void corrupt(const std::string& what) {
  throw BundleError("graph.bin is corrupt (" + what +
                    "); re-import the map with `codriver import`");
}

void require(bool condition, const char* what) {
  if (!condition) corrupt(what);
}

}  // namespace

std::vector<std::byte> serialize_graph(const RoadGraph& graph) {
  const std::vector<SectionSource> sources = sections_of(graph);
  std::vector<SectionEntry> table(sources.size());
  std::uint64_t offset =
      align_up(sizeof(format::FileHeader) + sizeof(SectionEntry) * sources.size());
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const SectionSource& source = sources[i];
    table[i] = {source.id,
                source.element_bytes,
                offset,
                source.bytes.size() / source.element_bytes,
                crc32_of(source.bytes),
                0};
    offset = align_up(offset + source.bytes.size());
  }

  format::FileHeader header{};
  std::memcpy(header.magic, format::kGraphMagic, sizeof(header.magic));
  header.format_version = format::kGraphFormatVersion;
  header.endian_marker = format::kEndianMarker;
  header.file_bytes = offset;
  header.section_count = static_cast<std::uint32_t>(table.size());
  header.section_table_crc32 = crc32_of(std::as_bytes(std::span(table)));

  std::vector<std::byte> out(offset);
  std::memcpy(out.data(), &header, sizeof(header));
  std::memcpy(out.data() + sizeof(header), table.data(), sizeof(SectionEntry) * table.size());
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (!sources[i].bytes.empty()) {
      std::memcpy(out.data() + table[i].offset, sources[i].bytes.data(), sources[i].bytes.size());
    }
  }
  return out;
}

namespace {

class GraphParser {
 public:
  GraphParser(std::span<const std::byte> bytes, Verify verify) : bytes_(bytes), verify_(verify) {}

  RoadGraph parse() {
    read_header();
    read_section_table();
    RoadGraph graph;
    graph.nodes = typed<format::NodeRecord>(SectionId::kNodes);
    graph.node_osm_ids = typed<std::int64_t>(SectionId::kNodeOsmIds);
    graph.first_out = typed<std::uint32_t>(SectionId::kFirstOut);
    graph.edges = typed<format::EdgeRecord>(SectionId::kEdges);
    graph.shape_points = typed<format::NodeRecord>(SectionId::kShapePoints);
    graph.names = typed<format::NameRecord>(SectionId::kNames);
    const auto chars = typed<char>(SectionId::kStrings);
    graph.strings = std::string_view(chars.data(), chars.size());
    graph.turn_restrictions = typed<format::TurnRestrictionRecord>(SectionId::kTurnRestrictions);
    graph.traffic_signals = typed<format::TrafficSignalRecord>(SectionId::kTrafficSignals);
    validate(graph);
    return graph;
  }

 private:
  void read_header() {
    if (bytes_.size() < sizeof(format::FileHeader)) {
      corrupt("truncated: " + std::to_string(bytes_.size()) + " bytes, shorter than its header");
    }
    if (reinterpret_cast<std::uintptr_t>(bytes_.data()) % alignof(std::int64_t) != 0) {
      throw BundleError("graph buffer is not 8-byte aligned");
    }
    std::memcpy(&header_, bytes_.data(), sizeof(header_));
    if (std::memcmp(header_.magic, format::kGraphMagic, sizeof(header_.magic)) != 0) {
      corrupt("not a codriver graph file: bad magic");
    }
    require(header_.endian_marker == format::kEndianMarker, "byte order marker does not match");
    if (header_.format_version > format::kGraphFormatVersion) {
      throw BundleError("graph.bin has format version " + std::to_string(header_.format_version) +
                        ", newer than this codriver reads (" +
                        std::to_string(format::kGraphFormatVersion) +
                        "); upgrade codriver or re-import the map");
    }
    require(header_.format_version >= 1, "format version 0 is invalid");
    if (header_.file_bytes != bytes_.size()) {
      corrupt(header_.file_bytes > bytes_.size()
                  ? "truncated: " + std::to_string(bytes_.size()) + " of " +
                        std::to_string(header_.file_bytes) + " bytes"
                  : "unexpected bytes after the last section");
    }
  }

  void read_section_table() {
    require(header_.section_count == format::kSectionKinds, "unexpected number of sections");
    const std::size_t table_bytes = sizeof(SectionEntry) * header_.section_count;
    require(sizeof(format::FileHeader) + table_bytes <= bytes_.size(), "section table truncated");
    table_.resize(header_.section_count);
    std::memcpy(table_.data(), bytes_.data() + sizeof(format::FileHeader), table_bytes);
    require(crc32_of(std::as_bytes(std::span(table_))) == header_.section_table_crc32,
            "section table checksum mismatch");
  }

  template <typename T>
  std::span<const T> typed(SectionId id) {
    const auto entry = std::find_if(table_.begin(), table_.end(),
                                    [id](const SectionEntry& e) { return e.id == id; });
    require(entry != table_.end(), "a section is missing");
    require(entry->element_bytes == sizeof(T), "a section has the wrong record size");
    require(entry->offset % format::kSectionAlignment == 0, "a section is misaligned");
    require(entry->offset <= bytes_.size(), "a section starts past the end");
    require(entry->count <= (bytes_.size() - entry->offset) / sizeof(T),
            "a section runs past the end");
    const auto raw = bytes_.subspan(entry->offset, entry->count * sizeof(T));
    if (verify_ == Verify::kStructureAndChecksums) {
      require(crc32_of(raw) == entry->crc32, "section checksum mismatch");
    }
    return {reinterpret_cast<const T*>(raw.data()), static_cast<std::size_t>(entry->count)};
  }

  static bool valid_position(format::NodeRecord r) {
    return r.lat_e7 >= -900000000 && r.lat_e7 <= 900000000 && r.lon_e7 >= -1800000000 &&
           r.lon_e7 <= 1800000000;
  }

  static void validate_strings(const RoadGraph& g) {
    require(!g.strings.empty() && g.strings.front() == '\0' && g.strings.back() == '\0',
            "string table is not NUL-framed");
    for (const auto& name : g.names) {
      for (std::uint32_t offset : {name.name, name.name_zh, name.name_en, name.ref}) {
        require(offset < g.strings.size(), "name points outside the string table");
      }
    }
  }

  static void validate_nodes(const RoadGraph& g) {
    const std::size_t n = g.nodes.size();
    require(g.node_osm_ids.size() == n, "node id count differs from node count");
    require(g.first_out.size() == n + 1, "edge offsets do not match node count");
    require(g.first_out.front() == 0 && g.first_out.back() == g.edges.size(),
            "edge offsets do not span the edges");
    for (std::size_t i = 0; i < n; ++i) {
      require(g.first_out[i] <= g.first_out[i + 1], "edge offsets decrease");
      require(valid_position(g.nodes[i]), "node coordinate out of range");
    }
    for (const auto& point : g.shape_points) {
      require(valid_position(point), "shape coordinate out of range");
    }
  }

  static void validate_edges(const RoadGraph& g) {
    for (std::size_t node = 0; node < g.nodes.size(); ++node) {
      for (const auto& edge : g.out_edges(static_cast<NodeId>(node))) {
        require(edge.source == node, "edge stored under the wrong source");
        require(edge.target < g.nodes.size(), "edge target out of range");
        require(edge.shape_begin <= g.shape_points.size() &&
                    edge.shape_count <= g.shape_points.size() - edge.shape_begin,
                "edge shape out of range");
        require(edge.name < g.names.size(), "edge name out of range");
        require((edge.flags & ~format::edge_flags::kKnownMask) == 0, "unknown edge flags");
        require(edge.road_class < format::RoadClass::kCount, "unknown road class");
        require(edge.access <= format::Access::kPrivate, "unknown access value");
        require(std::isfinite(edge.length_m) && edge.length_m >= 0, "bad edge length");
        require(edge.speed_kmh > 0, "zero edge speed");
      }
    }
  }

  static void validate_restrictions_and_signals(const RoadGraph& g) {
    for (const auto& r : g.turn_restrictions) {
      require(
          r.from_edge < g.edges.size() && r.to_edge < g.edges.size() && r.via_node < g.nodes.size(),
          "turn restriction out of range");
      require(g.edges[r.from_edge].target == r.via_node && g.edges[r.to_edge].source == r.via_node,
              "turn restriction does not meet at its via node");
      require(r.kind <= format::RestrictionKind::kOnly, "unknown turn restriction kind");
    }
    for (const auto& s : g.traffic_signals) {
      require(s.node < g.nodes.size(), "traffic signal node out of range");
      require(s.direction <= format::SignalDirection::kBackward, "unknown signal direction");
    }
  }

  static void validate(const RoadGraph& g) {
    require(!g.names.empty(), "name table lacks the empty name");
    validate_strings(g);
    validate_nodes(g);
    validate_edges(g);
    validate_restrictions_and_signals(g);
  }

  std::span<const std::byte> bytes_;
  Verify verify_;
  format::FileHeader header_{};
  std::vector<SectionEntry> table_;
};

}  // namespace

RoadGraph parse_graph(std::span<const std::byte> bytes, Verify verify) {
  return GraphParser(bytes, verify).parse();
}

}  // namespace codriver::map
