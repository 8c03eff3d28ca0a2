#include "geo/china_datum.h"

#include <cmath>
#include <numbers>

namespace codriver::geo {
namespace {

constexpr double kPi = std::numbers::pi;
// Krasovsky 1940 ellipsoid, which the published GCJ-02 algorithm is built on.
constexpr double kKrasovskyA = 6378245.0;
constexpr double kKrasovskyEe = 0.00669342162296594323;  // first eccentricity squared
// Baidu's BD-09 constant.
constexpr double kBdXPi = kPi * 3000.0 / 180.0;

// The two obfuscation polynomials of the published algorithm, in metres-ish
// units; x and y are longitude and latitude offsets from (105, 35).
double transform_lat(double x, double y) {
  double ret =
      -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
  ret += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  ret += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
  ret += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
  return ret;
}

double transform_lon(double x, double y) {
  double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
  ret += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  ret += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
  ret += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
  return ret;
}

// The GCJ-02 offset (in degrees) added to a WGS-84 point, ignoring the
// mainland rectangle: the polynomial is scaled from metres to degrees with the
// Krasovsky meridian and prime-vertical radii of curvature.
LatLon gcj_offset(LatLon wgs) {
  const double dlat = transform_lat(wgs.lon - 105.0, wgs.lat - 35.0);
  const double dlon = transform_lon(wgs.lon - 105.0, wgs.lat - 35.0);
  const double rad_lat = wgs.lat / 180.0 * kPi;
  const double sin_lat = std::sin(rad_lat);
  const double magic = 1.0 - kKrasovskyEe * sin_lat * sin_lat;
  const double sqrt_magic = std::sqrt(magic);
  return {
      (dlat * 180.0) / ((kKrasovskyA * (1.0 - kKrasovskyEe)) / (magic * sqrt_magic) * kPi),
      (dlon * 180.0) / (kKrasovskyA / sqrt_magic * std::cos(rad_lat) * kPi),
  };
}

}  // namespace

bool outside_mainland_china(LatLon p) {
  return p.lon < 72.004 || p.lon > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

LatLon wgs84_to_gcj02(LatLon wgs84) {
  if (outside_mainland_china(wgs84)) return wgs84;
  const LatLon d = gcj_offset(wgs84);
  return {wgs84.lat + d.lat, wgs84.lon + d.lon};
}

LatLon gcj02_to_wgs84(LatLon gcj02) {
  if (outside_mainland_china(gcj02)) return gcj02;
  // Solve wgs + offset(wgs) = gcj by fixed-point iteration. The offset changes
  // slowly with position, so each step shrinks the error by two to three orders
  // of magnitude: 3-5 steps bring successive iterates within 1e-10 degrees,
  // leaving an error below 1e-7 m. The one-step inverse `gcj - offset(gcj)` is
  // the first iterate and is off by up to a few metres. The offset is evaluated
  // without the rectangle test so an iterate that strays across the border
  // cannot stall the iteration.
  constexpr double kToleranceDeg = 1e-10;
  constexpr int kMaxIterations = 30;
  LatLon wgs = gcj02;
  for (int i = 0; i < kMaxIterations; ++i) {
    const LatLon d = gcj_offset(wgs);
    const LatLon next{gcj02.lat - d.lat, gcj02.lon - d.lon};
    const bool converged = std::abs(next.lat - wgs.lat) < kToleranceDeg &&
                           std::abs(next.lon - wgs.lon) < kToleranceDeg;
    wgs = next;
    if (converged) break;
  }
  return wgs;
}

// BD-09 is GCJ-02 rotated and scaled by tiny position-dependent amounts and
// shifted by (0.006, 0.0065). Like the reference implementation we leave points
// outside the mainland rectangle alone.
LatLon gcj02_to_bd09(LatLon gcj02) {
  if (outside_mainland_china(gcj02)) return gcj02;
  const double x = gcj02.lon;
  const double y = gcj02.lat;
  const double z = std::sqrt(x * x + y * y) + 0.00002 * std::sin(y * kBdXPi);
  const double theta = std::atan2(y, x) + 0.000003 * std::cos(x * kBdXPi);
  return {z * std::sin(theta) + 0.006, z * std::cos(theta) + 0.0065};
}

// The published inverse evaluates the perturbation terms at the BD point
// instead of the GCJ point, so it is approximate: the round trip
// gcj -> bd -> gcj is off by up to ~0.22 m over mainland China.
LatLon bd09_to_gcj02(LatLon bd09) {
  if (outside_mainland_china(bd09)) return bd09;
  const double x = bd09.lon - 0.0065;
  const double y = bd09.lat - 0.006;
  const double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * kBdXPi);
  const double theta = std::atan2(y, x) - 0.000003 * std::cos(x * kBdXPi);
  return {z * std::sin(theta), z * std::cos(theta)};
}

LatLon wgs84_to_bd09(LatLon wgs84) {
  return gcj02_to_bd09(wgs84_to_gcj02(wgs84));
}

LatLon bd09_to_wgs84(LatLon bd09) {
  return gcj02_to_wgs84(bd09_to_gcj02(bd09));
}

}  // namespace codriver::geo
