#include "geo/china_datum.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "geo/distance.h"

namespace codriver::geo {
namespace {

// Vectors from eviltransform's test suite (shared/data/geo/eviltransform_vectors.py).
struct WgsGcjVector {
  const char* name;
  LatLon wgs;
  LatLon gcj;
};
constexpr WgsGcjVector kWgsGcjVectors[] = {
    {"shanghai", {31.1774276, 121.5272106}, {31.17530398364597, 121.531541859215}},
    {"shenzhen", {22.543847, 113.912316}, {22.540796131694766, 113.9171764808363}},
    {"beijing", {39.911954, 116.377817}, {39.91334545536069, 116.38404722455657}},
};

TEST(ChinaDatumTest, Wgs84ToGcj02MatchesReferenceVectors) {
  for (const auto& v : kWgsGcjVectors) {
    const LatLon gcj = wgs84_to_gcj02(v.wgs);
    EXPECT_NEAR(gcj.lat, v.gcj.lat, 1e-6) << v.name;
    EXPECT_NEAR(gcj.lon, v.gcj.lon, 1e-6) << v.name;
  }
}

TEST(ChinaDatumTest, Wgs84ToGcj02TiananmenVector) {
  const LatLon gcj = wgs84_to_gcj02({39.915, 116.404});
  EXPECT_NEAR(gcj.lon, 116.41024449916938, 1e-12);
  EXPECT_NEAR(gcj.lat, 39.91640428150164, 1e-12);
}

TEST(ChinaDatumTest, Gcj02ToWgs84IsExactOnReferenceVectors) {
  // eviltransform only promises < 0.5 m for its exact inverse; the fixed-point
  // iteration is orders of magnitude better.
  for (const auto& v : kWgsGcjVectors) {
    EXPECT_LT(distance_m(gcj02_to_wgs84(v.gcj), v.wgs), 0.05) << v.name;
    EXPECT_LT(distance_m(gcj02_to_wgs84(v.gcj), v.wgs), 1e-4) << v.name;
  }
}

TEST(ChinaDatumTest, Gcj02ToWgs84RoundTripsOverMainlandGrid) {
  // A 60x60 grid over the whole rectangle: the inverse stays sub-millimetre,
  // whereas the one-step inverse `gcj - offset(gcj)` is off by up to ~5 m.
  double worst_m = 0.0;
  for (int i = 0; i < 60; ++i) {
    for (int j = 0; j < 60; ++j) {
      const LatLon wgs{1.0 + i * (55.5 - 1.0) / 59.0, 72.1 + j * (137.7 - 72.1) / 59.0};
      worst_m = std::max(worst_m, distance_m(gcj02_to_wgs84(wgs84_to_gcj02(wgs)), wgs));
    }
  }
  EXPECT_LT(worst_m, 1e-3);
}

TEST(ChinaDatumTest, OffsetIsHundredsOfMetres) {
  // Sanity check on scale: the obfuscation moves points by roughly 100-700 m.
  for (const auto& v : kWgsGcjVectors) {
    const double shift = distance_m(v.wgs, wgs84_to_gcj02(v.wgs));
    EXPECT_GT(shift, 100.0) << v.name;
    EXPECT_LT(shift, 1000.0) << v.name;
  }
}

TEST(ChinaDatumTest, OutsideMainlandRectangleIsUnchanged) {
  const LatLon outside[] = {
      {43.73, 7.42},         // Monaco
      {40.7128, -74.0060},   // New York
      {-33.8688, 151.2093},  // Sydney
      {35.6762, 139.6503},   // Tokyo: east of 137.8347
      {0.5, 100.0},          // south of 0.8293
      {56.0, 100.0},         // north of 55.8271
  };
  for (const LatLon& p : outside) {
    EXPECT_TRUE(outside_mainland_china(p)) << p.lat << "," << p.lon;
    EXPECT_EQ(wgs84_to_gcj02(p), p);
    EXPECT_EQ(gcj02_to_wgs84(p), p);
    EXPECT_EQ(gcj02_to_bd09(p), p);
    EXPECT_EQ(bd09_to_gcj02(p), p);
    EXPECT_EQ(wgs84_to_bd09(p), p);
    EXPECT_EQ(bd09_to_wgs84(p), p);
  }
}

TEST(ChinaDatumTest, RectangleBoundsAreInclusive) {
  EXPECT_FALSE(outside_mainland_china({0.8293, 72.004}));
  EXPECT_FALSE(outside_mainland_china({55.8271, 137.8347}));
  EXPECT_TRUE(outside_mainland_china({0.8292, 100.0}));
  EXPECT_TRUE(outside_mainland_china({30.0, 72.0039}));
  EXPECT_TRUE(outside_mainland_china({55.8272, 100.0}));
  EXPECT_TRUE(outside_mainland_china({30.0, 137.8348}));
}

TEST(ChinaDatumTest, TaiwanIsOffsetAsThePublishedAlgorithmDoes) {
  // Taipei lies inside the crude rectangle, so the published algorithm (and
  // every map app using it) offsets it even though GCJ-02 law does not apply
  // there. We reproduce that behaviour rather than guess at a better border.
  const LatLon taipei{25.0330, 121.5654};
  EXPECT_FALSE(outside_mainland_china(taipei));
  const LatLon gcj = wgs84_to_gcj02(taipei);
  EXPECT_NEAR(gcj.lat, 25.030065990080267, 1e-9);
  EXPECT_NEAR(gcj.lon, 121.5691731258631, 1e-9);
  EXPECT_LT(distance_m(gcj02_to_wgs84(gcj), taipei), 1e-4);
}

TEST(ChinaDatumTest, Gcj02ToBd09TiananmenVector) {
  // The same numbers as the WGS-84 vector above, this time read as GCJ-02.
  const LatLon bd = gcj02_to_bd09({39.915, 116.404});
  EXPECT_NEAR(bd.lon, 116.41036949371029, 1e-12);
  EXPECT_NEAR(bd.lat, 39.92133699351021, 1e-12);
}

TEST(ChinaDatumTest, Bd09RoundTripsWithinPublishedInverseError) {
  // The published BD-09 inverse evaluates its small sin/cos corrections at the
  // BD point instead of the GCJ point; over the mainland that costs at most
  // ~0.22 m (measured on a 200x200 grid in Python), so 0.3 m is the honest bound.
  double worst_gcj_m = 0.0;
  double worst_wgs_m = 0.0;
  for (int i = 0; i < 40; ++i) {
    for (int j = 0; j < 40; ++j) {
      const LatLon p{18.0 + i * (53.0 - 18.0) / 39.0, 74.0 + j * (135.0 - 74.0) / 39.0};
      worst_gcj_m = std::max(worst_gcj_m, distance_m(bd09_to_gcj02(gcj02_to_bd09(p)), p));
      worst_wgs_m = std::max(worst_wgs_m, distance_m(bd09_to_wgs84(wgs84_to_bd09(p)), p));
    }
  }
  EXPECT_LT(worst_gcj_m, 0.3);
  EXPECT_LT(worst_wgs_m, 0.3);
}

// eviltransform's BD-09 -> WGS-84 vectors: bd, then the wgs it expects.
struct BdWgsVector {
  LatLon bd;
  LatLon wgs;
};
constexpr BdWgsVector kBdWgsVectors[] = {
    {{29.199786, 120.019809}, {29.196131605295484, 120.00877901149691}},
    {{29.210504, 120.036455}, {29.206795749156136, 120.0253853970846}},
};

// The reference BD vectors do NOT hold for standard BD-09. They were produced
// by an older eviltransform (python/eviltransform.py) whose bd2gcj used
// math.pi where Baidu's constant x_pi = pi * 3000 / 180 belongs, followed by
// the one-step approximate gcj2wgs. This test reproduces them exactly with that
// legacy variant, to document where they come from.
LatLon legacy_bd09_to_gcj02_with_plain_pi(LatLon bd) {
  const double x = bd.lon - 0.0065;
  const double y = bd.lat - 0.006;
  const double z = std::hypot(x, y) - 0.00002 * std::sin(y * std::numbers::pi);
  const double theta = std::atan2(y, x) - 0.000003 * std::cos(x * std::numbers::pi);
  return {z * std::sin(theta), z * std::cos(theta)};
}

LatLon one_step_gcj02_to_wgs84(LatLon gcj) {
  const LatLon shifted = wgs84_to_gcj02(gcj);
  return {gcj.lat - (shifted.lat - gcj.lat), gcj.lon - (shifted.lon - gcj.lon)};
}

TEST(ChinaDatumTest, ReferenceBdVectorsComeFromLegacyPlainPiVariant) {
  for (const auto& v : kBdWgsVectors) {
    const LatLon wgs = one_step_gcj02_to_wgs84(legacy_bd09_to_gcj02_with_plain_pi(v.bd));
    EXPECT_NEAR(wgs.lat, v.wgs.lat, 1e-6);
    EXPECT_NEAR(wgs.lon, v.wgs.lon, 1e-6);
  }
}

TEST(ChinaDatumTest, Bd09ToWgs84OnReferenceInputsUsesStandardBd09) {
  // Expected values: standard BD-09 inverse then the exact GCJ-02 inverse,
  // computed independently in Python. They lie 10.5 m and 41.5 m from the
  // reference outputs; the Tiananmen GCJ->BD vector above pins the x_pi
  // constant, so the discrepancy is the reference's, not ours.
  const LatLon expected[] = {{29.196219716740615, 120.00874001342274},
                             {29.20715787703408, 120.02528297893838}};
  for (std::size_t i = 0; i < std::size(kBdWgsVectors); ++i) {
    const LatLon wgs = bd09_to_wgs84(kBdWgsVectors[i].bd);
    EXPECT_NEAR(wgs.lat, expected[i].lat, 1e-9) << i;
    EXPECT_NEAR(wgs.lon, expected[i].lon, 1e-9) << i;
    // Self-consistent: going forward again lands within the published inverse's error.
    EXPECT_LT(distance_m(wgs84_to_bd09(wgs), kBdWgsVectors[i].bd), 0.3) << i;
  }
}

}  // namespace
}  // namespace codriver::geo
