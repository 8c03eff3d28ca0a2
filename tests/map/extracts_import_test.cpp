#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <map>

#include "map/bundle.h"
#include "map/places_db.h"
#include "support/test_support.h"

// Every OSM extract in ../shared/data imports, and its counts agree with
// `osmium tags-count` run on the same file right now (osmium-tool is installed by
// scripts/install-deps), so the check holds for any extract placed there.
namespace codriver::map {
namespace {

namespace fs = std::filesystem;

// osmium tags-count's figure for one tag over the given object types.
std::int64_t osmium_count(const fs::path& file, const std::string& tag, const std::string& types) {
  std::int64_t total = 0;
  for (std::size_t start = 0; start < types.size(); start += 2) {
    const std::string type = types.substr(start, 1) == "n"   ? "node"
                             : types.substr(start, 1) == "w" ? "way"
                                                             : "relation";
    const std::string command =
        "osmium tags-count -t " + type + " '" + file.string() + "' " + tag + " 2>/dev/null";
    FILE* pipe = ::popen(command.c_str(), "r");
    std::array<char, 256> line{};
    while (std::fgets(line.data(), line.size(), pipe))
      total += std::atoll(line.data());
    ::pclose(pipe);
  }
  return total;
}

bool have_osmium() {
  return std::system("osmium --version >/dev/null 2>&1") == 0;
}

class EveryExtract : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryExtract, ImportsAndReconcilesWithOsmium) {
  if (!have_osmium()) GTEST_SKIP() << "osmium-tool missing: run scripts/install-deps";
  const fs::path input = testing::shared_data("osm/" + GetParam());
  testing::TempDir out;
  const ImportReport report = import_bundle(input, out / "bundle");
  EXPECT_GT(report.summary.nodes, 10);

  // Places: every tagged node, way and multipolygon is imported, or counted as skipped.
  std::int64_t skipped = report.stats.count("place_way_without_locations") +
                         report.stats.count("place_multipolygon_incomplete") +
                         report.stats.count("place_relation_not_multipolygon");
  std::int64_t expected_total = 0, imported_total = 0;
  for (const char* category :
       {"restaurant", "cafe", "fast_food", "parking", "fuel", "charging_station", "food_court"}) {
    const std::int64_t expected = osmium_count(input, std::string("amenity=") + category, "n,w,r");
    const auto it = report.summary.places.find(category);
    const std::int64_t imported = it == report.summary.places.end() ? 0 : it->second;
    EXPECT_LE(imported, expected) << category;
    if (skipped == 0) {
      EXPECT_EQ(imported, expected) << category;
    }
    expected_total += expected;
    imported_total += imported;
  }
  EXPECT_EQ(imported_total + skipped, expected_total);

  // Signals: on the graph, or counted as standing on no car road.
  const std::int64_t signals = osmium_count(input, "highway=traffic_signals", "n");
  EXPECT_EQ(report.summary.traffic_signals + report.stats.count("traffic_signal_not_on_car_road"),
            signals);

  const MapBundle bundle = MapBundle::open(out / "bundle");
  EXPECT_EQ(bundle.summary().nodes, report.summary.nodes);
  EXPECT_EQ(bundle.summary().places, report.summary.places);
}

INSTANTIATE_TEST_SUITE_P(SharedData, EveryExtract,
                         ::testing::Values("monaco.osm.pbf", "taipei_main_station.osm",
                                           "bayfront_singapore.osm.pbf",
                                           "nyc_greenwich_village.osm.pbf"),
                         [](const auto& info) {
                           std::string name = info.param.substr(0, info.param.find('.'));
                           return name;
                         });

TEST(TaipeiImport, ChineseAndEnglishNamesAreKeptAndSearchable) {
  testing::TempDir out;
  import_bundle(testing::shared_data("osm/taipei_main_station.osm"), out / "taipei");
  const MapBundle bundle = MapBundle::open(out / "taipei");
  PlacesReader places(bundle.places_path());

  const auto mos = places.find_by_name("摩斯", 5);  // part of 摩斯漢堡
  ASSERT_FALSE(mos.empty());
  EXPECT_EQ(mos[0].name_zh, "摩斯漢堡");
  EXPECT_EQ(mos[0].name_en, "MOS Burger");
  const auto by_english = places.find_by_name("mos burg", 5);
  ASSERT_FALSE(by_english.empty());
  EXPECT_EQ(by_english[0].id, mos[0].id);
  EXPECT_TRUE(places.find_by_name("漢摩", 5).empty()) << "characters must be adjacent and in order";

  std::size_t streets_with_zh = 0;
  for (const auto& edge : bundle.graph().edges) {
    if (!bundle.graph().street_name(edge).name_zh.empty()) ++streets_with_zh;
  }
  EXPECT_GT(streets_with_zh, 0u);
}

TEST(CompressedInput, Bzip2XmlImportsLikeThePlainFile) {
  if (std::system("bzip2 --help >/dev/null 2>&1") != 0) GTEST_SKIP() << "bzip2 missing";
  testing::TempDir out;
  const fs::path plain = testing::shared_data("osm/taipei_main_station.osm");
  const fs::path compressed = out / "taipei.osm.bz2";
  ASSERT_EQ(
      std::system(("bzip2 -c '" + plain.string() + "' > '" + compressed.string() + "'").c_str()),
      0);
  const ImportReport from_plain = import_bundle(plain, out / "plain");
  const ImportReport from_bz2 = import_bundle(compressed, out / "bz2");
  EXPECT_EQ(from_bz2.summary.nodes, from_plain.summary.nodes);
  EXPECT_EQ(from_bz2.summary.edges, from_plain.summary.edges);
  EXPECT_EQ(from_bz2.summary.places, from_plain.summary.places);
}

}  // namespace
}  // namespace codriver::map
