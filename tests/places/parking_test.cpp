#include "places/parking.h"

#include <gtest/gtest.h>

#include <thread>

#include "feeds/mqtt_client.h"
#include "places_fixture.h"
#include "support/mosquitto_broker.h"

namespace codriver::places {
namespace {

using testing::PlacesFixture;

constexpr geo::LatLon kDestination{43.7000, 7.4000};

// Roads through the destination and five lots around it: A surface (111 m north),
// B multi-storey area (~280 m east), C underground, free, 1.9 m high (~290 m south),
// D private (30 m), E 2.2 km away.
constexpr const char* kLots = R"(
  <node id='1' lat='43.6990' lon='7.3950'/><node id='2' lat='43.6990' lon='7.4050'/>
  <node id='3' lat='43.6960' lon='7.4000'/><node id='4' lat='43.7040' lon='7.4000'/>
  <node id='5' lat='43.6990' lon='7.4000'/>
  <way id='10'><nd ref='1'/><nd ref='5'/><nd ref='2'/><tag k='highway' v='residential'/></way>
  <way id='11'><nd ref='3'/><nd ref='5'/><nd ref='4'/><tag k='highway' v='residential'/></way>
  <node id='100' lat='43.7010' lon='7.4000'>
    <tag k='amenity' v='parking'/><tag k='parking' v='surface'/><tag k='fee' v='yes'/>
    <tag k='capacity' v='50'/><tag k='name' v='Parking Nord'/></node>
  <node id='201' lat='43.6998' lon='7.4032'/><node id='202' lat='43.6998' lon='7.4038'/>
  <node id='203' lat='43.7002' lon='7.4038'/><node id='204' lat='43.7002' lon='7.4032'/>
  <way id='200'><nd ref='201'/><nd ref='202'/><nd ref='203'/><nd ref='204'/><nd ref='201'/>
    <tag k='amenity' v='parking'/><tag k='parking' v='multi-storey'/><tag k='fee' v='yes'/>
    <tag k='capacity' v='400'/><tag k='name' v='Parking Central'/></way>
  <node id='300' lat='43.6975' lon='7.4010'>
    <tag k='amenity' v='parking'/><tag k='parking' v='underground'/><tag k='fee' v='no'/>
    <tag k='maxheight' v='1.9'/><tag k='name' v='Parking Sud'/></node>
  <node id='400' lat='43.7003' lon='7.4002'>
    <tag k='amenity' v='parking'/><tag k='access' v='private'/><tag k='name' v='Residents'/></node>
  <node id='500' lat='43.7200' lon='7.4000'>
    <tag k='amenity' v='parking'/><tag k='name' v='Parking Far'/></node>
)";

std::vector<std::string> names(const std::vector<RankedPlace>& lots) {
  std::vector<std::string> out;
  for (const auto& lot : lots) out.push_back(lot.stored.place.name);
  return out;
}

const RankedPlace* find(const std::vector<RankedPlace>& lots, std::string_view name) {
  for (const auto& lot : lots)
    if (lot.stored.place.name == name) return &lot;
  return nullptr;
}

bool says(const RankedPlace& lot, std::string_view text) {
  for (const auto& reason : lot.why(Language::kEnglish))
    if (reason.find(text) != std::string::npos) return true;
  return false;
}

feeds::Clock::time_point at(const char* text) { return *feeds::parse_rfc3339(text); }

TEST(Parking, RanksLotsWithinTheWalkAndLeavesOutPrivateAndFarOnes) {
  auto map = PlacesFixture::from_xml(kLots);
  ParkingQuery query;
  query.destination = kDestination;
  const auto lots = parking_near(*map->places, query, {}, nullptr, feeds::Clock::now());
  auto found = names(lots);
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{"Parking Central", "Parking Nord", "Parking Sud"}));
  for (const auto& lot : lots) {
    ASSERT_TRUE(lot.walk_m);
    EXPECT_NEAR(*lot.walk_m, lot.distance_m * kWalkDetourFactor, 50) << lot.stored.place.name;
    EXPECT_FALSE(lot.availability);
    EXPECT_TRUE(says(lot, "walk to your destination"));
  }
  EXPECT_TRUE(says(*find(lots, "Parking Sud"), "free"));
  EXPECT_TRUE(says(*find(lots, "Parking Central"), "400 spaces"));
}

TEST(Parking, FiltersByHeightFeeAndType) {
  auto map = PlacesFixture::from_xml(kLots);
  ParkingQuery query;
  query.destination = kDestination;
  query.filter.car_height_m = 2.0;
  EXPECT_FALSE(find(parking_near(*map->places, query, {}, nullptr, feeds::Clock::now()), "Parking Sud"));
  query = {};
  query.destination = kDestination;
  query.filter.free_only = true;
  EXPECT_EQ(names(parking_near(*map->places, query, {}, nullptr, feeds::Clock::now())),
            std::vector<std::string>{"Parking Sud"});
  query.filter = {};
  query.filter.parking_types = {"multi-storey"};
  EXPECT_EQ(names(parking_near(*map->places, query, {}, nullptr, feeds::Clock::now())),
            std::vector<std::string>{"Parking Central"});
  query.filter = {};
  query.filter.include_private = true;
  query.max_walk_m = 100;
  EXPECT_EQ(names(parking_near(*map->places, query, {}, nullptr, feeds::Clock::now())),
            std::vector<std::string>{"Residents"});
}

// The feed arrives through a real broker; the ranking follows it.
TEST(Parking, LiveFeedOverMqttChangesTheRankingAndMarksStaleCounts) {
  auto map = PlacesFixture::from_xml(kLots);
  codriver::testing::MosquittoBroker broker;
  const auto endpoint = feeds::parse_endpoint(broker.endpoint());
  AvailabilityBoard board(std::chrono::minutes(10));
  const auto now = at("2026-11-24T21:10:00Z");
  feeds::MqttClient listener(endpoint, "codriver-test-listener");
  listener.subscribe(kParkingTopicFilter, [&](std::string_view, std::string_view payload) {
    try {
      board.ingest(payload, now);
    } catch (const FeedError& error) {
      ADD_FAILURE() << error.what();
    }
  });
  ParkingQuery query;
  query.destination = kDestination;
  const auto before = parking_near(*map->places, query, {}, &board, now);
  ASSERT_EQ(before.size(), 3u);

  const auto ids = [&](std::string_view name) { return lot_id(find(before, name)->stored.place); };
  feeds::MqttClient feed(endpoint, "codriver-test-feed");
  // The top lot without live data is reported full; Central has plenty; Nord's count is old.
  const std::string top = before.front().stored.place.name;
  feed.publish("codriver/parking/" + top, R"({"lot_id":")" + ids(top) +
                                              R"(","free":0,"timestamp":"2026-11-24T21:09:00Z"})");
  if (top != "Parking Central") {
    feed.publish("codriver/parking/central",
                 R"({"lot_id":")" + ids("Parking Central") +
                     R"(","free":150,"total":400,"timestamp":"2026-11-24T21:09:30Z"})");
  }
  feed.publish("codriver/parking/nord", R"({"lot_id":")" + ids("Parking Nord") +
                                            R"(","free":40,"timestamp":"2026-11-24T20:40:00Z"})");
  const std::size_t expected = top == "Parking Central" ? 2 : 3;
  for (int i = 0; i < 200 && board.size() < expected; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_EQ(board.size(), expected);

  const auto after = parking_near(*map->places, query, {}, &board, now);
  EXPECT_FALSE(find(after, top)) << "a lot the feed reports full right now is no answer";
  if (top != "Parking Central") {
    EXPECT_EQ(after.front().stored.place.name, "Parking Central");
    EXPECT_TRUE(says(after.front(), "150 free spaces (live)"));
  }
  const RankedPlace* nord = find(after, "Parking Nord");
  ASSERT_NE(nord, nullptr);
  ASSERT_TRUE(nord->availability);
  EXPECT_TRUE(nord->availability->stale);
  EXPECT_TRUE(says(*nord, "as of 30 min ago")) << "an old count is said as old";
  query.include_full = true;
  const auto with_full = parking_near(*map->places, query, {}, &board, now);
  ASSERT_TRUE(find(with_full, top));
  EXPECT_EQ(with_full.back().stored.place.name, top) << "a full lot ranks last";
}

}  // namespace
}  // namespace codriver::places
