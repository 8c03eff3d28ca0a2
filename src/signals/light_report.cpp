#include "signals/light_report.h"

#include <cmath>

#include "geo/distance.h"

namespace codriver::signals {

std::vector<Intersection> intersections_of(const RsuSimulator& rsu) {
  std::vector<Intersection> map;
  for (const auto& derived : rsu.intersections())
    map.push_back(derived.intersection);
  return map;
}

LightOnRoute light_on_route(const routing::Router& router, const routing::Waypoint& from,
                            geo::LatLon to, const std::vector<Intersection>& map) {
  LightOnRoute found;
  found.route = routing::trace_route(router.graph(), router.route(from, {to}).path);
  found.movement = next_movement(route_movements(map, found.route), 0);
  return found;
}

// Without a destination: the light the car reaches first on the road ahead, among the
// intersections in front of it (within 60° of its heading and 1 km).
LightOnRoute light_on_road_ahead(const routing::Router& router, const routing::Waypoint& from,
                                 const std::vector<Intersection>& map) {
  LightOnRoute best;
  for (const auto& intersection : map) {
    const double distance = geo::distance_m(from.position, intersection.ref_point);
    const double bearing = geo::initial_bearing_deg(from.position, intersection.ref_point);
    if (distance > 1000 || bearing_difference_deg(bearing, *from.heading_deg) > 60) continue;
    try {
      LightOnRoute candidate = light_on_route(router, from, intersection.ref_point, map);
      if (candidate.movement &&
          (!best.movement || candidate.movement->stop_line_m < best.movement->stop_line_m)) {
        best = std::move(candidate);
      }
    } catch (const routing::RoutingError&) {
    }
  }
  return best;
}

namespace {

std::string seconds_text(std::optional<double> s) {
  return s ? std::to_string(static_cast<long>(std::lround(*s))) : "?";
}

std::string english_sentence(const LightAhead& light, const std::string& name) {
  std::string line = "Light" + (name.empty() ? "" : " at " + name) + " in " +
                     std::to_string(std::lround(light.distance_m)) + " m: ";
  if (!light.live) return line + "no live data for this light.";
  line += std::string(colour_name(light.colour)) + ", changes in " +
          seconds_text(light.time_to_change.likely_s) + " s (" +
          seconds_text(light.time_to_change.min_s) + "–" +
          seconds_text(light.time_to_change.max_s) + " s). ";
  const auto& a = light.advice;
  const std::string speed =
      a.speed_mps ? std::to_string(std::lround(*a.speed_mps * 3.6)) + " km/h" : "";
  switch (a.kind) {
    case AdviceKind::kKeep:
      return line + "Keep your speed to pass on green.";
    case AdviceKind::kSlowTo:
      return line + "Slow to " + speed + " to arrive on green.";
    case AdviceKind::kSpeedTo:
      return line + "Drive " + speed + " to pass on green.";
    case AdviceKind::kStop:
      return line + "You will have to stop" +
             (a.green_in_s ? ": green in " + seconds_text(a.green_in_s) + " s." : ".");
    case AdviceKind::kGo:
      return line + "The light is green: go.";
    case AdviceKind::kRedWarning:
      return line + "Red ahead: too close to stop comfortably!";
    case AdviceKind::kNoData:
      return line;
  }
  return line;
}

std::string chinese_sentence(const LightAhead& light, const std::string& name) {
  static const char* colours[] = {"状态未知", "熄灭", "红灯", "黄灯", "绿灯"};
  std::string line = "前方" + std::to_string(std::lround(light.distance_m)) + "米" +
                     (name.empty() ? "" : name) + "路口：";
  if (!light.live) return line + "暂无实时信号数据。";
  line += std::string(colours[static_cast<int>(light.colour)]) + "，约" +
          seconds_text(light.time_to_change.likely_s) + "秒后变化（" +
          seconds_text(light.time_to_change.min_s) + "–" +
          seconds_text(light.time_to_change.max_s) + "秒）。";
  const auto& a = light.advice;
  const std::string speed =
      a.speed_mps ? std::to_string(std::lround(*a.speed_mps * 3.6)) + "公里/小时" : "";
  switch (a.kind) {
    case AdviceKind::kKeep:
      return line + "保持当前车速可绿灯通过。";
    case AdviceKind::kSlowTo:
      return line + "建议减速至" + speed + "，到达时为绿灯。";
    case AdviceKind::kSpeedTo:
      return line + "建议以" + speed + "行驶，可绿灯通过。";
    case AdviceKind::kStop:
      return line + "需要停车等待" +
             (a.green_in_s ? "，" + seconds_text(a.green_in_s) + "秒后变绿。" : "。");
    case AdviceKind::kGo:
      return line + "绿灯，请起步。";
    case AdviceKind::kRedWarning:
      return line + "前方红灯，距离过近，请注意！";
    case AdviceKind::kNoData:
      return line;
  }
  return line;
}

}  // namespace

std::string light_sentence(const LightAhead& light, const std::string& name,
                           routing::Language language) {
  return language == routing::Language::kChinese ? chinese_sentence(light, name)
                                                 : english_sentence(light, name);
}

}  // namespace codriver::signals
