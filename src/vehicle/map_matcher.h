#pragma once

#include <optional>
#include <vector>

#include "geo/latlon.h"
#include "routing/route_trace.h"
#include "vehicle/gps_fix.h"
#include "vehicle/progress_filter.h"
#include "vehicle/route_line.h"

// Map-matching of noisy GPS fixes onto the active route: how far along the route the
// car is, where on the route that is, and whether the car has left the route.
//
// Each fix is compared with every place on the route near it (a route can pass one
// place twice: a loop, an out-and-back). A candidate is scored by its distance from
// the fix (against the fix's accuracy), by how well the route's direction there
// agrees with the car's heading (not at walking pace, where GPS heading is noise), and
// by how well it continues the progress so far: it may lie a little behind (noise) but
// not further, and no further ahead than the car could have driven since the last fix.
// Progress is then smoothed with the speedometer (progress_filter.h) and never goes
// backwards. A run of fixes far from the route, or heading against it, means the car
// has left it; progress is then held. A run of good fixes anywhere on the route brings
// it back, the pass nearest to where it left preferred; progress restarts there, which
// is the one time it may go back (a detour that rejoins the route behind where it left).
namespace codriver::vehicle {

struct RouteMatch {
  bool matched = false;              // this fix was placed on the route
  double distance_along_m = 0.0;     // progress; never decreases while on the route
  geo::LatLon snapped;               // the route's point at distance_along_m
  double lateral_offset_m = 0.0;     // fix from the route there, positive on the right
  double distance_to_route_m = 0.0;  // fix to the closest plausible point of the route
  double confidence = 0.0;           // 0..1: close to the route and not ambiguous
  bool off_route = false;
};

struct MapMatcherOptions {
  double default_accuracy_m = 10.0;      // when a fix does not say
  double min_accuracy_m = 3.0;           // no fix is trusted more than this
  double off_route_distance_m = 40.0;    // a fix further than this is "far"
  double off_route_heading_deg = 120.0;  // or heading this much against the route
  int off_route_after = 3;               // consecutive far fixes to leave the route
  int back_on_route_after = 2;           // consecutive good fixes to come back
  double backwards_tolerance_m = 20.0;   // how far behind progress a fix may land
  double min_speed_for_heading_mps = 2.0;
  double max_speed_mps = 70.0;  // when a fix gives no speed: 250 km/h
  double heading_weight = 3.0;  // cost of a heading at right angles to the route
  // A speedometer's error: some noise, and a scale error of a few per cent (most read
  // high on purpose); trusting it more drags progress ahead of the car.
  double speed_sigma_mps = 0.5;
  double speed_scale_error = 0.05;
};

class MapMatcher {
 public:
  // Throws std::invalid_argument for a route of fewer than two points.
  explicit MapMatcher(std::vector<routing::TracePoint> route, MapMatcherOptions options = {});

  // Matches the next fix. Fixes must come in time order; one no newer than the last
  // returns the last answer unchanged.
  RouteMatch match(const GpsFix& fix);

  const RouteMatch& last() const { return last_; }
  const RouteLine& route() const { return line_; }
  // Forgets the progress: the next fix is placed as if the drive had just begun.
  void reset();

 private:
  struct Scored {
    RouteCandidate candidate;
    double cost = 0.0;
    double heading_difference_deg = 0.0;
  };

  double accuracy_of(const GpsFix& fix) const;
  bool heading_usable(const GpsFix& fix) const;
  Scored score(const GpsFix& fix, const RouteCandidate& candidate, double sigma,
               double continuity_cost) const;
  std::vector<Scored> score_while_tracking(const GpsFix& fix, double elapsed_s, double sigma);
  std::vector<Scored> score_while_searching(const GpsFix& fix, double sigma) const;
  double speed_variance(double speed_mps) const;
  bool is_far(const GpsFix& fix, const Scored* best) const;
  double confidence_of(const std::vector<Scored>& scored, const Scored& best, double sigma) const;
  void accept(const GpsFix& fix, const Scored& best, double sigma);
  RouteMatch answer(const GpsFix& fix, bool matched, double distance_to_route_m,
                    double confidence) const;

  RouteLine line_;
  MapMatcherOptions options_;
  ProgressFilter filter_;
  bool tracking_ = false;    // the filter follows the car along the route
  double tracked_m_ = 0.0;   // the filter's progress: never decreases while tracking
  double progress_m_ = 0.0;  // the reported progress: held while the car is off the route
  std::optional<feeds::Clock::time_point> last_time_;
  std::optional<feeds::Clock::time_point> last_matched_time_;
  int far_run_ = 0;
  int near_run_ = 0;
  bool off_route_ = false;
  RouteMatch last_;
};

}  // namespace codriver::vehicle
