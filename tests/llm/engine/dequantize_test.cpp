#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "kernel_test_support.h"
#include "llm/engine/engine_error.h"
#include "llm/engine/kernels.h"

namespace codriver::llm::engine {
namespace {

using gguf::GgmlType;
using testing::naive_dequantize;

std::vector<float> dequantize(GgmlType type, const std::vector<std::byte>& row, std::int64_t cols) {
  std::vector<float> out(static_cast<std::size_t>(cols));
  dequantize_row(type, row.data(), out.data(), cols);
  return out;
}

std::vector<std::byte> block_bytes(std::initializer_list<unsigned> values, std::size_t size) {
  std::vector<std::byte> bytes(size);
  std::size_t i = 0;
  for (unsigned v : values)
    bytes[i++] = static_cast<std::byte>(v);
  return bytes;
}

TEST(DequantizeRow, RandomBlocksMatchTheFormatDefinition) {
  const std::int64_t cols = 512;  // two K-quant super-blocks, 16 blocks of 32
  for (GgmlType type : testing::supported_types()) {
    SCOPED_TRACE(testing::type_name(type));
    const auto random = testing::random_matrix(type, 3, cols, 11);
    for (std::int64_t r = 0; r < 3; ++r) {
      const std::byte* row = random.matrix.row(r);
      std::vector<float> got(cols);
      dequantize_row(type, row, got.data(), cols);
      const std::vector<double> expected = naive_dequantize(type, row, cols);
      double largest = 0;
      for (double v : expected)
        largest = std::max(largest, std::fabs(v));
      ASSERT_GT(largest, 0.0);
      for (std::int64_t i = 0; i < cols; ++i) {
        ASSERT_NEAR(got[i], expected[i], 1e-6 * largest) << "row " << r << " element " << i;
      }
    }
  }
}

TEST(DequantizeRow, Q8_0HandBlock) {
  // d = 0.5 (half 0x3800), then int8 quants.
  const auto block = block_bytes({0x00, 0x38, 0x80, 0xFF, 0x00, 0x01, 0x7F}, 34);
  const auto out = dequantize(GgmlType::kQ8_0, block, 32);
  EXPECT_EQ(out[0], -64.0f);
  EXPECT_EQ(out[1], -0.5f);
  EXPECT_EQ(out[2], 0.0f);
  EXPECT_EQ(out[3], 0.5f);
  EXPECT_EQ(out[4], 63.5f);
}

TEST(DequantizeRow, Q4_0HandBlock) {
  // d = 2; qs[0] = 0x1F: element 0 = (15 - 8) * 2, element 16 = (1 - 8) * 2.
  auto block = block_bytes({0x00, 0x40, 0x1F}, 18);
  block[2 + 15] = std::byte{0x80};
  const auto out = dequantize(GgmlType::kQ4_0, block, 32);
  EXPECT_EQ(out[0], 14.0f);
  EXPECT_EQ(out[16], -14.0f);
  EXPECT_EQ(out[15], -16.0f);
  EXPECT_EQ(out[31], 0.0f);
  EXPECT_EQ(out[1], -16.0f);
}

TEST(DequantizeRow, Q5_0HandBlock) {
  // d = 1; qh bits 0 and 31 set; qs[15] = 0xF0.
  auto block = block_bytes({0x00, 0x3C, 0x01, 0x00, 0x00, 0x80}, 22);
  block[6 + 15] = std::byte{0xF0};
  const auto out = dequantize(GgmlType::kQ5_0, block, 32);
  EXPECT_EQ(out[0], 0.0f);     // (0 | 16) - 16
  EXPECT_EQ(out[16], -16.0f);  // 0 - 16
  EXPECT_EQ(out[15], -16.0f);
  EXPECT_EQ(out[31], 15.0f);  // (15 | 16) - 16
}

TEST(DequantizeRow, Q4_KHandBlockUsesTheHighScaleBits) {
  // d = 1, dmin = 0.5. Sub-block 5 (chunk 2, high nibbles): scale = (scales[9] & 15) |
  // (scales[1] >> 6) << 4 = 3 | 48 = 51; min = (scales[9] >> 4) | (scales[5] >> 6) << 4 =
  // 7 | 16 = 23.
  auto block = block_bytes({0x00, 0x3C, 0x00, 0x38}, 144);
  block[4 + 9] = std::byte{0x73};
  block[4 + 1] = std::byte{0xC0};
  block[4 + 5] = std::byte{0x40};
  block[16 + 64] = std::byte{0xA0};  // chunk 2, l = 0: high nibble 10, low nibble 0
  const auto out = dequantize(GgmlType::kQ4_K, block, 256);
  EXPECT_EQ(out[160], 51.0f * 10.0f - 0.5f * 23.0f);
  EXPECT_EQ(out[161], -0.5f * 23.0f);
  EXPECT_EQ(out[128], 0.0f);  // sub-block 4: scale 0, min 0
  EXPECT_EQ(out[32], 0.0f);   // sub-block 1: scale 0 (low bits of scales[1]), min 0
}

TEST(DequantizeRow, Q6_KHandBlock) {
  std::vector<std::byte> block(210);
  block[208] = std::byte{0x00};
  block[209] = std::byte{0x3C};       // d = 1
  block[192 + 1] = std::byte{0xFE};   // scales[1] = -2 (elements 16..31)
  block[192 + 5] = std::byte{0x03};   // scales[5] = 3 (elements 80..95)
  block[17] = std::byte{0x05};        // ql[17]: low nibble 5 (element 17), high 0 (81)
  block[128 + 17] = std::byte{0x02};  // qh[17]: bits 0-1 = 2 -> element 17 gets 32
  const auto out = dequantize(GgmlType::kQ6_K, block, 256);
  EXPECT_EQ(out[17], -2.0f * (37 - 32));
  EXPECT_EQ(out[81], 3.0f * (0 - 32));
  EXPECT_EQ(out[0], 0.0f);  // scales[0] = 0
}

TEST(DequantizeRow, HalfAndBfloat16Values) {
  const auto halves = block_bytes(
      {0x00, 0x3C, 0x00, 0xC0, 0xFF, 0x7B, 0x01, 0x00, 0x00, 0x7C, 0x00, 0x80, 0x55, 0x35}, 14);
  const auto out = dequantize(GgmlType::kF16, halves, 7);
  EXPECT_EQ(out[0], 1.0f);
  EXPECT_EQ(out[1], -2.0f);
  EXPECT_EQ(out[2], 65504.0f);
  EXPECT_EQ(out[3], std::ldexp(1.0f, -24));
  EXPECT_EQ(out[4], INFINITY);
  EXPECT_TRUE(std::signbit(out[5]) && out[5] == 0.0f);
  EXPECT_EQ(out[6], 0.333251953125f);

  const auto bf16 = block_bytes({0x80, 0x3F, 0xA0, 0xC0}, 4);
  const auto b = dequantize(GgmlType::kBF16, bf16, 2);
  EXPECT_EQ(b[0], 1.0f);
  EXPECT_EQ(b[1], -5.0f);
}

TEST(DequantizeRow, RejectsUnsupportedTypesAndPartialBlocks) {
  std::vector<std::byte> row(64);
  std::vector<float> out(64);
  EXPECT_THROW(dequantize_row(GgmlType::kQ4_1, row.data(), out.data(), 32), EngineError);
  EXPECT_THROW(dequantize_row(GgmlType::kQ8_0, row.data(), out.data(), 33), EngineError);
}

}  // namespace
}  // namespace codriver::llm::engine
