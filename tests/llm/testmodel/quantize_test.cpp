// The generator's encoders against the tests' own decoder (block_decoder.cpp): every type
// round-trips within its step, on ordinary and awkward rows, and the half/bfloat16
// conversions round to nearest even.
#include "llm/testmodel/quantize.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <random>

#include "block_decoder.h"
#include "llm/testmodel/half_float.h"

namespace codriver::llm::testmodel {
namespace {

using gguf::GgmlType;

constexpr GgmlType kTypes[] = {GgmlType::kF32,  GgmlType::kF16,  GgmlType::kBF16,
                               GgmlType::kQ8_0, GgmlType::kQ4_0, GgmlType::kQ5_0,
                               GgmlType::kQ4_K, GgmlType::kQ5_K, GgmlType::kQ6_K};

std::vector<float> normal_row(std::size_t n, float std, unsigned seed) {
  std::mt19937 engine(seed);
  std::normal_distribution<float> normal(0.0f, std);
  std::vector<float> row(n);
  for (float& x : row)
    x = normal(engine);
  return row;
}

// Rows that stress the scale logic: zeros, constants, one sign only, one spike, very
// small values, and sub-blocks of wildly different magnitudes.
std::vector<std::vector<float>> awkward_rows(std::size_t n) {
  std::vector<std::vector<float>> rows;
  rows.emplace_back(n, 0.0f);
  rows.emplace_back(n, 0.75f);
  rows.emplace_back(n, -0.3f);
  std::vector<float> positive = normal_row(n, 1.0f, 11);
  for (float& x : positive)
    x = std::fabs(x) + 0.5f;
  rows.push_back(positive);
  std::vector<float> negative = positive;
  for (float& x : negative)
    x = -x;
  rows.push_back(negative);
  std::vector<float> spike(n, 0.001f);
  spike[5] = 40.0f;
  spike[n - 1] = -3.0f;
  rows.push_back(spike);
  rows.push_back(normal_row(n, 1e-5f, 12));
  std::vector<float> mixed = normal_row(n, 1.0f, 13);
  for (std::size_t i = 0; i < n; ++i)
    mixed[i] *= std::pow(10.0f, static_cast<float>((i / 16) % 5) - 3.0f);
  rows.push_back(mixed);
  return rows;
}

struct RoundTrip {
  float max_excess = 0;  // largest error minus its bound (<= 0 passes)
  double mean_error = 0;
};

RoundTrip round_trip(GgmlType type, const std::vector<float>& row) {
  std::vector<std::byte> encoded(gguf::row_bytes(type, row.size()));
  quantize_row(type, row, encoded);
  const std::vector<float> decoded = testing::decode_row(type, encoded.data(), row.size());
  const std::vector<float> bounds = testing::error_bounds(type, row);
  RoundTrip result{-INFINITY, 0.0};
  for (std::size_t i = 0; i < row.size(); ++i) {
    const float error = std::fabs(decoded[i] - row[i]);
    result.max_excess = std::max(result.max_excess, error - bounds[i]);
    result.mean_error += error;
  }
  result.mean_error /= static_cast<double>(row.size());
  return result;
}

TEST(Quantize, EveryTypeRoundTripsWithinItsStep) {
  for (GgmlType type : kTypes) {
    SCOPED_TRACE(gguf::type_traits(type).name);
    for (unsigned seed = 1; seed <= 4; ++seed) {
      const RoundTrip result = round_trip(type, normal_row(1024, 0.05f, seed));
      EXPECT_LE(result.max_excess, 0.0f) << "seed " << seed;
    }
  }
}

TEST(Quantize, AwkwardRowsStayWithinBounds) {
  for (GgmlType type : kTypes) {
    SCOPED_TRACE(gguf::type_traits(type).name);
    const auto rows = awkward_rows(512);
    for (std::size_t index = 0; index < rows.size(); ++index) {
      EXPECT_LE(round_trip(type, rows[index]).max_excess, 0.0f) << "awkward row " << index;
    }
  }
}

// Typical error (relative to the row's spread) ordered as the bits promise, and small.
TEST(Quantize, MeanErrorsFollowTheBitCounts) {
  const std::vector<float> row = normal_row(4096, 1.0f, 7);
  const auto mean = [&](GgmlType type) { return round_trip(type, row).mean_error; };
  EXPECT_EQ(mean(GgmlType::kF32), 0.0);
  EXPECT_LT(mean(GgmlType::kF16), 2e-4);
  EXPECT_LT(mean(GgmlType::kBF16), 2e-3);
  EXPECT_LT(mean(GgmlType::kQ8_0), 0.006);
  EXPECT_LT(mean(GgmlType::kQ6_K), 0.03);
  EXPECT_LT(mean(GgmlType::kQ5_K), 0.05);
  EXPECT_LT(mean(GgmlType::kQ5_0), 0.05);
  EXPECT_LT(mean(GgmlType::kQ4_K), 0.1);
  EXPECT_LT(mean(GgmlType::kQ4_0), 0.1);
  EXPECT_LT(mean(GgmlType::kQ8_0), mean(GgmlType::kQ6_K));
  EXPECT_LT(mean(GgmlType::kQ6_K), mean(GgmlType::kQ5_K));
  EXPECT_LT(mean(GgmlType::kQ5_K), mean(GgmlType::kQ4_K));
  EXPECT_LT(mean(GgmlType::kQ5_0), mean(GgmlType::kQ4_0));
}

TEST(Quantize, ExactValuesSurvive) {
  // Values on a Q8_0 grid whose scale is a power of two come back exactly.
  std::vector<float> row(32);
  for (int i = 0; i < 32; ++i)
    row[i] = static_cast<float>(i - 16) * 0.125f;
  row[0] = -127 * 0.125f;
  std::vector<std::byte> encoded(34);
  quantize_row(GgmlType::kQ8_0, row, encoded);
  EXPECT_EQ(testing::decode_row(GgmlType::kQ8_0, encoded.data(), 32), row);
}

TEST(Quantize, RejectsWrongSizesAndTypes) {
  std::vector<float> row(64, 1.0f);
  std::vector<std::byte> wrong(10);
  EXPECT_THROW(quantize_row(GgmlType::kQ8_0, row, wrong), std::invalid_argument);
  std::vector<float> odd(33, 1.0f);
  std::vector<std::byte> out(100);
  EXPECT_ANY_THROW(quantize_row(GgmlType::kQ8_0, odd, out));
  std::vector<std::byte> q4_1(40);
  EXPECT_THROW(quantize_row(GgmlType::kQ4_1, row, q4_1), std::invalid_argument);
}

TEST(HalfFloat, EveryHalfRoundTrips) {
  for (unsigned bits = 0; bits < 0x10000; ++bits) {
    if ((bits & 0x7C00) == 0x7C00 && (bits & 0x3FF) != 0) continue;  // NaN payloads
    const float value = testing::half_value(bits);
    ASSERT_EQ(half_to_float(static_cast<std::uint16_t>(bits)), value) << bits;
    ASSERT_EQ(float_to_half(value), bits) << bits;
  }
}

TEST(HalfFloat, MidpointsRoundToEven) {
  // Between consecutive positive halves a < b (subnormals included), the midpoint rounds
  // to the one with an even mantissa, and anything nearer goes to the nearer one.
  for (unsigned a = 0; a < 0x7BFF; ++a) {
    const unsigned b = a + 1;
    const double low = testing::half_value(a);
    const double high = testing::half_value(b);
    const auto mid = static_cast<float>((low + high) / 2);  // exact in float
    ASSERT_EQ(float_to_half(mid), (a % 2 == 0) ? a : b) << a;
    ASSERT_EQ(float_to_half(std::nextafter(mid, 0.0f)), a) << a;
    ASSERT_EQ(float_to_half(std::nextafter(mid, 1e9f)), b) << a;
    ASSERT_EQ(float_to_half(-mid), ((a % 2 == 0) ? a : b) | 0x8000u) << a;
  }
}

TEST(HalfFloat, Extremes) {
  EXPECT_EQ(float_to_half(65504.0f), 0x7BFF);
  EXPECT_EQ(float_to_half(65519.99f), 0x7BFF);
  EXPECT_EQ(float_to_half(65520.0f), 0x7C00);  // the tie rounds to even: infinity
  EXPECT_EQ(float_to_half(1e10f), 0x7C00);
  EXPECT_EQ(float_to_half(-INFINITY), 0xFC00);
  EXPECT_EQ(float_to_half(0x1p-24f), 0x0001);
  EXPECT_EQ(float_to_half(0x1p-25f), 0x0000);  // tie between 0 and 2^-24: even
  EXPECT_EQ(float_to_half(0x1.8p-25f), 0x0001);
  EXPECT_EQ(float_to_half(1e-10f), 0x0000);
  EXPECT_EQ(float_to_half(-0.0f), 0x8000);
  EXPECT_TRUE(std::isnan(half_to_float(float_to_half(NAN))));
}

TEST(BFloat16, RoundsToNearestEven) {
  std::mt19937 engine(5);
  std::uniform_int_distribution<std::uint32_t> bits(0, 0xFFFFFFFFu);
  for (int i = 0; i < 100000; ++i) {
    const std::uint32_t x = bits(engine);
    const float value = std::bit_cast<float>(x);
    if (!std::isfinite(value) || std::fabs(value) > 3.38e38f) continue;
    const std::uint16_t rounded = float_to_bfloat16(value);
    const std::uint32_t low = x & 0xFFFF0000u;
    const double below = std::bit_cast<float>(low);
    const double above = std::bit_cast<float>(low + 0x10000u);
    const double distance_low = std::fabs(value - below);
    const double distance_high = std::fabs(value - above);
    const std::uint32_t expected = distance_low < distance_high   ? low
                                   : distance_high < distance_low ? low + 0x10000u
                                   : ((low >> 16) % 2 == 0)       ? low
                                                                  : low + 0x10000u;
    ASSERT_EQ(rounded, expected >> 16) << std::hex << x;
  }
  EXPECT_EQ(float_to_bfloat16(1.0f), 0x3F80);
  EXPECT_EQ(float_to_bfloat16(std::bit_cast<float>(0x3F808000u)), 0x3F80);  // tie, even
  EXPECT_EQ(float_to_bfloat16(std::bit_cast<float>(0x3F818000u)), 0x3F82);  // tie, even
  EXPECT_TRUE(std::isnan(bfloat16_to_float(float_to_bfloat16(NAN))));
}

}  // namespace
}  // namespace codriver::llm::testmodel
