// GET /v1/events: what every connected screen hears, and the cap on screens.

#include <atomic>
#include <future>

#include "cockpit_fixture.h"
#include "event_reader.h"
#include "openapi_support.h"
#include "raw_http.h"

namespace codriver::server::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

class EventStreamTest : public CockpitFixture {
 protected:
  void start_fast(std::size_t max_sessions = 8) {
    CockpitOptions options;
    options.tick_interval = 100ms;
    options.max_sessions = max_sessions;
    start(options);
  }
};

std::string tick_violations(const json& tick) {
  std::string out;
  const json schema = resolved(openapi().at("components").at("schemas").at("Tick"));
  for (const auto& violation : agent::validate_json(schema, tick))
    out += violation.path + " " + violation.message + "\n";
  return out;
}

TEST_F(EventStreamTest, ANewScreenGetsTheTripAndTheCarAtOnceThenTicks) {
  start_fast();
  const EventRead read = read_events(
      port_, "/v1/events", [](const auto& events) { return count_named(events, "tick") >= 3; });
  EXPECT_EQ(read.status, 200);
  ASSERT_GE(read.events.size(), 4u);
  EXPECT_EQ(read.events.front().name, "route");
  EXPECT_EQ(read.events.front().data, json({{"active", false}}));
  for (const auto& event : read.events) {
    if (event.name == "tick") {
      EXPECT_EQ(tick_violations(event.data), "") << event.data.dump();
    }
  }
}

TEST_F(EventStreamTest, TheLightCountdownTicksDown) {
  start_fast();
  // The parked car faces a signalised junction of Boulevard des Moulins (390 m ahead).
  std::vector<double> countdown;
  read_events(port_, "/v1/events?lang=zh", [&](const auto& events) {
    const auto& last = events.back();
    if (last.name == "tick" && last.data["light"].is_object() &&
        last.data["light"]["time_to_change_s"].is_number())
      countdown.push_back(last.data["light"]["time_to_change_s"].template get<double>());
    return countdown.size() >= 8;
  });
  ASSERT_GE(countdown.size(), 8u) << "no light ahead of the parked car";
  int decreasing = 0;
  for (std::size_t i = 1; i < countdown.size(); ++i)
    decreasing += countdown[i] < countdown[i - 1];
  EXPECT_GE(decreasing, 5)
      << "the countdown must fall between most ticks (one may wrap on a change)";
}

TEST_F(EventStreamTest, EveryScreenHearsAnswersAndTheTripChange) {
  start_fast();
  auto listener = std::async(std::launch::async, [this] {
    return read_events(port_, "/v1/events", [](const auto& events) {
      bool answered = false, routed = false;
      for (const auto& event : events) {
        answered |= event.name == "answer";
        routed |= event.name == "route" && event.data["active"] == true;
      }
      return answered && routed && count_named(events, "tick") > 8;
    });
  });
  std::this_thread::sleep_for(300ms);
  auto result = ask("navigate to the casino");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  const EventRead read = listener.get();
  json route, answer;
  std::vector<json> positions;
  for (const auto& event : read.events) {
    if (event.name == "answer") answer = event.data;
    if (event.name == "route" && event.data["active"] == true) route = event.data;
    if (event.name == "tick" && !route.is_null()) positions.push_back(event.data["vehicle"]);
  }
  EXPECT_EQ(answer["question"], "navigate to the casino");
  EXPECT_EQ(answer["answer"]["intent"], "navigate_to");
  ASSERT_TRUE(route.is_object());
  EXPECT_GT(route["geometry"].size(), 10u);
  EXPECT_GT(route["distance_m"].get<double>(), 100);
  // The simulated car drives the trip: it moves between the first and last tick.
  ASSERT_GE(positions.size(), 2u);
  EXPECT_NE(positions.front()["lat"], positions.back()["lat"]);
  EXPECT_TRUE(positions.back()["moving"].get<bool>());
}

TEST_F(EventStreamTest, AResetIsHeardAndEndsTheTrip) {
  start_fast();
  ASSERT_EQ(ask("navigate to the casino")->status, 200);
  auto listener = std::async(std::launch::async, [this] {
    return read_events(port_, "/v1/events", [](const auto& events) {
      return count_named(events, "reset") > 0 && events.back().name == "tick";
    });
  });
  std::this_thread::sleep_for(300ms);
  auto result = client().Post("/v1/session/reset", "", "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(body_of(result), json({{"ok", true}}));
  const EventRead read = listener.get();
  bool ended = false;
  for (const auto& event : read.events)
    ended |= event.name == "route" && event.data == json({{"active", false}});
  EXPECT_TRUE(ended);
  EXPECT_EQ(body_of(client().Get("/v1/route")), json({{"active", false}}));
  // A screen that connects after the reset is not shown the forgotten conversation.
  const EventRead fresh = read_events(
      port_, "/v1/events", [](const auto& events) { return count_named(events, "tick") > 0; });
  EXPECT_EQ(count_named(fresh.events, "answer"), 0u);
}

TEST_F(EventStreamTest, TheStreamIsNeverCompressedSoBrowsersGetEachEventAtOnce) {
  start_fast();
  RawConnection browser(port_);
  browser.send(
      "GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip, deflate, br\r\n\r\n");
  const std::string received = browser.read_for(1500ms);
  EXPECT_EQ(received.find("Content-Encoding"), std::string::npos) << received.substr(0, 300);
  EXPECT_NE(received.find("Content-Type: text/event-stream"), std::string::npos);
  EXPECT_NE(received.find("event: tick"), std::string::npos);
}

TEST_F(EventStreamTest, AfterAResetTheSimulatedCarParks) {
  start_fast();
  ASSERT_EQ(ask("navigate to the casino")->status, 200);
  for (int i = 0; i < 40 && !body_of(client().Get("/v1/vehicle"))["moving"].get<bool>(); ++i)
    std::this_thread::sleep_for(100ms);
  ASSERT_TRUE(body_of(client().Get("/v1/vehicle"))["moving"].get<bool>());
  ASSERT_EQ(client().Post("/v1/session/reset", "", "application/json")->status, 200);
  const json parked = body_of(client().Get("/v1/vehicle"));
  EXPECT_FALSE(parked["moving"].get<bool>());
  EXPECT_EQ(parked["speed_kmh"], 0.0);
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(body_of(client().Get("/v1/vehicle"))["lat"], parked["lat"]);
}

TEST_F(EventStreamTest, ScreensBeyondTheCapAreRefusedUntilOneLeaves) {
  start_fast(2);
  std::atomic<bool> release{false};
  const auto hold = [&] {
    return read_events(
        port_, "/v1/events", [&](const auto&) { return release.load(); }, 20s);
  };
  auto first = std::async(std::launch::async, hold);
  auto second = std::async(std::launch::async, hold);
  for (int i = 0; i < 50 && body_of(client().Get("/v1/health"))["sessions"] != 2; ++i)
    std::this_thread::sleep_for(50ms);
  ASSERT_EQ(body_of(client().Get("/v1/health"))["sessions"], 2);
  auto third = client().Get("/v1/events");
  ASSERT_TRUE(third);
  EXPECT_EQ(third->status, 503);
  EXPECT_EQ(body_of(third)["error"]["code"], "too_many_sessions");
  release = true;
  first.get();
  second.get();
  // The server notices the screens left at its next write.
  for (int i = 0; i < 50 && body_of(client().Get("/v1/health"))["sessions"] != 0; ++i)
    std::this_thread::sleep_for(50ms);
  const EventRead again =
      read_events(port_, "/v1/events", [](const auto& events) { return !events.empty(); });
  EXPECT_EQ(again.status, 200);
}

TEST_F(EventStreamTest, StoppingTheServerEndsOpenStreams) {
  start_fast();
  auto listener = std::async(std::launch::async, [this] {
    return read_events(
        port_, "/v1/events", [](const auto&) { return false; }, 30s);
  });
  std::this_thread::sleep_for(300ms);
  const auto before = std::chrono::steady_clock::now();
  stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, 5s);
  EXPECT_EQ(listener.wait_for(5s), std::future_status::ready);
}

}  // namespace
}  // namespace codriver::server::testing
