#pragma once

#include <optional>
#include <vector>

#include "routing/route_trace.h"
#include "signals/glosa.h"
#include "signals/light_ahead.h"
#include "signals/route_signals.h"
#include "signals/rsu_simulator.h"

// A car driving a route through simulated traffic lights: it accelerates and brakes at
// comfortable rates, keeps to each stretch's speed, stops for red (and for yellow when it
// can stop comfortably), and, when asked, follows GLOSA advice computed from the SPaT
// the RSU simulator publishes. It measures what a GLOSA evaluation needs: stops, time
// waiting, travel time and an energy estimate.
namespace codriver::vehicle {

struct DriveOptions {
  double step_s = 0.1;
  double acceleration_mps2 = 1.5;
  double comfortable_deceleration_mps2 = 2.5;
  double max_deceleration_mps2 = 4.5;  // what a driver uses when a red comes late
  double stop_gap_m = 2.0;             // stops this far before the stop line
  double stopped_below_mps = 0.5;
  bool follow_glosa = false;
  signals::GlosaParameters glosa;
  double max_duration_s = 3 * 3600;
  // Energy model: a mid-size electric car (no regeneration, to count what stopping wastes).
  double mass_kg = 1900, rolling_resistance = 0.011, drag_area_m2 = 0.48;
  double drivetrain_efficiency = 0.88, auxiliary_kw = 2.0;
};

struct DriveStats {
  double travel_time_s = 0;
  double distance_m = 0;
  int stops = 0;              // times the car came to a standstill
  double waiting_s = 0;       // time at a standstill
  double energy_kwh = 0;
  int red_crossings = 0;      // stop lines crossed while red (should stay 0)
  int lights_passed = 0;
  bool arrived = false;
};

struct DriveState {
  double time_s = 0;  // since the start
  double progress_m = 0;
  double speed_mps = 0;
  double acceleration_mps2 = 0;
  geo::LatLon position;
  double heading_deg = 0;
  std::optional<signals::LightAhead> light;  // what the co-driver would say now
};

class DriveSimulator {
 public:
  // `rsu` and `intersections` (the MAP the route's movements refer to) outlive this.
  DriveSimulator(std::vector<routing::TracePoint> route, const signals::RsuSimulator& rsu,
                 signals::Instant start, DriveOptions options = {});

  // Advances one step; false once arrived (or out of time).
  bool step();
  // Drives to the end and returns the statistics.
  DriveStats run();

  const DriveState& state() const { return state_; }
  const DriveStats& stats() const { return stats_; }
  signals::Instant now() const;

 private:
  double speed_limit_at(double progress_m) const;
  double target_acceleration();
  double stop_for_light(const signals::RouteMovement& movement);
  void update_light();
  void account(double acceleration, double old_speed);

  std::vector<routing::TracePoint> route_;
  const signals::RsuSimulator& rsu_;
  std::vector<signals::RouteMovement> movements_;
  signals::Instant start_;
  DriveOptions options_;
  DriveState state_;
  DriveStats stats_;
  bool was_stopped_ = true;
  std::size_t next_light_ = 0;
  std::optional<std::size_t> stopping_for_;  // the light the car has decided to stop for
};

}  // namespace codriver::vehicle
