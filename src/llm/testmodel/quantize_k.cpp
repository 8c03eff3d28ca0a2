// The K-quants: super-blocks of 256 weights with sub-block scales quantised again against
// one or two half-precision super-block scales.
//
// Rounding is plain round-to-nearest on a grid chosen to cover each sub-block's whole range
// (scales and mins are rounded *up* to their 6- or 8-bit steps), so no weight is clamped
// by more than the grid's own step.
#include <array>
#include <cmath>

#include "llm/testmodel/quantize.h"
#include "llm/testmodel/quantize_common.h"

namespace codriver::llm::testmodel::blocks {
namespace {

using namespace detail;

// Q4_K / Q5_K: x = d * sc[s] * q - dmin * m[s] for the 8 sub-blocks s of 32 weights, with
// 6-bit sc and m and q in 0..max_q.
struct AffineSuperBlock {
  std::uint16_t d_bits = 0;
  std::uint16_t dmin_bits = 0;
  std::array<std::uint8_t, 8> scale{};
  std::array<std::uint8_t, 8> min{};
  std::array<std::uint8_t, 256> q{};
};

// The smallest 6-bit step count reaching `need` with steps of `unit` (0 when unit is 0).
std::uint8_t six_bit_ceiling(float need, float unit) {
  if (unit <= 0.0f) return 0;
  return static_cast<std::uint8_t>(clamp_int(static_cast<int>(std::ceil(need / unit)), 0, 63));
}

AffineSuperBlock quantize_affine(const float* x, int max_q) {
  std::array<float, 8> low{};
  std::array<float, 8> high{};
  for (int s = 0; s < 8; ++s) {
    low[s] = 0.0f;  // the grid always reaches 0 or below: mins are not negative
    high[s] = x[32 * s];
    for (int l = 0; l < 32; ++l) {
      low[s] = std::min(low[s], x[32 * s + l]);
      high[s] = std::max(high[s], x[32 * s + l]);
    }
  }
  AffineSuperBlock block;
  float max_min = 0.0f;
  for (float v : low)
    max_min = std::max(max_min, -v);
  block.dmin_bits = half_scale_at_least(max_min / 63.0f, max_min / 63.0f);
  const float dmin = half_to_float(block.dmin_bits);
  std::array<float, 8> offset{};
  std::array<float, 8> step_need{};
  float max_step = 0.0f;
  for (int s = 0; s < 8; ++s) {
    block.min[s] = six_bit_ceiling(-low[s], dmin);
    offset[s] = dmin * block.min[s];
    step_need[s] = (high[s] + offset[s]) / static_cast<float>(max_q);
    max_step = std::max(max_step, step_need[s]);
  }
  block.d_bits = half_scale_at_least(max_step / 63.0f, max_step / 63.0f);
  const float d = half_to_float(block.d_bits);
  for (int s = 0; s < 8; ++s) {
    block.scale[s] = six_bit_ceiling(step_need[s], d);
    const float step = d * block.scale[s];
    const float inverse = step > 0.0f ? 1.0f / step : 0.0f;
    for (int l = 0; l < 32; ++l) {
      const float value = x[32 * s + l] + offset[s];
      block.q[32 * s + l] =
          static_cast<std::uint8_t>(clamp_int(round_to_int(value * inverse), 0, max_q));
    }
  }
  return block;
}

// The 12 scale bytes: for s < 4, scales[s] and scales[s + 4] hold sc and m in their low 6
// bits; for s >= 4, scales[s + 4] holds the low 4 bits of sc (low nibble) and m (high
// nibble), and their top 2 bits go to the top 2 bits of scales[s - 4] (sc) and scales[s] (m).
void pack_scales(const AffineSuperBlock& block, std::byte* scales) {
  std::array<unsigned, 12> packed{};
  for (int s = 0; s < 4; ++s) {
    packed[s] = block.scale[s] & 63u;
    packed[s + 4] = block.min[s] & 63u;
  }
  for (int s = 4; s < 8; ++s) {
    packed[s + 4] = (block.scale[s] & 0xFu) | ((block.min[s] & 0xFu) << 4);
    packed[s - 4] |= (block.scale[s] >> 4u) << 6;
    packed[s] |= (block.min[s] >> 4u) << 6;
  }
  for (int i = 0; i < 12; ++i)
    store_u8(scales + i, packed[i]);
}

// The low 4 bits of 256 q values: 64-weight chunk c fills 32 bytes, sub-block 2c in the low
// nibbles and sub-block 2c + 1 in the high nibbles.
void pack_low_nibbles(const std::array<std::uint8_t, 256>& q, std::byte* qs) {
  for (int c = 0; c < 4; ++c) {
    for (int l = 0; l < 32; ++l) {
      store_u8(qs + 32 * c + l, (q[64 * c + l] & 0xFu) | ((q[64 * c + 32 + l] & 0xFu) << 4));
    }
  }
}

}  // namespace

// {f16 d; f16 dmin; u8 scales[12]; u8 qs[128]}.
void q4_k(const float* x, std::byte* out) {
  const AffineSuperBlock block = quantize_affine(x, 15);
  store_u16(out, block.d_bits);
  store_u16(out + 2, block.dmin_bits);
  pack_scales(block, out + 4);
  pack_low_nibbles(block.q, out + 16);
}

// {f16 d; f16 dmin; u8 scales[12]; u8 qh[32]; u8 qs[128]}: as Q4_K with a fifth bit, bit s
// of qh[l] for weight l of sub-block s.
void q5_k(const float* x, std::byte* out) {
  const AffineSuperBlock block = quantize_affine(x, 31);
  store_u16(out, block.d_bits);
  store_u16(out + 2, block.dmin_bits);
  pack_scales(block, out + 4);
  for (int l = 0; l < 32; ++l) {
    unsigned bits = 0;
    for (int s = 0; s < 8; ++s)
      bits |= ((block.q[32 * s + l] >> 4u) & 1u) << s;
    store_u8(out + 16 + l, bits);
  }
  pack_low_nibbles(block.q, out + 48);
}

// {u8 ql[128]; u8 qh[64]; i8 scales[16]; f16 d}: 16 sub-blocks of 16 weights, x = d *
// scales[j] * (q - 32) with 6-bit q. In each 128-weight half n, for l < 32, weights l,
// l + 32, l + 64, l + 96 keep their low 4 bits in ql[64n + l] (low, high nibble) and
// ql[64n + l + 32] (low, high nibble), and their top 2 bits in qh[32n + l] (bits 0-1, 2-3,
// 4-5, 6-7).
void q6_k(const float* x, std::byte* out) {
  std::array<float, 16> sub_scale{};
  float largest = 0.0f;
  for (int j = 0; j < 16; ++j) {
    sub_scale[j] = signed_max(x + 16 * j, 16) / -32.0f;
    if (std::fabs(sub_scale[j]) > std::fabs(largest)) largest = sub_scale[j];
  }
  const std::uint16_t d_bits = half_scale_at_least(largest / -128.0f, std::fabs(largest) / 128.0f);
  const float d = half_to_float(d_bits);
  std::array<std::uint8_t, 256> q{};
  for (int j = 0; j < 16; ++j) {
    int scale = 0;
    if (d != 0.0f) {
      const float ratio = sub_scale[j] / d;
      const int magnitude = static_cast<int>(std::ceil(std::fabs(ratio)));
      scale = clamp_int(ratio < 0.0f ? -magnitude : magnitude, -128, 127);
    }
    store_u8(out + 192 + j, static_cast<unsigned>(scale) & 0xFFu);
    const float step = d * static_cast<float>(scale);
    const float inverse = step != 0.0f ? 1.0f / step : 0.0f;
    for (int l = 0; l < 16; ++l) {
      q[16 * j + l] =
          static_cast<std::uint8_t>(clamp_int(round_to_int(x[16 * j + l] * inverse) + 32, 0, 63));
    }
  }
  for (int n = 0; n < 2; ++n) {
    const std::uint8_t* h = q.data() + 128 * n;
    for (int l = 0; l < 32; ++l) {
      store_u8(out + 64 * n + l, (h[l] & 0xFu) | ((h[l + 64] & 0xFu) << 4));
      store_u8(out + 64 * n + l + 32, (h[l + 32] & 0xFu) | ((h[l + 96] & 0xFu) << 4));
      store_u8(out + 128 + 32 * n + l, (h[l] >> 4u) | ((h[l + 32] >> 4u) << 2) |
                                           ((h[l + 64] >> 4u) << 4) | ((h[l + 96] >> 4u) << 6));
    }
  }
  store_u16(out + 208, d_bits);
}

}  // namespace codriver::llm::testmodel::blocks
