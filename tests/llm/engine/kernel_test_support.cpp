#include "kernel_test_support.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace codriver::llm::engine::testing {
namespace {

using gguf::GgmlType;

// Half float bits of a positive or negative value between 2^-7 and 2^1.
std::uint16_t sane_half(std::mt19937& rng) {
  const std::uint32_t sign = rng() & 1;
  const std::uint32_t exponent = 8 + rng() % 9;  // biased: 2^-7 .. 2^1
  const std::uint32_t mantissa = rng() & 0x3FF;
  return static_cast<std::uint16_t>((sign << 15) | (exponent << 10) | mantissa);
}

void put_u16(std::byte* p, std::uint16_t v) {
  p[0] = static_cast<std::byte>(v & 0xFF);
  p[1] = static_cast<std::byte>(v >> 8);
}

std::uint16_t get_u16(const std::byte* p) {
  return static_cast<std::uint16_t>(std::to_integer<unsigned>(p[0]) |
                                    (std::to_integer<unsigned>(p[1]) << 8));
}

unsigned byte_at(const std::byte* p, std::int64_t i) {
  return std::to_integer<unsigned>(p[i]);
}

// Positions (byte offsets within a block) of the half float scales of each block type.
std::vector<int> half_offsets(GgmlType type) {
  switch (type) {
    case GgmlType::kQ8_0:
    case GgmlType::kQ4_0:
    case GgmlType::kQ5_0:
      return {0};
    case GgmlType::kQ4_K:
    case GgmlType::kQ5_K:
      return {0, 2};
    case GgmlType::kQ6_K:
      return {208};
    default:
      return {};
  }
}

void naive_q4_k_scale_min(const std::byte* scales, int j, int& scale, int& min) {
  // From the format: sub-blocks 0..3 use the low 6 bits of bytes j and j+4; sub-blocks 4..7
  // combine a nibble of byte j+4 with the top two bits of bytes j-4 (scale) and j (min).
  if (j < 4) {
    scale = byte_at(scales, j) & 63;
    min = byte_at(scales, j + 4) & 63;
  } else {
    scale = (byte_at(scales, j + 4) & 0x0F) | ((byte_at(scales, j - 4) >> 6) << 4);
    min = (byte_at(scales, j + 4) >> 4) | ((byte_at(scales, j) >> 6) << 4);
  }
}

}  // namespace

const std::vector<GgmlType>& supported_types() {
  static const std::vector<GgmlType> types{GgmlType::kF32,  GgmlType::kF16,  GgmlType::kBF16,
                                           GgmlType::kQ8_0, GgmlType::kQ4_0, GgmlType::kQ5_0,
                                           GgmlType::kQ4_K, GgmlType::kQ5_K, GgmlType::kQ6_K};
  return types;
}

const char* type_name(GgmlType type) {
  switch (type) {
    case GgmlType::kF32:
      return "F32";
    case GgmlType::kF16:
      return "F16";
    case GgmlType::kBF16:
      return "BF16";
    case GgmlType::kQ8_0:
      return "Q8_0";
    case GgmlType::kQ4_0:
      return "Q4_0";
    case GgmlType::kQ5_0:
      return "Q5_0";
    case GgmlType::kQ4_K:
      return "Q4_K";
    case GgmlType::kQ5_K:
      return "Q5_K";
    case GgmlType::kQ6_K:
      return "Q6_K";
    default:
      return "other";
  }
}

bool is_quantized(GgmlType type) {
  return type != GgmlType::kF32 && type != GgmlType::kF16 && type != GgmlType::kBF16;
}

std::int64_t block_elements(GgmlType type) {
  return gguf::type_traits(type).block_elements;
}

RandomMatrix random_matrix(GgmlType type, std::int64_t rows, std::int64_t cols,
                           std::uint32_t seed) {
  std::mt19937 rng(seed);
  const gguf::TypeTraits traits = gguf::type_traits(type);
  const std::int64_t row_bytes = cols / traits.block_elements * traits.block_bytes;
  RandomMatrix result;
  result.bytes.resize(static_cast<std::size_t>(rows * row_bytes));
  std::byte* data = result.bytes.data();
  std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
  const std::int64_t elements = rows * cols;
  switch (type) {
    case GgmlType::kF32:
      for (std::int64_t i = 0; i < elements; ++i) {
        const float v = uniform(rng);
        std::memcpy(data + 4 * i, &v, 4);
      }
      break;
    case GgmlType::kF16:
      for (std::int64_t i = 0; i < elements; ++i)
        put_u16(data + 2 * i, sane_half(rng));
      break;
    case GgmlType::kBF16:
      for (std::int64_t i = 0; i < elements; ++i) {
        const float v = uniform(rng);
        std::uint32_t bits;
        std::memcpy(&bits, &v, 4);
        put_u16(data + 2 * i, static_cast<std::uint16_t>(bits >> 16));
      }
      break;
    default: {
      for (std::byte& b : result.bytes)
        b = static_cast<std::byte>(rng() & 0xFF);
      const std::int64_t blocks = elements / traits.block_elements;
      for (std::int64_t b = 0; b < blocks; ++b) {
        for (int offset : half_offsets(type)) {
          put_u16(data + b * traits.block_bytes + offset, sane_half(rng));
        }
      }
    }
  }
  result.matrix = weight_matrix(type, result.bytes.data(), rows, cols);
  return result;
}

std::vector<float> random_vector(std::size_t n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  std::vector<float> v(n);
  for (float& x : v)
    x = normal(rng);
  // A few outliers, as real activations have.
  for (std::size_t i = 0; i < n; i += 97)
    v[i] *= 8.0f;
  return v;
}

double naive_half(std::uint16_t bits) {
  const int sign = bits >> 15;
  const int exponent = (bits >> 10) & 31;
  const int mantissa = bits & 1023;
  double magnitude;
  if (exponent == 0) {
    magnitude = std::ldexp(mantissa, -24);
  } else if (exponent == 31) {
    magnitude = mantissa == 0 ? INFINITY : NAN;
  } else {
    magnitude = std::ldexp(1024 + mantissa, exponent - 25);
  }
  return sign ? -magnitude : magnitude;
}

std::vector<double> naive_dequantize(GgmlType type, const std::byte* row, std::int64_t cols) {
  std::vector<double> out(static_cast<std::size_t>(cols));
  const std::int64_t block_bytes = gguf::type_traits(type).block_bytes;
  const std::int64_t blocks = cols / block_elements(type);
  for (std::int64_t b = 0; b < blocks; ++b) {
    const std::byte* block = row + b * block_bytes;
    double* y = out.data() + b * block_elements(type);
    switch (type) {
      case GgmlType::kF32: {
        float v;
        std::memcpy(&v, block, 4);
        y[0] = v;
        break;
      }
      case GgmlType::kF16:
        y[0] = naive_half(get_u16(block));
        break;
      case GgmlType::kBF16: {
        const std::uint32_t bits = static_cast<std::uint32_t>(get_u16(block)) << 16;
        float v;
        std::memcpy(&v, &bits, 4);
        y[0] = v;
        break;
      }
      case GgmlType::kQ8_0: {  // {f16 d; int8 qs[32]}
        const double d = naive_half(get_u16(block));
        for (int i = 0; i < 32; ++i)
          y[i] = d * static_cast<std::int8_t>(byte_at(block, 2 + i));
        break;
      }
      case GgmlType::kQ4_0: {  // {f16 d; u8 qs[16]}
        const double d = naive_half(get_u16(block));
        for (int j = 0; j < 16; ++j) {
          const unsigned q = byte_at(block, 2 + j);
          y[j] = d * (static_cast<int>(q & 0x0F) - 8);
          y[j + 16] = d * (static_cast<int>(q >> 4) - 8);
        }
        break;
      }
      case GgmlType::kQ5_0: {  // {f16 d; u8 qh[4]; u8 qs[16]}
        const double d = naive_half(get_u16(block));
        for (int j = 0; j < 16; ++j) {
          const unsigned q = byte_at(block, 6 + j);
          const unsigned bit_low = (byte_at(block, 2 + j / 8) >> (j % 8)) & 1;
          const unsigned bit_high = (byte_at(block, 2 + (j + 16) / 8) >> ((j + 16) % 8)) & 1;
          y[j] = d * (static_cast<int>((q & 0x0F) | (bit_low << 4)) - 16);
          y[j + 16] = d * (static_cast<int>((q >> 4) | (bit_high << 4)) - 16);
        }
        break;
      }
      case GgmlType::kQ4_K:
      case GgmlType::kQ5_K: {
        // Q4_K {f16 d; f16 dmin; u8 scales[12]; u8 qs[128]};
        // Q5_K {f16 d; f16 dmin; u8 scales[12]; u8 qh[32]; u8 qs[128]}.
        const bool five = type == GgmlType::kQ5_K;
        const double d = naive_half(get_u16(block));
        const double dmin = naive_half(get_u16(block + 2));
        const std::byte* scales = block + 4;
        const std::byte* qh = block + 16;
        const std::byte* qs = block + (five ? 48 : 16);
        for (int chunk = 0; chunk < 4; ++chunk) {
          int scale_a, min_a, scale_b, min_b;
          naive_q4_k_scale_min(scales, 2 * chunk, scale_a, min_a);
          naive_q4_k_scale_min(scales, 2 * chunk + 1, scale_b, min_b);
          for (int l = 0; l < 32; ++l) {
            const unsigned q = byte_at(qs, 32 * chunk + l);
            unsigned low = q & 0x0F, high = q >> 4;
            if (five) {
              if (byte_at(qh, l) & (1u << (2 * chunk))) low += 16;
              if (byte_at(qh, l) & (2u << (2 * chunk))) high += 16;
            }
            y[64 * chunk + l] = d * scale_a * low - dmin * min_a;
            y[64 * chunk + 32 + l] = d * scale_b * high - dmin * min_b;
          }
        }
        break;
      }
      case GgmlType::kQ6_K: {  // {u8 ql[128]; u8 qh[64]; int8 scales[16]; f16 d}
        const double d = naive_half(get_u16(block + 208));
        for (int half = 0; half < 2; ++half) {
          const std::byte* ql = block + 64 * half;
          const std::byte* qh = block + 128 + 32 * half;
          const std::byte* sc = block + 192 + 8 * half;
          for (int l = 0; l < 32; ++l) {
            const int is = l / 16;
            const unsigned h = byte_at(qh, l);
            const int q1 = static_cast<int>((byte_at(ql, l) & 0xF) | (((h >> 0) & 3) << 4)) - 32;
            const int q2 =
                static_cast<int>((byte_at(ql, l + 32) & 0xF) | (((h >> 2) & 3) << 4)) - 32;
            const int q3 = static_cast<int>((byte_at(ql, l) >> 4) | (((h >> 4) & 3) << 4)) - 32;
            const int q4 =
                static_cast<int>((byte_at(ql, l + 32) >> 4) | (((h >> 6) & 3) << 4)) - 32;
            const auto scale = [&](int k) { return static_cast<std::int8_t>(byte_at(sc, is + k)); };
            y[128 * half + l] = d * scale(0) * q1;
            y[128 * half + l + 32] = d * scale(2) * q2;
            y[128 * half + l + 64] = d * scale(4) * q3;
            y[128 * half + l + 96] = d * scale(6) * q4;
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return out;
}

std::vector<double> quantized_activations(const float* x, std::int64_t n) {
  std::vector<double> out(static_cast<std::size_t>(n));
  for (std::int64_t b = 0; b < n; b += 32) {
    float amax = 0.0f;
    for (int i = 0; i < 32; ++i)
      amax = std::max(amax, std::fabs(x[b + i]));
    const float scale = amax / 127.0f;
    const float inverse = amax > 0.0f ? 127.0f / amax : 0.0f;
    for (int i = 0; i < 32; ++i) {
      const float q = std::nearbyint(std::clamp(x[b + i] * inverse, -127.0f, 127.0f));
      out[static_cast<std::size_t>(b + i)] = static_cast<double>(scale) * q;
    }
  }
  return out;
}

}  // namespace codriver::llm::engine::testing
