#include "vehicle/progress_filter.h"

namespace codriver::vehicle {

void ProgressFilter::reset(double distance_m, double distance_variance, double speed_mps,
                           double speed_variance) {
  distance_ = distance_m;
  speed_ = speed_mps;
  p_dd_ = distance_variance;
  p_ds_ = 0.0;
  p_ss_ = speed_variance;
}

void ProgressFilter::predict(double elapsed_s) {
  const double t = elapsed_s;
  distance_ += speed_ * t;
  // P = F P F' + Q, F = [[1, t], [0, 1]], Q from white acceleration noise.
  const double q = acceleration_sigma_ * acceleration_sigma_;
  const double dd = p_dd_ + 2.0 * t * p_ds_ + t * t * p_ss_ + q * t * t * t * t / 4.0;
  const double ds = p_ds_ + t * p_ss_ + q * t * t * t / 2.0;
  const double ss = p_ss_ + q * t * t;
  p_dd_ = dd;
  p_ds_ = ds;
  p_ss_ = ss;
}

void ProgressFilter::observe_distance(double distance_m, double variance) {
  const double innovation = distance_m - distance_;
  const double s = p_dd_ + variance;
  const double k_d = p_dd_ / s, k_s = p_ds_ / s;
  distance_ += k_d * innovation;
  speed_ += k_s * innovation;
  const double dd = (1.0 - k_d) * p_dd_;
  const double ds = (1.0 - k_d) * p_ds_;
  const double ss = p_ss_ - k_s * p_ds_;
  p_dd_ = dd;
  p_ds_ = ds;
  p_ss_ = ss;
}

void ProgressFilter::observe_speed(double speed_mps, double variance) {
  const double innovation = speed_mps - speed_;
  const double s = p_ss_ + variance;
  const double k_d = p_ds_ / s, k_s = p_ss_ / s;
  distance_ += k_d * innovation;
  speed_ += k_s * innovation;
  const double dd = p_dd_ - k_d * p_ds_;
  const double ds = (1.0 - k_s) * p_ds_;
  const double ss = (1.0 - k_s) * p_ss_;
  p_dd_ = dd;
  p_ds_ = ds;
  p_ss_ = ss;
}

}  // namespace codriver::vehicle
