#pragma once

#include <chrono>
#include <cmath>
#include <random>
#include <string>

#include "signals/lane_geometry.h"
#include "signals/signal_model.h"

// Random SPaT and MAP models that J2735 can carry exactly, for round trips: every time on
// a tenth of a second within half an hour of the intersection's time, every position on
// the centimetre grid of offsets from the reference point (or of a full lat/lon node),
// every value in its range.
namespace codriver::signals::testing {

class RandomModels {
 public:
  RandomModels(std::uint32_t seed, Instant reference) : rng_(seed), reference_(reference) {}

  SpatMessage spat() {
    SpatMessage spat;
    if (chance(0.3))
      spat.timestamp = std::chrono::floor<std::chrono::minutes>(near(std::chrono::hours(24 * 100)));
    if (chance(0.3)) spat.name = text(1 + between(0, 62));
    const int count = between(1, 3);
    for (int i = 0; i < count; ++i)
      spat.intersections.push_back(intersection_signals());
    return spat;
  }

  MapMessage map() {
    MapMessage map;
    if (chance(0.3))
      map.timestamp = std::chrono::floor<std::chrono::minutes>(near(std::chrono::hours(24 * 100)));
    map.revision = between(0, 127);
    if (chance(0.7)) map.layer_type = between(0, 7);
    if (chance(0.7)) map.layer_id = between(0, 100);
    const int count = between(1, 2);
    for (int i = 0; i < count; ++i)
      map.intersections.push_back(intersection());
    return map;
  }

 private:
  int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }

  std::string text(int length) {
    std::string s;
    for (int i = 0; i < length; ++i)
      s += static_cast<char>(between(32, 126));
    return s;
  }

  template <typename Duration>
  Instant near(Duration spread) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(spread).count();
    return reference_ +
           std::chrono::milliseconds(std::uniform_int_distribution<long long>(-ms, ms)(rng_));
  }

  IntersectionRef ref() {
    IntersectionRef r;
    if (chance(0.5)) r.region = between(0, 65535);
    r.id = between(0, 65535);
    return r;
  }

  // The intersection's timestamp, only as exact as the parts the message carries allow.
  void stamp(IntersectionSignals& in) {
    in.timestamp_parts = {chance(0.6), chance(0.8)};
    if (in.timestamp_parts.minute_of_year && in.timestamp_parts.millisecond) {
      in.timestamp =
          std::chrono::floor<std::chrono::milliseconds>(near(std::chrono::hours(24 * 100)));
    } else if (in.timestamp_parts.minute_of_year) {
      in.timestamp = std::chrono::floor<std::chrono::minutes>(near(std::chrono::hours(24 * 100)));
    } else if (in.timestamp_parts.millisecond) {
      in.timestamp = std::chrono::floor<std::chrono::milliseconds>(near(std::chrono::seconds(29)));
    }
  }

  MovementEvent event(Instant base) {
    MovementEvent e;
    e.state = static_cast<MovementPhase>(between(0, kMovementPhaseCount - 1));
    if (chance(0.1)) return e;  // no timing at all
    const Instant whole_second = std::chrono::floor<std::chrono::seconds>(base);
    for (const TimeField field : kTimeFields) {
      const double p = chance(0.1) ? 0.0 : 0.7;
      if (chance(0.05)) {
        e.beyond_an_hour |= static_cast<std::uint8_t>(field);
      } else if (chance(p)) {
        time_of(e, field) = whole_second + std::chrono::milliseconds(100 * between(-17000, 17000));
      }
    }
    if (chance(0.4)) {
      static constexpr double kClasses[] = {0.21, 0.36, 0.47, 0.56, 0.62, 0.68, 0.73, 0.77,
                                            0.81, 0.85, 0.88, 0.91, 0.94, 0.96, 0.98, 1.0};
      e.confidence = kClasses[between(0, 15)];
    }
    return e;
  }

  IntersectionSignals intersection_signals() {
    IntersectionSignals in;
    in.id = ref();
    if (chance(0.3)) in.name = text(between(1, 63));
    in.revision = between(0, 127);
    in.status = static_cast<std::uint16_t>(between(0, 0xFFFF));
    stamp(in);
    const int lanes = chance(0.3) ? between(1, 16) : 0;
    for (int i = 0; i < lanes; ++i)
      in.enabled_lanes.push_back(between(0, 255));
    const int groups = between(1, 12);
    for (int g = 0; g < groups; ++g) {
      SignalGroupState group;
      group.signal_group = between(0, 255);
      if (chance(0.2)) group.movement_name = text(between(1, 20));
      const int events = between(1, 4);
      for (int e = 0; e < events; ++e)
        group.events.push_back(event(in.timestamp.value_or(reference_)));
      in.signal_groups.push_back(std::move(group));
    }
    return in;
  }

  std::vector<LaneNode> nodes(geo::LatLon ref_point) {
    const int count = between(2, 12);
    std::vector<NodeStep> steps;
    geo::LatLon last = ref_point;
    for (int i = 0; i < count; ++i) {
      NodeStep step;
      if (chance(0.05)) {
        // a full lat/lon node, far enough from the last node that an encoder must send it so
        step.absolute = true;
        const double lat = std::round((last.lat + (chance(0.5) ? 0.01 : -0.01)) * 1e7) / 1e7;
        step.position = {lat, std::round(last.lon * 1e7) / 1e7};
      } else {
        const int bits =
            std::vector<int>{10, 11, 12, 13, 14, 16}[static_cast<std::size_t>(between(0, 5))];
        const int limit = (1 << (bits - 1)) - 1;
        step.east_cm = between(-limit, limit);
        step.north_cm = between(-limit, limit);
      }
      steps.push_back(step);
      last = place_nodes(steps, ref_point).back();
    }
    std::vector<LaneNode> out;
    for (const geo::LatLon& p : place_nodes(steps, ref_point)) {
      LaneNode node{p, std::nullopt, std::nullopt};
      if (chance(0.2)) node.width_delta_cm = between(-512, 511);
      if (chance(0.3)) node.elevation_delta_cm = 10 * between(-512, 511);
      out.push_back(node);
    }
    return out;
  }

  Lane lane(geo::LatLon ref_point, int id) {
    Lane lane;
    lane.id = id;
    if (chance(0.2)) lane.name = text(between(1, 63));
    if (chance(0.6)) lane.ingress_approach = between(0, 15);
    if (chance(0.4)) lane.egress_approach = between(0, 15);
    lane.ingress_path = chance(0.5);
    lane.egress_path = chance(0.5);
    lane.shared_with = static_cast<std::uint16_t>(between(0, 1023));
    lane.type = static_cast<LaneType>(between(0, kLaneTypeCount - 1));
    lane.type_attributes =
        static_cast<std::uint16_t>(between(0, lane.type == LaneType::kVehicle ? 255 : 0xFFFF));
    if (chance(0.7)) lane.maneuvers = static_cast<ManeuverSet>(between(0, 4095));
    lane.nodes = nodes(ref_point);
    const int connections = chance(0.6) ? between(1, 4) : 0;
    for (int c = 0; c < connections; ++c) {
      LaneConnection connection;
      connection.lane = between(0, 255);
      if (chance(0.7)) connection.maneuvers = static_cast<ManeuverSet>(between(0, 4095));
      if (chance(0.1)) connection.remote_intersection = ref();
      if (chance(0.8)) connection.signal_group = between(0, 255);
      if (chance(0.2)) connection.user_class = between(0, 255);
      if (chance(0.6)) connection.connection_id = between(0, 255);
      lane.connects_to.push_back(connection);
    }
    const int overlays = chance(0.1) ? between(1, 5) : 0;
    for (int o = 0; o < overlays; ++o)
      lane.overlays.push_back(between(0, 255));
    return lane;
  }

  Intersection intersection() {
    Intersection in;
    in.id = ref();
    if (chance(0.3)) in.name = text(between(1, 63));
    in.revision = between(0, 127);
    in.ref_point = {between(-800000000, 800000000) / 1e7, between(-1790000000, 1790000000) / 1e7};
    if (chance(0.7)) in.elevation_m = between(-4095, 61439) / 10.0;
    if (chance(0.5)) in.lane_width_cm = between(0, 32767);
    const int lanes = between(1, 20);
    for (int i = 0; i < lanes; ++i)
      in.lanes.push_back(lane(in.ref_point, between(0, 255)));
    return in;
  }

  std::mt19937 rng_;
  Instant reference_;
};

}  // namespace codriver::signals::testing
