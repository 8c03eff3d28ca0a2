#include "geo/distance.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace codriver::geo {
namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kRadToDeg = 180.0 / std::numbers::pi;

double square(double x) {
  return x * x;
}

// Wraps a longitude into [-180, 180).
double normalize_lon(double lon) {
  double wrapped = std::fmod(lon + 180.0, 360.0);
  if (wrapped < 0.0) wrapped += 360.0;
  return wrapped - 180.0;
}

}  // namespace

double distance_m(LatLon a, LatLon b) {
  const double phi1 = a.lat * kDegToRad;
  const double phi2 = b.lat * kDegToRad;
  const double sin_half_dphi = std::sin((phi2 - phi1) / 2.0);
  const double sin_half_dlambda = std::sin((b.lon - a.lon) * kDegToRad / 2.0);
  // hav of the central angle c, a sum of non-negative terms, so accurate.
  const double hav =
      square(sin_half_dphi) + std::cos(phi1) * std::cos(phi2) * square(sin_half_dlambda);
  if (hav <= 0.5) return 2.0 * kEarthRadiusM * std::asin(std::sqrt(hav));

  // Beyond a quarter of the globe asin(sqrt(hav)) is ill-conditioned (errors of
  // ~0.2 m near the antipode). There we use 1 - hav, rewritten as a sum of
  // squares so it carries no cancellation, and c = pi - 2 asin(sqrt(1 - hav)).
  // The common short-distance case keeps the cheap textbook form.
  const double cos_half_dphi = std::cos((phi2 - phi1) / 2.0);
  const double cos_half_dlambda = std::cos((b.lon - a.lon) * kDegToRad / 2.0);
  const double sin_half_sum_phi = std::sin((phi1 + phi2) / 2.0);
  const double one_minus_hav =
      square(cos_half_dphi * cos_half_dlambda) + square(sin_half_sum_phi * sin_half_dlambda);
  return kEarthRadiusM * (std::numbers::pi - 2.0 * std::asin(std::sqrt(one_minus_hav)));
}

double initial_bearing_deg(LatLon from, LatLon to) {
  const double phi1 = from.lat * kDegToRad;
  const double phi2 = to.lat * kDegToRad;
  const double dlambda = (to.lon - from.lon) * kDegToRad;
  const double y = std::sin(dlambda) * std::cos(phi2);
  const double x =
      std::cos(phi1) * std::sin(phi2) - std::sin(phi1) * std::cos(phi2) * std::cos(dlambda);
  double bearing = std::atan2(y, x) * kRadToDeg;
  if (bearing < 0.0) bearing += 360.0;
  // A tiny negative angle plus 360 can round to exactly 360, outside the promised range.
  return bearing >= 360.0 ? 0.0 : bearing;
}

LatLon destination(LatLon from, double bearing_deg, double distance_m) {
  const double delta = distance_m / kEarthRadiusM;  // angular distance
  const double theta = bearing_deg * kDegToRad;
  const double phi1 = from.lat * kDegToRad;
  const double lambda1 = from.lon * kDegToRad;
  const double sin_phi2 =
      std::sin(phi1) * std::cos(delta) + std::cos(phi1) * std::sin(delta) * std::cos(theta);
  const double phi2 = std::asin(std::clamp(sin_phi2, -1.0, 1.0));
  const double lambda2 = lambda1 + std::atan2(std::sin(theta) * std::sin(delta) * std::cos(phi1),
                                              std::cos(delta) - std::sin(phi1) * sin_phi2);
  return {phi2 * kRadToDeg, normalize_lon(lambda2 * kRadToDeg)};
}

}  // namespace codriver::geo
