#include "signals/signals_json.h"

#include <cmath>

#include "signals/iso_time.h"

namespace codriver::signals {

namespace {

using json = nlohmann::ordered_json;

json optional_number(const std::optional<int>& value) {
  return value ? json(*value) : json(nullptr);
}

json optional_time(const std::optional<Instant>& value) {
  return value ? json(format_iso8601(*value)) : json(nullptr);
}

double degrees(double value) {
  return std::round(value * 1e8) / 1e8;
}

json position(geo::LatLon p) {
  return {{"lat", degrees(p.lat)}, {"lon", degrees(p.lon)}};
}

json maneuver_names(ManeuverSet set) {
  json names = json::array();
  for (int i = 0; i < kManeuverCount; ++i) {
    if (allows(set, static_cast<Maneuver>(i))) {
      names.push_back(maneuver_short_name(static_cast<Maneuver>(i)));
    }
  }
  return names;
}

json connection_json(const LaneConnection& c) {
  json out = {{"lane", c.lane}, {"signal_group", optional_number(c.signal_group)}};
  if (c.maneuvers) out["maneuvers"] = maneuver_names(*c.maneuvers);
  if (c.connection_id) out["connection_id"] = *c.connection_id;
  if (c.user_class) out["user_class"] = *c.user_class;
  if (c.remote_intersection) {
    out["remote_intersection"] = {{"id", c.remote_intersection->id},
                                  {"region", optional_number(c.remote_intersection->region)}};
  }
  return out;
}

json lane_json(const Lane& lane) {
  json out = {{"lane_id", lane.id},
              {"ingress_approach", optional_number(lane.ingress_approach)},
              {"egress_approach", optional_number(lane.egress_approach)},
              {"type", lane_type_name(lane.type)}};
  if (!lane.name.empty()) out["name"] = lane.name;
  json directions = json::array();
  if (lane.ingress_path) directions.push_back("ingress");
  if (lane.egress_path) directions.push_back("egress");
  out["directions"] = directions;
  out["maneuvers"] = lane.maneuvers ? maneuver_names(*lane.maneuvers) : json::array();
  json nodes = json::array();
  for (const LaneNode& node : lane.nodes) {
    json point = position(node.position);
    if (node.width_delta_cm) point["d_width_cm"] = *node.width_delta_cm;
    if (node.elevation_delta_cm) point["d_elevation_cm"] = *node.elevation_delta_cm;
    nodes.push_back(point);
  }
  out["nodes"] = nodes;
  json connections = json::array();
  for (const LaneConnection& c : lane.connects_to)
    connections.push_back(connection_json(c));
  out["connects_to"] = connections;
  return out;
}

json intersection_json(const Intersection& in) {
  json out = {{"id", in.id.id},
              {"region", optional_number(in.id.region)},
              {"revision", in.revision},
              {"ref_point", position(in.ref_point)},
              {"elevation_m", in.elevation_m ? json(*in.elevation_m) : json(nullptr)},
              {"lane_width_cm", optional_number(in.lane_width_cm)}};
  if (!in.name.empty()) out["name"] = in.name;
  json lanes = json::array();
  for (const Lane& lane : in.lanes)
    lanes.push_back(lane_json(lane));
  out["lanes"] = lanes;
  return out;
}

json beyond_an_hour(const MovementEvent& e) {
  json names = json::array();
  const std::pair<TimeField, const char*> fields[] = {{TimeField::kStart, "start"},
                                                      {TimeField::kMinEnd, "min_end"},
                                                      {TimeField::kMaxEnd, "max_end"},
                                                      {TimeField::kLikelyEnd, "likely"},
                                                      {TimeField::kNext, "next"}};
  for (const auto& [field, name] : fields) {
    if (e.is_beyond_an_hour(field)) names.push_back(name);
  }
  return names;
}

json event_json(const MovementEvent& e) {
  json out = {{"state", phase_name(e.state)},
              {"colour", colour_name(colour_of(e.state))},
              {"start", optional_time(e.start)},
              {"min_end", optional_time(e.min_end)},
              {"max_end", optional_time(e.max_end)},
              {"likely", optional_time(e.likely_end)},
              {"confidence", e.confidence ? json(*e.confidence) : json(nullptr)}};
  if (e.next_time) out["next"] = format_iso8601(*e.next_time);
  if (e.beyond_an_hour) out["beyond_an_hour"] = beyond_an_hour(e);
  return out;
}

json status_names(std::uint16_t status) {
  json names = json::array();
  for (int bit = 0; bit < kIntersectionStatusBits; ++bit) {
    if ((status >> bit) & 1u) names.push_back(intersection_status_name(bit));
  }
  return names;
}

json signals_json(const IntersectionSignals& in) {
  json out = {{"id", in.id.id},
              {"region", optional_number(in.id.region)},
              {"revision", in.revision},
              {"timestamp", optional_time(in.timestamp)},
              {"status", status_names(in.status)}};
  if (!in.name.empty()) out["name"] = in.name;
  if (!in.enabled_lanes.empty()) out["enabled_lanes"] = in.enabled_lanes;
  json states = json::array();
  for (const SignalGroupState& group : in.signal_groups) {
    json state = {{"signal_group", group.signal_group}};
    if (!group.movement_name.empty()) state["movement_name"] = group.movement_name;
    json events = json::array();
    for (const MovementEvent& e : group.events)
      events.push_back(event_json(e));
    state["events"] = events;
    states.push_back(state);
  }
  out["states"] = states;
  return out;
}

}  // namespace

json to_json(const SpatMessage& spat) {
  json out = {{"type", "spat"}};
  if (spat.timestamp) out["timestamp"] = format_iso8601(*spat.timestamp);
  if (!spat.name.empty()) out["name"] = spat.name;
  if (spat.message_count) out["message_count"] = *spat.message_count;
  json intersections = json::array();
  for (const IntersectionSignals& in : spat.intersections)
    intersections.push_back(signals_json(in));
  out["intersections"] = intersections;
  return out;
}

json to_json(const MapMessage& map) {
  json out = {{"type", "map"}, {"revision", map.revision}};
  if (map.timestamp) out["timestamp"] = format_iso8601(*map.timestamp);
  if (map.layer_type) out["layer_type"] = *map.layer_type;
  if (map.layer_id) out["layer_id"] = *map.layer_id;
  json intersections = json::array();
  for (const Intersection& in : map.intersections)
    intersections.push_back(intersection_json(in));
  out["intersections"] = intersections;
  return out;
}

json to_json(const SignalMessage& message) {
  return std::visit([](const auto& m) { return to_json(m); }, message);
}

}  // namespace codriver::signals
