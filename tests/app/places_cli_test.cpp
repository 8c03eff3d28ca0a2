#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/cli_runner.h"
#include "support/monaco_cli_fixture.h"
#include "support/test_support.h"

// `codriver places`, `parking` and `route --ev-soc` as scripts use them.
namespace codriver {
namespace {

using nlohmann::json;
using testing::run_codriver;

class PlacesCli : public testing::MonacoCliTest {};

constexpr const char* kCasino = "43.7396,7.4276";

TEST_F(PlacesCli, PlacesJsonHasTheDocumentedShape) {
  const auto result = run_codriver("places --map " + bundle() + " --near " + kCasino +
                                   " --category restaurant --radius 1000 --limit 5 "
                                   "--open-at 2026-11-24T20:00 --json");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto places = json::parse(result.stdout_only).at("places");
  ASSERT_EQ(places.size(), 5u);
  double last_score = 2;
  for (const auto& place : places) {
    for (const char* key : {"id", "name", "lat", "lon", "distance_m", "open_now", "score", "why"}) {
      EXPECT_TRUE(place.contains(key)) << key;
    }
    EXPECT_EQ(place.at("category"), "restaurant");
    EXPECT_LE(place.at("distance_m").get<double>(), 1000);
    EXPECT_TRUE(place.at("open_now").is_boolean() || place.at("open_now").is_null());
    EXPECT_LE(place.at("score").get<double>(), last_score);
    last_score = place.at("score").get<double>();
    EXPECT_FALSE(place.at("why").empty());
  }
}

TEST_F(PlacesCli, ChineseAnswersAndCuisine) {
  const auto result = run_codriver("places --map " + bundle() + " --near " + kCasino +
                                   " --category restaurant --cuisine 意大利菜 --radius 3000 "
                                   "--lang zh --json");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto places = json::parse(result.stdout_only).at("places");
  ASSERT_FALSE(places.empty());
  for (const auto& place : places) {
    EXPECT_NE(place.at("why")[0].get<std::string>().find("距离"), std::string::npos);
    const std::string cuisine = place.at("cuisine");
    const bool italian = cuisine.find("意大利菜") != std::string::npos ||
                         cuisine.find("披萨") != std::string::npos ||
                         cuisine.find("意面") != std::string::npos;
    EXPECT_TRUE(italian) << "pizza and pasta places are Italian too: " << cuisine;
  }
}

TEST_F(PlacesCli, BadRequestsGetClearErrors) {
  const std::string base = "places --map " + bundle() + " --near ";
  auto r = run_codriver(base + kCasino + " --category spaceport");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("unknown category 'spaceport'"), std::string::npos) << r.output;
  r = run_codriver(base + kCasino + " --cuisine martian");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("unknown cuisine"), std::string::npos) << r.output;
  r = run_codriver(base + "95,7.4");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("not on Earth"), std::string::npos) << r.output;
  r = run_codriver(base + kCasino + " --open-at tomorrow");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("not a time"), std::string::npos) << r.output;
  r = run_codriver(base + kCasino + " --radius 1e9");
  EXPECT_EQ(r.exit_code, 1);
}

TEST_F(PlacesCli, ParkingTakesALiveFeedFileAndMarksOldCounts) {
  auto result = run_codriver("parking --map " + bundle() + " --dest " + kCasino + " --json");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto lots = json::parse(result.stdout_only).at("parking");
  ASSERT_GE(lots.size(), 2u);
  const std::string first = lots[0].at("lot_id"), second = lots[1].at("lot_id");
  testing::TempDir feed;
  testing::write_file(feed / "feed.json",
                      R"({"last_updated":"2020-01-01T00:00:00Z","lots":[{"id":")" + second +
                          R"(","free":33,"total":100}]})");
  testing::write_file(feed / "bad.json", "{not json");
  result = run_codriver("parking --map " + bundle() + " --dest " + kCasino + " --json" +
                        " --availability " + (feed / "feed.json").string() + " --availability " +
                        (feed / "bad.json").string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("not valid JSON (skipped)"), std::string::npos) << result.output;
  const auto with_feed = json::parse(result.stdout_only);
  EXPECT_EQ(with_feed.at("live_lots"), 1);
  bool found = false;
  for (const auto& lot : with_feed.at("parking")) {
    if (lot.at("lot_id") != second) continue;
    found = true;
    EXPECT_EQ(lot.at("availability").at("free"), 33);
    EXPECT_TRUE(lot.at("availability").at("stale").get<bool>()) << "a 2020 count is not current";
  }
  EXPECT_TRUE(found);
}

// A 55 km road with one fast charger half-way: a small battery must stop there.
constexpr const char* kHighway = R"(<?xml version='1.0' encoding='UTF-8'?>
<osm version='0.6'>
  <node id='1' lat='43.00' lon='7.0'/><node id='2' lat='43.10' lon='7.0'/>
  <node id='3' lat='43.20' lon='7.0'/><node id='4' lat='43.25' lon='7.0'/>
  <node id='5' lat='43.30' lon='7.0'/><node id='6' lat='43.40' lon='7.0'/>
  <node id='7' lat='43.50' lon='7.0'/>
  <way id='10'><nd ref='1'/><nd ref='2'/><nd ref='3'/><nd ref='4'/><nd ref='5'/><nd ref='6'/>
    <nd ref='7'/><tag k='highway' v='primary'/><tag k='maxspeed' v='90'/></way>
  <node id='100' lat='43.2500' lon='7.0008'>
    <tag k='amenity' v='charging_station'/><tag k='name' v='Midway Charger'/>
    <tag k='socket:type2_combo' v='2'/><tag k='socket:type2_combo:output' v='100 kW'/></node>
</osm>
)";

TEST(EvRouteCli, PlansTheChargingStopAndRoutesThroughIt) {
  testing::TempDir scratch;
  testing::write_file(scratch / "highway.osm", kHighway);
  const std::string map = (scratch / "map").string();
  ASSERT_EQ(run_codriver("import " + (scratch / "highway.osm").string() + " --out " + map).exit_code, 0);
  const std::string trip = "route --map " + map + " --from 43.0,7.0 --to 43.5,7.0 --json";
  auto result = run_codriver(trip + " --ev-soc 0.9 --ev-capacity-kwh 10");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  auto document = json::parse(result.stdout_only);
  ASSERT_EQ(document.at("charging_stops").size(), 1u) << document.at("ev").dump();
  const auto& stop = document.at("charging_stops")[0];
  EXPECT_EQ(stop.at("name"), "Midway Charger");
  EXPECT_GE(stop.at("arrival_soc").get<double>(), 0.1 - 1e-9);
  EXPECT_GT(stop.at("departure_soc").get<double>(), stop.at("arrival_soc").get<double>());
  EXPECT_GT(stop.at("charge_time_s").get<double>(), 0);
  EXPECT_TRUE(document.at("ev").at("feasible").get<bool>());
  EXPECT_GE(document.at("ev").at("arrival_soc").get<double>(), 0.1 - 1e-9);
  EXPECT_EQ(document.at("legs").size(), 2u) << "the route goes through the charger";

  result = run_codriver(trip + " --ev-soc 0.9 --ev-capacity-kwh 100");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  document = json::parse(result.stdout_only);
  EXPECT_TRUE(document.at("charging_stops").empty()) << "a big battery needs no stop";

  result = run_codriver(trip + " --ev-soc 0.3 --ev-capacity-kwh 3");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  document = json::parse(result.stdout_only);
  EXPECT_FALSE(document.at("ev").at("feasible").get<bool>());
  EXPECT_FALSE(document.at("ev").at("reason").get<std::string>().empty());

  result = run_codriver(trip + " --ev-soc 1.5");
  EXPECT_NE(result.exit_code, 0);
}

}  // namespace
}  // namespace codriver
