// The J2735 MapData body, read and written. Ranges are the DSRC module's:
//   Latitude -900000000..900000001, Longitude -1799999999..1800000001 (1/10 microdegree,
//   the top value "unavailable"), Elevation -4096..61439 (10 cm, -4096 unknown),
//   LaneWidth 0..32767 cm, ApproachID 0..15, LaneID 0..255, Offset-Bnn signed nn bits (cm).
#include <array>
#include <cmath>
#include <numbers>

#include "signals/j2735_uper_parts.h"
#include "signals/j2735_vocabulary.h"
#include "signals/lane_geometry.h"
#include "signals/signals_error.h"
#include "signals/time_mark.h"

namespace codriver::signals::j2735 {

namespace {

using uper::BitReader;
using uper::BitWriter;
using Scope = BitReader::FieldScope;

constexpr std::int64_t kLatMin = -900000000, kLatMax = 900000001;
constexpr std::int64_t kLonMin = -1799999999, kLonMax = 1800000001;
constexpr int kElevationUnknown = -4096;

// NodeOffsetPointXY's six XY alternatives: node-XY1 (Offset-B10) .. node-XY6 (Offset-B16).
constexpr std::array<int, 6> kNodeXYBits = {10, 11, 12, 13, 14, 16};

std::int64_t signed_min(int bits) {
  return -(std::int64_t{1} << (bits - 1));
}
std::int64_t signed_max(int bits) {
  return (std::int64_t{1} << (bits - 1)) - 1;
}

// A lane node as the wire gives it, before positions are worked out.
struct RawNode {
  NodeStep step;
  std::optional<int> width_delta_cm, elevation_delta_cm;
};

// A lane whose nodes are another lane's, moved (ComputedLane).
struct ComputedLane {
  int reference_lane = 0;
  std::int64_t offset_x_cm = 0, offset_y_cm = 0;
  std::optional<int> rotate;            // Angle, 0.0125 degree units, clockwise
  std::optional<int> scale_x, scale_y;  // Scale-B12, 0.05 % units
};

void skip_speed_limits(BitReader& r) {
  // SpeedLimitList ::= SEQUENCE (SIZE(1..9)) OF RegulatorySpeedLimit
  //   { type SpeedLimitType (ENUMERATED, 13 root values, ...), speed Velocity (0..8191) }
  const std::size_t count = r.size(1, 9, "speedLimits");
  for (std::size_t i = 0; i < count; ++i) {
    Scope scope(r, "speedLimits", static_cast<int>(i));
    read_extensible_enum(r, 13, "type");
    r.constrained(0, 8191, "speed");
  }
}

geo::LatLon read_lat_lon_pair(BitReader& r, bool lat_first) {
  std::int64_t lat = 0, lon = 0;
  if (lat_first) {
    lat = r.constrained(kLatMin, kLatMax, "lat");
    lon = r.constrained(kLonMin, kLonMax, "long");
  } else {
    lon = r.constrained(kLonMin, kLonMax, "lon");
    lat = r.constrained(kLatMin, kLatMax, "lat");
  }
  if (lat == kLatMax || lon == kLonMax) r.fail("the position is \"unavailable\"", "");
  return {static_cast<double>(lat) / 1e7, static_cast<double>(lon) / 1e7};
}

// Position3D ::= SEQUENCE { lat Latitude, long Longitude, elevation Elevation OPTIONAL,
//   regional ... OPTIONAL, ... }
void read_ref_point(BitReader& r, Intersection& out) {
  Scope scope(r, "refPoint");
  const bool extended = r.bit("extension");
  const std::uint32_t opt = read_presence(r, 2, "optional fields");
  out.ref_point = read_lat_lon_pair(r, true);
  if (present(opt, 2, 0)) {
    const auto elevation = r.constrained(-4096, 61439, "elevation");
    if (elevation != kElevationUnknown) out.elevation_m = static_cast<double>(elevation) / 10.0;
  }
  if (present(opt, 2, 1)) skip_regional_list(r);
  if (extended) r.skip_extension_additions("extension additions");
}

// LaneDataAttribute ::= CHOICE { pathEndPointAngle DeltaAngle, laneCrownPointCenter,
//   laneCrownPointLeft, laneCrownPointRight RoadwayCrownAngle, laneAngle
//   MergeDivergeNodeAngle, speedLimits SpeedLimitList, regional SEQUENCE OF ..., ... }
void skip_lane_data_attribute(BitReader& r) {
  if (r.bit("extension")) {
    r.normally_small("alternative");
    r.skip_open_type("value");
    return;
  }
  switch (r.constrained(0, 6, "alternative")) {
    case 0:
      r.constrained(-150, 150, "pathEndPointAngle");
      break;
    case 1:
    case 2:
    case 3:
      r.constrained(-128, 127, "laneCrownPoint");
      break;
    case 4:
      r.constrained(-180, 180, "laneAngle");
      break;
    case 5:
      skip_speed_limits(r);
      break;
    default:
      skip_regional_list(r);
  }
}

// NodeAttributeSetXY ::= SEQUENCE { localNode NodeAttributeXYList OPTIONAL, disabled
//   SegmentAttributeXYList OPTIONAL, enabled ... OPTIONAL, data LaneDataAttributeList
//   OPTIONAL, dWidth Offset-B10 OPTIONAL, dElevation Offset-B10 OPTIONAL, regional
//   OPTIONAL, ... }
void read_node_attributes(BitReader& r, RawNode& node) {
  Scope scope(r, "attributes");
  const bool extended = r.bit("extension");
  const std::uint32_t opt = read_presence(r, 7, "optional fields");
  if (present(opt, 7, 0)) {
    const std::size_t count = r.size(1, 8, "localNode");
    for (std::size_t i = 0; i < count; ++i)
      read_extensible_enum(r, 12, "localNode");
  }
  for (const int component : {1, 2}) {
    if (!present(opt, 7, component)) continue;
    const char* name = component == 1 ? "disabled" : "enabled";
    const std::size_t count = r.size(1, 8, name);
    for (std::size_t i = 0; i < count; ++i)
      read_extensible_enum(r, 38, name);
  }
  if (present(opt, 7, 3)) {
    const std::size_t count = r.size(1, 8, "data");
    for (std::size_t i = 0; i < count; ++i) {
      Scope item(r, "data", static_cast<int>(i));
      skip_lane_data_attribute(r);
    }
  }
  if (present(opt, 7, 4))
    node.width_delta_cm = static_cast<int>(r.constrained(-512, 511, "dWidth"));
  if (present(opt, 7, 5)) {
    node.elevation_delta_cm = 10 * static_cast<int>(r.constrained(-512, 511, "dElevation"));
  }
  if (present(opt, 7, 6)) skip_regional_list(r);
  if (extended) r.skip_extension_additions("extension additions");
}

// NodeXY ::= SEQUENCE { delta NodeOffsetPointXY, attributes NodeAttributeSetXY OPTIONAL, ... }
// NodeOffsetPointXY ::= CHOICE { node-XY1 .. node-XY6 (x, y Offset-B10..B16),
//   node-LatLon Node-LLmD-64b { lon, lat }, regional RegionalExtension }  -- no "..."
RawNode read_node(BitReader& r) {
  RawNode node;
  const bool extended = r.bit("extension");
  const bool has_attributes = r.bit("attributes present");
  const auto alternative = static_cast<int>(r.constrained(0, 7, "delta"));
  if (alternative < 6) {
    const int bits = kNodeXYBits[static_cast<std::size_t>(alternative)];
    node.step.east_cm = r.constrained(signed_min(bits), signed_max(bits), "delta.x");
    node.step.north_cm = r.constrained(signed_min(bits), signed_max(bits), "delta.y");
  } else if (alternative == 6) {
    node.step.absolute = true;
    node.step.position = read_lat_lon_pair(r, false);
  } else {
    r.fail("a regional node offset, which has no position codriver can use", "delta");
  }
  if (has_attributes) read_node_attributes(r, node);
  if (extended) r.skip_extension_additions("extension additions");
  return node;
}

// Offsets can carry a lane past a pole or the antimeridian; no real lane goes there.
void require_on_earth(BitReader& r, const std::vector<LaneNode>& nodes) {
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (!geo::is_valid(nodes[i].position)) {
      r.fail("node " + std::to_string(i) + " lies off the Earth", "nodeList");
    }
  }
}

std::vector<LaneNode> place_raw_nodes(const std::vector<RawNode>& raw, geo::LatLon ref_point) {
  std::vector<NodeStep> steps;
  steps.reserve(raw.size());
  for (const RawNode& node : raw)
    steps.push_back(node.step);
  const std::vector<geo::LatLon> positions = place_nodes(steps, ref_point);
  std::vector<LaneNode> nodes;
  nodes.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    nodes.push_back({positions[i], raw[i].width_delta_cm, raw[i].elevation_delta_cm});
  }
  return nodes;
}

std::int64_t read_driven_line_offset(BitReader& r, const char* field) {
  // CHOICE { small DrivenLineOffsetSm (-2047..2047), large DrivenLineOffsetLg (-32767..32767) }
  if (!r.bit(field)) return r.constrained(-2047, 2047, field);
  return r.constrained(-32767, 32767, field);
}

// ComputedLane ::= SEQUENCE { referenceLaneId LaneID, offsetXaxis, offsetYaxis, rotateXY
//   Angle OPTIONAL, scaleXaxis Scale-B12 OPTIONAL, scaleYaxis Scale-B12 OPTIONAL, regional
//   OPTIONAL, ... }
ComputedLane read_computed_lane(BitReader& r) {
  Scope scope(r, "computed");
  ComputedLane lane;
  const bool extended = r.bit("extension");
  const std::uint32_t opt = read_presence(r, 4, "optional fields");
  lane.reference_lane = static_cast<int>(r.constrained(0, 255, "referenceLaneId"));
  lane.offset_x_cm = read_driven_line_offset(r, "offsetXaxis");
  lane.offset_y_cm = read_driven_line_offset(r, "offsetYaxis");
  if (present(opt, 4, 0)) lane.rotate = static_cast<int>(r.constrained(0, 28800, "rotateXY"));
  if (present(opt, 4, 1)) lane.scale_x = static_cast<int>(r.constrained(-2048, 2047, "scaleXaxis"));
  if (present(opt, 4, 2)) lane.scale_y = static_cast<int>(r.constrained(-2048, 2047, "scaleYaxis"));
  if (present(opt, 4, 3)) skip_regional_list(r);
  if (extended) r.skip_extension_additions("extension additions");
  return lane;
}

// The reference lane's nodes scaled and rotated about its first node, then moved.
std::vector<LaneNode> compute_lane(const ComputedLane& c, const std::vector<LaneNode>& base) {
  std::vector<LaneNode> nodes;
  const geo::LatLon origin = base.front().position;
  const double sx = 1.0 + 0.0005 * c.scale_x.value_or(0);
  const double sy = 1.0 + 0.0005 * c.scale_y.value_or(0);
  const double angle = c.rotate.value_or(0) * 0.0125 * std::numbers::pi / 180.0;
  for (const LaneNode& node : base) {
    const OffsetCm d = offset_between(origin, node.position);
    const double x = d.east * sx, y = d.north * sy;
    const OffsetCm moved{x * std::cos(angle) + y * std::sin(angle) + c.offset_x_cm,
                         -x * std::sin(angle) + y * std::cos(angle) + c.offset_y_cm};
    nodes.push_back({offset_position(origin, moved), std::nullopt, std::nullopt});
  }
  return nodes;
}

// NodeListXY ::= CHOICE { nodes NodeSetXY (SIZE(2..63)), computed ComputedLane, ... }
void read_node_list(BitReader& r, Lane& lane, std::optional<ComputedLane>& computed,
                    geo::LatLon ref_point) {
  Scope scope(r, "nodeList");
  if (r.bit("extension")) r.fail("a node list kind J2735 2016 does not define", "");
  if (r.constrained(0, 1, "alternative") == 1) {
    computed = read_computed_lane(r);
    return;
  }
  const std::size_t count = r.size(2, 63, "nodes");
  std::vector<RawNode> raw;
  raw.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    Scope item(r, "nodes", static_cast<int>(i));
    raw.push_back(read_node(r));
  }
  lane.nodes = place_raw_nodes(raw, ref_point);
  require_on_earth(r, lane.nodes);
}

// LaneAttributes ::= SEQUENCE { directionalUse LaneDirection (BIT STRING SIZE(2)),
//   sharedWith LaneSharing (SIZE(10)), laneType LaneTypeAttributes, regional
//   RegionalExtension OPTIONAL }  -- no "..."
// LaneTypeAttributes ::= CHOICE { vehicle (BIT STRING SIZE(8,...)), crosswalk, bikeLane,
//   sidewalk, median, striping, trackedVehicle, parking (BIT STRING SIZE(16)), ... }
void read_lane_attributes(BitReader& r, Lane& lane) {
  Scope scope(r, "laneAttributes");
  const bool has_regional = r.bit("regional present");
  const std::uint16_t direction = read_named_bits(r, 2, "directionalUse");
  lane.ingress_path = direction & 1u;
  lane.egress_path = direction & 2u;
  lane.shared_with = read_named_bits(r, 10, "sharedWith");
  if (r.bit("laneType extension")) r.fail("a lane type J2735 2016 does not define", "laneType");
  lane.type = static_cast<LaneType>(r.constrained(0, kLaneTypeCount - 1, "laneType"));
  if (lane.type == LaneType::kVehicle && r.bit("vehicle size extension")) {
    const std::size_t bits = r.length("vehicle");
    if (bits > 64)
      r.fail("vehicle lane attributes of " + std::to_string(bits) + " bits", "vehicle");
    lane.type_attributes = read_named_bits(r, static_cast<int>(bits), "vehicle");
  } else {
    lane.type_attributes =
        read_named_bits(r, lane_type_attribute_bits(lane.type), "laneType attributes");
  }
  if (has_regional) skip_regional_extension(r);
}

// Connection ::= SEQUENCE { connectingLane ConnectingLane { lane LaneID, maneuver
//   AllowedManeuvers OPTIONAL }, remoteIntersection IntersectionReferenceID OPTIONAL,
//   signalGroup SignalGroupID OPTIONAL, userClass RestrictionClassID OPTIONAL,
//   connectionID LaneConnectionID OPTIONAL }  -- neither has "..."
LaneConnection read_connection(BitReader& r) {
  LaneConnection c;
  const std::uint32_t opt = read_presence(r, 4, "optional fields");
  const bool has_maneuver = r.bit("connectingLane.maneuver present");
  c.lane = static_cast<int>(r.constrained(0, 255, "connectingLane.lane"));
  if (has_maneuver) c.maneuvers = read_named_bits(r, kManeuverCount, "connectingLane.maneuver");
  if (present(opt, 4, 0)) c.remote_intersection = read_intersection_ref(r);
  if (present(opt, 4, 1)) c.signal_group = static_cast<int>(r.constrained(0, 255, "signalGroup"));
  if (present(opt, 4, 2)) c.user_class = static_cast<int>(r.constrained(0, 255, "userClass"));
  if (present(opt, 4, 3)) c.connection_id = static_cast<int>(r.constrained(0, 255, "connectionID"));
  return c;
}

// GenericLane ::= SEQUENCE { laneID, name OPTIONAL, ingressApproach OPTIONAL,
//   egressApproach OPTIONAL, laneAttributes, maneuvers AllowedManeuvers OPTIONAL,
//   nodeList NodeListXY, connectsTo ConnectsToList (SIZE(1..16)) OPTIONAL, overlays
//   OverlayLaneList (SIZE(1..5)) OPTIONAL, regional OPTIONAL, ... }
Lane read_lane(BitReader& r, geo::LatLon ref_point, std::optional<ComputedLane>& computed) {
  Lane lane;
  const bool extended = r.bit("extension");
  const std::uint32_t opt = read_presence(r, 7, "optional fields");
  lane.id = static_cast<int>(r.constrained(0, 255, "laneID"));
  if (present(opt, 7, 0)) lane.name = read_descriptive_name(r, "name");
  if (present(opt, 7, 1))
    lane.ingress_approach = static_cast<int>(r.constrained(0, 15, "ingressApproach"));
  if (present(opt, 7, 2))
    lane.egress_approach = static_cast<int>(r.constrained(0, 15, "egressApproach"));
  read_lane_attributes(r, lane);
  if (present(opt, 7, 3)) lane.maneuvers = read_named_bits(r, kManeuverCount, "maneuvers");
  read_node_list(r, lane, computed, ref_point);
  if (present(opt, 7, 4)) {
    const std::size_t count = r.size(1, 16, "connectsTo");
    for (std::size_t i = 0; i < count; ++i) {
      Scope item(r, "connectsTo", static_cast<int>(i));
      lane.connects_to.push_back(read_connection(r));
    }
  }
  if (present(opt, 7, 5)) {
    const std::size_t count = r.size(1, 5, "overlays");
    for (std::size_t i = 0; i < count; ++i) {
      lane.overlays.push_back(static_cast<int>(r.constrained(0, 255, "overlays")));
    }
  }
  if (present(opt, 7, 6)) skip_regional_list(r);
  if (extended) r.skip_extension_additions("extension additions");
  return lane;
}

std::vector<Lane> read_lane_list(BitReader& r, const char* field, geo::LatLon ref_point) {
  const std::size_t count = r.size(1, 255, field);
  std::vector<Lane> lanes;
  std::vector<std::optional<ComputedLane>> computed(count);
  lanes.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    Scope item(r, field, static_cast<int>(i));
    lanes.push_back(read_lane(r, ref_point, computed[i]));
  }
  for (std::size_t i = 0; i < count; ++i) {
    if (!computed[i]) continue;
    const Lane* base = nullptr;
    for (std::size_t j = 0; j < count; ++j) {
      if (!computed[j] && lanes[j].id == computed[i]->reference_lane) base = &lanes[j];
    }
    if (!base) {
      Scope item(r, field, static_cast<int>(i));
      r.fail("computed from lane " + std::to_string(computed[i]->reference_lane) +
                 ", which has no nodes of its own here",
             "nodeList.computed.referenceLaneId");
    }
    lanes[i].nodes = compute_lane(*computed[i], base->nodes);
    Scope item(r, field, static_cast<int>(i));
    require_on_earth(r, lanes[i].nodes);
  }
  return lanes;
}

void skip_preempt_priority_list(BitReader& r) {
  // PreemptPriorityList ::= SEQUENCE (SIZE(1..32)) OF SignalControlZone
  //   SignalControlZone ::= SEQUENCE { zone RegionalExtension, ... }
  const std::size_t count = r.size(1, 32, "preemptPriorityData");
  for (std::size_t i = 0; i < count; ++i) {
    Scope item(r, "preemptPriorityData", static_cast<int>(i));
    const bool extended = r.bit("extension");
    skip_regional_extension(r);
    if (extended) r.skip_extension_additions("extension additions");
  }
}

// IntersectionGeometry ::= SEQUENCE { name OPTIONAL, id IntersectionReferenceID, revision
//   MsgCount, refPoint Position3D, laneWidth LaneWidth OPTIONAL, speedLimits OPTIONAL,
//   laneSet LaneList (SIZE(1..255)), preemptPriorityData OPTIONAL, regional OPTIONAL, ... }
Intersection read_intersection(BitReader& r) {
  Intersection out;
  const bool extended = r.bit("extension");
  const std::uint32_t opt = read_presence(r, 5, "optional fields");
  if (present(opt, 5, 0)) out.name = read_descriptive_name(r, "name");
  out.id = read_intersection_ref(r);
  out.revision = static_cast<int>(r.constrained(0, 127, "revision"));
  read_ref_point(r, out);
  if (present(opt, 5, 1))
    out.lane_width_cm = static_cast<int>(r.constrained(0, 32767, "laneWidth"));
  if (present(opt, 5, 2)) skip_speed_limits(r);
  out.lanes = read_lane_list(r, "laneSet", out.ref_point);
  if (present(opt, 5, 3)) skip_preempt_priority_list(r);
  if (present(opt, 5, 4)) skip_regional_list(r);
  if (extended) r.skip_extension_additions("extension additions");
  return out;
}

// RoadSegment ::= SEQUENCE { name OPTIONAL, id RoadSegmentReferenceID, revision, refPoint,
//   laneWidth OPTIONAL, speedLimits OPTIONAL, roadLaneSet RoadLaneSetList, regional
//   OPTIONAL, ... }  -- read so the rest of the message can be, not kept
void skip_road_segment(BitReader& r) {
  const bool extended = r.bit("extension");
  const std::uint32_t opt = read_presence(r, 4, "optional fields");
  if (present(opt, 4, 0)) read_descriptive_name(r, "name");
  read_intersection_ref(r);  // RoadSegmentReferenceID has the same shape
  r.constrained(0, 127, "revision");
  Intersection scratch;
  read_ref_point(r, scratch);
  if (present(opt, 4, 1)) r.constrained(0, 32767, "laneWidth");
  if (present(opt, 4, 2)) skip_speed_limits(r);
  read_lane_list(r, "roadLaneSet", scratch.ref_point);
  if (present(opt, 4, 3)) skip_regional_list(r);
  if (extended) r.skip_extension_additions("extension additions");
}

void skip_data_parameters(BitReader& r) {
  // DataParameters ::= SEQUENCE { processMethod, processAgency, lastCheckedDate,
  //   geoidUsed: IA5String (SIZE(1..255)) OPTIONAL each, ... }
  Scope scope(r, "dataParameters");
  const bool extended = r.bit("extension");
  const std::uint32_t opt = read_presence(r, 4, "optional fields");
  for (int i = 0; i < 4; ++i) {
    if (present(opt, 4, i)) r.ia5_string(1, 255, "text");
  }
  if (extended) r.skip_extension_additions("extension additions");
}

void skip_restriction_list(BitReader& r) {
  // RestrictionClassList ::= SEQUENCE (SIZE(1..254)) OF RestrictionClassAssignment
  //   { id RestrictionClassID, users SEQUENCE (SIZE(1..16)) OF RestrictionUserType }
  // RestrictionUserType ::= CHOICE { basicType RestrictionAppliesTo (14 root values, ...),
  //   regional SEQUENCE (SIZE(1..4)) OF RegionalExtension, ... }
  const std::size_t count = r.size(1, 254, "restrictionList");
  for (std::size_t i = 0; i < count; ++i) {
    Scope item(r, "restrictionList", static_cast<int>(i));
    r.constrained(0, 255, "id");
    const std::size_t users = r.size(1, 16, "users");
    for (std::size_t u = 0; u < users; ++u) {
      if (r.bit("users extension")) {
        r.normally_small("users");
        r.skip_open_type("users");
      } else if (r.constrained(0, 1, "users") == 0) {
        read_extensible_enum(r, 14, "basicType");
      } else {
        skip_regional_list(r);
      }
    }
  }
}

// ------------------------------------------------------------------------ writing

// Latitude and Longitude use their full ranges, "unavailable" included, so their widths
// (31 and 32 bits) come from those ranges; a position must be a real one to be written.
void write_lat_lon_raw(BitWriter& w, std::int64_t lat, std::int64_t lon, bool lat_first) {
  if (lat < kLatMin || lat >= kLatMax || lon < kLonMin || lon >= kLonMax) {
    throw SignalsError("cannot encode a position that is not on Earth");
  }
  if (lat_first) w.constrained(lat, kLatMin, kLatMax, "lat");
  w.constrained(lon, kLonMin, kLonMax, "long");
  if (!lat_first) w.constrained(lat, kLatMin, kLatMax, "lat");
}

void write_lat_lon(BitWriter& w, geo::LatLon p, bool lat_first) {
  write_lat_lon_raw(w, std::llround(p.lat * 1e7), std::llround(p.lon * 1e7), lat_first);
}

void write_ref_point(BitWriter& w, const Intersection& in) {
  w.bit(false);
  w.bit(in.elevation_m.has_value());
  w.bit(false);  // regional
  write_lat_lon(w, in.ref_point, true);
  if (in.elevation_m) {
    const std::int64_t decimetres = std::llround(*in.elevation_m * 10.0);
    // -4096 is "unknown", which an elevation the model has cannot be
    if (decimetres == kElevationUnknown) throw SignalsError("cannot encode elevation -409.6 m");
    w.constrained(decimetres, kElevationUnknown, 61439, "refPoint.elevation");
  }
}

void write_node_attributes(BitWriter& w, const LaneNode& node) {
  w.bit(false);
  for (int i = 0; i < 4; ++i)
    w.bit(false);  // localNode, disabled, enabled, data
  w.bit(node.width_delta_cm.has_value());
  w.bit(node.elevation_delta_cm.has_value());
  w.bit(false);  // regional
  if (node.width_delta_cm) w.constrained(*node.width_delta_cm, -512, 511, "dWidth");
  if (node.elevation_delta_cm) {
    // dElevation is in 10 cm steps
    const auto steps = static_cast<std::int64_t>(std::floor(*node.elevation_delta_cm / 10.0 + 0.5));
    w.constrained(steps, -512, 511, "dElevation");
  }
}

// The smallest node-XY alternative that holds (dx, dy), or -1 when none does.
int node_xy_alternative(std::int64_t dx, std::int64_t dy) {
  for (std::size_t i = 0; i < kNodeXYBits.size(); ++i) {
    const int bits = kNodeXYBits[i];
    if (dx >= signed_min(bits) && dx <= signed_max(bits) && dy >= signed_min(bits) &&
        dy <= signed_max(bits)) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

bool has_node_attributes(const LaneNode& node) {
  return node.width_delta_cm.has_value() || node.elevation_delta_cm.has_value();
}

// Each node as an offset from the one before, in the smallest alternative that holds it;
// a node too far for 16-bit offsets goes as a full lat/lon, and later ones from it.
void write_nodes(BitWriter& w, const std::vector<LaneNode>& nodes, geo::LatLon ref_point) {
  w.bit(false);  // NodeListXY extension
  w.bits(0, 1);  // nodes
  w.size(nodes.size(), 2, 63, "GenericLane.nodeList.nodes");
  geo::LatLon anchor = ref_point;
  std::int64_t east = 0, north = 0;
  for (const LaneNode& node : nodes) {
    w.bit(false);
    w.bit(has_node_attributes(node));
    const OffsetCm offset = offset_between(anchor, node.position);
    const std::int64_t x = std::llround(offset.east), y = std::llround(offset.north);
    const int alternative = node_xy_alternative(x - east, y - north);
    if (alternative >= 0) {
      const int bits = kNodeXYBits[static_cast<std::size_t>(alternative)];
      w.constrained(alternative, 0, 7, "delta");
      w.constrained(x - east, signed_min(bits), signed_max(bits), "delta.x");
      w.constrained(y - north, signed_min(bits), signed_max(bits), "delta.y");
      east = x;
      north = y;
    } else {
      const std::int64_t lat = std::llround(node.position.lat * 1e7);
      const std::int64_t lon = std::llround(node.position.lon * 1e7);
      w.constrained(6, 0, 7, "delta");
      write_lat_lon_raw(w, lat, lon, false);
      anchor = {static_cast<double>(lat) / 1e7, static_cast<double>(lon) / 1e7};
      east = north = 0;
    }
    if (has_node_attributes(node)) write_node_attributes(w, node);
  }
}

void write_connection(BitWriter& w, const LaneConnection& c) {
  w.bit(c.remote_intersection.has_value());
  w.bit(c.signal_group.has_value());
  w.bit(c.user_class.has_value());
  w.bit(c.connection_id.has_value());
  w.bit(c.maneuvers.has_value());
  w.constrained(c.lane, 0, 255, "Connection.connectingLane.lane");
  if (c.maneuvers) write_named_bits(w, *c.maneuvers, kManeuverCount);
  if (c.remote_intersection) write_intersection_ref(w, *c.remote_intersection);
  if (c.signal_group) w.constrained(*c.signal_group, 0, 255, "Connection.signalGroup");
  if (c.user_class) w.constrained(*c.user_class, 0, 255, "Connection.userClass");
  if (c.connection_id) w.constrained(*c.connection_id, 0, 255, "Connection.connectionID");
}

void write_lane(BitWriter& w, const Lane& lane, geo::LatLon ref_point) {
  w.bit(false);
  w.bit(!lane.name.empty());
  w.bit(lane.ingress_approach.has_value());
  w.bit(lane.egress_approach.has_value());
  w.bit(lane.maneuvers.has_value());
  w.bit(!lane.connects_to.empty());
  w.bit(!lane.overlays.empty());
  w.bit(false);  // regional
  w.constrained(lane.id, 0, 255, "GenericLane.laneID");
  if (!lane.name.empty()) write_descriptive_name(w, lane.name, "GenericLane.name");
  if (lane.ingress_approach) w.constrained(*lane.ingress_approach, 0, 15, "ingressApproach");
  if (lane.egress_approach) w.constrained(*lane.egress_approach, 0, 15, "egressApproach");
  w.bit(false);  // LaneAttributes.regional
  write_named_bits(
      w, static_cast<std::uint16_t>((lane.ingress_path ? 1 : 0) | (lane.egress_path ? 2 : 0)), 2);
  write_named_bits(w, lane.shared_with, 10);
  w.bit(false);  // LaneTypeAttributes extension
  w.constrained(static_cast<int>(lane.type), 0, kLaneTypeCount - 1, "laneType");
  if (lane.type == LaneType::kVehicle) w.bit(false);  // SIZE(8, ...) extension
  write_named_bits(w, lane.type_attributes, lane_type_attribute_bits(lane.type));
  if (lane.maneuvers) write_named_bits(w, *lane.maneuvers, kManeuverCount);
  write_nodes(w, lane.nodes, ref_point);
  if (!lane.connects_to.empty()) {
    w.size(lane.connects_to.size(), 1, 16, "GenericLane.connectsTo");
    for (const LaneConnection& c : lane.connects_to)
      write_connection(w, c);
  }
  if (!lane.overlays.empty()) {
    w.size(lane.overlays.size(), 1, 5, "GenericLane.overlays");
    for (const int id : lane.overlays)
      w.constrained(id, 0, 255, "overlays");
  }
}

void write_intersection(BitWriter& w, const Intersection& in) {
  w.bit(false);
  w.bit(!in.name.empty());
  w.bit(in.lane_width_cm.has_value());
  w.bit(false);  // speedLimits
  w.bit(false);  // preemptPriorityData
  w.bit(false);  // regional
  if (!in.name.empty()) write_descriptive_name(w, in.name, "IntersectionGeometry.name");
  write_intersection_ref(w, in.id);
  w.constrained(in.revision, 0, 127, "IntersectionGeometry.revision");
  write_ref_point(w, in);
  if (in.lane_width_cm) w.constrained(*in.lane_width_cm, 0, 32767, "laneWidth");
  w.size(in.lanes.size(), 1, 255, "IntersectionGeometry.laneSet");
  for (const Lane& lane : in.lanes)
    write_lane(w, lane, in.ref_point);
}

}  // namespace

// MapData ::= SEQUENCE { timeStamp MinuteOfTheYear OPTIONAL, msgIssueRevision MsgCount,
//   layerType LayerType OPTIONAL, layerID LayerID OPTIONAL, intersections
//   IntersectionGeometryList OPTIONAL, roadSegments RoadSegmentList OPTIONAL,
//   dataParameters OPTIONAL, restrictionList OPTIONAL, regional OPTIONAL, ... }
MapMessage read_map(BitReader& r, Instant reference) {
  Scope scope(r, "MapData");
  MapMessage map;
  const bool extended = r.bit("extension");
  const std::uint32_t opt = read_presence(r, 8, "optional fields");
  if (present(opt, 8, 0)) {
    map.timestamp = read_minute_of_year(
        static_cast<int>(r.constrained(0, kMinuteOfYearUnknown, "timeStamp")), reference);
  }
  map.revision = static_cast<int>(r.constrained(0, 127, "msgIssueRevision"));
  if (present(opt, 8, 1)) map.layer_type = read_extensible_enum(r, 8, "layerType");
  if (present(opt, 8, 2)) map.layer_id = static_cast<int>(r.constrained(0, 100, "layerID"));
  if (present(opt, 8, 3)) {
    const std::size_t count = r.size(1, 32, "intersections");
    map.intersections.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      Scope item(r, "intersections", static_cast<int>(i));
      map.intersections.push_back(read_intersection(r));
    }
  }
  if (present(opt, 8, 4)) {
    const std::size_t count = r.size(1, 32, "roadSegments");
    for (std::size_t i = 0; i < count; ++i) {
      Scope item(r, "roadSegments", static_cast<int>(i));
      skip_road_segment(r);
    }
  }
  if (present(opt, 8, 5)) skip_data_parameters(r);
  if (present(opt, 8, 6)) skip_restriction_list(r);
  if (present(opt, 8, 7)) skip_regional_list(r);
  if (extended) r.skip_extension_additions("extension additions");
  return map;
}

void write_map(BitWriter& w, const MapMessage& map) {
  w.bit(false);
  w.bit(map.timestamp.has_value());
  w.bit(map.layer_type.has_value());
  w.bit(map.layer_id.has_value());
  w.bit(!map.intersections.empty());
  for (int i = 0; i < 4; ++i)
    w.bit(false);  // roadSegments .. regional
  if (map.timestamp) {
    w.constrained(minute_of_year(*map.timestamp), 0, kMinuteOfYearUnknown, "MapData.timeStamp");
  }
  w.constrained(map.revision, 0, 127, "MapData.msgIssueRevision");
  if (map.layer_type) {
    if (*map.layer_type < 8) {
      w.bit(false);
      w.constrained(*map.layer_type, 0, 7, "MapData.layerType");
    } else {
      w.bit(true);
      w.normally_small(static_cast<std::uint64_t>(*map.layer_type - 8));
    }
  }
  if (map.layer_id) w.constrained(*map.layer_id, 0, 100, "MapData.layerID");
  if (!map.intersections.empty()) {
    w.size(map.intersections.size(), 1, 32, "MapData.intersections");
    for (const Intersection& in : map.intersections)
      write_intersection(w, in);
  }
}

}  // namespace codriver::signals::j2735
