#include "signals/signals_json.h"

#include <gtest/gtest.h>

#include "signals/j2735_uper.h"
#include "signals_samples.h"

namespace codriver::signals {
namespace {

using namespace testing;

TEST(SignalsJson, SpatHasTheDocumentedShape) {
  const auto spat = decode_j2735_uper(sample_bytes("spat_12111_uper.hex"), spat_received());
  const auto doc = to_json(spat);
  EXPECT_EQ(doc["type"], "spat");
  const auto& in = doc["intersections"][0];
  EXPECT_EQ(in["id"], 12111);
  EXPECT_TRUE(in["region"].is_null());
  EXPECT_EQ(in["timestamp"], "2024-12-10T17:34:35.176Z");
  const auto& state = in["states"][0];
  EXPECT_EQ(state["signal_group"], 2);
  const auto& event = state["events"][0];
  EXPECT_EQ(event["state"], "protected-Movement-Allowed");
  EXPECT_EQ(event["colour"], "green");
  EXPECT_EQ(event["min_end"], "2024-12-10T17:36:52.000Z");
  EXPECT_EQ(event["max_end"], "2024-12-10T17:36:52.100Z");
  EXPECT_TRUE(event["likely"].is_null());
  EXPECT_EQ(in["states"][1]["events"][0]["colour"], "red");
}

TEST(SignalsJson, MapHasTheDocumentedShape) {
  const auto map = decode_j2735_uper(sample_bytes("map_uper.hex"), map_received());
  const auto doc = to_json(map);
  EXPECT_EQ(doc["type"], "map");
  const auto& in = doc["intersections"][0];
  EXPECT_EQ(in["id"], 12110);
  EXPECT_DOUBLE_EQ(in["ref_point"]["lat"].get<double>(), 39.5952649);
  EXPECT_DOUBLE_EQ(in["ref_point"]["lon"].get<double>(), -105.0914122);
  ASSERT_EQ(in["lanes"].size(), 28u);
  const auto& lane = in["lanes"][0];
  EXPECT_EQ(lane["lane_id"], 2);
  EXPECT_EQ(lane["ingress_approach"], 1);
  EXPECT_TRUE(lane["egress_approach"].is_null());
  EXPECT_EQ(lane["connects_to"][0]["lane"], 19);
  EXPECT_EQ(lane["connects_to"][0]["signal_group"], 4);
  EXPECT_EQ(lane["maneuvers"], nlohmann::ordered_json::array({"straight"}));
  EXPECT_EQ(lane["nodes"].size(), 6u);
  EXPECT_EQ(lane["nodes"][0]["d_elevation_cm"], -100);
  EXPECT_TRUE(in["lanes"][2]["connects_to"][0]["signal_group"].is_null()) << "lane 1's right turn";
}

TEST(SignalsJson, BeyondAnHourIsNamed) {
  SpatMessage spat;
  IntersectionSignals in;
  MovementEvent e;
  e.state = MovementPhase::kDark;
  e.beyond_an_hour = static_cast<std::uint8_t>(TimeField::kMinEnd);
  in.signal_groups = {{1, "", {e}}};
  spat.intersections = {in};
  const auto event = to_json(spat)["intersections"][0]["states"][0]["events"][0];
  EXPECT_TRUE(event["min_end"].is_null());
  EXPECT_EQ(event["beyond_an_hour"], nlohmann::ordered_json::array({"min_end"}));
  EXPECT_EQ(event["colour"], "dark");
}

}  // namespace
}  // namespace codriver::signals
