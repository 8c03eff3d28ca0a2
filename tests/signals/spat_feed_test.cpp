#include "signals/spat_feed.h"

#include <gtest/gtest.h>

#include <thread>

#include "routing/routing_fixture.h"
#include "signals/light_ahead.h"
#include "support/mosquitto_broker.h"

namespace codriver::signals {
namespace {

using routing::testing::RoutingFixture;

RoutingFixture& greenwich_village() {
  static RoutingFixture fixture(codriver::testing::shared_data("osm/nyc_greenwich_village.osm.pbf"));
  return fixture;
}

double seconds_until_change(const RsuSimulator& rsu, std::size_t i, Instant now) {
  const auto events = events_at(rsu.plans()[i], 1, now, 2);
  return std::chrono::duration<double>(*events.front().likely_end - now).count();
}

// The RSU simulator publishes through a real broker; the co-driver's side reads it and
// its answer follows the light; when the feed stops, the answer says there is no live data.
TEST(SpatFeed, AnswersFollowTheLiveFeedAndAStalledFeedIsSaidAsSuch) {
  const RsuSimulator rsu(greenwich_village().bundle->graph());
  codriver::testing::MosquittoBroker broker;
  const auto endpoint = feeds::parse_endpoint(broker.endpoint());
  SpatBoard board;
  SpatFeed feed(endpoint, board, "codriver-test-spat-reader");
  feeds::MqttClient rsu_client(endpoint, "codriver-test-rsu");

  // The intersection whose group 1 changes soonest, at least 1 s from now.
  Instant now = feeds::Clock::now();
  std::size_t chosen = 0;
  double best = 1e9;
  for (std::size_t i = 0; i < rsu.intersections().size(); ++i) {
    const double wait = seconds_until_change(rsu, i, now);
    if (wait >= 1.0 && wait < best) {
      best = wait;
      chosen = i;
    }
  }
  ASSERT_LT(best, 15.0) << "with this many lights one changes soon";
  const int id = rsu.intersections()[chosen].intersection.id.id;
  RouteMovement movement;
  movement.intersection = chosen;
  movement.id = rsu.intersections()[chosen].intersection.id;
  movement.signal_group = 1;
  movement.stop_line_m = 120;
  const CarOnRoute car{0, 30 / 3.6, 50 / 3.6};

  std::vector<LightColour> seen;
  const Instant until = now + std::chrono::milliseconds(static_cast<int>((best + 1.0) * 1000));
  while ((now = feeds::Clock::now()) < until) {
    publish_spat(rsu_client, rsu, now);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const auto reading = board.latest(id);
    if (!reading) continue;
    const LightAhead light = light_ahead(movement, car, &reading->signals, reading->received_at,
                                         feeds::Clock::now());
    ASSERT_TRUE(light.live);
    ASSERT_LT(*light.data_age_s, 1.0);
    if (seen.empty() || seen.back() != light.colour) seen.push_back(light.colour);
  }
  EXPECT_EQ(feed.rejected(), 0u) << feed.last_error();
  ASSERT_GE(seen.size(), 2u) << "the answer changed with the light";
  EXPECT_EQ(seen.back(), rsu.colour(chosen, 1, feeds::Clock::now()));

  // The feed stalls: within kSpatMaxAgeS the answer is "no live data".
  std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<int>(kSpatMaxAgeS * 1000) + 300));
  const auto reading = board.latest(id);
  const LightAhead stale = light_ahead(movement, car, &reading->signals, reading->received_at,
                                       feeds::Clock::now());
  EXPECT_FALSE(stale.live);
  EXPECT_EQ(stale.colour, LightColour::kUnknown);
  EXPECT_EQ(stale.advice.kind, AdviceKind::kNoData);
}

TEST(SpatFeed, GarbageOnTheTopicIsCountedNotFatal) {
  codriver::testing::MosquittoBroker broker;
  const auto endpoint = feeds::parse_endpoint(broker.endpoint());
  SpatBoard board;
  SpatFeed feed(endpoint, board, "codriver-test-spat-garbage");
  feeds::MqttClient client(endpoint, "codriver-test-garbage");
  client.publish("codriver/spat/1", "not a message");
  client.publish("codriver/spat/1", std::string("\x00\x13\x05", 3));
  client.publish("codriver/spat/1", "{\"intersections\": 5}");
  for (int i = 0; i < 100 && feed.rejected() < 3; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(feed.rejected(), 3u);
  EXPECT_FALSE(feed.last_error().empty());
  EXPECT_EQ(board.size(), 0u);
}

}  // namespace
}  // namespace codriver::signals
