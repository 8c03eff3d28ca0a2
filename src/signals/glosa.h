#pragma once

#include <optional>
#include <string>
#include <vector>

#include "signals/signal_model.h"

// Green Light Optimal Speed Advisory: from the distance to the stop line, the car's
// speed and the light's coming phases, the advice a driver can follow: keep the speed,
// slow to or speed up to a speed that meets the green, stop (and when it turns green),
// go, or a warning that a red cannot be stopped for comfortably.
//
// Times are seconds from now. Every phase end has a window [min, max] with a likely
// value: the advice is built on the conservative side (a green that may end at `min`
// ends at `min`; a red that may last to `max` lasts to `max` unless `likely` is given
// with high confidence), so following it never needs a green that is not certain.
namespace codriver::signals {

struct PhaseWindow {
  LightColour colour = LightColour::kUnknown;
  double start_s = 0;                   // 0 for the phase showing now
  double min_end_s = 0, max_end_s = 0;  // max_end_s may be +infinity (no end known)
  std::optional<double> likely_end_s;
  std::optional<double> confidence;     // 0..1 for likely_end_s
};

struct Approach {
  double distance_m = 0;  // to the stop line
  double speed_mps = 0;   // now
  double speed_limit_mps = 13.9;
  std::vector<PhaseWindow> phases;  // the current phase first, then the coming ones in order
};

struct GlosaParameters {
  double min_speed_mps = 25 / 3.6;  // advising less would obstruct traffic
  double acceleration_mps2 = 1.5;   // a comfortable acceleration
  double comfortable_deceleration_mps2 = 2.5;
  double margin_s = 1.0;            // arrive this long after green starts / before it ends
  double stopped_below_mps = 0.5;
  double likely_confidence = 0.8;   // trust `likely` ends from this confidence on
};

enum class AdviceKind {
  kKeep,         // the current speed meets the green
  kSlowTo,       // slow to speed_mps to arrive on green
  kSpeedTo,      // speed up (within the limit) to speed_mps to arrive on green
  kStop,         // no legal, sensible speed meets a green: prepare to stop
  kGo,           // stopped at a green light
  kRedWarning,   // red (or turning red) ahead and too close to stop comfortably
  kNoData,       // nothing known about the light: no advice, said as such
};

struct Advice {
  AdviceKind kind = AdviceKind::kNoData;
  std::optional<double> speed_mps;       // for keep / slow_to / speed_to
  std::optional<double> green_in_s;      // for stop: when the green starts (conservative)
  std::optional<double> arrival_s;       // when the car reaches the line following the advice
};

Advice advise(const Approach& approach, const GlosaParameters& parameters = {});

// "keep", "slow_to", "speed_to", "stop", "go", "red_warning", "no_data".
const char* advice_kind_name(AdviceKind kind);

// Seconds to cover `distance_m` starting at `from_mps` and changing speed (at the
// comfortable rates) to `to_mps`, then holding it.
double travel_time_s(double distance_m, double from_mps, double to_mps,
                     const GlosaParameters& parameters);

}  // namespace codriver::signals
