// The reference's dequantisation against values worked out by hand from the block
// definitions (the arithmetic for each expected value is in the comment beside it).
#include "llm/reference/reference_dequantize.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

namespace codriver::llm::reference {
namespace {

using gguf::GgmlType;

std::vector<std::byte> to_bytes(const std::vector<int>& values) {
  std::vector<std::byte> bytes;
  for (const int v : values)
    bytes.push_back(static_cast<std::byte>(v & 0xFF));
  return bytes;
}

void append_u16(std::vector<std::byte>& out, std::uint16_t v) {
  out.push_back(static_cast<std::byte>(v & 0xFF));
  out.push_back(static_cast<std::byte>(v >> 8));
}

TEST(ReferenceDequantize, HalfBitPatterns) {
  EXPECT_EQ(half_to_double(0x3C00), 1.0);
  EXPECT_EQ(half_to_double(0xC000), -2.0);
  EXPECT_EQ(half_to_double(0x3555), (1 + 0x155 / 1024.0) / 4);     // exponent 13, 0.333251953125
  EXPECT_EQ(half_to_double(0x7BFF), 65504.0);                      // largest finite
  EXPECT_EQ(half_to_double(0x0400), std::ldexp(1.0, -14));         // smallest normal
  EXPECT_EQ(half_to_double(0x0001), std::ldexp(1.0, -24));         // smallest subnormal
  EXPECT_EQ(half_to_double(0x03FF), 1023 * std::ldexp(1.0, -24));  // largest subnormal
  EXPECT_EQ(half_to_double(0x7C00), std::numeric_limits<double>::infinity());
  EXPECT_EQ(half_to_double(0xFC00), -std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::isnan(half_to_double(0x7E00)));
  EXPECT_TRUE(std::isnan(half_to_double(0xFC01)));
  EXPECT_EQ(half_to_double(0x8000), 0.0);
  EXPECT_TRUE(std::signbit(half_to_double(0x8000)));
}

TEST(ReferenceDequantize, BFloat16BitPatterns) {
  EXPECT_EQ(bfloat16_to_double(0x3F80), 1.0);
  EXPECT_EQ(bfloat16_to_double(0xC0A0), -5.0);
  EXPECT_EQ(bfloat16_to_double(0x4049), 3.140625);  // 1.5703125 * 2
  EXPECT_EQ(bfloat16_to_double(0x0001), std::ldexp(1.0, -133));
  EXPECT_EQ(bfloat16_to_double(0x7F80), std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::isnan(bfloat16_to_double(0x7FC0)));
  EXPECT_TRUE(std::signbit(bfloat16_to_double(0x8000)));
}

TEST(ReferenceDequantize, PlainFloatRows) {
  // F32 1.5 = 0x3FC00000 and -0.25 = 0xBE800000, little-endian.
  const auto f32 = to_bytes({0x00, 0x00, 0xC0, 0x3F, 0x00, 0x00, 0x80, 0xBE});
  EXPECT_EQ(weight_at(GgmlType::kF32, f32.data(), 0), 1.5);
  EXPECT_EQ(weight_at(GgmlType::kF32, f32.data(), 1), -0.25);
  const auto f16 = to_bytes({0x00, 0x3C, 0x00, 0xC0});
  EXPECT_EQ(dequantize_row(GgmlType::kF16, f16.data(), 2), (std::vector<double>{1.0, -2.0}));
  const auto bf16 = to_bytes({0x80, 0x3F, 0xA0, 0xC0});
  EXPECT_EQ(dequantize_row(GgmlType::kBF16, bf16.data(), 2), (std::vector<double>{1.0, -5.0}));
}

TEST(ReferenceDequantize, Q8_0TwoBlocks) {
  // Block 0: d = 0.5 (0x3800), q[i] = i - 16. Block 1: d = -2 (0xC000), q[i] = 3 * i - 50.
  std::vector<std::byte> row;
  append_u16(row, 0x3800);
  for (int i = 0; i < 32; ++i)
    row.push_back(static_cast<std::byte>((i - 16) & 0xFF));
  append_u16(row, 0xC000);
  for (int i = 0; i < 32; ++i)
    row.push_back(static_cast<std::byte>((3 * i - 50) & 0xFF));
  ASSERT_EQ(row.size(), 68U);
  EXPECT_EQ(weight_at(GgmlType::kQ8_0, row.data(), 0), -8.0);    // 0.5 * -16
  EXPECT_EQ(weight_at(GgmlType::kQ8_0, row.data(), 31), 7.5);    // 0.5 * 15
  EXPECT_EQ(weight_at(GgmlType::kQ8_0, row.data(), 32), 100.0);  // -2 * -50
  EXPECT_EQ(weight_at(GgmlType::kQ8_0, row.data(), 63), -86.0);  // -2 * 43
  EXPECT_EQ(weight_at(GgmlType::kQ8_0, row.data(), 49), -2.0);   // -2 * (51 - 50)
}

TEST(ReferenceDequantize, Q4_0Nibbles) {
  // d = 2 (0x4000); qs[j] = j | (15 - j) << 4: weight j = 2 (j - 8), weight j + 16 =
  // 2 (15 - j - 8).
  std::vector<std::byte> block;
  append_u16(block, 0x4000);
  for (int j = 0; j < 16; ++j)
    block.push_back(static_cast<std::byte>(j | ((15 - j) << 4)));
  EXPECT_EQ(weight_at(GgmlType::kQ4_0, block.data(), 0), -16.0);
  EXPECT_EQ(weight_at(GgmlType::kQ4_0, block.data(), 15), 14.0);
  EXPECT_EQ(weight_at(GgmlType::kQ4_0, block.data(), 16), 14.0);
  EXPECT_EQ(weight_at(GgmlType::kQ4_0, block.data(), 21), 4.0);  // high nibble of qs[5] = 10
  EXPECT_EQ(weight_at(GgmlType::kQ4_0, block.data(), 31), -16.0);
}

TEST(ReferenceDequantize, Q5_0HighBits) {
  // d = 0.25 (0x3400); qh = 0xA5A5F00F (bytes 0F F0 A5 A5); qs[j] = j | (15 - j) << 4.
  std::vector<std::byte> block;
  append_u16(block, 0x3400);
  for (const int b : {0x0F, 0xF0, 0xA5, 0xA5})
    block.push_back(static_cast<std::byte>(b));
  for (int j = 0; j < 16; ++j)
    block.push_back(static_cast<std::byte>(j | ((15 - j) << 4)));
  ASSERT_EQ(block.size(), 22U);
  const auto w = [&](int i) { return weight_at(GgmlType::kQ5_0, block.data(), i); };
  EXPECT_EQ(w(0), 0.0);     // low 0, bit 0 = 1: 0 + 16 - 16
  EXPECT_EQ(w(4), -3.0);    // low 4, bit 4 = 0: 0.25 * (4 - 16)
  EXPECT_EQ(w(12), 3.0);    // low 12, bit 12 = 1: 0.25 * 12
  EXPECT_EQ(w(16), 3.75);   // high nibble of qs[0] = 15, bit 16 = 1: 0.25 * 15
  EXPECT_EQ(w(17), -0.5);   // 14, bit 17 = 0: 0.25 * (14 - 16)
  EXPECT_EQ(w(31), 0.0);    // 0, bit 31 = 1: 0.25 * 0
  EXPECT_EQ(w(30), -3.75);  // 1, bit 30 = 0: 0.25 * (1 - 16)
}

// Eight 6-bit scales sc = {1, 2, 3, 4, 33, 46, 63, 17} and mins m = {0, 5, 10, 63, 20, 48, 1,
// 34} packed into the K-quants' 12 bytes by hand:
//   bytes 0..3  = sc[j] | (sc[j+4] >> 4) << 6 : 1|2<<6, 2|2<<6, 3|3<<6, 4|1<<6
//   bytes 4..7  = m[j]  | (m[j+4] >> 4) << 6  : 0|1<<6, 5|3<<6, 10|0<<6, 63|2<<6
//   bytes 8..11 = (sc[j+4] & 15) | (m[j+4] & 15) << 4 : 1|4<<4, 14|0<<4, 15|1<<4, 1|2<<4
const std::vector<int> kScaleBytes = {0x81, 0x82, 0xC3, 0x44, 0x40, 0xC5,
                                      0x0A, 0xBF, 0x41, 0x0E, 0x1F, 0x21};

// d = 1 (0x3C00), dmin = 0.5 (0x3800), the scales above.
std::vector<std::byte> k_quant_header() {
  std::vector<std::byte> block;
  append_u16(block, 0x3C00);
  append_u16(block, 0x3800);
  const auto scales = to_bytes(kScaleBytes);
  block.insert(block.end(), scales.begin(), scales.end());
  return block;
}

// qs[b] = (b % 16) | (15 - b % 16) << 4.
void append_k_quant_nibbles(std::vector<std::byte>& block) {
  for (int b = 0; b < 128; ++b) {
    block.push_back(static_cast<std::byte>((b % 16) | ((15 - b % 16) << 4)));
  }
}

TEST(ReferenceDequantize, Q4_KScalesMinsAndNibbles) {
  std::vector<std::byte> block = k_quant_header();
  append_k_quant_nibbles(block);
  ASSERT_EQ(block.size(), 144U);
  const auto w = [&](int i) { return weight_at(GgmlType::kQ4_K, block.data(), i); };
  // Weight i: sub-block s = i / 32, byte 32 (s / 2) + i % 32, low nibble when s is even;
  // value = 1 * sc[s] * q - 0.5 * m[s].
  EXPECT_EQ(w(0), 0.0);      // s0, qs[0] low 0: 1*0 - 0
  EXPECT_EQ(w(33), 25.5);    // s1, qs[1] high 14: 2*14 - 2.5
  EXPECT_EQ(w(100), 12.5);   // s3, qs[36] high 11: 4*11 - 31.5
  EXPECT_EQ(w(130), 56.0);   // s4, qs[66] low 2: 33*2 - 10
  EXPECT_EQ(w(180), 482.0);  // s5, qs[84] high 11: 46*11 - 24
  EXPECT_EQ(w(200), 503.5);  // s6, qs[72] low 8: 63*8 - 0.5
  EXPECT_EQ(w(255), -17.0);  // s7, qs[127] high 0: 17*0 - 17
}

TEST(ReferenceDequantize, Q5_KFifthBits) {
  std::vector<std::byte> block = k_quant_header();
  for (int l = 0; l < 32; ++l)
    block.push_back(static_cast<std::byte>(0x5A ^ l));  // qh
  append_k_quant_nibbles(block);
  ASSERT_EQ(block.size(), 176U);
  const auto w = [&](int i) { return weight_at(GgmlType::kQ5_K, block.data(), i); };
  // As Q4_K, plus 16 when bit s of qh[i % 32] is set.
  EXPECT_EQ(w(0), 0.0);       // qh[0] = 0x5A bit 0 = 0: q 0
  EXPECT_EQ(w(33), 57.5);     // qh[1] = 0x5B bit 1 = 1: q 14 + 16: 2*30 - 2.5
  EXPECT_EQ(w(130), 584.0);   // qh[2] = 0x58 bit 4 = 1: q 18: 33*18 - 10
  EXPECT_EQ(w(200), 1511.5);  // qh[8] = 0x52 bit 6 = 1: q 24: 63*24 - 0.5
  EXPECT_EQ(w(255), -17.0);   // qh[31] = 0x45 bit 7 = 0: q 0: -17
  EXPECT_EQ(w(100), 76.5);    // qh[4] = 0x5E bit 3 = 1: q 11 + 16: 4*27 - 31.5
}

TEST(ReferenceDequantize, Q6_KSixBitsAndSignedScales) {
  // ql[b] = 7b mod 256, qh[b] = 13b + 1 mod 256, scales[k] = k - 8, d = 0.5 (0x3800).
  std::vector<std::byte> block;
  for (int b = 0; b < 128; ++b)
    block.push_back(static_cast<std::byte>((7 * b) & 0xFF));
  for (int b = 0; b < 64; ++b)
    block.push_back(static_cast<std::byte>((13 * b + 1) & 0xFF));
  for (int k = 0; k < 16; ++k)
    block.push_back(static_cast<std::byte>((k - 8) & 0xFF));
  append_u16(block, 0x3800);
  ASSERT_EQ(block.size(), 210U);
  const auto w = [&](int i) { return weight_at(GgmlType::kQ6_K, block.data(), i); };
  // Weight i: half h = i / 128, group g = i % 128 / 32, l = i % 32; low 4 bits from
  // ql[64h + l + 32 (g % 2)] (high nibble when g >= 2), top 2 bits from qh[32h + l] >> 2g;
  // value = 0.5 * scales[i / 16] * (q - 32).
  EXPECT_EQ(w(0), 64.0);     // ql[0] = 0 low 0, qh[0] = 1 -> 1: q 16: 0.5*-8*-16
  EXPECT_EQ(w(37), 87.0);    // ql[37] = 3 low 3, qh[5] = 66 >> 2 & 3 = 0: q 3: 0.5*-6*-29
  EXPECT_EQ(w(77), -10.0);   // ql[13] = 0x5B high 5, qh[13] = 170 >> 4 & 3 = 2: q 37: 0.5*-4*5
  EXPECT_EQ(w(150), 13.0);   // ql[86] = 0x5A low 10, qh[54] = 191 & 3 = 3: q 58: 0.5*1*26
  EXPECT_EQ(w(200), -34.0);  // ql[72] = 0xF8 high 15, qh[40] = 9 >> 4 & 3 = 0: q 15: 0.5*4*-17
  EXPECT_EQ(w(255), -87.5);  // ql[127] = 0x79 high 7, qh[63] = 52 >> 6 = 0: q 7: 0.5*7*-25
}

TEST(ReferenceDequantize, RowsMustBeWholeBlocks) {
  EXPECT_EQ(reference_row_bytes(GgmlType::kQ4_K, 512), 288);
  EXPECT_EQ(reference_row_bytes(GgmlType::kQ5_0, 64), 44);
  EXPECT_EQ(reference_row_bytes(GgmlType::kBF16, 3), 6);
  EXPECT_THROW(reference_row_bytes(GgmlType::kQ6_K, 896), std::invalid_argument);
  EXPECT_THROW(block_geometry(GgmlType::kQ2_K), std::invalid_argument);
}

}  // namespace
}  // namespace codriver::llm::reference
