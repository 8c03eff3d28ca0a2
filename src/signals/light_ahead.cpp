#include "signals/light_ahead.h"

#include <cmath>
#include <limits>

namespace codriver::signals {

namespace {

double seconds_between(Instant from, Instant to) {
  return std::chrono::duration<double>(to - from).count();
}

std::optional<double> relative(const std::optional<Instant>& at, Instant now) {
  if (!at) return std::nullopt;
  return std::max(0.0, seconds_between(now, *at));
}

const SignalGroupState* find_group(const IntersectionSignals& signals, std::optional<int> group) {
  if (!group) return nullptr;
  for (const SignalGroupState& state : signals.signal_groups)
    if (state.signal_group == *group) return &state;
  return nullptr;
}

// The event showing now: the last one that has started (events are in order).
const MovementEvent* current_event(const SignalGroupState& group, Instant now) {
  const MovementEvent* current = group.events.empty() ? nullptr : &group.events.front();
  for (const MovementEvent& e : group.events) {
    if (e.start && *e.start <= now) current = &e;
  }
  return current;
}

}  // namespace

std::vector<PhaseWindow> phase_windows(const SignalGroupState& group, Instant now) {
  constexpr double kForever = std::numeric_limits<double>::infinity();
  std::vector<PhaseWindow> windows;
  for (const MovementEvent& e : group.events) {
    if (e.max_end && *e.max_end <= now) continue;  // already over
    PhaseWindow w;
    w.colour = colour_of(e.state);
    w.start_s = relative(e.start, now).value_or(0);
    w.min_end_s = relative(e.min_end, now).value_or(kForever);
    w.max_end_s = relative(e.max_end, now).value_or(kForever);
    if (!e.min_end) w.min_end_s = w.max_end_s;
    if (e.min_end && !e.max_end) w.max_end_s = kForever;
    w.likely_end_s = relative(e.likely_end, now);
    w.confidence = e.confidence;
    windows.push_back(w);
  }
  return windows;
}

LightAhead light_ahead(const RouteMovement& movement, const CarOnRoute& car,
                       const IntersectionSignals* signals, Instant received_at, Instant now,
                       const GlosaParameters& glosa) {
  LightAhead answer;
  answer.movement = movement;
  answer.distance_m = std::max(0.0, movement.stop_line_m - car.progress_m);
  if (signals == nullptr) return answer;
  answer.data_age_s = std::max(0.0, seconds_between(received_at, now));
  answer.live = *answer.data_age_s <= kSpatMaxAgeS;
  const SignalGroupState* group = find_group(*signals, movement.signal_group);
  if (!answer.live || group == nullptr) return answer;  // old data is not shown as current
  const MovementEvent* event = current_event(*group, now);
  if (event == nullptr) return answer;
  answer.phase = event->state;
  answer.colour = colour_of(event->state);
  answer.time_to_change = {relative(event->min_end, now), relative(event->likely_end, now),
                           relative(event->max_end, now)};
  Approach approach{answer.distance_m, car.speed_mps, car.speed_limit_mps,
                    phase_windows(*group, now)};
  answer.advice = advise(approach, glosa);
  return answer;
}

}  // namespace codriver::signals
