#include "vehicle/map_matcher.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace codriver::vehicle {

namespace {

// A fix this many standard deviations from the road is noise only once in ~500 fixes,
// so with a poor accuracy the "far" threshold widens past off_route_distance_m.
constexpr double kFarSigmas = 3.5;
// While searching (first fix, or back from off the route) the pass of the route nearest
// to the last progress is preferred, by this much cost per metre from it: a pass 200 m
// further must be closer to the fix by about what one sigma of noise costs.
constexpr double kDistantPassCostPerM = 1.0 / 200.0;
// Added to how far the car could have driven since it was last on the route.
constexpr double kSearchSlackM = 100.0;
// A dead-reckoned position is trusted less with every fix that does not confirm it.
constexpr double kUnconfirmedConfidenceDecay = 0.5;

double square(double x) {
  return x * x;
}

double angle_between_deg(double a, double b) {
  const double difference = std::fmod(std::fabs(a - b), 360.0);
  return difference > 180.0 ? 360.0 - difference : difference;
}

double seconds_between(feeds::Clock::time_point from, feeds::Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

const auto by_cost = [](const auto& a, const auto& b) { return a.cost < b.cost; };

}  // namespace

MapMatcher::MapMatcher(std::vector<routing::TracePoint> route, MapMatcherOptions options)
    : line_(std::move(route)), options_(options) {
  reset();
}

void MapMatcher::reset() {
  tracking_ = false;
  progress_m_ = 0.0;
  tracked_m_ = 0.0;
  last_time_.reset();
  last_matched_time_.reset();
  far_run_ = 0;
  near_run_ = 0;
  off_route_ = false;
  last_ = RouteMatch{};
  last_.snapped = line_.point_at(0.0);
}

double MapMatcher::accuracy_of(const GpsFix& fix) const {
  return std::max(options_.min_accuracy_m,
                  fix.horizontal_accuracy_m.value_or(options_.default_accuracy_m));
}

bool MapMatcher::heading_usable(const GpsFix& fix) const {
  return fix.heading_deg &&
         (!fix.speed_mps || *fix.speed_mps >= options_.min_speed_for_heading_mps);
}

// Costs are negative log-likelihoods, give or take a constant: distance from the road
// as a Gaussian in the fix's accuracy, heading as a von Mises-like term.
MapMatcher::Scored MapMatcher::score(const GpsFix& fix, const RouteCandidate& candidate,
                                     double sigma, double continuity_cost) const {
  Scored scored{candidate, square(candidate.distance_m) / (2.0 * square(sigma)) + continuity_cost,
                0.0};
  if (fix.heading_deg) {
    scored.heading_difference_deg = angle_between_deg(*fix.heading_deg, candidate.bearing_deg);
  }
  if (heading_usable(fix)) {
    const double radians = scored.heading_difference_deg * std::numbers::pi / 180.0;
    scored.cost += options_.heading_weight * (1.0 - std::cos(radians));
  }
  return scored;
}

std::vector<MapMatcher::Scored> MapMatcher::score_while_tracking(const GpsFix& fix,
                                                                 double elapsed_s, double sigma) {
  filter_.predict(elapsed_s);
  if (fix.speed_mps) filter_.observe_speed(*fix.speed_mps, speed_variance(*fix.speed_mps));
  const double predicted = filter_.distance_m();
  const double spread = filter_.distance_variance() + square(sigma);
  // How far the car could have gone: generous, since a speedometer can lag a hard start.
  const double plausible_speed =
      fix.speed_mps ? std::max(1.5 * *fix.speed_mps, *fix.speed_mps + 5.0) : options_.max_speed_mps;
  const double from = tracked_m_ - std::max(options_.backwards_tolerance_m, 3.0 * sigma);
  const double to = tracked_m_ + plausible_speed * elapsed_s + 3.0 * sigma + 10.0;
  const double radius = std::max(options_.off_route_distance_m, kFarSigmas * sigma);
  std::vector<Scored> scored;
  for (const RouteCandidate& candidate : line_.candidates_near(fix.position, radius, from, to)) {
    const double continuity = square(candidate.distance_along_m - predicted) / (2.0 * spread);
    scored.push_back(score(fix, candidate, sigma, continuity));
  }
  return scored;
}

std::vector<MapMatcher::Scored> MapMatcher::score_while_searching(const GpsFix& fix,
                                                                  double sigma) const {
  // Anywhere the car could have reached since it was last on the route, behind as well as
  // ahead: a car back from a detour may rejoin the route behind where it left.
  double from = 0.0, to = line_.length_m();
  if (last_matched_time_) {
    const double reach =
        options_.max_speed_mps * seconds_between(*last_matched_time_, fix.timestamp) +
        kSearchSlackM;
    from = progress_m_ - reach;
    to = progress_m_ + reach;
  }
  const double radius = std::max(options_.off_route_distance_m, kFarSigmas * sigma);
  std::vector<Scored> scored;
  for (const RouteCandidate& candidate : line_.candidates_near(fix.position, radius, from, to)) {
    const double elsewhere = std::fabs(candidate.distance_along_m - progress_m_);
    scored.push_back(score(fix, candidate, sigma, elsewhere * kDistantPassCostPerM));
  }
  return scored;
}

double MapMatcher::speed_variance(double speed_mps) const {
  return square(options_.speed_sigma_mps + options_.speed_scale_error * std::fabs(speed_mps));
}

bool MapMatcher::is_far(const GpsFix& fix, const Scored* best) const {
  if (best == nullptr) return true;
  if (!heading_usable(fix)) return false;
  return best->heading_difference_deg > options_.off_route_heading_deg;
}

double MapMatcher::confidence_of(const std::vector<Scored>& scored, const Scored& best,
                                 double sigma) const {
  const double closeness = std::exp(-0.5 * square(best.candidate.distance_m / sigma));
  // Other passes of the route that could explain the fix make the answer less certain.
  const double separate = 2.0 * sigma + 10.0;
  double total = 1.0;
  for (const Scored& other : scored) {
    if (std::fabs(other.candidate.distance_along_m - best.candidate.distance_along_m) > separate) {
      total += std::exp(best.cost - other.cost);
    }
  }
  return closeness / total;
}

void MapMatcher::accept(const GpsFix& fix, const Scored& best, double sigma) {
  if (tracking_) {
    filter_.observe_distance(best.candidate.distance_along_m, square(sigma));
  } else {
    const double speed = fix.speed_mps.value_or(0.0);
    // Without a speedometer the filter learns the speed from the fixes.
    const double variance = fix.speed_mps ? speed_variance(speed) : 100.0;
    filter_.reset(best.candidate.distance_along_m, square(sigma), speed, variance);
    tracked_m_ = best.candidate.distance_along_m;
    tracking_ = true;
  }
  const double smoothed = std::clamp(filter_.distance_m(), 0.0, line_.length_m());
  tracked_m_ = std::max(tracked_m_, smoothed);
  // Back from off the route, progress follows only once the return is confirmed.
  if (!off_route_) progress_m_ = tracked_m_;
}

RouteMatch MapMatcher::answer(const GpsFix& fix, bool matched, double distance_to_route_m,
                              double confidence) const {
  RouteMatch result;
  result.matched = matched;
  result.distance_along_m = progress_m_;
  result.snapped = line_.point_at(progress_m_);
  result.lateral_offset_m =
      line_.project_on_segment(fix.position, line_.segment_at(progress_m_)).cross_track_m;
  result.distance_to_route_m = distance_to_route_m;
  result.confidence = confidence;
  result.off_route = off_route_;
  return result;
}

RouteMatch MapMatcher::match(const GpsFix& fix) {
  if (last_time_ && fix.timestamp <= *last_time_) return last_;
  const double elapsed_s = last_time_ ? seconds_between(*last_time_, fix.timestamp) : 0.0;
  last_time_ = fix.timestamp;
  const double sigma = accuracy_of(fix);

  const std::vector<Scored> scored =
      tracking_ ? score_while_tracking(fix, elapsed_s, sigma) : score_while_searching(fix, sigma);
  const auto best = std::min_element(scored.begin(), scored.end(), by_cost);
  const Scored* chosen = best == scored.end() ? nullptr : &*best;

  if (is_far(fix, chosen)) {
    near_run_ = 0;
    if (++far_run_ >= options_.off_route_after) {
      off_route_ = true;
      tracking_ = false;
    }
    const double distance = line_.nearest(fix.position).distance_m;
    const double confidence = off_route_ ? 0.0 : last_.confidence * kUnconfirmedConfidenceDecay;
    last_ = answer(fix, false, distance, confidence);
    return last_;
  }
  far_run_ = 0;
  if (++near_run_ >= options_.back_on_route_after) off_route_ = false;
  last_matched_time_ = fix.timestamp;
  accept(fix, *chosen, sigma);
  last_ = answer(fix, true, chosen->candidate.distance_m, confidence_of(scored, *chosen, sigma));
  return last_;
}

}  // namespace codriver::vehicle
