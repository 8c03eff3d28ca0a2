#pragma once

// How far along the route the car is and how fast it goes there, smoothed: a Kalman
// filter over (distance along, speed along) with constant-velocity motion. GPS noise
// along the road averages out against the speedometer, which is far less noisy.
namespace codriver::vehicle {

class ProgressFilter {
 public:
  // `acceleration_sigma` is how hard we expect the car to change speed (m/s²).
  explicit ProgressFilter(double acceleration_sigma = 1.5)
      : acceleration_sigma_(acceleration_sigma) {}

  void reset(double distance_m, double distance_variance, double speed_mps, double speed_variance);
  void predict(double elapsed_s);
  void observe_distance(double distance_m, double variance);
  void observe_speed(double speed_mps, double variance);

  double distance_m() const { return distance_; }
  double speed_mps() const { return speed_; }
  double distance_variance() const { return p_dd_; }

 private:
  double acceleration_sigma_;
  double distance_ = 0.0;
  double speed_ = 0.0;
  // Covariance of (distance, speed).
  double p_dd_ = 0.0, p_ds_ = 0.0, p_ss_ = 0.0;
};

}  // namespace codriver::vehicle
