// The UPER decoder against the real J2735 samples, checked field by field against the same
// messages decoded independently: to XER by an ASN.1 codec, and to JSON by USDOT ODE.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <regex>

#include "signals/j2735_uper.h"
#include "signals/lane_geometry.h"
#include "signals/time_mark.h"
#include "signals_samples.h"

namespace codriver::signals {
namespace {

using namespace testing;
using nlohmann::json;

// What the XER of one MovementState says.
struct XerMovement {
  int signal_group;
  std::string event_state;
  int min_end, max_end;
};

std::vector<XerMovement> xer_movements(const std::string& xer) {
  const std::regex block(R"(<MovementState>([\s\S]*?)</MovementState>)");
  const std::regex group(R"(<signalGroup>(\d+)</signalGroup>)");
  const std::regex state(R"(<eventState>\s*<([A-Za-z-]+)/>)");
  const std::regex min_end(R"(<minEndTime>(\d+)</minEndTime>)");
  const std::regex max_end(R"(<maxEndTime>(\d+)</maxEndTime>)");
  std::vector<XerMovement> out;
  for (auto it = std::sregex_iterator(xer.begin(), xer.end(), block); it != std::sregex_iterator();
       ++it) {
    const std::string text = (*it)[1];
    std::smatch g, s, lo, hi;
    EXPECT_TRUE(std::regex_search(text, g, group) && std::regex_search(text, s, state) &&
                std::regex_search(text, lo, min_end) && std::regex_search(text, hi, max_end));
    out.push_back({std::stoi(g[1]), s[1], std::stoi(lo[1]), std::stoi(hi[1])});
  }
  return out;
}

int xer_number(const std::string& xer, const std::string& pattern) {
  std::smatch m;
  EXPECT_TRUE(std::regex_search(xer, m, std::regex(pattern))) << pattern;
  return std::stoi(m[1]);
}

// A TimeMark as the instant it must be: in the hour of the intersection's timestamp
// (17:xx for this sample, whose marks are all a couple of minutes after it).
Instant in_hour_of(Instant timestamp, int time_mark) {
  return std::chrono::floor<std::chrono::hours>(timestamp) +
         std::chrono::milliseconds(100 * time_mark);
}

SpatMessage decoded_spat() {
  return std::get<SpatMessage>(
      decode_j2735_uper(sample_bytes("spat_12111_uper.hex"), spat_received()));
}

MapMessage decoded_map() {
  return std::get<MapMessage>(decode_j2735_uper(sample_bytes("map_uper.hex"), map_received()));
}

TEST(J2735Samples, SpatMatchesTheXerDecoding) {
  const std::string xer = sample_text("ode_decoder-output-spat.xer.xml");
  const SpatMessage spat = decoded_spat();
  ASSERT_EQ(spat.intersections.size(), 1u);
  const IntersectionSignals& in = spat.intersections[0];
  int checked = 0;  // fields compared, so the test says how much it covers
  const auto same = [&checked](const auto& mine, const auto& theirs, const std::string& what) {
    EXPECT_EQ(mine, theirs) << what;
    ++checked;
  };
  same(in.id.id, xer_number(xer, R"(<id>\s*<id>(\d+)</id>)"), "id");
  same(in.id.region, std::optional<int>(), "region");
  same(in.revision, xer_number(xer, R"(<revision>(\d+)</revision>)"), "revision");
  same(in.status, 0, "status 0000000000000000");
  const int dsecond = xer_number(xer, R"(<timeStamp>(\d+)</timeStamp>)");
  ASSERT_TRUE(in.timestamp);
  same(millisecond_of_minute(*in.timestamp), dsecond, "timeStamp");
  same(*in.timestamp, *parse_iso8601("2024-12-10T17:34:35.176Z"), "timestamp");
  same(in.timestamp_parts, TimestampParts{false, true}, "no moy in the XER");
  const std::vector<XerMovement> xer_states = xer_movements(xer);
  ASSERT_EQ(xer_states.size(), 6u);
  ASSERT_EQ(in.signal_groups.size(), xer_states.size());
  for (std::size_t i = 0; i < xer_states.size(); ++i) {
    const SignalGroupState& group = in.signal_groups[i];
    ASSERT_EQ(group.events.size(), 1u);
    const MovementEvent& event = group.events[0];
    same(group.signal_group, xer_states[i].signal_group, "signalGroup");
    same(std::string(phase_name(event.state)), xer_states[i].event_state, "eventState");
    same(event.min_end, std::optional(in_hour_of(*in.timestamp, xer_states[i].min_end)),
         "minEndTime");
    same(event.max_end, std::optional(in_hour_of(*in.timestamp, xer_states[i].max_end)),
         "maxEndTime");
    same(event.start || event.likely_end || event.next_time || event.confidence, false,
         "no other timing");
  }
  EXPECT_EQ(checked, 7 + 6 * 5);
  // the XER's own hex (ODE's metadata.asn1, one zero octet of padding more) decodes alike
  std::smatch hex;
  ASSERT_TRUE(std::regex_search(xer, hex, std::regex(R"(<asn1>\s*([0-9A-F]+)\s*</asn1>)")));
  EXPECT_EQ(
      std::get<SpatMessage>(decode_j2735_uper(*bytes_from_hex(hex[1].str()), spat_received())),
      spat);
}

TEST(J2735Samples, SpatMatchesTheOdeJson) {
  const json ode = sample_json("ode_expected-spat.json");
  const json& ode_in = ode["payload"]["data"]["intersectionStateList"]["intersectionStatelist"][0];
  const IntersectionSignals in = decoded_spat().intersections[0];
  EXPECT_EQ(in.id.id, ode_in["id"]["id"]);
  EXPECT_EQ(in.revision, ode_in["revision"]);
  EXPECT_EQ(millisecond_of_minute(*in.timestamp), ode_in["timeStamp"]);
  for (const auto& [name, value] : ode_in["status"].items())
    EXPECT_FALSE(value.get<bool>()) << name;
  const json& movements = ode_in["states"]["movementList"];
  ASSERT_EQ(in.signal_groups.size(), movements.size());
  for (std::size_t i = 0; i < movements.size(); ++i) {
    const json& event = movements[i]["state_time_speed"]["movementEventList"][0];
    EXPECT_EQ(in.signal_groups[i].signal_group, movements[i]["signalGroup"]);
    EXPECT_EQ(phase_from_name(event["eventState"].get<std::string>()),
              in.signal_groups[i].events[0].state);
    EXPECT_EQ(time_mark_of(*in.signal_groups[i].events[0].min_end), event["timing"]["minEndTime"]);
    EXPECT_EQ(time_mark_of(*in.signal_groups[i].events[0].max_end), event["timing"]["maxEndTime"]);
  }
}

TEST(J2735Samples, SpatReencodesBitForBit) {
  const std::vector<std::uint8_t> original = sample_bytes("spat_12111_uper.hex");
  EXPECT_EQ(encode_j2735_uper(decoded_spat()), original);
}

// --------------------------------------------------------------------- MAP

const json& ode_map_intersection() {
  static const json ode = sample_json("ode_expected-map.json");
  return ode["payload"]["data"]["intersections"]["intersectionGeometry"][0];
}

bool flag(const json& object, const char* key) {
  return object.value(key, false);
}

TEST(J2735Samples, MapHeaderAndIntersectionMatchTheOdeJson) {
  const json ode = sample_json("ode_expected-map.json");
  const MapMessage map = decoded_map();
  const json& in_json = ode_map_intersection();
  EXPECT_EQ(map.revision, ode["payload"]["data"]["msgIssueRevision"]);
  EXPECT_EQ(map.layer_type, 3) << "intersectionData";
  EXPECT_EQ(map.layer_id, ode["payload"]["data"]["layerID"]);
  EXPECT_FALSE(map.timestamp);
  ASSERT_EQ(map.intersections.size(), 1u);
  const Intersection& in = map.intersections[0];
  EXPECT_EQ(in.id.id, 12110);
  EXPECT_EQ(in.id.id, in_json["id"]["id"]);
  EXPECT_EQ(in.revision, in_json["revision"]);
  EXPECT_DOUBLE_EQ(in.ref_point.lat, in_json["refPoint"]["latitude"].get<double>());
  EXPECT_DOUBLE_EQ(in.ref_point.lon, in_json["refPoint"]["longitude"].get<double>());
  EXPECT_DOUBLE_EQ(*in.elevation_m, in_json["refPoint"]["elevation"].get<double>());
  EXPECT_EQ(in.lane_width_cm, in_json["laneWidth"]);
  EXPECT_EQ(in.lanes.size(), 28u);
}

// Every lane field the ODE JSON shows, counted so the test says how much it checked.
TEST(J2735Samples, MapLanesMatchTheOdeJson) {
  const Intersection in = decoded_map().intersections[0];
  const json& lanes = ode_map_intersection()["laneSet"]["GenericLane"];
  ASSERT_EQ(in.lanes.size(), lanes.size());
  int fields = 0, nodes = 0, connections = 0;
  for (std::size_t i = 0; i < lanes.size(); ++i) {
    SCOPED_TRACE("lane " + std::to_string(i));
    const json& o = lanes[i];
    const Lane& lane = in.lanes[i];
    EXPECT_EQ(lane.id, o["laneID"]);
    EXPECT_EQ(lane.ingress_approach, o.contains("ingressApproach")
                                         ? std::optional<int>(o["ingressApproach"])
                                         : std::nullopt);
    EXPECT_EQ(lane.egress_approach, o.contains("egressApproach")
                                        ? std::optional<int>(o["egressApproach"])
                                        : std::nullopt);
    const json& attributes = o["laneAttributes"];
    EXPECT_EQ(lane.ingress_path, flag(attributes["directionalUse"], "ingressPath"));
    EXPECT_EQ(lane.egress_path, flag(attributes["directionalUse"], "egressPath"));
    EXPECT_EQ(lane.shared_with, 0);
    for (const auto& [bit, value] : attributes["shareWith"].items())
      EXPECT_FALSE(value.get<bool>()) << bit;
    EXPECT_EQ(lane.type, LaneType::kVehicle);
    ASSERT_TRUE(attributes["laneType"].contains("vehicle"));
    EXPECT_EQ(lane.type_attributes, 0);
    fields += 9;
    if (o.contains("maneuvers")) {
      ASSERT_TRUE(lane.maneuvers);
      for (int m = 0; m < kManeuverCount; ++m) {
        const auto maneuver = static_cast<Maneuver>(m);
        EXPECT_EQ(allows(*lane.maneuvers, maneuver),
                  flag(o["maneuvers"], std::string(maneuver_name(maneuver)).c_str()))
            << maneuver_name(maneuver);
      }
      ++fields;
    } else {
      EXPECT_FALSE(lane.maneuvers);
    }
    // Node offsets: each node's position, measured back from the one before (the first
    // from the reference point), is the ODE delta to the centimetre.
    const json& ode_nodes = o["nodeList"]["nodes"];
    ASSERT_EQ(lane.nodes.size(), ode_nodes.size());
    OffsetCm previous{0, 0};
    for (std::size_t n = 0; n < ode_nodes.size(); ++n) {
      const json& delta = ode_nodes[n]["delta"]["nodeXY6"];
      const OffsetCm at = offset_between(in.ref_point, lane.nodes[n].position);
      EXPECT_EQ(std::llround(at.east - previous.east), delta["x"].get<int>());
      EXPECT_EQ(std::llround(at.north - previous.north), delta["y"].get<int>());
      previous = {std::round(at.east), std::round(at.north)};
      const json& attributes_json = ode_nodes[n].value("attributes", json::object());
      if (attributes_json.contains("dElevation")) {
        EXPECT_EQ(lane.nodes[n].elevation_delta_cm, 10 * attributes_json["dElevation"].get<int>());
      } else {
        EXPECT_FALSE(lane.nodes[n].elevation_delta_cm);
      }
      EXPECT_FALSE(lane.nodes[n].width_delta_cm);
      ++nodes;
    }
    const json connects = o.contains("connectsTo") ? o["connectsTo"]["connectsTo"] : json::array();
    ASSERT_EQ(lane.connects_to.size(), connects.size());
    for (std::size_t c = 0; c < connects.size(); ++c) {
      const LaneConnection& mine = lane.connects_to[c];
      EXPECT_EQ(mine.lane, connects[c]["connectingLane"]["lane"]);
      EXPECT_EQ(mine.signal_group, connects[c].contains("signalGroup")
                                       ? std::optional<int>(connects[c]["signalGroup"])
                                       : std::nullopt);
      EXPECT_EQ(mine.connection_id, connects[c]["connectionID"]);
      ASSERT_TRUE(mine.maneuvers);
      for (int m = 0; m < kManeuverCount; ++m) {
        const auto maneuver = static_cast<Maneuver>(m);
        EXPECT_EQ(allows(*mine.maneuvers, maneuver),
                  flag(connects[c]["connectingLane"]["maneuver"],
                       std::string(maneuver_name(maneuver)).c_str()));
      }
      ++connections;
    }
  }
  EXPECT_EQ(nodes, 103);
  EXPECT_EQ(connections, 17);
  EXPECT_GE(fields, 28 * 9);
}

TEST(J2735Samples, MapReencodesToTheSameModel) {
  const MapMessage map = decoded_map();
  const std::vector<std::uint8_t> again = encode_j2735_uper(map);
  // the encoder picks the smallest node offset form; the RSU sent every one as node-XY6
  EXPECT_LT(again.size(), sample_bytes("map_uper.hex").size());
  EXPECT_EQ(std::get<MapMessage>(decode_j2735_uper(again, map_received())), map);
  EXPECT_EQ(encode_j2735_uper(std::get<MapMessage>(decode_j2735_uper(again, map_received()))),
            again);
}

}  // namespace
}  // namespace codriver::signals
