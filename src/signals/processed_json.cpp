// The USDOT ODE GeoJSON converter's flattened ProcessedSpat and ProcessedMap into the model.
#include <map>

#include "signals/j2735_json.h"
#include "signals/j2735_vocabulary.h"
#include "signals/json_reader.h"
#include "signals/ode_json_parts.h"

namespace codriver::signals {

namespace {

using json_input::Node;
constexpr const char* kSpatCodec = "ProcessedSpat JSON";
constexpr const char* kMapCodec = "ProcessedMap JSON";

std::optional<Instant> optional_instant(const Node& node, const char* key) {
  const auto found = node.find(key);
  if (!found) return std::nullopt;
  return json_input::instant(*found);
}

MovementEvent read_event(const Node& node) {
  MovementEvent event;
  event.state = ode::movement_phase(node.at("eventState"));
  const auto timing = node.find("timing");
  if (!timing) return event;
  event.start = optional_instant(*timing, "startTime");
  event.min_end = optional_instant(*timing, "minEndTime");
  event.max_end = optional_instant(*timing, "maxEndTime");
  event.likely_end = optional_instant(*timing, "likelyTime");
  event.next_time = optional_instant(*timing, "nextTime");
  if (const auto confidence = timing->optional_integer("confidence", 0, 15)) {
    event.confidence = j2735::interval_confidence_probability(static_cast<int>(*confidence));
  }
  return event;
}

IntersectionRef processed_ref(const Node& node, const char* id_key) {
  IntersectionRef ref;
  if (const auto region = node.optional_integer("region", 0, 65535)) {
    ref.region = static_cast<int>(*region);
  }
  ref.id = static_cast<int>(node.required_integer(id_key, 0, 65535));
  return ref;
}

// 0 is what ProcessedMap writes for "no approach"; only a lane on that path has one.
std::optional<int> approach(const Node& node, const char* key, bool on_path) {
  const auto value = node.optional_integer(key, 0, 15);
  if (!value || (*value == 0 && !on_path)) return std::nullopt;
  return static_cast<int>(*value);
}

std::vector<LaneNode> lane_nodes(const Node& feature, const Node& properties) {
  std::vector<LaneNode> nodes;
  for (const Node& point : feature.at("geometry").at("coordinates").items(63)) {
    const std::vector<Node> lon_lat = point.items(3);
    if (lon_lat.size() < 2) point.fail("is not a [lon, lat] position");
    nodes.push_back({{ode::j2735_degrees(lon_lat[1], 90), ode::j2735_degrees(lon_lat[0], 180)},
                     std::nullopt,
                     std::nullopt});
  }
  if (nodes.size() < 2) feature.fail("has fewer than 2 positions (J2735 needs 2..63)");
  // properties.nodes, where present, carry the attributes of the first positions
  if (const auto attributes = properties.find("nodes")) {
    const std::vector<Node> items = attributes->items(63);
    for (std::size_t i = 0; i < items.size() && i < nodes.size(); ++i) {
      if (const auto w = items[i].optional_integer("dwidth", -512, 511)) {
        nodes[i].width_delta_cm = static_cast<int>(*w);
      }
      if (const auto e = items[i].optional_integer("delevation", -512, 511)) {
        nodes[i].elevation_delta_cm = 10 * static_cast<int>(*e);
      }
    }
  }
  return nodes;
}

Lane read_lane(const Node& feature) {
  const Node properties = feature.at("properties");
  Lane lane;
  lane.id = static_cast<int>(properties.optional_integer("laneId", 0, 255)
                                 .value_or(feature.required_integer("id", 0, 255)));
  if (const auto name = properties.optional_string("laneName")) lane.name = *name;
  if (const auto in = properties.find("ingressPath")) lane.ingress_path = in->boolean();
  if (const auto out = properties.find("egressPath")) lane.egress_path = out->boolean();
  lane.ingress_approach = approach(properties, "ingressApproach", lane.ingress_path);
  lane.egress_approach = approach(properties, "egressApproach", lane.egress_path);
  if (const auto shared = properties.find("sharedWith")) {
    lane.shared_with = ode::named_bits(*shared, j2735::lane_sharing_names());
  }
  if (const auto m = properties.find("maneuvers")) lane.maneuvers = ode::maneuvers(*m);
  lane.nodes = lane_nodes(feature, properties);
  if (const auto connects = properties.find("connectsTo")) {
    for (const Node& c : connects->items(16))
      lane.connects_to.push_back(ode::connection(c));
  }
  return lane;
}

Intersection new_intersection(const Node& properties) {
  Intersection in;
  in.id = processed_ref(properties, "intersectionId");
  if (const auto name = properties.optional_string("intersectionName")) in.name = *name;
  in.revision = static_cast<int>(properties.optional_integer("revision", 0, 127).value_or(0));
  const Node ref = properties.at("refPoint");
  in.ref_point = {ode::j2735_degrees(ref.at("latitude"), 90),
                  ode::j2735_degrees(ref.at("longitude"), 180)};
  if (const auto elevation = ref.find("elevation"))
    in.elevation_m = ode::elevation_metres(*elevation);
  if (const auto width = properties.optional_integer("laneWidth", 0, 32767)) {
    in.lane_width_cm = static_cast<int>(*width);
  }
  return in;
}

}  // namespace

bool is_processed_spat_json(const nlohmann::json& document) {
  return document.is_object() && document.contains("states") &&
         document.value("messageType", "") == "SPAT";
}

bool is_processed_map_json(const nlohmann::json& document) {
  return document.is_object() && document.contains("mapFeatureCollection");
}

SpatMessage decode_processed_spat_json(const nlohmann::json& document) {
  const Node root(document, "", kSpatCodec);
  IntersectionSignals in;
  in.id = processed_ref(root, "intersectionId");
  if (const auto name = root.optional_string("intersectionName")) in.name = *name;
  in.revision = static_cast<int>(root.optional_integer("revision", 0, 127).value_or(0));
  if (const auto status = root.find("status")) in.status = ode::intersection_status(*status);
  in.timestamp = optional_instant(root, "utcTimeStamp");
  in.timestamp_parts = {in.timestamp.has_value(), in.timestamp.has_value()};
  if (const auto lanes = root.find("enabledLanes")) {
    for (const Node& lane : lanes->items(16))
      in.enabled_lanes.push_back(static_cast<int>(lane.integer(0, 255)));
  }
  for (const Node& state : root.at("states").items(255)) {
    SignalGroupState group;
    group.signal_group = static_cast<int>(state.required_integer("signalGroup", 0, 255));
    for (const Node& event : state.at("stateTimeSpeed").items(16)) {
      group.events.push_back(read_event(event));
    }
    if (group.events.empty()) state.fail("has no events (J2735 needs 1..16)");
    in.signal_groups.push_back(std::move(group));
  }
  SpatMessage spat;
  spat.intersections.push_back(std::move(in));
  return spat;
}

MapMessage decode_processed_map_json(const nlohmann::json& document) {
  const Node root(document, "", kMapCodec);
  MapMessage map;
  std::map<std::pair<int, int>, std::size_t> index;  // (region or -1, id) -> intersection
  for (const Node& feature : root.at("mapFeatureCollection").at("features").items(32 * 255)) {
    const Node properties = feature.at("properties");
    if (const auto revision = properties.optional_integer("msgIssueRevision", 0, 127)) {
      map.revision = static_cast<int>(*revision);
    }
    const IntersectionRef ref = processed_ref(properties, "intersectionId");
    const auto key = std::make_pair(ref.region.value_or(-1), ref.id);
    auto found = index.find(key);
    if (found == index.end()) {
      if (map.intersections.size() == 32) feature.fail("a 33rd intersection (J2735 allows 32)");
      found = index.emplace(key, map.intersections.size()).first;
      map.intersections.push_back(new_intersection(properties));
    }
    Intersection& in = map.intersections[found->second];
    if (in.lanes.size() == 255) feature.fail("a 256th lane (J2735 allows 255)");
    in.lanes.push_back(read_lane(feature));
  }
  return map;
}

}  // namespace codriver::signals
