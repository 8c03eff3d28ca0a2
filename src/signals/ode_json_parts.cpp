#include "signals/ode_json_parts.h"

#include <array>
#include <cmath>

#include "signals/j2735_vocabulary.h"

namespace codriver::signals::ode {

namespace {

std::array<std::string_view, kIntersectionStatusBits> status_names() {
  std::array<std::string_view, kIntersectionStatusBits> names;
  for (int i = 0; i < kIntersectionStatusBits; ++i)
    names[i] = intersection_status_name(i);
  return names;
}

std::array<std::string_view, kManeuverCount> maneuver_names() {
  std::array<std::string_view, kManeuverCount> names;
  for (int i = 0; i < kManeuverCount; ++i)
    names[i] = maneuver_name(static_cast<Maneuver>(i));
  return names;
}

}  // namespace

std::uint16_t named_bits(const Node& node, std::span<const std::string_view> names) {
  std::uint16_t bits = 0;
  if (node.value().is_string()) {
    const std::string text = node.string();
    if (text.size() > 64) node.fail("a bit string of " + std::to_string(text.size()) + " bits");
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '0' && text[i] != '1') node.fail("\"" + text + "\" is not a bit string");
      if (text[i] == '1' && i < 16) bits |= static_cast<std::uint16_t>(1u << i);
    }
    return bits;
  }
  if (!node.is_object()) node.fail("is neither an object of flags nor a bit string");
  for (const auto& [key, value] : node.value().items()) {
    const auto bit = j2735::bit_named(names, key);
    if (!bit || value.is_null()) continue;
    if (node.at(key.c_str()).boolean()) {
      bits |= static_cast<std::uint16_t>(1u << *bit);
    }
  }
  return bits;
}

std::uint16_t intersection_status(const Node& node) {
  static const auto names = status_names();
  return named_bits(node, names);
}

ManeuverSet maneuvers(const Node& node) {
  static const auto names = maneuver_names();
  return named_bits(node, names);
}

IntersectionRef intersection_ref(const Node& node) {
  IntersectionRef ref;
  if (!node.is_object()) {
    ref.id = static_cast<int>(node.integer(0, 65535));
    return ref;
  }
  if (const auto region = node.optional_integer("region", 0, 65535)) {
    ref.region = static_cast<int>(*region);
  }
  ref.id = static_cast<int>(node.required_integer("id", 0, 65535));
  return ref;
}

MovementPhase movement_phase(const Node& node) {
  if (node.value().is_number()) {
    return static_cast<MovementPhase>(node.integer(0, kMovementPhaseCount - 1));
  }
  const std::string name = node.string();
  const auto phase = phase_from_name(name);
  if (!phase) node.fail("\"" + name + "\" is not a J2735 movement phase state");
  return *phase;
}

LaneConnection connection(const Node& node) {
  LaneConnection c;
  const Node lane = node.at("connectingLane");
  c.lane = static_cast<int>(lane.required_integer("lane", 0, 255));
  if (const auto maneuver = lane.find("maneuver")) c.maneuvers = maneuvers(*maneuver);
  if (const auto remote = node.find("remoteIntersection"))
    c.remote_intersection = intersection_ref(*remote);
  if (const auto group = node.optional_integer("signalGroup", 0, 255))
    c.signal_group = static_cast<int>(*group);
  if (const auto user = node.optional_integer("userClass", 0, 255))
    c.user_class = static_cast<int>(*user);
  if (const auto id = node.optional_integer("connectionID", 0, 255))
    c.connection_id = static_cast<int>(*id);
  return c;
}

std::optional<Node> find_either(const Node& node, const char* a, const char* b) {
  if (auto found = node.find(a)) return found;
  return node.find(b);
}

std::vector<Node> wrapped_list(const Node& node, const char* key, const char* other_key,
                               std::size_t max_items) {
  if (node.value().is_array()) return node.items(max_items);
  const auto list = find_either(node, key, other_key);
  if (!list) node.fail(std::string("has no \"") + key + "\" list");
  return list->items(max_items);
}

double j2735_degrees(const Node& node, double limit) {
  const double degrees = node.number();
  if (std::abs(degrees) > limit) node.fail(std::to_string(degrees) + " degrees is not on Earth");
  return static_cast<double>(std::llround(degrees * 1e7)) / 1e7;
}

double elevation_metres(const Node& node) {
  const double metres = node.number();
  if (metres < -409.5 || metres > 6143.9)
    node.fail(std::to_string(metres) + " m is outside -409.5..6143.9");
  return static_cast<double>(std::llround(metres * 10.0)) / 10.0;
}

}  // namespace codriver::signals::ode
