#include "signals/signal_plan.h"

#include <algorithm>
#include <cmath>

#include "geo/distance.h"

namespace codriver::signals {

namespace {

double seconds_of(Instant t) {
  return std::chrono::duration<double>(t.time_since_epoch()).count();
}

Instant instant_of(double seconds) {
  return Instant(std::chrono::duration_cast<Instant::duration>(std::chrono::duration<double>(seconds)));
}

// The extension of the major green in cycle `cycle`: a deterministic hash, so every
// reader of the same plan (the RSU, the drive simulator) sees the same controller.
double extension_s(const SignalPlan& plan, std::int64_t cycle) {
  if (plan.max_extension_s <= 0) return 0;
  std::uint64_t x = static_cast<std::uint64_t>(cycle) * 0x9E3779B97F4A7C15ull ^
                    (static_cast<std::uint64_t>(plan.seed) << 32 | plan.intersection_id);
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  return plan.max_extension_s * static_cast<double>(x % 1001) / 1000.0;
}

struct Interval {
  MovementPhase phase;
  double start, end;           // seconds since the epoch, the truth
  double min_end, max_end;     // what the controller can promise
  bool uncertain = false;      // the end depends on this cycle's extension
};

// One cycle of one group as intervals, with the cycle's actuated extension applied:
// major green [0, G1+e), yellow, all-red; minor green until the cycle's end less its
// yellow and all-red. A group without green in the plan is red throughout.
std::vector<Interval> cycle_intervals(const SignalPlan& p, int group, std::int64_t cycle) {
  const double base = p.offset_s + static_cast<double>(cycle) * p.cycle_s;
  const double e = extension_s(p, cycle), max_e = p.max_extension_s;
  const double major_end = base + p.major_green_s + e;
  const double minor_start = major_end + p.yellow_s + p.all_red_s;
  const double cycle_end = base + p.cycle_s;
  const double minor_end = cycle_end - p.yellow_s - p.all_red_s;
  const auto green = MovementPhase::kProtectedMovementAllowed;
  const auto yellow = MovementPhase::kProtectedClearance;
  const auto red = MovementPhase::kStopAndRemain;
  if (group == 1) {
    const double lo = base + p.major_green_s, hi = lo + max_e;
    return {{green, base, major_end, lo, hi, max_e > 0},
            {yellow, major_end, major_end + p.yellow_s, lo + p.yellow_s, hi + p.yellow_s, max_e > 0},
            {red, major_end + p.yellow_s, cycle_end, cycle_end, cycle_end, false}};
  }
  if (p.minor_green_s <= 0) return {{red, base, cycle_end, cycle_end, cycle_end, false}};
  const double lo = base + p.major_green_s + p.yellow_s + p.all_red_s;
  return {{red, base, minor_start, lo, lo + max_e, max_e > 0},
          {green, minor_start, minor_end, minor_end, minor_end, false},
          {yellow, minor_end, minor_end + p.yellow_s, minor_end + p.yellow_s,
           minor_end + p.yellow_s, false},
          {red, minor_end + p.yellow_s, cycle_end, cycle_end, cycle_end, false}};
}

std::int64_t cycle_of(const SignalPlan& p, double t) {
  return static_cast<std::int64_t>(std::floor((t - p.offset_s) / p.cycle_s));
}

// Intervals from the one holding `t` onwards, merging the red that ends one cycle with
// the red that starts the next (a group is not told "red, then red").
std::vector<Interval> intervals_from(const SignalPlan& p, int group, double t, int count) {
  std::vector<Interval> out;
  // A group that is red all cycle merges into one interval: bound the cycles looked at.
  const std::int64_t first = cycle_of(p, t);
  for (std::int64_t c = first; static_cast<int>(out.size()) < count + 1 && c < first + count + 2;
       ++c) {
    for (const Interval& i : cycle_intervals(p, group, c)) {
      if (i.end <= t || i.end <= i.start) continue;
      if (!out.empty() && out.back().phase == i.phase) {
        out.back().end = i.end;
        out.back().min_end = i.min_end;
        out.back().max_end = i.max_end;
        out.back().uncertain = i.uncertain;
      } else {
        out.push_back(i);
      }
    }
  }
  out.resize(std::min<std::size_t>(out.size(), static_cast<std::size_t>(count)));
  return out;
}

MovementEvent event_of(const Interval& i, double now) {
  MovementEvent event;
  event.state = i.phase;
  event.start = instant_of(i.start);
  event.min_end = instant_of(i.min_end);
  event.max_end = instant_of(i.max_end);
  if (!i.uncertain) {
    event.likely_end = instant_of(i.end);
    event.confidence = 1.0;
  } else if (i.end - now <= 3.0 || i.min_end == i.max_end) {
    // The controller has decided: the end is certain a few seconds ahead.
    event.likely_end = instant_of(i.end);
    event.confidence = 0.95;
  } else {
    event.likely_end = instant_of((i.min_end + i.max_end) / 2);
    event.confidence = 0.5;
  }
  return event;
}

}  // namespace

SignalPlan plan_for(const DerivedIntersection& intersection, const PlanOptions& o) {
  SignalPlan plan;
  plan.intersection_id = intersection.intersection.id.id;
  // The ITE rule for the yellow: a second to react plus the time to stop at a comfortable
  // 2.5 m/s² from the approach speed, so a car that cannot stop comfortably clears on yellow.
  plan.yellow_s = std::max(o.yellow_s, std::ceil(1.0 + intersection.max_approach_speed_mps / 5.0));
  plan.all_red_s = o.all_red_s;
  plan.max_extension_s = o.max_extension_s;
  plan.seed = o.seed;
  const bool arterial = intersection.major_class <= map::format::RoadClass::kPrimaryLink;
  const bool crossing = intersection.has_crossing_axis();
  plan.cycle_s = !crossing ? o.single_axis_cycle_s : (arterial ? o.arterial_cycle_s : o.minor_cycle_s);
  const double lost =
      crossing ? 2 * (plan.yellow_s + o.all_red_s) : plan.yellow_s + o.all_red_s;
  const double green = plan.cycle_s - lost;
  plan.major_green_s = crossing ? green * o.major_share : green * 0.6;
  plan.minor_green_s = crossing ? green - plan.major_green_s : 0;
  // The extension comes out of the minor green; keep at least 5 s of it.
  plan.max_extension_s = std::min(plan.max_extension_s, std::max(0.0, plan.minor_green_s - 5));
  // Offsets for a green wave: the cycle starts later the further along the major axis.
  const double bearing = intersection.major_bearing_deg * M_PI / 180;
  const geo::LatLon p = intersection.intersection.ref_point;
  const double east = p.lon * 111320.0 * std::cos(p.lat * M_PI / 180), north = p.lat * 110540.0;
  const double along = east * std::sin(bearing) + north * std::cos(bearing);
  plan.offset_s = std::fmod(along / o.progression_speed_mps, plan.cycle_s);
  if (plan.offset_s < 0) plan.offset_s += plan.cycle_s;
  return plan;
}

LightColour colour_at(const SignalPlan& plan, int group, Instant t) {
  const auto intervals = intervals_from(plan, group, seconds_of(t), 1);
  return intervals.empty() ? LightColour::kUnknown : colour_of(intervals.front().phase);
}

std::vector<MovementEvent> events_at(const SignalPlan& plan, int group, Instant t, int count) {
  const double now = seconds_of(t);
  std::vector<MovementEvent> events;
  if (group != 1 && plan.minor_green_s <= 0) {
    // A group this plan never gives green: red with no end to announce.
    MovementEvent red;
    red.state = MovementPhase::kStopAndRemain;
    events.push_back(red);
    return events;
  }
  for (const Interval& i : intervals_from(plan, group, now, count)) events.push_back(event_of(i, now));
  return events;
}

}  // namespace codriver::signals
