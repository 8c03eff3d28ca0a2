#include "geo/distance.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace codriver::geo {
namespace {

// Expected values were computed independently in Python (math module, and
// mpmath at 40 digits with the spherical law of cosines for Paris-London) on
// the same kEarthRadiusM sphere.
constexpr double kOneDegreeM = 111195.0802335329;  // R * pi / 180

TEST(DistanceTest, ZeroForSamePoint) {
  EXPECT_EQ(distance_m({48.8566, 2.3522}, {48.8566, 2.3522}), 0.0);
  EXPECT_EQ(distance_m({}, {}), 0.0);
}

TEST(DistanceTest, OneDegreeOfLatitude) {
  EXPECT_NEAR(distance_m({0.0, 0.0}, {1.0, 0.0}), kOneDegreeM, 1e-6);
  EXPECT_NEAR(distance_m({45.0, 10.0}, {46.0, 10.0}), kOneDegreeM, 1e-6);
}

TEST(DistanceTest, OneDegreeOfLongitudeShrinksWithLatitude) {
  EXPECT_NEAR(distance_m({0.0, 0.0}, {0.0, 1.0}), kOneDegreeM, 1e-6);
  // The great circle between two points on a parallel is slightly shorter than
  // the parallel's arc (R cos(60 deg) pi/180 = 55597.540 m): 0.53 m here.
  EXPECT_NEAR(distance_m({60.0, 0.0}, {60.0, 1.0}), 55597.01086489692, 1e-6);
}

TEST(DistanceTest, ParisToLondon) {
  const LatLon paris{48.8566, 2.3522};
  const LatLon london{51.5074, -0.1278};
  EXPECT_NEAR(distance_m(paris, london), 343556.5348808836, 1e-6);
  EXPECT_DOUBLE_EQ(distance_m(paris, london), distance_m(london, paris));
}

TEST(DistanceTest, AntipodalIsHalfCircumference) {
  const double half = std::numbers::pi * kEarthRadiusM;  // 20015114.442035925
  EXPECT_NEAR(distance_m({0.0, 0.0}, {0.0, 180.0}), half, 1e-6);
  EXPECT_NEAR(distance_m({10.0, 20.0}, {-10.0, -160.0}), half, 1e-6);
  EXPECT_NEAR(distance_m({90.0, 0.0}, {-90.0, 0.0}), half, 1e-6);
}

TEST(DistanceTest, AccurateForAllAntipodalPairs) {
  // The textbook asin form is off by up to ~0.2 m here; see distance.cpp.
  const double half = std::numbers::pi * kEarthRadiusM;
  for (double lat = -89.5; lat <= 89.5; lat += 7.3) {
    for (double lon = -179.0; lon < 0.0; lon += 13.7) {
      EXPECT_NEAR(distance_m({lat, lon}, {-lat, lon + 180.0}), half, 1e-6) << lat << "," << lon;
    }
  }
  // Ten metres short of the antipode along the equator.
  EXPECT_NEAR(distance_m({0.0, 0.0}, {0.0, 180.0 - 10.0 / kOneDegreeM}), half - 10.0, 1e-6);
}

TEST(DistanceTest, ContinuousAcrossQuarterCircumference) {
  // distance_m switches formulas at a quarter of the globe (hav = 0.5).
  const double quarter = std::numbers::pi / 2.0 * kEarthRadiusM;
  EXPECT_NEAR(distance_m({0.0, 0.0}, {0.0, 90.0}), quarter, 1e-6);
  EXPECT_NEAR(distance_m({0.0, 0.0}, {0.0, 90.0 - 1e-6}), quarter - 1e-6 * kOneDegreeM, 1e-6);
  EXPECT_NEAR(distance_m({0.0, 0.0}, {0.0, 90.0 + 1e-6}), quarter + 1e-6 * kOneDegreeM, 1e-6);
  EXPECT_NEAR(distance_m({45.0, 0.0}, {-45.0, 0.0}), quarter, 1e-6);
}

TEST(DistanceTest, CrossesAntimeridianTheShortWay) {
  EXPECT_NEAR(distance_m({0.0, 179.5}, {0.0, -179.5}), kOneDegreeM, 1e-6);
}

TEST(BearingTest, CardinalDirectionsAtEquator) {
  EXPECT_NEAR(initial_bearing_deg({0.0, 0.0}, {1.0, 0.0}), 0.0, 1e-12);
  EXPECT_NEAR(initial_bearing_deg({0.0, 0.0}, {0.0, 1.0}), 90.0, 1e-12);
  EXPECT_NEAR(initial_bearing_deg({0.0, 0.0}, {-1.0, 0.0}), 180.0, 1e-12);
  EXPECT_NEAR(initial_bearing_deg({0.0, 0.0}, {0.0, -1.0}), 270.0, 1e-12);
}

TEST(BearingTest, ParisLondonBothWays) {
  const LatLon paris{48.8566, 2.3522};
  const LatLon london{51.5074, -0.1278};
  EXPECT_NEAR(initial_bearing_deg(paris, london), 330.02109285606355, 1e-9);
  EXPECT_NEAR(initial_bearing_deg(london, paris), 148.11561687105336, 1e-9);
}

TEST(BearingTest, AlwaysInHalfOpenRange) {
  // Straight north but with a longitude difference tiny enough that atan2 returns -0 or -tiny.
  for (double dlon : {0.0, -0.0, -1e-300, -1e-15, 1e-15}) {
    const double b = initial_bearing_deg({10.0, 5.0}, {11.0, 5.0 + dlon});
    EXPECT_GE(b, 0.0) << dlon;
    EXPECT_LT(b, 360.0) << dlon;
  }
  // Due north across the pole region from the south pole.
  const double from_pole = initial_bearing_deg({-90.0, 0.0}, {0.0, 0.0});
  EXPECT_GE(from_pole, 0.0);
  EXPECT_LT(from_pole, 360.0);
}

TEST(DestinationTest, OneDegreeNorthAndEast) {
  const LatLon north = destination({0.0, 0.0}, 0.0, kOneDegreeM);
  EXPECT_NEAR(north.lat, 1.0, 1e-12);
  EXPECT_NEAR(north.lon, 0.0, 1e-12);
  const LatLon east = destination({0.0, 0.0}, 90.0, kOneDegreeM);
  EXPECT_NEAR(east.lat, 0.0, 1e-12);
  EXPECT_NEAR(east.lon, 1.0, 1e-12);
}

TEST(DestinationTest, ZeroDistanceStaysPut) {
  const LatLon from{31.2, 121.5};
  const LatLon to = destination(from, 123.0, 0.0);
  EXPECT_NEAR(to.lat, from.lat, 1e-12);
  EXPECT_NEAR(to.lon, from.lon, 1e-12);
}

TEST(DestinationTest, WrapsLongitudeAcrossAntimeridian) {
  const LatLon to = destination({0.0, 179.5}, 90.0, kOneDegreeM);
  EXPECT_NEAR(to.lat, 0.0, 1e-12);
  EXPECT_NEAR(to.lon, -179.5, 1e-9);
  EXPECT_TRUE(is_valid(to));
}

TEST(DestinationTest, RoundTripsWithDistanceAndBearing) {
  const LatLon points[] = {{48.8566, 2.3522},    {51.5074, -0.1278},  {31.1774, 121.5272},
                           {-33.8688, 151.2093}, {40.7128, -74.0060}, {64.1466, -21.9426},
                           {-54.8019, -68.3030}, {0.0, 0.0}};
  for (const LatLon& from : points) {
    for (const LatLon& to : points) {
      if (from == to) continue;
      const LatLon reached = destination(from, initial_bearing_deg(from, to), distance_m(from, to));
      // Millimetres after up to half the globe.
      EXPECT_LT(distance_m(reached, to), 1e-3)
          << from.lat << "," << from.lon << " -> " << to.lat << "," << to.lon;
    }
  }
}

}  // namespace
}  // namespace codriver::geo
