// ODE's J2735MAP JSON (payload.data of an OdeMapPayload) into the model.
#include <array>
#include <cctype>

#include "signals/j2735_vocabulary.h"
#include "signals/lane_geometry.h"
#include "signals/ode_json.h"
#include "signals/ode_json_parts.h"
#include "signals/time_mark.h"

namespace codriver::signals::ode {

namespace {

constexpr std::array<std::string_view, 8> kLayerTypes = {
    "none",      "mixedContent",       "generalMapData",  "intersectionData",
    "curveData", "roadwaySectionData", "parkingAreaData", "sharedLaneData"};

// "nodeXY3" and "node-XY3" alike: which node-XY alternative (1..6), 7 for node-LatLon.
int node_alternative(std::string_view key) {
  std::string folded;
  for (const char c : key) {
    if (c != '-' && c != '_')
      folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (folded == "nodelatlon") return 7;
  if (folded.size() == 7 && folded.starts_with("nodexy") && folded[6] >= '1' && folded[6] <= '6') {
    return folded[6] - '0';
  }
  return 0;
}

constexpr std::array<int, 7> kOffsetBits = {0, 10, 11, 12, 13, 14, 16};

struct NodeRead {
  NodeStep step;
  LaneNode attributes;
};

NodeRead read_node(const Node& node) {
  NodeRead out;
  const Node delta = node.at("delta");
  if (!delta.is_object() || delta.value().size() != 1) {
    delta.fail("must hold exactly one of nodeXY1..nodeXY6, nodeLatLon");
  }
  const std::string key = delta.value().begin().key();
  const int alternative = node_alternative(key);
  const Node offset = delta.at(key.c_str());
  if (alternative == 7) {
    out.step.absolute = true;
    out.step.position = {j2735_degrees(offset.at("lat"), 90), j2735_degrees(offset.at("lon"), 180)};
  } else if (alternative > 0) {
    const std::int64_t limit = std::int64_t{1} << (kOffsetBits[alternative] - 1);
    out.step.east_cm = offset.required_integer("x", -limit, limit - 1);
    out.step.north_cm = offset.required_integer("y", -limit, limit - 1);
  } else {
    delta.fail("\"" + key + "\" is not a node offset kind codriver reads");
  }
  if (const auto attributes = node.find("attributes")) {
    if (const auto width = attributes->optional_integer("dWidth", -512, 511)) {
      out.attributes.width_delta_cm = static_cast<int>(*width);
    }
    if (const auto elevation = attributes->optional_integer("dElevation", -512, 511)) {
      out.attributes.elevation_delta_cm = 10 * static_cast<int>(*elevation);  // 10 cm steps
    }
  }
  return out;
}

std::vector<LaneNode> read_nodes(const Node& node_list, geo::LatLon ref_point) {
  if (node_list.has("computed")) {
    node_list.fail("computed lanes are read from UPER only");
  }
  std::vector<NodeStep> steps;
  std::vector<LaneNode> nodes;
  for (const Node& node : wrapped_list(node_list, "nodes", "NodeXY", 63)) {
    NodeRead read = read_node(node);
    steps.push_back(read.step);
    nodes.push_back(read.attributes);
  }
  if (nodes.size() < 2) node_list.fail("has fewer than 2 nodes (J2735 needs 2..63)");
  const std::vector<geo::LatLon> positions = place_nodes(steps, ref_point);
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (!geo::is_valid(positions[i]))
      node_list.fail("node " + std::to_string(i) + " lies off the Earth");
    nodes[i].position = positions[i];
  }
  return nodes;
}

void read_lane_attributes(const Node& node, Lane& lane) {
  if (const auto direction = node.find("directionalUse")) {
    constexpr std::array<std::string_view, 2> kDirections = {"ingressPath", "egressPath"};
    const std::uint16_t bits = named_bits(*direction, kDirections);
    lane.ingress_path = bits & 1u;
    lane.egress_path = bits & 2u;
  }
  if (const auto shared = find_either(node, "shareWith", "sharedWith")) {
    lane.shared_with = named_bits(*shared, j2735::lane_sharing_names());
  }
  const Node type = node.at("laneType");
  if (!type.is_object() || type.value().size() != 1) type.fail("must name exactly one lane type");
  const std::string key = type.value().begin().key();
  const auto lane_type = lane_type_from_name(key);
  if (!lane_type) type.fail("\"" + key + "\" is not a J2735 lane type");
  lane.type = *lane_type;
  lane.type_attributes =
      named_bits(type.at(key.c_str()), j2735::lane_type_attribute_names(*lane_type));
}

Lane read_lane(const Node& node, geo::LatLon ref_point) {
  Lane lane;
  lane.id = static_cast<int>(node.required_integer("laneID", 0, 255));
  if (const auto name = node.optional_string("name")) lane.name = *name;
  if (const auto a = node.optional_integer("ingressApproach", 0, 15))
    lane.ingress_approach = static_cast<int>(*a);
  if (const auto a = node.optional_integer("egressApproach", 0, 15))
    lane.egress_approach = static_cast<int>(*a);
  read_lane_attributes(node.at("laneAttributes"), lane);
  if (const auto m = node.find("maneuvers")) lane.maneuvers = maneuvers(*m);
  lane.nodes = read_nodes(node.at("nodeList"), ref_point);
  if (const auto connects = node.find("connectsTo")) {
    for (const Node& c : wrapped_list(*connects, "connectsTo", "Connection", 16)) {
      lane.connects_to.push_back(connection(c));
    }
  }
  if (const auto overlays = node.find("overlays")) {
    for (const Node& id : wrapped_list(*overlays, "overlayLaneList", "laneID", 5)) {
      lane.overlays.push_back(static_cast<int>(id.integer(0, 255)));
    }
  }
  return lane;
}

Intersection read_intersection(const Node& node) {
  Intersection out;
  if (const auto name = node.optional_string("name")) out.name = *name;
  out.id = intersection_ref(node.at("id"));
  out.revision = static_cast<int>(node.required_integer("revision", 0, 127));
  const Node ref = node.at("refPoint");
  out.ref_point = {j2735_degrees(ref.at("latitude"), 90), j2735_degrees(ref.at("longitude"), 180)};
  if (const auto elevation = ref.find("elevation")) out.elevation_m = elevation_metres(*elevation);
  if (const auto width = node.optional_integer("laneWidth", 0, 32767)) {
    out.lane_width_cm = static_cast<int>(*width);
  }
  for (const Node& lane : wrapped_list(node.at("laneSet"), "GenericLane", "laneList", 255)) {
    out.lanes.push_back(read_lane(lane, out.ref_point));
  }
  if (out.lanes.empty()) node.fail("has no lanes (J2735 needs 1..255)");
  return out;
}

std::optional<int> layer_type(const Node& data) {
  const auto node = data.find("layerType");
  if (!node) return std::nullopt;
  if (node->value().is_number()) return static_cast<int>(node->integer(0, 1000));
  const std::string name = node->string();
  if (const auto bit = j2735::bit_named(kLayerTypes, name)) return *bit;
  node->fail("\"" + name + "\" is not a J2735 layer type");
}

}  // namespace

MapMessage read_ode_map(const Node& data, Instant reference) {
  MapMessage map;
  if (const auto moy = data.optional_integer("timeStamp", 0, kMinuteOfYearUnknown)) {
    map.timestamp = read_minute_of_year(static_cast<int>(*moy), reference);
  }
  map.revision = static_cast<int>(data.optional_integer("msgIssueRevision", 0, 127).value_or(0));
  map.layer_type = layer_type(data);
  if (const auto id = data.optional_integer("layerID", 0, 100))
    map.layer_id = static_cast<int>(*id);
  if (const auto intersections = data.find("intersections")) {
    for (const Node& node :
         wrapped_list(*intersections, "intersectionGeometry", "IntersectionGeometry", 32)) {
      map.intersections.push_back(read_intersection(node));
    }
  }
  return map;
}

}  // namespace codriver::signals::ode
