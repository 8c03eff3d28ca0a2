#include "vehicle/vss_feed.h"

#include <gtest/gtest.h>

#include <thread>

#include "support/mosquitto_broker.h"

namespace codriver::vehicle {
namespace {

using namespace std::chrono_literals;

const feeds::Clock::time_point kNow = *parse_vss_timestamp("2026-11-24T21:05:00Z");

// Waits until the feed has handled `count` messages (MQTT delivers on its own thread).
bool wait_for_handled(const VssFeed& feed, std::uint64_t count) {
  for (int attempt = 0; attempt < 200; ++attempt) {
    const VssFeedStats stats = feed.stats();
    if (stats.stored + stats.ignored_older + stats.rejected >= count) return true;
    std::this_thread::sleep_for(25ms);
  }
  return false;
}

VssFeedOptions options_at(feeds::Clock::time_point now, std::string client_id) {
  VssFeedOptions options;
  options.client_id = std::move(client_id);
  options.clock = [now] { return now; };
  return options;
}

TEST(VssFeed, PublishedSignalsUpdateTheStateAndBadOnesAreCounted) {
  codriver::testing::MosquittoBroker broker;
  const feeds::MqttEndpoint endpoint = feeds::parse_endpoint(broker.endpoint());
  VehicleState state;
  VssFeed feed(endpoint, state, options_at(kNow, "test-vss-feed"));
  feeds::MqttClient car(endpoint, "test-car");

  const std::vector<VssMessage> first = {
      {std::string(vss::kLatitude), 43.7384, kNow - 200ms},
      {std::string(vss::kLongitude), 7.4246, kNow - 200ms},
      {std::string(vss::kSpeed), 42.5, kNow - 100ms},
      {std::string(vss::kStateOfCharge), 63.0, kNow - 5s},
  };
  publish_messages(car, first);
  ASSERT_TRUE(wait_for_handled(feed, 4));

  // Garbage from a broken publisher: counted, kept as the last error, nothing stored.
  car.publish(topic_for(vss::kStateOfCharge),
              R"({"value": 250, "timestamp": "2026-11-24T21:05:00Z"})");
  car.publish("codriver/vss/Vehicle/Speed", "not json at all");
  car.publish("codriver/vss/Vehicle/Flux/Capacitor", R"({"value": 1.21})");
  ASSERT_TRUE(wait_for_handled(feed, 7));

  // The feed goes on after the bad messages.
  const std::vector<VssMessage> second = {{std::string(vss::kSpeed), 38.0, kNow}};
  publish_messages(car, second);
  ASSERT_TRUE(wait_for_handled(feed, 8));

  const VssFeedStats stats = feed.stats();
  EXPECT_EQ(stats.stored, 5u);
  EXPECT_EQ(stats.rejected, 3u);
  EXPECT_EQ(stats.rejected_by_kind.at(VssErrorKind::kOutOfRange), 1u);
  EXPECT_EQ(stats.rejected_by_kind.at(VssErrorKind::kMalformedPayload), 1u);
  EXPECT_EQ(stats.rejected_by_kind.at(VssErrorKind::kUnknownPath), 1u);
  EXPECT_NE(stats.last_error.find("Flux"), std::string::npos) << stats.last_error;
  EXPECT_TRUE(feed.connected());

  const VehicleSnapshot snapshot = state.snapshot(kNow);
  ASSERT_TRUE(snapshot.position);
  EXPECT_EQ(snapshot.position->value, (geo::LatLon{43.7384, 7.4246}));
  EXPECT_EQ(snapshot.speed_kmh->value, 38.0);
  EXPECT_EQ(snapshot.soc_percent->value, 63.0);
}

TEST(VssFeed, ALateSubscriberStartsFromTheRetainedState) {
  codriver::testing::MosquittoBroker broker;
  const feeds::MqttEndpoint endpoint = feeds::parse_endpoint(broker.endpoint());
  feeds::MqttClient simulator(endpoint, "test-simulator");
  VehicleState source;
  source.update({std::string(vss::kStateOfCharge), 55.5, kNow - 1s}, kNow);
  source.update({std::string(vss::kRange), 160000.0, kNow - 1s}, kNow);
  source.update({std::string(vss::kPowertrainType), std::string("ELECTRIC"), kNow - 1h}, kNow);
  publish_messages(simulator, source.all());

  VehicleState state;
  VssFeed feed(endpoint, state, options_at(kNow, "test-late-subscriber"));
  ASSERT_TRUE(wait_for_handled(feed, 3));
  const VehicleSnapshot snapshot = state.snapshot(kNow);
  EXPECT_EQ(snapshot.soc_percent->value, 55.5);
  EXPECT_EQ(snapshot.range_m->value, 160000.0);
  EXPECT_EQ(snapshot.powertrain_type->value, "ELECTRIC");
}

TEST(VssFeed, RefusesToPublishAnInvalidValue) {
  codriver::testing::MosquittoBroker broker;
  feeds::MqttClient client(feeds::parse_endpoint(broker.endpoint()), "test-invalid");
  const std::vector<VssMessage> bad = {{std::string(vss::kStateOfCharge), -3.0, kNow}};
  EXPECT_THROW(publish_messages(client, bad), VssError);
}

TEST(VssFeed, ReportsABrokerThatIsNotThere) {
  VehicleState state;
  VssFeedOptions options;
  options.connect_timeout = 300ms;
  EXPECT_THROW(VssFeed(feeds::MqttEndpoint{"127.0.0.1", 1}, state, options), feeds::MqttError);
}

}  // namespace
}  // namespace codriver::vehicle
