// The server's small parts: request values, the event hub, the map's drawable roads.

#include <gtest/gtest.h>

#include <thread>

#include "cockpit_fixture.h"
#include "map/bundle.h"
#include "server/event_hub.h"
#include "server/http_error.h"
#include "server/map_geometry.h"
#include "server/request_values.h"

namespace codriver::server {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

int status_of_error(const std::function<void()>& f) {
  try {
    f();
  } catch (const HttpError& error) {
    EXPECT_FALSE(std::string(error.what()).empty());
    EXPECT_FALSE(error.message_zh().empty());
    return error.status();
  }
  return 0;
}

TEST(RequestValues, AnAskIsTextAndAnOptionalLanguage) {
  const AskRequest ask = parse_ask_request(R"({"text":"找停车场","lang":"zh"})");
  EXPECT_EQ(ask.text, "找停车场");
  EXPECT_EQ(ask.language, routing::Language::kChinese);
  EXPECT_FALSE(parse_ask_request(R"({"text":"hi","lang":"auto"})").language);
  for (const char* bad : {"", "null", "[]", "{}", R"({"text":null})", R"({"text":"hi","lang":1})",
                          R"({"text":"hi","extra":true})", "{\"text\":\"\xff\"}"}) {
    const std::string body = bad;
    EXPECT_EQ(status_of_error([&] { parse_ask_request(body); }), 400) << body;
  }
}

TEST(RequestValues, TextIsMeasuredInCharactersAndBlankInAnyScript) {
  std::string chinese;
  for (int i = 0; i < 2000; ++i)
    chinese += "停";
  EXPECT_EQ(character_count(chinese), 2000u);
  EXPECT_EQ(parse_ask_request(json{{"text", chinese}}.dump()).text, chinese);  // 6000 bytes
  EXPECT_EQ(status_of_error([&] {
              parse_ask_request(json{{"text", chinese + "车"}}.dump());
            }),
            400);
  for (const char* blank : {R"(\u3000)", R"(\u00a0 \u2009)", R"(\u000b\u0000)", R"(\ufeff\u200b)"})
    EXPECT_TRUE(blank_text(json::parse(std::string("\"") + blank + "\"").get<std::string>()))
        << blank;
  EXPECT_FALSE(blank_text("\xe3\x80\x80停"));
  EXPECT_FALSE(blank_text(" a "));
}

TEST(RequestValues, QueryValuesAreCheckedForShapeAndRange) {
  EXPECT_EQ(lat_lon_value("near", std::string("43.7,7.4"))->lat, 43.7);
  EXPECT_FALSE(lat_lon_value("near", std::nullopt));
  for (const char* bad :
       {"43.7", "43.7,", ",7.4", "a,b", "43.7,7.4,1", "90.1,0", "0,180.5", "inf,0", "43.7 ,7.4"})
    EXPECT_EQ(status_of_error([&] { lat_lon_value("near", std::string(bad)); }), 400) << bad;
  EXPECT_EQ(number_value("r", std::string("12.5"), 1, 0, 100), 12.5);
  EXPECT_EQ(number_value("r", std::nullopt, 7, 0, 100), 7);
  EXPECT_EQ(status_of_error([] { number_value("r", std::string("101"), 1, 0, 100); }), 400);
  EXPECT_EQ(status_of_error([] { number_value("r", std::string("1e400"), 1, 0, 100); }), 400);
  EXPECT_EQ(integer_value("n", std::string("3"), 1, 1, 5), 3);
  EXPECT_EQ(status_of_error([] { integer_value("n", std::string("3.5"), 1, 1, 5); }), 400);
  EXPECT_TRUE(boolean_value("b", std::string("true"), false));
  EXPECT_FALSE(boolean_value("b", std::string("0"), true));
  EXPECT_EQ(status_of_error([] { boolean_value("b", std::string("yes"), false); }), 400);
  EXPECT_EQ(language_value(std::nullopt), routing::Language::kEnglish);
  EXPECT_EQ(language_value(std::string("zh")), routing::Language::kChinese);
  EXPECT_EQ(status_of_error([] { language_value(std::string("de")); }), 400);
  EXPECT_EQ(status_of_error([] { text_value("q", std::string("\xff"), 10); }), 400);
  EXPECT_EQ(status_of_error([] { text_value("q", std::string(11, 'a'), 10); }), 400);
}

TEST(EventHub, ScreensBeyondTheCapAreRefusedAndTheirPlaceComesBack) {
  EventHub hub(2);
  auto a = hub.subscribe();
  auto b = hub.subscribe();
  ASSERT_TRUE(a && b);
  EXPECT_FALSE(hub.subscribe());
  EXPECT_EQ(hub.subscribers(), 2u);
  a.reset();
  EXPECT_EQ(hub.subscribers(), 1u);
  EXPECT_TRUE(hub.subscribe());
}

TEST(EventHub, AReaderGetsWhatCameAfterItAndTheLatestOfEachKind) {
  EventHub hub(4, 3);
  hub.publish("route", "{\"r\":1}", "{\"r\":1}");
  hub.publish("tick", "{\"t\":1}", "{\"t\":\"一\"}");
  hub.publish("tick", "{\"t\":2}", "{\"t\":\"二\"}");
  const auto latest = hub.latest();
  ASSERT_EQ(latest.size(), 2u);
  EXPECT_EQ(latest[0].name, "route");
  EXPECT_EQ(latest[1].data_in(routing::Language::kChinese), "{\"t\":\"二\"}");
  hub.forget_latest("route");
  EXPECT_EQ(hub.latest().size(), 1u);
  const auto after = hub.wait_after(1, 0ms);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].id, 2u);
  // The backlog keeps the newest 3: a reader far behind loses the oldest.
  hub.publish("tick", "{}", "{}");
  hub.publish("tick", "{}", "{}");
  EXPECT_EQ(hub.wait_after(0, 0ms).front().id, 3u);
}

TEST(EventHub, WaitingReadersWakeForNewsAndForClose) {
  EventHub hub(4);
  std::thread publisher([&] {
    std::this_thread::sleep_for(50ms);
    hub.publish("answer", "{}", "{}");
  });
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(hub.wait_after(0, 5s).size(), 1u);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  publisher.join();
  std::thread closer([&] {
    std::this_thread::sleep_for(50ms);
    hub.close();
  });
  EXPECT_TRUE(hub.wait_after(hub.last_id(), 5s).empty());
  EXPECT_TRUE(hub.closed());
  EXPECT_FALSE(hub.subscribe());
  closer.join();
}

class MapGeometryTest : public testing::CockpitFixture {};

TEST_F(MapGeometryTest, EveryRoadIsDrawnOnceInsideTheMapsBox) {
  const map::MapBundle bundle = map::MapBundle::open(this->bundle());
  const map::RoadGraph graph = bundle.graph();
  const json geometry = map_geometry_json(graph);
  const auto& box = geometry["bbox"];
  std::size_t oneway = 0;
  for (const auto& edge : graph.edges)
    oneway += (edge.flags & map::format::edge_flags::kOneway) != 0;
  // Two-way roads are two edges drawn as one line.
  const std::size_t expected = oneway + (graph.edge_count() - oneway) / 2;
  EXPECT_NEAR(static_cast<double>(geometry["roads"].size()), static_cast<double>(expected),
              0.02 * static_cast<double>(expected));
  for (const auto& road : geometry["roads"]) {
    ASSERT_GE(road["points"].size(), 4u);
    ASSERT_EQ(road["points"].size() % 2, 0u);
    for (std::size_t i = 0; i < road["points"].size(); i += 2) {
      ASSERT_GE(road["points"][i].get<double>(), box[0].get<double>() - 1e-6);
      ASSERT_LE(road["points"][i].get<double>(), box[2].get<double>() + 1e-6);
      ASSERT_GE(road["points"][i + 1].get<double>(), box[1].get<double>() - 1e-6);
      ASSERT_LE(road["points"][i + 1].get<double>(), box[3].get<double>() + 1e-6);
    }
  }
  EXPECT_NEAR(box[0].get<double>(), 7.349, 0.01);  // Monaco's extract, as `info` reports it
  geo::BoundingBox casino;
  casino.extend(geo::LatLon{43.735, 7.420});
  casino.extend(geo::LatLon{43.742, 7.432});
  const json part = map_geometry_json(graph, casino);
  EXPECT_GT(part["roads"].size(), 20u);
  EXPECT_LT(part["roads"].size(), geometry["roads"].size() / 2);
  for (const auto& road : part["roads"]) {
    bool inside = false;
    for (std::size_t i = 0; i + 1 < road["points"].size(); i += 2)
      inside |=
          casino.contains({road["points"][i + 1].get<double>(), road["points"][i].get<double>()});
    EXPECT_TRUE(inside);
  }
  EXPECT_NEAR(box[3].get<double>(), 43.770, 0.01);
}

}  // namespace
}  // namespace codriver::server
