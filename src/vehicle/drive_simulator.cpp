#include "vehicle/drive_simulator.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace codriver::vehicle {

namespace {

constexpr double kGravity = 9.81, kAirDensity = 1.2;

std::vector<signals::Intersection> map_of(const signals::RsuSimulator& rsu) {
  std::vector<signals::Intersection> map;
  for (const auto& derived : rsu.intersections()) map.push_back(derived.intersection);
  return map;
}

// The point of the trace at `progress`, interpolated.
std::pair<geo::LatLon, double> locate(const std::vector<routing::TracePoint>& route,
                                      double progress) {
  const auto after = std::upper_bound(route.begin(), route.end(), progress,
                                      [](double d, const routing::TracePoint& p) { return d < p.distance_m; });
  if (after == route.end()) return {route.back().position, route.back().bearing_deg};
  if (after == route.begin()) return {route.front().position, route.front().bearing_deg};
  const auto& a = *(after - 1);
  const auto& b = *after;
  const double t = (progress - a.distance_m) / std::max(1e-9, b.distance_m - a.distance_m);
  return {{a.position.lat + (b.position.lat - a.position.lat) * t,
           a.position.lon + (b.position.lon - a.position.lon) * t},
          a.bearing_deg};
}

}  // namespace

DriveSimulator::DriveSimulator(std::vector<routing::TracePoint> route,
                               const signals::RsuSimulator& rsu, signals::Instant start,
                               DriveOptions options)
    : route_(std::move(route)),
      rsu_(rsu),
      movements_(signals::route_movements(map_of(rsu), route_)),
      start_(start),
      options_(options) {
  if (!route_.empty()) {
    state_.position = route_.front().position;
    state_.heading_deg = route_.front().bearing_deg;
  }
  update_light();
}

signals::Instant DriveSimulator::now() const {
  return start_ + std::chrono::duration_cast<signals::Instant::duration>(
                      std::chrono::duration<double>(state_.time_s));
}

// The road's speed over the stretch the car is on.
double DriveSimulator::speed_limit_at(double progress_m) const {
  const auto after = std::upper_bound(route_.begin(), route_.end(), progress_m,
                                      [](double d, const routing::TracePoint& p) { return d < p.distance_m; });
  const auto& point = after == route_.begin() ? route_.front() : *(after - 1);
  return std::clamp(point.speed_limit_mps, 3.0, 40.0);
}

// The deceleration needed to stop before a light that shows red or (stoppable) yellow,
// or 0 when the car may go on.
double DriveSimulator::stop_for_light(const signals::RouteMovement& m) {
  const double to_line = m.stop_line_m - options_.stop_gap_m - state_.progress_m;
  if (!m.signal_group || to_line < -options_.stop_gap_m) return 0;
  const auto index = m.intersection;
  const signals::LightColour colour = rsu_.colour(index, *m.signal_group, now());
  const double v = state_.speed_mps;
  const double comfortable = v * v / (2 * options_.comfortable_deceleration_mps2);
  if (colour == signals::LightColour::kGreen) stopping_for_.reset();
  // A driver who has decided to stop for a light keeps to it until green: re-deciding on
  // every glance is what puts a car in the dilemma zone.
  const bool committed = stopping_for_ == next_light_;
  const bool must_stop =
      colour == signals::LightColour::kRed ||
      (colour == signals::LightColour::kYellow && (committed || comfortable <= to_line + 0.5));
  if (!must_stop) return 0;
  stopping_for_ = next_light_;
  if (to_line <= 0.05) return options_.max_deceleration_mps2;  // hold at the line
  const double needed = v * v / (2 * to_line);
  // Brake once braking comfortably would only just do; creep up when far and slow.
  if (needed >= 0.8 * options_.comfortable_deceleration_mps2) return std::min(needed, options_.max_deceleration_mps2);
  return -1;  // a stop is coming: no need to brake yet
}

double DriveSimulator::target_acceleration() {
  double desired = speed_limit_at(state_.progress_m);
  // Look ahead a braking distance for slower stretches (turns, side streets).
  const double look = state_.speed_mps * state_.speed_mps / (2 * options_.comfortable_deceleration_mps2) + 10;
  desired = std::min(desired, std::sqrt(std::pow(speed_limit_at(state_.progress_m + look), 2) +
                                        2 * options_.comfortable_deceleration_mps2 * 5));
  if (options_.follow_glosa && state_.light) {
    const signals::Advice& advice = state_.light->advice;
    if (advice.speed_mps) desired = std::min(desired, std::max(*advice.speed_mps, 1.0));
    // Told to stop with the green's start known: roll up to meet it rather than hurry
    // to the line and wait there.
    if (advice.kind == signals::AdviceKind::kStop && advice.green_in_s && *advice.green_in_s > 0) {
      desired = std::min(desired, state_.light->distance_m / *advice.green_in_s);
    }
  }
  // Arrive: stop at the end of the route.
  const double to_end = route_.back().distance_m - state_.progress_m;
  desired = std::min(desired, std::sqrt(2 * options_.comfortable_deceleration_mps2 * std::max(0.0, to_end)));
  double acceleration = std::clamp((desired - state_.speed_mps) / 1.0,
                                   -options_.comfortable_deceleration_mps2, options_.acceleration_mps2);
  if (next_light_ < movements_.size()) {
    const double brake = stop_for_light(movements_[next_light_]);
    if (brake > 0) acceleration = -brake;
    if (brake < 0) acceleration = std::min(acceleration, 0.3);  // a red ahead: no hurrying to it
    if (brake == 0 && state_.speed_mps < options_.stopped_below_mps) {
      acceleration = std::max(acceleration, 0.0);
    }
  }
  return acceleration;
}

void DriveSimulator::update_light() {
  while (next_light_ < movements_.size() &&
         movements_[next_light_].stop_line_m < state_.progress_m - 0.01) {
    ++next_light_;
  }
  state_.light.reset();
  if (next_light_ >= movements_.size()) return;
  const auto& m = movements_[next_light_];
  const signals::IntersectionSignals spat = rsu_.intersection_spat(m.intersection, now());
  signals::CarOnRoute car{state_.progress_m, state_.speed_mps, speed_limit_at(m.stop_line_m)};
  state_.light = signals::light_ahead(m, car, &spat, now(), now(), options_.glosa);
}

void DriveSimulator::account(double acceleration, double old_speed) {
  const double dt = options_.step_s, v = (old_speed + state_.speed_mps) / 2;
  const double traction = options_.mass_kg * acceleration * v;  // W, positive when accelerating
  const double resist = (options_.mass_kg * kGravity * options_.rolling_resistance +
                         0.5 * kAirDensity * options_.drag_area_m2 * v * v) * v;
  const double power = std::max(0.0, traction + resist) / options_.drivetrain_efficiency +
                       options_.auxiliary_kw * 1000;
  stats_.energy_kwh += power * dt / 3.6e6;
  const bool stopped = state_.speed_mps < options_.stopped_below_mps;
  if (stopped) stats_.waiting_s += dt;
  if (stopped && !was_stopped_ && state_.progress_m < route_.back().distance_m - 5) ++stats_.stops;
  was_stopped_ = stopped;
}

bool DriveSimulator::step() {
  if (route_.size() < 2 || stats_.arrived || state_.time_s >= options_.max_duration_s) return false;
  const double dt = options_.step_s;
  const double acceleration = target_acceleration();
  const double old_speed = state_.speed_mps, old_progress = state_.progress_m;
  state_.speed_mps = std::max(0.0, old_speed + acceleration * dt);
  state_.acceleration_mps2 = (state_.speed_mps - old_speed) / dt;
  state_.progress_m = std::min(route_.back().distance_m,
                               old_progress + (old_speed + state_.speed_mps) / 2 * dt);
  state_.time_s += dt;
  if (next_light_ < movements_.size()) {
    const auto& m = movements_[next_light_];
    if (old_progress <= m.stop_line_m && state_.progress_m > m.stop_line_m && m.signal_group) {
      ++stats_.lights_passed;
      if (rsu_.colour(m.intersection, *m.signal_group, now()) == signals::LightColour::kRed) {
        ++stats_.red_crossings;
      }
    }
  }
  std::tie(state_.position, state_.heading_deg) = locate(route_, state_.progress_m);
  account(state_.acceleration_mps2, old_speed);
  update_light();
  stats_.distance_m = state_.progress_m;
  stats_.travel_time_s = state_.time_s;
  if (state_.progress_m >= route_.back().distance_m - 0.5 && state_.speed_mps < 0.5) {
    stats_.arrived = true;
  }
  return !stats_.arrived;
}

DriveStats DriveSimulator::run() {
  while (step()) {
  }
  return stats_;
}

}  // namespace codriver::vehicle
