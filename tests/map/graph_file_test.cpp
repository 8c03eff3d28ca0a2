#include "map/graph_file.h"

#include <gtest/gtest.h>

#include <cstring>

#include "map/errors.h"
#include "map/graph_fixture.h"

namespace codriver::map {
namespace {

// parse_graph needs 8-byte alignment, as mmap gives; a vector of uint64 provides it.
class AlignedBytes {
 public:
  explicit AlignedBytes(std::span<const std::byte> bytes)
      : storage_((bytes.size() + 7) / 8), size_(bytes.size()) {
    if (!bytes.empty()) std::memcpy(storage_.data(), bytes.data(), bytes.size());
  }
  std::span<const std::byte> span() const {
    return {reinterpret_cast<const std::byte*>(storage_.data()), size_};
  }
  std::byte* data() { return reinterpret_cast<std::byte*>(storage_.data()); }

 private:
  std::vector<std::uint64_t> storage_;
  std::size_t size_;
};

class GraphFileTest : public ::testing::Test {
 protected:
  ImportStats stats;
  RoadGraphData data = testing::build_fixture_graph(stats);
  std::vector<std::byte> bytes = serialize_graph(data.view());
};

std::string parse_error(std::span<const std::byte> bytes, Verify verify) {
  AlignedBytes aligned(bytes);
  try {
    parse_graph(aligned.span(), verify);
  } catch (const BundleError& error) {
    return error.what();
  }
  return "";
}

TEST_F(GraphFileTest, RoundTripsEveryArray) {
  AlignedBytes aligned(bytes);
  const RoadGraph graph = parse_graph(aligned.span());
  ASSERT_EQ(graph.node_count(), data.nodes.size());
  ASSERT_EQ(graph.edge_count(), data.edges.size());
  EXPECT_EQ(std::memcmp(graph.edges.data(), data.edges.data(), graph.edges.size_bytes()), 0);
  EXPECT_EQ(std::vector<std::int64_t>(graph.node_osm_ids.begin(), graph.node_osm_ids.end()),
            data.node_osm_ids);
  EXPECT_EQ(graph.turn_restrictions.size(), data.turn_restrictions.size());
  EXPECT_EQ(graph.traffic_signals.size(), data.traffic_signals.size());
  EXPECT_EQ(graph.street_name(graph.edges[0]).name, data.view().street_name(data.edges[0]).name);
}

TEST_F(GraphFileTest, EveryTruncationIsDetected) {
  for (std::size_t length = 0; length < bytes.size(); ++length) {
    const std::string error = parse_error(std::span(bytes).first(length), Verify::kStructure);
    EXPECT_FALSE(error.empty()) << "truncated to " << length;
  }
  EXPECT_NE(
      parse_error(std::span(bytes).first(bytes.size() - 1), Verify::kStructure).find("truncated"),
      std::string::npos);
}

TEST_F(GraphFileTest, EverySingleByteCorruptionIsCaughtByChecksums) {
  // Every byte of the header, the section table and the sections themselves is
  // covered; only the alignment padding between sections is not.
  format::FileHeader header;
  std::memcpy(&header, bytes.data(), sizeof(header));
  std::vector<format::SectionEntry> table(header.section_count);
  std::memcpy(table.data(), bytes.data() + sizeof(header), table.size() * sizeof(table[0]));
  std::vector<bool> covered(bytes.size(), false);
  std::fill_n(covered.begin(), sizeof(header) + table.size() * sizeof(table[0]), true);
  for (const auto& section : table) {
    std::fill_n(covered.begin() + static_cast<std::ptrdiff_t>(section.offset),
                section.count * section.element_bytes, true);
  }
  std::size_t checked = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (!covered[i] || (i >= 32 && i < 40)) continue;  // header's reserved words carry nothing
    std::vector<std::byte> corrupt = bytes;
    corrupt[i] ^= std::byte{0x5A};
    EXPECT_FALSE(parse_error(corrupt, Verify::kStructureAndChecksums).empty()) << "byte " << i;
    ++checked;
  }
  EXPECT_GT(checked, bytes.size() / 2);
}

TEST_F(GraphFileTest, BadMagicAndNewerVersionsHaveClearMessages) {
  std::vector<std::byte> not_ours = bytes;
  not_ours[0] = std::byte{'X'};
  EXPECT_NE(parse_error(not_ours, Verify::kStructure).find("bad magic"), std::string::npos);

  std::vector<std::byte> newer = bytes;
  const std::uint32_t version = format::kGraphFormatVersion + 1;
  std::memcpy(newer.data() + offsetof(format::FileHeader, format_version), &version,
              sizeof(version));
  const std::string error = parse_error(newer, Verify::kStructure);
  EXPECT_NE(error.find("newer"), std::string::npos) << error;
}

TEST_F(GraphFileTest, StructuralLiesAreRejectedEvenWithoutChecksums) {
  RoadGraphData broken = data;
  broken.edges[0].target = 1000;
  EXPECT_NE(parse_error(serialize_graph(broken.view()), Verify::kStructure).find("target"),
            std::string::npos);

  broken = data;
  broken.edges[0].shape_begin = 1u << 30;
  EXPECT_FALSE(parse_error(serialize_graph(broken.view()), Verify::kStructure).empty());

  broken = data;
  broken.first_out[1] = 100;
  EXPECT_FALSE(parse_error(serialize_graph(broken.view()), Verify::kStructure).empty());

  broken = data;
  broken.names[1].name = static_cast<std::uint32_t>(broken.strings.size());
  EXPECT_FALSE(parse_error(serialize_graph(broken.view()), Verify::kStructure).empty());

  broken = data;
  broken.strings.back() = 'x';
  EXPECT_FALSE(parse_error(serialize_graph(broken.view()), Verify::kStructure).empty());

  broken = data;
  broken.nodes[0].lat_e7 = 950000000;  // 95 degrees
  EXPECT_NE(parse_error(serialize_graph(broken.view()), Verify::kStructure).find("coordinate"),
            std::string::npos);

  broken = data;
  std::swap(broken.turn_restrictions[0].from_edge, broken.turn_restrictions[0].to_edge);
  EXPECT_FALSE(parse_error(serialize_graph(broken.view()), Verify::kStructure).empty());
}

}  // namespace
}  // namespace codriver::map
