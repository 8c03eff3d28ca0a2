#include "feeds/mqtt_client.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <vector>

#include "support/mosquitto_broker.h"

namespace codriver::feeds {
namespace {

struct Inbox {
  std::mutex mutex;
  std::condition_variable arrived;
  std::vector<std::pair<std::string, std::string>> messages;

  MqttClient::Handler handler() {
    return [this](std::string_view topic, std::string_view payload) {
      std::lock_guard lock(mutex);
      messages.emplace_back(topic, payload);
      arrived.notify_all();
    };
  }
  bool wait_for(std::size_t count) {
    std::unique_lock lock(mutex);
    return arrived.wait_for(lock, std::chrono::seconds(5), [&] { return messages.size() >= count; });
  }
};

TEST(MqttClient, DeliversPublishedMessagesToMatchingSubscriptions) {
  codriver::testing::MosquittoBroker broker;
  const MqttEndpoint endpoint = parse_endpoint(broker.endpoint());
  MqttClient subscriber(endpoint, "test-subscriber");
  MqttClient publisher(endpoint, "test-publisher");
  Inbox parking, everything;
  subscriber.subscribe("codriver/parking/#", parking.handler());
  subscriber.subscribe("codriver/#", everything.handler());
  publisher.publish("codriver/parking/monaco", R"({"lot_id":"osm:w1","free":3})");
  publisher.publish("codriver/spat/12111", std::string("\x00\x01binary", 8));
  ASSERT_TRUE(everything.wait_for(2));
  ASSERT_TRUE(parking.wait_for(1));
  std::lock_guard lock(parking.mutex);
  ASSERT_EQ(parking.messages.size(), 1u);
  EXPECT_EQ(parking.messages[0].first, "codriver/parking/monaco");
  EXPECT_EQ(parking.messages[0].second, R"({"lot_id":"osm:w1","free":3})");
  std::lock_guard lock_all(everything.mutex);
  EXPECT_EQ(everything.messages[1].second.size(), 8u) << "payloads are bytes, NULs included";
}

TEST(MqttClient, ClearErrorsForBadEndpointsAndTopics) {
  EXPECT_THROW(parse_endpoint("127.0.0.1:99999"), MqttError);
  EXPECT_THROW(parse_endpoint(":1883"), MqttError);
  EXPECT_EQ(parse_endpoint("localhost").port, 1883);
  codriver::testing::MosquittoBroker broker;
  const MqttEndpoint endpoint = parse_endpoint(broker.endpoint());
  MqttClient client(endpoint, "test-topics");
  EXPECT_THROW(client.subscribe("codriver/#/parking", [](auto, auto) {}), MqttError);
  EXPECT_THROW(client.publish("codriver/+/x", "{}"), MqttError);
}

TEST(MqttClient, ReportsABrokerThatIsNotThere) {
  MqttEndpoint nowhere{"127.0.0.1", 1};
  try {
    MqttClient client(nowhere, "test-nowhere", std::chrono::milliseconds(500));
    FAIL() << "connected to nothing";
  } catch (const MqttError& error) {
    EXPECT_NE(std::string(error.what()).find("127.0.0.1:1"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace codriver::feeds
