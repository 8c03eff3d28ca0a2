#include "map/bundle.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "map/errors.h"
#include "support/test_support.h"

// Opening a bundle that is truncated, corrupt, foreign or from a newer codriver
// fails with a message that says so, and a failed import never destroys a bundle.
namespace codriver::map {
namespace {

namespace fs = std::filesystem;

class BundleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    import_bundle(testing::shared_data("osm/bayfront_singapore.osm.pbf"), bundle);
  }

  std::string open_error(Verify verify = Verify::kStructureAndChecksums) {
    try {
      MapBundle::open(bundle, verify);
    } catch (const BundleError& error) {
      return error.what();
    }
    return "";
  }

  void edit_manifest(const std::function<void(nlohmann::json&)>& edit) {
    auto manifest = nlohmann::json::parse(testing::read_file(bundle / kManifestFile));
    edit(manifest);
    testing::write_file(bundle / kManifestFile, manifest.dump());
  }

  testing::TempDir scratch;
  fs::path bundle = scratch / "sg";
};

TEST_F(BundleTest, OpensAndSummarises) {
  const MapBundle opened = MapBundle::open(bundle);
  const BundleSummary summary = opened.summary();
  EXPECT_EQ(summary.nodes, static_cast<std::int64_t>(opened.graph().node_count()));
  EXPECT_EQ(summary.source_file, "bayfront_singapore.osm.pbf");
  EXPECT_EQ(summary.format_version, kBundleFormatVersion);
  EXPECT_EQ(summary.places.at("restaurant"), 17);
  EXPECT_TRUE(summary.bbox.contains({1.28, 103.86}));
}

TEST_F(BundleTest, TruncatedGraphIsReported) {
  const std::string graph = testing::read_file(bundle / kGraphFile);
  testing::write_file(bundle / kGraphFile, std::string_view(graph).substr(0, graph.size() - 100));
  EXPECT_NE(open_error().find("truncated"), std::string::npos) << open_error();
}

TEST_F(BundleTest, FlippedByteFailsTheChecksum) {
  std::string graph = testing::read_file(bundle / kGraphFile);
  graph[graph.size() / 2] ^= 0x10;
  testing::write_file(bundle / kGraphFile, graph);
  EXPECT_NE(open_error().find("checksum"), std::string::npos) << open_error();
}

TEST_F(BundleTest, CorruptPlacesDatabaseFailsTheChecksum) {
  std::string places = testing::read_file(bundle / kPlacesFile);
  places.replace(0, 16, "not a database!!");
  testing::write_file(bundle / kPlacesFile, places);
  EXPECT_NE(open_error().find("places.sqlite fails its checksum"), std::string::npos)
      << open_error();
}

TEST_F(BundleTest, NewerFormatIsRefusedWithAnUpgradeHint) {
  edit_manifest([](nlohmann::json& m) { m["format_version"] = kBundleFormatVersion + 1; });
  EXPECT_NE(open_error().find("newer"), std::string::npos) << open_error();
}

TEST_F(BundleTest, MissingOrGarbageHeaderIsReported) {
  testing::write_file(bundle / kManifestFile, "{\"format\": \"codriver-map-bundle\", ");
  EXPECT_NE(open_error().find("corrupt"), std::string::npos) << open_error();
  testing::write_file(bundle / kManifestFile, "[1, 2, 3]");
  EXPECT_NE(open_error().find("not a codriver bundle"), std::string::npos) << open_error();
  fs::remove(bundle / kManifestFile);
  EXPECT_NE(open_error().find("not a map bundle"), std::string::npos) << open_error();
}

TEST_F(BundleTest, HeaderWithWrongTypesIsReported) {
  edit_manifest([](nlohmann::json& m) { m["files"]["graph.bin"]["bytes"] = "many"; });
  EXPECT_NE(open_error().find("corrupt"), std::string::npos) << open_error();
}

TEST_F(BundleTest, MissingGraphIsReported) {
  fs::remove(bundle / kGraphFile);
  EXPECT_NE(open_error().find("missing"), std::string::npos) << open_error();
}

TEST_F(BundleTest, FailedImportLeavesTheOldBundleUntouched) {
  const std::string before = testing::read_file(bundle / kGraphFile);
  testing::write_file(scratch / "broken.osm.pbf", "definitely not a pbf");
  EXPECT_THROW(import_bundle(scratch / "broken.osm.pbf", bundle), ImportError);
  EXPECT_EQ(testing::read_file(bundle / kGraphFile), before);
  EXPECT_EQ(open_error(), "");
  for (const auto& entry : fs::directory_iterator(scratch.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".partial"), std::string::npos)
        << "staging directory left behind: " << entry.path();
  }
}

TEST_F(BundleTest, ReimportReplacesABundle) {
  const ImportReport report =
      import_bundle(testing::shared_data("osm/taipei_main_station.osm"), bundle);
  EXPECT_EQ(MapBundle::open(bundle).summary().source_file, "taipei_main_station.osm");
  EXPECT_EQ(MapBundle::open(bundle).summary().nodes, report.summary.nodes);
}

TEST_F(BundleTest, RefusesToOverwriteWhatIsNotABundle) {
  fs::create_directories(scratch / "precious");
  testing::write_file(scratch / "precious" / "thesis.txt", "years of work");
  EXPECT_THROW(
      import_bundle(testing::shared_data("osm/taipei_main_station.osm"), scratch / "precious"),
      ImportError);
  EXPECT_EQ(testing::read_file(scratch / "precious" / "thesis.txt"), "years of work");
  testing::write_file(scratch / "file", "x");
  EXPECT_THROW(import_bundle(testing::shared_data("osm/taipei_main_station.osm"), scratch / "file"),
               ImportError);
}

}  // namespace
}  // namespace codriver::map
