#include "geo/polyline.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace codriver::geo {
namespace {

// Google's documented example
// (developers.google.com/maps/documentation/utilities/polylinealgorithm).
const std::vector<LatLon> kGooglePoints{{38.5, -120.2}, {40.7, -120.95}, {43.252, -126.453}};
constexpr char kGoogleEncoded[] = "_p~iF~ps|U_ulLnnqC_mqNvxq`@";

void expect_same_points(const std::vector<LatLon>& actual, const std::vector<LatLon>& expected,
                        double tolerance) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    EXPECT_NEAR(actual[i].lat, expected[i].lat, tolerance) << i;
    EXPECT_NEAR(actual[i].lon, expected[i].lon, tolerance) << i;
  }
}

// The message of the std::invalid_argument thrown by decoding `encoded`, or "" if none.
std::string decode_error(std::string_view encoded, int precision = 5) {
  try {
    decode_polyline(encoded, precision);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(PolylineTest, EncodesGoogleExample) {
  EXPECT_EQ(encode_polyline(kGooglePoints), kGoogleEncoded);
}

TEST(PolylineTest, DecodesGoogleExample) {
  expect_same_points(decode_polyline(kGoogleEncoded), kGooglePoints, 1e-12);
}

TEST(PolylineTest, RoundTripsAtPrecisionSix) {
  const std::string encoded = encode_polyline(kGooglePoints, 6);
  EXPECT_NE(encoded, kGoogleEncoded);
  expect_same_points(decode_polyline(encoded, 6), kGooglePoints, 1e-12);
}

TEST(PolylineTest, EmptyInBothDirections) {
  EXPECT_EQ(encode_polyline({}), "");
  EXPECT_TRUE(decode_polyline("").empty());
}

TEST(PolylineTest, RoundTripsRandomTrackWithinHalfAUnit) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> step(-0.01, 0.01);
  std::vector<LatLon> track{{31.2, 121.5}};
  for (int i = 0; i < 1000; ++i) {
    track.push_back({track.back().lat + step(rng), track.back().lon + step(rng)});
  }
  for (int precision : {5, 6}) {
    const double half_unit = 0.5 * std::pow(10.0, -precision);
    // Deltas are taken between rounded values, so errors never accumulate.
    expect_same_points(decode_polyline(encode_polyline(track, precision), precision), track,
                       half_unit + 1e-12);
  }
}

TEST(PolylineTest, ExtremeCoordinatesRoundTrip) {
  const std::vector<LatLon> corners{{-90.0, -180.0}, {90.0, 180.0}, {0.0, 0.0}, {-90.0, 180.0}};
  for (int precision : {5, 6}) {
    expect_same_points(decode_polyline(encode_polyline(corners, precision), precision), corners,
                       1e-12);
  }
}

TEST(PolylineTest, RoundsHalfAwayFromZero) {
  // Precision 0 makes the halves exact in binary: 0.5 -> 1, -0.5 -> -1, 2.5 -> 3.
  const std::vector<LatLon> halves{{0.5, -0.5}, {2.5, -2.5}};
  const std::vector<LatLon> rounded{{1.0, -1.0}, {3.0, -3.0}};
  expect_same_points(decode_polyline(encode_polyline(halves, 0), 0), rounded, 0.0);
}

TEST(PolylineTest, RejectsBadPrecisionAndInvalidPoints) {
  EXPECT_THROW(encode_polyline(kGooglePoints, -1), std::invalid_argument);
  EXPECT_THROW(encode_polyline(kGooglePoints, 11), std::invalid_argument);
  EXPECT_THROW(decode_polyline(kGoogleEncoded, -1), std::invalid_argument);
  const std::vector<LatLon> bad{{91.0, 0.0}};
  EXPECT_THROW(encode_polyline(bad), std::invalid_argument);
  const std::vector<LatLon> nan{{std::nan(""), 0.0}};
  EXPECT_THROW(encode_polyline(nan), std::invalid_argument);
}

TEST(PolylineTest, TruncatedChunkReportsOffset) {
  // Dropping the final '@' leaves the last longitude with its continuation bit set.
  const std::string truncated(kGoogleEncoded, sizeof(kGoogleEncoded) - 2);
  const std::string error = decode_error(truncated);
  EXPECT_NE(error.find("truncated"), std::string::npos) << error;
  EXPECT_NE(error.find("offset 26"), std::string::npos) << error;
}

TEST(PolylineTest, BadCharacterReportsOffset) {
  for (char bad : {' ', '!', '>', '\x7f', '\0'}) {
    std::string encoded = kGoogleEncoded;
    encoded[3] = bad;
    const std::string error = decode_error(encoded);
    EXPECT_NE(error.find("outside"), std::string::npos) << error;
    EXPECT_NE(error.find("offset 3"), std::string::npos) << error;
  }
}

TEST(PolylineTest, OddNumberOfValuesReportsOffset) {
  // "_p~iF" is the first latitude alone.
  const std::string error = decode_error("_p~iF");
  EXPECT_NE(error.find("missing longitude"), std::string::npos) << error;
  EXPECT_NE(error.find("offset 5"), std::string::npos) << error;
}

TEST(PolylineTest, OutOfRangeCoordinateReportsOffset) {
  // A valid precision-6 line read at precision 5 decodes to 10x the coordinates.
  const std::vector<LatLon> line{{10.0, 20.0}, {30.0, 100.0}};
  const std::string encoded = encode_polyline(line, 6);
  const std::string error = decode_error(encoded, 5);
  EXPECT_NE(error.find("out of range"), std::string::npos) << error;
  EXPECT_NE(error.find("offset 0"), std::string::npos) << error;
}

TEST(PolylineTest, OverlongValueIsRejected) {
  // Thirteen continuation chunks would overflow 64 bits.
  const std::string error = decode_error(std::string(13, '~') + "?");
  EXPECT_NE(error.find("too long"), std::string::npos) << error;
  EXPECT_NE(error.find("offset 12"), std::string::npos) << error;
}

}  // namespace
}  // namespace codriver::geo
