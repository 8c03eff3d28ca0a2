#include "routing/hierarchy_file.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "map/errors.h"
#include "support/test_support.h"

namespace codriver::routing {
namespace {

namespace fs = std::filesystem;

class HierarchyFile : public ::testing::Test {
 protected:
  void SetUp() override {
    map::import_bundle(codriver::testing::shared_data("osm/bayfront_singapore.osm.pbf"), bundle);
    report = prepare_bundle(bundle);
  }

  std::string load_error() {
    try {
      const map::MapBundle opened = map::MapBundle::open(bundle);
      load_hierarchy(opened);
    } catch (const map::BundleError& error) {
      return error.what();
    }
    return "";
  }

  codriver::testing::TempDir scratch;
  fs::path bundle = scratch / "sg";
  PrepareReport report;
};

TEST_F(HierarchyFile, RoundTripsTheHierarchy) {
  EXPECT_GT(report.shortcuts, 0u);
  EXPECT_EQ(report.bytes, fs::file_size(bundle / kHierarchyFile));
  const map::MapBundle opened = map::MapBundle::open(bundle);
  const auto loaded = load_hierarchy(opened);
  ASSERT_NE(loaded, nullptr);
  const CarProfile profile;
  const auto built = ContractionHierarchy::build(TurnGraph::build(opened.graph(), profile),
                                                 vertex_lengths_dm(opened.graph()));
  // Contraction is deterministic (a helper thread shares the witness searches, and
  // the result must not depend on how they were shared): a rebuild gives every array.
  EXPECT_EQ(loaded->rank_array(), built.rank_array());
  EXPECT_EQ(loaded->first_up_array(), built.first_up_array());
  EXPECT_EQ(loaded->first_down_array(), built.first_down_array());
  const auto same = [](const ChArc& a, const ChArc& b) {
    return a.vertex == b.vertex && a.weight == b.weight && a.middle == b.middle &&
           a.distance_dm == b.distance_dm;
  };
  EXPECT_TRUE(std::ranges::equal(loaded->up_array(), built.up_array(), same));
  EXPECT_TRUE(std::ranges::equal(loaded->down_array(), built.down_array(), same));
}

TEST_F(HierarchyFile, AnotherProfileIsNotUsed) {
  const map::MapBundle opened = map::MapBundle::open(bundle);
  CarProfile left_hand;
  left_hand.right_hand_traffic = false;
  EXPECT_EQ(load_hierarchy(opened, left_hand), nullptr);
}

TEST_F(HierarchyFile, TruncatedFileIsReported) {
  const std::string bytes = codriver::testing::read_file(bundle / kHierarchyFile);
  codriver::testing::write_file(bundle / kHierarchyFile,
                                std::string_view(bytes).substr(0, bytes.size() / 2));
  EXPECT_NE(load_error().find("bytes, expected"), std::string::npos) << load_error();
  // Even when the header is made to agree, the content is checked.
  map::MapBundle::record_file(bundle, kHierarchyFile);
  EXPECT_NE(load_error().find("truncated"), std::string::npos) << load_error();
}

TEST_F(HierarchyFile, HierarchyOfAnotherGraphIsRefused) {
  codriver::testing::TempDir other;
  map::import_bundle(codriver::testing::shared_data("osm/taipei_main_station.osm"), other / "tp");
  prepare_bundle(other / "tp");
  fs::copy_file(other / "tp" / kHierarchyFile, bundle / kHierarchyFile,
                fs::copy_options::overwrite_existing);
  map::MapBundle::record_file(bundle, kHierarchyFile);
  EXPECT_NE(load_error().find("another graph"), std::string::npos) << load_error();
}

TEST_F(HierarchyFile, PrepareRepairsAMissingOrDamagedHierarchy) {
  fs::remove(bundle / kHierarchyFile);
  EXPECT_THROW(map::MapBundle::open(bundle), map::BundleError);
  prepare_bundle(bundle);
  EXPECT_EQ(load_error(), "");
  codriver::testing::write_file(bundle / kHierarchyFile, "garbage");
  prepare_bundle(bundle);
  EXPECT_EQ(load_error(), "");
}

TEST_F(HierarchyFile, CorruptArcsAreRejected) {
  std::string bytes = codriver::testing::read_file(bundle / kHierarchyFile);
  // Scribble over the arc arrays past the header and ranks.
  for (std::size_t i = bytes.size() / 2; i < bytes.size() / 2 + 64; ++i)
    bytes[i] = '\xFF';
  codriver::testing::write_file(bundle / kHierarchyFile, bytes);
  map::MapBundle::record_file(bundle, kHierarchyFile);
  EXPECT_NE(load_error().find("corrupt"), std::string::npos) << load_error();
}

}  // namespace
}  // namespace codriver::routing
