#include "block_decoder.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace codriver::llm::testmodel::testing {
namespace {

using gguf::GgmlType;

unsigned byte_at(const std::byte* p, std::size_t i) {
  return std::to_integer<unsigned>(p[i]);
}

float half_at(const std::byte* p) {
  return half_value(byte_at(p, 0) | (byte_at(p, 1) << 8));
}

// Q8_0: {f16 d; int8 qs[32]}, x = d * q.
void q8_0(const std::byte* b, float* x) {
  const float d = half_at(b);
  for (int i = 0; i < 32; ++i)
    x[i] = d * static_cast<float>(static_cast<std::int8_t>(byte_at(b, 2 + i)));
}

// Q4_0: {f16 d; u8 qs[16]}, low nibble element j, high nibble element j + 16, x = d (q - 8).
void q4_0(const std::byte* b, float* x) {
  const float d = half_at(b);
  for (int j = 0; j < 16; ++j) {
    x[j] = d * static_cast<float>(static_cast<int>(byte_at(b, 2 + j) & 15) - 8);
    x[j + 16] = d * static_cast<float>(static_cast<int>(byte_at(b, 2 + j) >> 4) - 8);
  }
}

// Q5_0: {f16 d; u8 qh[4]; u8 qs[16]}, fifth bit j / j + 16 of qh, x = d (q - 16).
void q5_0(const std::byte* b, float* x) {
  const float d = half_at(b);
  std::uint32_t qh = 0;
  for (int k = 0; k < 4; ++k)
    qh |= static_cast<std::uint32_t>(byte_at(b, 2 + k)) << (8 * k);
  for (int j = 0; j < 16; ++j) {
    const int low = static_cast<int>((byte_at(b, 6 + j) & 15) | (((qh >> j) & 1) << 4));
    const int high = static_cast<int>((byte_at(b, 6 + j) >> 4) | (((qh >> (j + 16)) & 1) << 4));
    x[j] = d * static_cast<float>(low - 16);
    x[j + 16] = d * static_cast<float>(high - 16);
  }
}

// The 6-bit scale and min of sub-block j from the 12 packed bytes.
void scale_min(const std::byte* scales, int j, int& sc, int& m) {
  const auto s = [scales](int i) { return static_cast<int>(std::to_integer<unsigned>(scales[i])); };
  if (j < 4) {
    sc = s(j) & 63;
    m = s(j + 4) & 63;
  } else {
    sc = (s(j + 4) & 0xF) | ((s(j - 4) >> 6) << 4);
    m = (s(j + 4) >> 4) | ((s(j) >> 6) << 4);
  }
}

// Q4_K / Q5_K: {f16 d; f16 dmin; u8 scales[12]; (u8 qh[32];) u8 qs[128]}, x = d sc q - dmin m.
void affine_k(const std::byte* b, float* x, bool five_bits) {
  const float d = half_at(b);
  const float dmin = half_at(b + 2);
  const std::byte* scales = b + 4;
  const std::byte* qh = b + 16;
  const std::byte* qs = b + (five_bits ? 48 : 16);
  for (int s = 0; s < 8; ++s) {
    int sc = 0;
    int m = 0;
    scale_min(scales, s, sc, m);
    for (int l = 0; l < 32; ++l) {
      const unsigned packed = byte_at(qs, 32 * (s / 2) + l);
      unsigned q = s % 2 == 0 ? packed & 15 : packed >> 4;
      if (five_bits) q |= ((byte_at(qh, l) >> s) & 1) << 4;
      x[32 * s + l] =
          d * static_cast<float>(sc) * static_cast<float>(q) - dmin * static_cast<float>(m);
    }
  }
}

// Q6_K: {u8 ql[128]; u8 qh[64]; i8 scales[16]; f16 d}, x = d scale (q - 32).
void q6_k(const std::byte* b, float* x) {
  const float d = half_at(b + 208);
  for (int n = 0; n < 2; ++n) {
    const std::byte* ql = b + 64 * n;
    const std::byte* qh = b + 128 + 32 * n;
    for (int l = 0; l < 32; ++l) {
      const unsigned h = byte_at(qh, l);
      const int q[4] = {
          static_cast<int>((byte_at(ql, l) & 0xF) | (((h >> 0) & 3) << 4)),
          static_cast<int>((byte_at(ql, l + 32) & 0xF) | (((h >> 2) & 3) << 4)),
          static_cast<int>((byte_at(ql, l) >> 4) | (((h >> 4) & 3) << 4)),
          static_cast<int>((byte_at(ql, l + 32) >> 4) | (((h >> 6) & 3) << 4)),
      };
      for (int k = 0; k < 4; ++k) {
        const int index = 128 * n + l + 32 * k;
        const auto scale = static_cast<std::int8_t>(byte_at(b, 192 + index / 16));
        x[index] = d * static_cast<float>(scale) * static_cast<float>(q[k] - 32);
      }
    }
  }
}

float f32_at(const std::byte* p) {
  std::uint32_t bits = 0;
  for (int k = 0; k < 4; ++k)
    bits |= static_cast<std::uint32_t>(byte_at(p, k)) << (8 * k);
  float value;
  std::memcpy(&value, &bits, 4);
  return value;
}

float bf16_at(const std::byte* p) {
  const std::uint32_t bits = (byte_at(p, 0) | (byte_at(p, 1) << 8)) << 16;
  float value;
  std::memcpy(&value, &bits, 4);
  return value;
}

float max_abs(const float* x, std::size_t n) {
  float m = 0;
  for (std::size_t i = 0; i < n; ++i)
    m = std::max(m, std::fabs(x[i]));
  return m;
}

// Per-weight bounds for the affine K types over one super-block of 256.
void affine_bounds(const float* x, float* bound, float max_q) {
  float range[8], max_negative = 0, max_range = 0;
  for (int s = 0; s < 8; ++s) {
    float lo = 0, hi = x[32 * s];
    for (int l = 0; l < 32; ++l) {
      lo = std::min(lo, x[32 * s + l]);
      hi = std::max(hi, x[32 * s + l]);
    }
    range[s] = hi - lo;
    max_negative = std::max(max_negative, -lo);
    max_range = std::max(max_range, range[s]);
  }
  const float dmin = max_negative / 63 * 1.001f;
  const float d = (max_range + dmin) / max_q / 63 * 1.001f;
  for (int s = 0; s < 8; ++s) {
    const float step = (range[s] + dmin) / max_q + d;
    for (int l = 0; l < 32; ++l)
      bound[32 * s + l] = 0.5f * step * 1.001f + 1e-7f;
  }
}

}  // namespace

float half_value(unsigned bits) {
  const float sign = (bits & 0x8000) != 0 ? -1.0f : 1.0f;
  const int exponent = static_cast<int>((bits >> 10) & 31);
  const int mantissa = static_cast<int>(bits & 1023);
  if (exponent == 0) return sign * std::ldexp(static_cast<float>(mantissa), -24);
  if (exponent == 31) return mantissa == 0 ? sign * INFINITY : NAN;
  return sign * std::ldexp(static_cast<float>(1024 + mantissa), exponent - 25);
}

std::vector<float> decode_row(GgmlType type, const std::byte* data, std::size_t weights) {
  std::vector<float> x(weights);
  const auto blocks = [&](std::size_t per_block, std::size_t bytes, auto decode) {
    for (std::size_t b = 0; b < weights / per_block; ++b)
      decode(data + b * bytes, x.data() + b * per_block);
  };
  switch (type) {
    case GgmlType::kF32:
      for (std::size_t i = 0; i < weights; ++i)
        x[i] = f32_at(data + 4 * i);
      break;
    case GgmlType::kF16:
      for (std::size_t i = 0; i < weights; ++i)
        x[i] = half_at(data + 2 * i);
      break;
    case GgmlType::kBF16:
      for (std::size_t i = 0; i < weights; ++i)
        x[i] = bf16_at(data + 2 * i);
      break;
    case GgmlType::kQ8_0:
      blocks(32, 34, q8_0);
      break;
    case GgmlType::kQ4_0:
      blocks(32, 18, q4_0);
      break;
    case GgmlType::kQ5_0:
      blocks(32, 22, q5_0);
      break;
    case GgmlType::kQ4_K:
      blocks(256, 144, [](const std::byte* b, float* y) { affine_k(b, y, false); });
      break;
    case GgmlType::kQ5_K:
      blocks(256, 176, [](const std::byte* b, float* y) { affine_k(b, y, true); });
      break;
    case GgmlType::kQ6_K:
      blocks(256, 210, q6_k);
      break;
    default:
      throw std::invalid_argument("block_decoder: unsupported type");
  }
  return x;
}

std::vector<float> error_bounds(GgmlType type, const std::vector<float>& row) {
  std::vector<float> bound(row.size());
  const std::size_t n = row.size();
  switch (type) {
    case GgmlType::kF32:
      break;  // exact
    case GgmlType::kF16:
      for (std::size_t i = 0; i < n; ++i)
        bound[i] = std::fabs(row[i]) * 0x1p-11f + 0x1p-25f;
      break;
    case GgmlType::kBF16:
      for (std::size_t i = 0; i < n; ++i)
        bound[i] = std::fabs(row[i]) * 0x1p-8f;
      break;
    case GgmlType::kQ8_0:
    case GgmlType::kQ4_0:
    case GgmlType::kQ5_0: {
      // Q8_0 rounds within +-127 steps of amax / 127 (half a step); Q4_0 / Q5_0 put the
      // largest magnitude on -8 / -16 steps, so its opposite can be clamped by one step.
      const float levels = type == GgmlType::kQ8_0   ? 127.0f
                           : type == GgmlType::kQ4_0 ? 8.0f
                                                     : 16.0f;
      const float share = type == GgmlType::kQ8_0 ? 0.5f : 1.0f;
      for (std::size_t b = 0; b < n; b += 32) {
        const float step = max_abs(&row[b], 32) / levels;
        // 2^-24: the half scale's own quantum, which matters for tiny (subnormal) scales.
        for (std::size_t i = b; i < b + 32; ++i)
          bound[i] = share * (step * 1.002f + 0x1p-24f);
      }
      break;
    }
    case GgmlType::kQ4_K:
    case GgmlType::kQ5_K:
      for (std::size_t b = 0; b < n; b += 256) {
        affine_bounds(&row[b], &bound[b], type == GgmlType::kQ4_K ? 15.0f : 31.0f);
      }
      break;
    case GgmlType::kQ6_K:
      // Sub-blocks of 16 on a grid of at least max|x| / 32, rounded up by at most one
      // quantum d = max|x over 256| / 32 / 128; one step of clamping on the positive side
      // (1.26: a +128 scale stored as 127).
      for (std::size_t b = 0; b < n; b += 256) {
        const float d = max_abs(&row[b], 256) / 32 / 128 * 1.001f;
        for (std::size_t s = b; s < b + 256; s += 16) {
          const float step = max_abs(&row[s], 16) / 32;
          for (std::size_t i = s; i < s + 16; ++i)
            bound[i] = 1.26f * (step + d) + 1e-9f;
        }
      }
      break;
    default:
      throw std::invalid_argument("error_bounds: unsupported type");
  }
  return bound;
}

}  // namespace codriver::llm::testmodel::testing
