#include "places/parking_availability.h"

#include <gtest/gtest.h>

namespace codriver::places {
namespace {

feeds::Clock::time_point at(const char* text) { return *feeds::parse_rfc3339(text); }

TEST(AvailabilityBoard, ReadsOneLotAndParkApiLists) {
  AvailabilityBoard board;
  const auto now = at("2026-11-24T21:10:00Z");
  EXPECT_EQ(board.ingest(R"({"lot_id":"osm:w1","free":42,"total":300,
                             "timestamp":"2026-11-24T21:05:00Z"})", now), 1u);
  EXPECT_EQ(board.ingest(R"({"last_updated":"2026-11-24T21:06:00Z","lots":[
                             {"id":"osm:w2","free":0,"total":50},
                             {"id":"osm:n3","free":7,"state":"closed",
                              "timestamp":"2026-11-24T21:01:00+00:00"}]})", now), 2u);
  const auto one = board.reading("osm:w1", now);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->status.free, 42);
  EXPECT_EQ(one->status.total, 300);
  EXPECT_DOUBLE_EQ(one->age_s, 300);
  EXPECT_FALSE(one->stale);
  EXPECT_EQ(board.reading("osm:w2", now)->status.free, 0);
  const auto closed = board.reading("osm:n3", now);
  EXPECT_TRUE(closed->status.closed);
  EXPECT_DOUBLE_EQ(closed->age_s, 540) << "the lot's own timestamp wins over last_updated";
  EXPECT_FALSE(board.reading("osm:w999", now));
}

TEST(AvailabilityBoard, OldValuesAreStaleNotCurrent) {
  AvailabilityBoard board(std::chrono::minutes(10));
  board.ingest(R"({"lot_id":"osm:w1","free":5,"timestamp":"2026-11-24T21:00:00Z"})",
               at("2026-11-24T21:00:30Z"));
  EXPECT_FALSE(board.reading("osm:w1", at("2026-11-24T21:09:59Z"))->stale);
  const auto later = board.reading("osm:w1", at("2026-11-24T21:25:00Z"));
  EXPECT_TRUE(later->stale);
  EXPECT_DOUBLE_EQ(later->age_s, 1500);
}

TEST(AvailabilityBoard, ReorderedMessagesDoNotGoBackInTime) {
  AvailabilityBoard board;
  const auto now = at("2026-11-24T21:10:00Z");
  board.ingest(R"({"lot_id":"osm:w1","free":5,"timestamp":"2026-11-24T21:05:00Z"})", now);
  EXPECT_EQ(board.ingest(R"({"lot_id":"osm:w1","free":80,"timestamp":"2026-11-24T21:00:00Z"})",
                         now), 0u);
  EXPECT_EQ(board.reading("osm:w1", now)->status.free, 5);
}

TEST(AvailabilityBoard, MalformedMessagesAreRejectedWholeWithAReason) {
  AvailabilityBoard board;
  const auto now = at("2026-11-24T21:10:00Z");
  const char* bad[] = {
      "", "not json", "[]", R"({"free":3,"timestamp":"2026-11-24T21:05:00Z"})",
      R"({"lot_id":"osm:w1","timestamp":"2026-11-24T21:05:00Z"})",
      R"({"lot_id":"osm:w1","free":-1,"timestamp":"2026-11-24T21:05:00Z"})",
      R"({"lot_id":"osm:w1","free":"many","timestamp":"2026-11-24T21:05:00Z"})",
      R"({"lot_id":"osm:w1","free":3.5,"timestamp":"2026-11-24T21:05:00Z"})",
      R"({"lot_id":"osm:w1","free":30,"total":20,"timestamp":"2026-11-24T21:05:00Z"})",
      R"({"lot_id":"osm:w1","free":3})",
      R"({"lot_id":"osm:w1","free":3,"timestamp":"yesterday"})",
      R"({"lot_id":"osm:w1","free":3,"timestamp":"2026-11-25T21:05:00Z"})",  // a day ahead
      R"({"lots":{"id":"osm:w1"}})",
      // one good lot and one bad: nothing applied
      R"({"last_updated":"2026-11-24T21:05:00Z","lots":[{"id":"osm:w1","free":3},{"id":"x"}]})",
  };
  for (const char* message : bad) {
    try {
      board.ingest(message, now);
      ADD_FAILURE() << "accepted: " << message;
    } catch (const FeedError& error) {
      EXPECT_GT(std::string(error.what()).size(), 10u) << message;
    }
  }
  EXPECT_EQ(board.size(), 0u);
  EXPECT_THROW(board.ingest(std::string(2 << 20, ' '), now), FeedError);
}

TEST(AvailabilityBoard, LotIdsNameTheOsmObject) {
  map::Place place;
  place.osm_type = 'w';
  place.osm_id = 123456;
  EXPECT_EQ(lot_id(place), "osm:w123456");
}

}  // namespace
}  // namespace codriver::places
