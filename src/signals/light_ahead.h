#pragma once

#include <optional>
#include <string>

#include "signals/glosa.h"
#include "signals/route_signals.h"
#include "signals/signal_model.h"

// The answer to "when does this light turn green?": the light of the car's movement at
// the next signalised intersection, its state, when it changes (min, likely, max), the
// speed advice, and how old the data behind it is. Without fresh data it says so.
namespace codriver::signals {

inline constexpr double kSpatMaxAgeS = 3.0;  // SPaT comes at 10 Hz: 3 s of silence is a dead feed

struct TimeToChange {
  std::optional<double> min_s, likely_s, max_s;
};

struct LightAhead {
  RouteMovement movement;
  double distance_m = 0;
  LightColour colour = LightColour::kUnknown;
  MovementPhase phase = MovementPhase::kUnavailable;
  TimeToChange time_to_change;
  Advice advice;
  std::optional<double> data_age_s;  // nullopt: no data ever received for this light
  bool live = false;                 // fresh data behind the answer
};

struct CarOnRoute {
  double progress_m = 0;  // along the route
  double speed_mps = 0;
  double speed_limit_mps = 50 / 3.6;
};

// `signals` may be null (nothing received for the intersection); `received_at` is when
// it arrived.
LightAhead light_ahead(const RouteMovement& movement, const CarOnRoute& car,
                       const IntersectionSignals* signals, Instant received_at, Instant now,
                       const GlosaParameters& glosa = {});

// The GLOSA input for one signal group: its events as windows relative to `now`.
std::vector<PhaseWindow> phase_windows(const SignalGroupState& group, Instant now);

}  // namespace codriver::signals
