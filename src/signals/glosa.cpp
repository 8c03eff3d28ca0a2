#include "signals/glosa.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace codriver::signals {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// When a phase surely ends: a green may end as early as min_end; a red or yellow may last
// until max_end, or until likely_end when its confidence is high enough.
double conservative_end(const PhaseWindow& phase, const GlosaParameters& p, bool is_green) {
  if (is_green) return phase.min_end_s;
  if (phase.likely_end_s && phase.confidence.value_or(0) >= p.likely_confidence) {
    return *phase.likely_end_s;
  }
  return phase.max_end_s;
}

struct GreenWindow {
  double from_s, to_s;
};

// The greens ahead as certain intervals: a green starts when the phase before it has
// surely ended and ends at its own earliest end.
std::vector<GreenWindow> green_windows(const std::vector<PhaseWindow>& phases,
                                       const GlosaParameters& p) {
  std::vector<GreenWindow> windows;
  double previous_end = 0;
  for (const PhaseWindow& phase : phases) {
    const bool green = phase.colour == LightColour::kGreen;
    const double start = std::max(phase.start_s, previous_end);
    const double end = conservative_end(phase, p, green);
    if (green && end > start) windows.push_back({start, end});
    previous_end = green ? phase.max_end_s : end;
    if (!std::isfinite(previous_end)) break;
  }
  return windows;
}

// On slow streets the sensible minimum is a fraction of the limit, not a fixed speed.
double lowest_speed(const Approach& a, const GlosaParameters& p) {
  return std::min(p.min_speed_mps, 0.6 * a.speed_limit_mps);
}

bool known(const Approach& a) {
  return !a.phases.empty() && a.phases.front().colour != LightColour::kUnknown &&
         a.phases.front().colour != LightColour::kDark;
}

double stopping_distance_m(double speed, const GlosaParameters& p) {
  return speed * speed / (2 * p.comfortable_deceleration_mps2);
}

// The fastest allowed speed whose arrival falls inside the window, if any. Arrival time
// falls as the target speed rises, so the feasible speeds form one interval.
std::optional<double> speed_for(const Approach& a, const GreenWindow& w, const GlosaParameters& p) {
  const double latest = w.to_s - p.margin_s, earliest = w.from_s + p.margin_s;
  if (latest < earliest) return std::nullopt;
  const double low = lowest_speed(a, p), high = std::max(low, a.speed_limit_mps);
  const auto arrival = [&](double s) { return travel_time_s(a.distance_m, a.speed_mps, s, p); };
  if (arrival(high) > latest || arrival(low) < earliest) return std::nullopt;
  if (arrival(high) >= earliest) return high;
  // Bisect for the highest speed arriving no earlier than `earliest`.
  double slow = low, fast = high;
  for (int i = 0; i < 50; ++i) {
    const double mid = (slow + fast) / 2;
    (arrival(mid) >= earliest ? slow : fast) = mid;
  }
  return slow;
}

bool arrives_within(const Approach& a, double speed, const GreenWindow& w,
                    const GlosaParameters& p) {
  if (speed < lowest_speed(a, p) || speed > a.speed_limit_mps + 0.1) return false;
  const double arrival = travel_time_s(a.distance_m, a.speed_mps, speed, p);
  return arrival >= w.from_s + p.margin_s && arrival <= w.to_s - p.margin_s;
}

Advice advice_for_speed(const Approach& a, double speed, AdviceKind kind, const GlosaParameters& p) {
  Advice advice;
  advice.kind = kind;
  advice.speed_mps = speed;
  advice.arrival_s = travel_time_s(a.distance_m, a.speed_mps, speed, p);
  return advice;
}

}  // namespace

double travel_time_s(double distance_m, double from_mps, double to_mps, const GlosaParameters& p) {
  if (distance_m <= 0) return 0;
  to_mps = std::max(to_mps, 0.01);
  const double rate = to_mps >= from_mps ? p.acceleration_mps2 : p.comfortable_deceleration_mps2;
  const double change_time = std::abs(to_mps - from_mps) / rate;
  const double change_distance = (from_mps + to_mps) / 2 * change_time;
  if (change_distance >= distance_m) {
    // The line comes before the speed is reached: solve d = v t ± a t²/2.
    const double a = to_mps >= from_mps ? rate : -rate;
    const double disc = from_mps * from_mps + 2 * a * distance_m;
    if (disc <= 0) return kInfinity;  // would stop short of the line
    return (std::sqrt(disc) - from_mps) / a;
  }
  return change_time + (distance_m - change_distance) / to_mps;
}

Advice advise(const Approach& a, const GlosaParameters& p) {
  Advice advice;
  if (!known(a)) return advice;
  const PhaseWindow& now = a.phases.front();
  if (a.speed_mps < p.stopped_below_mps && now.colour == LightColour::kGreen) {
    advice.kind = AdviceKind::kGo;
    return advice;
  }
  const auto windows = green_windows(a.phases, p);
  for (const GreenWindow& window : windows) {
    if (arrives_within(a, a.speed_mps, window, p)) {
      return advice_for_speed(a, a.speed_mps, AdviceKind::kKeep, p);
    }
    if (const auto speed = speed_for(a, window, p)) {
      const AdviceKind kind = *speed < a.speed_mps ? AdviceKind::kSlowTo : AdviceKind::kSpeedTo;
      return advice_for_speed(a, *speed, kind, p);
    }
  }
  const bool too_close = stopping_distance_m(a.speed_mps, p) > a.distance_m;
  // No green can be met: stop, unless the line is too close to stop at comfortably.
  advice.kind = too_close ? AdviceKind::kRedWarning : AdviceKind::kStop;
  for (const GreenWindow& window : windows) {
    if (window.from_s > 0) {
      advice.green_in_s = window.from_s;
      break;
    }
  }
  return advice;
}

const char* advice_kind_name(AdviceKind kind) {
  switch (kind) {
    case AdviceKind::kKeep: return "keep";
    case AdviceKind::kSlowTo: return "slow_to";
    case AdviceKind::kSpeedTo: return "speed_to";
    case AdviceKind::kStop: return "stop";
    case AdviceKind::kGo: return "go";
    case AdviceKind::kRedWarning: return "red_warning";
    case AdviceKind::kNoData: return "no_data";
  }
  return "no_data";
}

}  // namespace codriver::signals
