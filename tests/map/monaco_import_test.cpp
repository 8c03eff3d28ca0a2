#include <gtest/gtest.h>

#include "map/bundle.h"
#include "map/places_db.h"
#include "map/sqlite_db.h"
#include "support/test_support.h"

// The sample city, reconciled against figures computed independently with
// `osmium tags-count` on the same file (see ../shared/data/README.md):
//   amenity=restaurant 77 = 75 nodes + 2 ways + 0 relations
//   amenity=parking   119 = 55 nodes + 64 ways + 0 relations
//   amenity=cafe       20 = 19 nodes + 1 way;  amenity=fuel 15 = 14 nodes + 1 way
//   amenity=fast_food   8 = 8 nodes;           amenity=charging_station 0
//   highway=traffic_signals 21 = 21 nodes, every one on a car road
namespace codriver::map {
namespace {

class MonacoImport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = new testing::TempDir();
    report_ = new ImportReport(
        import_bundle(testing::shared_data("osm/monaco.osm.pbf"), *scratch_ / "monaco"));
  }
  static void TearDownTestSuite() {
    delete report_;
    delete scratch_;
  }
  static std::filesystem::path bundle_path() { return *scratch_ / "monaco"; }

  static std::int64_t places_of(std::string_view category, char osm_type) {
    SqliteDb db(bundle_path() / kPlacesFile, SqliteDb::Mode::kReadOnly);
    auto query = db.prepare("SELECT COUNT(*) FROM places WHERE category = ?1 AND osm_type = ?2");
    query.bind(1, category).bind(2, std::string_view(&osm_type, 1));
    query.step();
    return query.column_int(0);
  }

  static testing::TempDir* scratch_;
  static ImportReport* report_;
};
testing::TempDir* MonacoImport::scratch_ = nullptr;
ImportReport* MonacoImport::report_ = nullptr;

TEST_F(MonacoImport, PlacesReconcileByObjectType) {
  EXPECT_EQ(places_of("restaurant", 'n'), 75);
  EXPECT_EQ(places_of("restaurant", 'w'), 2);
  EXPECT_EQ(places_of("restaurant", 'r'), 0);
  EXPECT_EQ(places_of("parking", 'n'), 55);
  EXPECT_EQ(places_of("parking", 'w'), 64);
  EXPECT_EQ(places_of("cafe", 'n'), 19);
  EXPECT_EQ(places_of("cafe", 'w'), 1);
  EXPECT_EQ(places_of("fuel", 'n'), 14);
  EXPECT_EQ(places_of("fuel", 'w'), 1);
  EXPECT_EQ(places_of("fast_food", 'n'), 8);
  const auto& places = report_->summary.places;
  EXPECT_EQ(places.at("restaurant"), 77);
  EXPECT_EQ(places.at("parking"), 119);
  EXPECT_FALSE(places.contains("charging_station"));
}

TEST_F(MonacoImport, AllTwentyOneSignalsSitOnTheGraph) {
  EXPECT_EQ(report_->summary.traffic_signals, 21);
  EXPECT_EQ(report_->stats.count("traffic_signal_not_on_car_road"), 0);
  const MapBundle bundle = MapBundle::open(bundle_path());
  const RoadGraph& graph = bundle.graph();
  std::vector<int> degree(graph.node_count(), 0);
  for (const auto& edge : graph.edges)
    ++degree[edge.source], ++degree[edge.target];
  for (const auto& signal : graph.traffic_signals)
    EXPECT_GT(degree[signal.node], 0);
}

TEST_F(MonacoImport, RoadNetworkIsPlausible) {
  const MapBundle bundle = MapBundle::open(bundle_path());
  const RoadGraph& graph = bundle.graph();
  EXPECT_GT(graph.node_count(), 2000u);
  EXPECT_GT(graph.edge_count(), graph.node_count());
  EXPECT_GT(graph.turn_restrictions.size(), 10u);
  double total_km = 0;
  std::size_t oneway = 0, named = 0;
  for (const auto& edge : graph.edges) {
    total_km += edge.length_m / 1000.0;
    oneway += (edge.flags & format::edge_flags::kOneway) ? 1 : 0;
    named += graph.street_name(edge).name.empty() ? 0 : 1;
    EXPECT_TRUE(bundle.summary().bbox.contains(graph.position(edge.target)));
  }
  // Monaco and its French fringe: on the order of a few hundred km of directed road.
  EXPECT_GT(total_km, 100);
  EXPECT_LT(total_km, 2000);
  EXPECT_GT(oneway, graph.edge_count() / 10) << "Monaco is full of one-way streets";
  EXPECT_GT(named, graph.edge_count() / 2);
}

TEST_F(MonacoImport, KnownStreetsAndPlacesAreFindable) {
  const MapBundle bundle = MapBundle::open(bundle_path());
  bool found_princesse_charlotte = false;
  for (const auto& edge : bundle.graph().edges) {
    if (bundle.graph().street_name(edge).name == "Boulevard Princesse Charlotte") {
      found_princesse_charlotte = true;
    }
  }
  EXPECT_TRUE(found_princesse_charlotte);
  PlacesReader places(bundle.places_path());
  const auto pecheurs = places.find_by_name("pecheurs", 5);  // no accent typed
  ASSERT_FALSE(pecheurs.empty());
  EXPECT_EQ(pecheurs[0].name, "Chemin des Pêcheurs");
  const auto brasserie = places.find_by_name("brass monaco", 5);  // prefixes, any order
  ASSERT_FALSE(brasserie.empty());
  EXPECT_EQ(brasserie[0].name, "Brasserie de Monaco");
  const auto parking_in_monaco_ville = places.find_in_box(7.415, 43.727, 7.425, 43.733);
  EXPECT_FALSE(parking_in_monaco_ville.empty());
}

TEST_F(MonacoImport, UnusableObjectsAreCountedWithExamples) {
  // The extract clips ways at its border: some reference only one node inside it.
  EXPECT_GT(report_->stats.count("way_too_short_to_route"), 0);
  for (const auto& [kind, entry] : report_->stats.warnings()) {
    EXPECT_FALSE(entry.examples.empty()) << kind;
    EXPECT_LE(entry.examples.size(), ImportStats::kExamplesPerKind);
  }
}

}  // namespace
}  // namespace codriver::map
