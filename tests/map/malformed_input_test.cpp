#include <gtest/gtest.h>

#include <random>

#include "map/bundle.h"
#include "map/errors.h"
#include "map/places_db.h"
#include "support/test_support.h"

// Bad OSM input gets a clear error or a counted warning, never a crash.
namespace codriver::map {
namespace {

namespace fs = std::filesystem;

std::string osm_xml(std::string_view body) {
  return "<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6' generator='test'>\n" +
         std::string(body) + "\n</osm>\n";
}

// A small valid town: a two-way street 1-2-3 and a oneway 2-4.
constexpr std::string_view kTown = R"(
  <node id='1' lat='43.7300' lon='7.4200'/>
  <node id='2' lat='43.7300' lon='7.4210'/>
  <node id='3' lat='43.7300' lon='7.4220'/>
  <node id='4' lat='43.7290' lon='7.4210'><tag k='highway' v='traffic_signals'/></node>
  <way id='10'><nd ref='1'/><nd ref='2'/><nd ref='3'/><tag k='highway' v='residential'/></way>
  <way id='11'><nd ref='2'/><nd ref='4'/><tag k='highway' v='primary'/><tag k='oneway' v='yes'/></way>
)";

class MalformedInput : public ::testing::Test {
 protected:
  ImportReport import_xml(std::string_view body) {
    const fs::path file = scratch / "input.osm";
    testing::write_file(file, osm_xml(body));
    return import_bundle(file, scratch / "bundle");
  }
  std::string import_error(const fs::path& file) {
    try {
      import_bundle(file, scratch / "bundle");
    } catch (const ImportError& error) {
      return error.what();
    }
    return "";
  }

  testing::TempDir scratch;
};

TEST_F(MalformedInput, BrokenReferencesAreCountedAndTheRestImports) {
  const ImportReport report = import_xml(std::string(kTown) + R"(
    <way id='12'><nd ref='3'/><nd ref='404'/><nd ref='405'/><tag k='highway' v='service'/></way>)");
  EXPECT_EQ(report.stats.count("way_missing_node_locations"), 1);
  EXPECT_EQ(report.summary.nodes, 4);
  EXPECT_EQ(report.summary.edges, 5);
}

TEST_F(MalformedInput, OneNodeWayIsCounted) {
  const ImportReport report = import_xml(std::string(kTown) + R"(
    <way id='13'><nd ref='1'/><tag k='highway' v='residential'/></way>)");
  EXPECT_EQ(report.stats.count("way_too_short_to_route"), 1);
  EXPECT_EQ(report.stats.warnings().at("way_too_short_to_route").examples.at(0), "w13");
}

TEST_F(MalformedInput, AbsurdCoordinatesAreSkippedWithAWarning) {
  const ImportReport report = import_xml(std::string(kTown) + R"(
    <node id='20' lat='95.0' lon='7.4'><tag k='amenity' v='restaurant'/></node>
    <node id='21' lat='43.7' lon='200.5'/>
    <way id='14'><nd ref='3'/><nd ref='21'/><tag k='highway' v='residential'/></way>)");
  EXPECT_EQ(report.stats.count("node_invalid_location"), 2);
  EXPECT_FALSE(report.summary.places.contains("restaurant"));
  EXPECT_EQ(report.stats.count("way_missing_node_locations"), 1);
  EXPECT_TRUE(report.summary.bbox.contains({43.73, 7.421}));
}

TEST_F(MalformedInput, UnparseableCoordinatesFailClearly) {
  testing::write_file(scratch / "bad.osm", osm_xml(R"(<node id='1' lat='4e999999' lon='x'/>)"));
  const std::string error = import_error(scratch / "bad.osm");
  EXPECT_NE(error.find("cannot import"), std::string::npos) << error;
}

TEST_F(MalformedInput, TruncatedPbfFailsClearly) {
  const std::string whole = testing::read_file(testing::shared_data("osm/monaco.osm.pbf"));
  testing::write_file(scratch / "cut.osm.pbf", std::string_view(whole).substr(0, whole.size() / 2));
  const std::string error = import_error(scratch / "cut.osm.pbf");
  EXPECT_NE(error.find("cut.osm.pbf"), std::string::npos) << error;
}

TEST_F(MalformedInput, RandomBytesFailClearlyInEveryFormat) {
  std::mt19937 random(42);
  std::string noise(64 * 1024, '\0');
  for (char& c : noise)
    c = static_cast<char>(random());
  for (const char* name : {"noise.osm.pbf", "noise.osm", "noise.osm.bz2", "noise.osm.gz"}) {
    testing::write_file(scratch / name, noise);
    EXPECT_NE(import_error(scratch / name).find("cannot import"), std::string::npos) << name;
  }
}

TEST_F(MalformedInput, EmptyAndRoadlessFilesFailClearly) {
  testing::write_file(scratch / "empty.osm", "");
  EXPECT_FALSE(import_error(scratch / "empty.osm").empty());
  testing::write_file(scratch / "no_roads.osm",
                      osm_xml("<node id='1' lat='1' lon='1'><tag k='amenity' v='cafe'/></node>"));
  EXPECT_NE(import_error(scratch / "no_roads.osm").find("no road"), std::string::npos);
  EXPECT_NE(import_error(scratch / "missing.osm.pbf").find("no such file"), std::string::npos);
}

TEST_F(MalformedInput, UnsortedObjectsImport) {
  // Hand-edited files and some exports are not sorted by id; nothing requires them to be.
  const ImportReport report = import_xml(R"(
    <node id='4' lat='43.7290' lon='7.4210'/>
    <node id='3' lat='43.7300' lon='7.4220'/>
    <node id='2' lat='43.7300' lon='7.4210'/>
    <node id='1' lat='43.7300' lon='7.4200'/>
    <way id='11'><nd ref='2'/><nd ref='4'/><tag k='highway' v='primary'/></way>
    <way id='10'><nd ref='1'/><nd ref='2'/><nd ref='3'/><tag k='highway' v='residential'/></way>)");
  EXPECT_EQ(report.summary.nodes, 4);
  EXPECT_EQ(report.summary.edges, 6);
}

TEST_F(MalformedInput, HostileNamesAreStoredSafely) {
  const ImportReport report = import_xml(std::string(kTown) + R"(
    <node id='30' lat='43.7301' lon='7.4201'>
      <tag k='amenity' v='restaurant'/>
      <tag k='name' v='Robert&apos;); DROP TABLE places;-- &lt;script&gt;&#x202E;[2J'/>
    </node>)");
  EXPECT_EQ(report.summary.places.at("restaurant"), 1);
  PlacesReader places(scratch / "bundle" / kPlacesFile);
  const auto hits = places.find_by_name("robert drop", 5);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].name, "Robert'); DROP TABLE places;-- <script>[2J");
  EXPECT_TRUE(places.find_by_name("\" OR 1=1 --", 5).empty());
}

TEST_F(MalformedInput, MultipolygonPlaceGetsCentroidAndEntrance) {
  // A 100 m square car park with a hole, as a multipolygon with an entrance on its outer ring.
  const ImportReport report = import_xml(std::string(kTown) + R"(
    <node id='50' lat='43.7400' lon='7.4300'/>
    <node id='51' lat='43.7400' lon='7.4310'/>
    <node id='52' lat='43.7410' lon='7.4310'><tag k='entrance' v='yes'/></node>
    <node id='53' lat='43.7410' lon='7.4300'/>
    <node id='60' lat='43.7401' lon='7.4301'/>
    <node id='61' lat='43.7401' lon='7.4302'/>
    <node id='62' lat='43.7402' lon='7.4302'/>
    <node id='63' lat='43.7402' lon='7.4301'/>
    <way id='70'><nd ref='50'/><nd ref='51'/><nd ref='52'/><nd ref='53'/><nd ref='50'/></way>
    <way id='71'><nd ref='60'/><nd ref='61'/><nd ref='62'/><nd ref='63'/><nd ref='60'/></way>
    <relation id='80'>
      <member type='way' ref='70' role='outer'/><member type='way' ref='71' role='inner'/>
      <tag k='type' v='multipolygon'/><tag k='amenity' v='parking'/><tag k='name' v='Parking X'/>
    </relation>)");
  EXPECT_EQ(report.summary.places.at("parking"), 1);
  PlacesReader places(scratch / "bundle" / kPlacesFile);
  const auto hits = places.find_by_name("Parking X", 1);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_NEAR(hits[0].position.lat, 43.7405, 0.0002);
  EXPECT_NEAR(hits[0].position.lon, 7.4305, 0.0002);
  SqliteDb db(scratch / "bundle" / kPlacesFile, SqliteDb::Mode::kReadOnly);
  auto row = db.prepare("SELECT osm_type, osm_id, entrance_lat FROM places");
  ASSERT_TRUE(row.step());
  EXPECT_EQ(row.column_text(0), "r");
  EXPECT_EQ(row.column_int(1), 80);
  EXPECT_DOUBLE_EQ(row.column_double(2), 43.741);
}

TEST_F(MalformedInput, TurnRestrictionsOfEveryShape) {
  const ImportReport report = import_xml(std::string(kTown) + R"(
    <relation id='90'><member type='way' ref='10' role='from'/><member type='node' ref='2' role='via'/>
      <member type='way' ref='11' role='to'/><tag k='type' v='restriction'/><tag k='restriction' v='no_right_turn'/></relation>
    <relation id='91'><member type='way' ref='10' role='from'/><member type='way' ref='11' role='via'/>
      <member type='way' ref='11' role='to'/><tag k='type' v='restriction'/><tag k='restriction' v='no_u_turn'/></relation>
    <relation id='92'><member type='way' ref='10' role='from'/>
      <tag k='type' v='restriction'/><tag k='restriction' v='only_straight_on'/></relation>
    <relation id='93'><member type='way' ref='10' role='from'/><member type='node' ref='2' role='via'/>
      <member type='way' ref='11' role='to'/><tag k='type' v='restriction'/><tag k='restriction' v='no_left_turn'/>
      <tag k='except' v='bicycle;motorcar'/></relation>
    <relation id='94'><member type='way' ref='10' role='from'/><member type='node' ref='2' role='via'/>
      <member type='way' ref='11' role='to'/><tag k='type' v='restriction'/><tag k='restriction' v='give_way'/></relation>)");
  EXPECT_EQ(report.summary.turn_restrictions, 2) << "relation 90, from both sides of way 10";
  EXPECT_EQ(report.stats.count("turn_restriction_via_way_unsupported"), 1);
  EXPECT_EQ(report.stats.count("turn_restriction_malformed"), 1);
  EXPECT_EQ(report.stats.count("turn_restriction_unknown_value"), 1);
}

}  // namespace
}  // namespace codriver::map
