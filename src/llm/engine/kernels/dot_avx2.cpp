// AVX2 + FMA + F16C kernels (this file is compiled with -mavx2 -mfma -mf16c and only called
// after the CPU was checked). Quantised weights: 32 weights times 32 int8 activations with
// vpmaddubsw (unsigned x signed bytes) and vpmaddwd, then one float multiply-add per block
// of 32 (K-quants: the 8 sub-block sums of a super-block are gathered into one vector
// first, so the float work is one multiply-add per 256 weights).
//
// Everything is in an anonymous namespace and uses intrinsics only: no standard-library
// template may be instantiated here (the linker could keep this file's AVX2 copy for
// callers that run on any CPU).

#include <cstring>

#include "llm/engine/kernels/block_formats.h"
#include "llm/engine/kernels/kernel_table.h"
#include "llm/engine/kernels/x86_helpers.h"

namespace codriver::llm::engine::kernels {
namespace {

inline __m256i bytes(char v) {
  return _mm256_set1_epi8(v);
}

// 32 unsigned bytes (< 128, or 128 from |-128|) times 32 signed bytes: 8 int32 partial sums.
inline __m256i dot_u8_s8(__m256i u, __m256i s) {
  return _mm256_madd_epi16(_mm256_maddubs_epi16(u, s), _mm256_set1_epi16(1));
}

// Sums of each of 8 vectors of 8 int32, in order: the combining tree of vphaddd.
// pair(a, b) = hadd(a, b); total(pair01, pair23, pair45, pair67).
inline __m256i pair_sums(__m256i a, __m256i b) {
  return _mm256_hadd_epi32(a, b);
}
inline __m256i quad_sums(__m256i pair_a, __m256i pair_b) {
  return _mm256_hadd_epi32(pair_a, pair_b);
}
inline __m256i octet_totals(__m256i quads_low, __m256i quads_high) {
  return _mm256_add_epi32(_mm256_permute2x128_si256(quads_low, quads_high, 0x20),
                          _mm256_permute2x128_si256(quads_low, quads_high, 0x31));
}

// ---- 32-weight blocks (Q8_0, Q4_0, Q5_0) ----
//
// A decoder gives a block's 32 quants and scale. Q8_0's are signed: vpmaddubsw takes
// their magnitudes, and their signs move onto the activations. Q4_0's and Q5_0's are
// unsigned (0..15, 0..31) and used as they are; their offset (8, 16) is subtracted once
// per block through the activations' block sums.

struct Decoded32 {
  __m256i quants;
  float scale;
};

struct DecodeQ8_0 {
  static constexpr bool kSigned = true;
  static constexpr int kOffset = 0;
  static Decoded32 decode(const std::byte* row, std::int64_t b) {
    const BlockQ8_0& block = reinterpret_cast<const BlockQ8_0*>(row)[b];
    return {load256(block.qs), half_to_float(block.d)};
  }
};

// The 32 nibbles of 16 bytes in element order: low nibbles are elements 0-15.
inline __m256i nibbles(const std::uint8_t* qs) {
  const __m128i packed = load128(qs);
  return _mm256_and_si256(_mm256_set_m128i(_mm_srli_epi16(packed, 4), packed), bytes(0x0F));
}

struct DecodeQ4_0 {
  static constexpr bool kSigned = false;
  static constexpr int kOffset = 8;
  static Decoded32 decode(const std::byte* row, std::int64_t b) {
    const BlockQ4_0& block = reinterpret_cast<const BlockQ4_0*>(row)[b];
    return {nibbles(block.qs), half_to_float(block.d)};
  }
};

// 0x10 in byte i where bit i of `bits` is set.
inline __m256i bits_as_sixteens(std::uint32_t bits) {
  const __m256i spread = _mm256_shuffle_epi8(
      _mm256_set1_epi32(static_cast<int>(bits)),
      _mm256_set_epi64x(0x0303030303030303, 0x0202020202020202, 0x0101010101010101, 0));
  const __m256i bit_of_byte = _mm256_set1_epi64x(static_cast<long long>(0x8040201008040201ull));
  const __m256i set = _mm256_cmpeq_epi8(_mm256_and_si256(spread, bit_of_byte), bit_of_byte);
  return _mm256_and_si256(set, bytes(0x10));
}

struct DecodeQ5_0 {
  static constexpr bool kSigned = false;
  static constexpr int kOffset = 16;
  static Decoded32 decode(const std::byte* row, std::int64_t b) {
    const BlockQ5_0& block = reinterpret_cast<const BlockQ5_0*>(row)[b];
    std::uint32_t high;
    std::memcpy(&high, block.qh, sizeof high);
    return {_mm256_or_si256(nibbles(block.qs), bits_as_sixteens(high)), half_to_float(block.d)};
  }
};

template <int NT, typename Decoder>
void dot_32_blocks(const std::byte* row, const QuantizedActivations& x, std::int64_t first,
                   float* out) {
  Token tokens[NT];
  // Two accumulators hide the latency of the multiply-add; the offsets' sums beside them.
  __m256 even[NT], odd[NT];
  float offsets_even[NT], offsets_odd[NT];
#pragma GCC unroll 4
  for (int t = 0; t < NT; ++t) {
    tokens[t] = token(x, first + t);
    even[t] = odd[t] = _mm256_setzero_ps();
    offsets_even[t] = offsets_odd[t] = 0.0f;
  }
  auto accumulate = [&](std::int64_t b, __m256 * acc, float* offsets)
      __attribute__((always_inline)) {
    const Decoded32 block = Decoder::decode(row, b);
    const __m256i magnitudes =
        Decoder::kSigned ? _mm256_sign_epi8(block.quants, block.quants) : block.quants;
#pragma GCC unroll 4
    for (int t = 0; t < NT; ++t) {
      __m256i xq = load256(tokens[t].values + 32 * b);
      if constexpr (Decoder::kSigned) xq = _mm256_sign_epi8(xq, block.quants);
      const __m256 products = _mm256_cvtepi32_ps(dot_u8_s8(magnitudes, xq));
      acc[t] = _mm256_fmadd_ps(products, _mm256_set1_ps(block.scale * tokens[t].scales[b]), acc[t]);
      if constexpr (Decoder::kOffset != 0) offsets[t] += block.scale * tokens[t].block_sums[b];
    }
  };
  std::int64_t b = 0;
  for (; b + 1 < x.blocks; b += 2) {
    accumulate(b, even, offsets_even);
    accumulate(b + 1, odd, offsets_odd);
  }
  if (b < x.blocks) accumulate(b, even, offsets_even);
#pragma GCC unroll 4
  for (int t = 0; t < NT; ++t) {
    out[t] = sum_lanes(_mm256_add_ps(even[t], odd[t])) -
             static_cast<float>(Decoder::kOffset) * (offsets_even[t] + offsets_odd[t]);
  }
}

// ---- K-quants: 256-weight super-blocks of 8 sub-blocks of 32 ----

// 0x10 in each byte whose bit `bit` is set.
inline __m256i bit_as_sixteen(__m256i high_bits, int bit) {
  const __m256i mask = bytes(static_cast<char>(1 << bit));
  const __m256i set = _mm256_cmpeq_epi8(_mm256_and_si256(high_bits, mask), mask);
  return _mm256_and_si256(set, bytes(0x10));
}

// Q4_K (kFiveBits false) and Q5_K: per sub-block j, d * scale_j * sum(q x) - dmin * min_j *
// sum(x), times the activation block's scale.
template <int NT, bool kFiveBits, typename Block>
void dot_k_with_mins(const std::byte* row, const QuantizedActivations& x, std::int64_t first,
                     float* out) {
  const auto* blocks = reinterpret_cast<const Block*>(row);
  const std::int64_t super_blocks = x.blocks / 8;
  Token tokens[NT];
  __m256 acc[NT];
#pragma GCC unroll 4
  for (int t = 0; t < NT; ++t) {
    tokens[t] = token(x, first + t);
    acc[t] = _mm256_setzero_ps();
  }
  for (std::int64_t s = 0; s < super_blocks; ++s) {
    const Block& block = blocks[s];
    __m256 scales, mins;
    k_scales_mins(block.scales, scales, mins);
    const __m256 steps = _mm256_mul_ps(_mm256_set1_ps(half_to_float(block.d)), scales);
    const __m256 offsets = _mm256_mul_ps(_mm256_set1_ps(half_to_float(block.dmin)), mins);
    __m256i high_bits = _mm256_setzero_si256();
    if constexpr (kFiveBits) high_bits = load256(block.qh);

    __m256i pairs[NT], quads_low[NT];
    auto chunk = [&](int c) __attribute__((always_inline)) {
      const __m256i packed = load256(block.qs + 32 * c);
      __m256i low = _mm256_and_si256(packed, bytes(0x0F));
      __m256i high = _mm256_and_si256(_mm256_srli_epi16(packed, 4), bytes(0x0F));
      if constexpr (kFiveBits) {
        low = _mm256_or_si256(low, bit_as_sixteen(high_bits, 2 * c));
        high = _mm256_or_si256(high, bit_as_sixteen(high_bits, 2 * c + 1));
      }
#pragma GCC unroll 4
      for (int t = 0; t < NT; ++t) {
        const std::int8_t* xq = tokens[t].values + kSuperBlock * s + 64 * c;
        const __m256i pair =
            pair_sums(dot_u8_s8(low, load256(xq)), dot_u8_s8(high, load256(xq + 32)));
        if (c % 2 == 0) {
          pairs[t] = pair;
        } else if (c == 1) {
          quads_low[t] = quad_sums(pairs[t], pair);
        } else {
          const __m256i sums = octet_totals(quads_low[t], quad_sums(pairs[t], pair));
          // x_scale * (d scale_j sum(q x)) - dmin min_j (x_scale sum(x)).
          const __m256 scaled = _mm256_mul_ps(_mm256_loadu_ps(tokens[t].scales + 8 * s),
                                              _mm256_mul_ps(steps, _mm256_cvtepi32_ps(sums)));
          acc[t] = _mm256_add_ps(
              acc[t],
              _mm256_fnmadd_ps(offsets, _mm256_loadu_ps(tokens[t].block_sums + 8 * s), scaled));
        }
      }
    };
    chunk(0);
    chunk(1);
    chunk(2);
    chunk(3);
  }
#pragma GCC unroll 4
  for (int t = 0; t < NT; ++t)
    out[t] = sum_lanes(acc[t]);
}

// Q6_K: value = d * scale_k * (q - 32) over 16 sub-blocks of 16. The -32 is applied once
// per group of 32 from the activations' half-block sums, in integers.
template <int NT>
void dot_q6_k(const std::byte* row, const QuantizedActivations& x, std::int64_t first, float* out) {
  const auto* blocks = reinterpret_cast<const BlockQ6_K*>(row);
  const std::int64_t super_blocks = x.blocks / 8;
  Token tokens[NT];
  __m256 acc[NT];
#pragma GCC unroll 4
  for (int t = 0; t < NT; ++t) {
    tokens[t] = token(x, first + t);
    acc[t] = _mm256_setzero_ps();
  }
  for (std::int64_t s = 0; s < super_blocks; ++s) {
    const BlockQ6_K& block = blocks[s];
    const __m128i scales8 = load128(block.scales);
    const __m256i scales16 = _mm256_cvtepi8_epi16(scales8);
    const float d = half_to_float(block.d);

    // Group g (32 values) in vpmaddwd order: scale 2g for its first 16, 2g + 1 for the rest.
    auto group_scales = [&](int g) __attribute__((always_inline)) {
      const __m128i pick =
          _mm_set_epi64x(0x0101010101010101ll * (2 * g + 1), 0x0101010101010101ll * (2 * g));
      return _mm256_cvtepi8_epi16(_mm_shuffle_epi8(scales8, pick));
    };
    __m256i pairs[NT], quads_low[NT];
    auto group_pair = [&](int first_group, __m256i quants_a, __m256i quants_b)
        __attribute__((always_inline)) {
      const __m256i scales_a = group_scales(first_group);
      const __m256i scales_b = group_scales(first_group + 1);
#pragma GCC unroll 4
      for (int t = 0; t < NT; ++t) {
        const std::int8_t* xq = tokens[t].values + kSuperBlock * s + 32 * first_group;
        const __m256i a = _mm256_madd_epi16(_mm256_maddubs_epi16(quants_a, load256(xq)), scales_a);
        const __m256i b =
            _mm256_madd_epi16(_mm256_maddubs_epi16(quants_b, load256(xq + 32)), scales_b);
        const __m256i pair = pair_sums(a, b);
        const int c = first_group / 2;
        if (c % 2 == 0) {
          pairs[t] = pair;
        } else if (c == 1) {
          quads_low[t] = quad_sums(pairs[t], pair);
        } else {
          const __m256i sums = octet_totals(quads_low[t], quad_sums(pairs[t], pair));
          const __m256i offsets =
              _mm256_slli_epi32(_mm256_madd_epi16(scales16, load256(tokens[t].sums + 16 * s)), 5);
          const __m256 dx =
              _mm256_mul_ps(_mm256_set1_ps(d), _mm256_loadu_ps(tokens[t].scales + 8 * s));
          acc[t] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_sub_epi32(sums, offsets)), dx, acc[t]);
        }
      }
    };
#pragma GCC unroll 2
    for (int half = 0; half < 2; ++half) {
      const __m256i low_a = load256(block.ql + 64 * half);
      const __m256i low_b = load256(block.ql + 64 * half + 32);
      const __m256i high = load256(block.qh + 32 * half);
      const __m256i nibble = bytes(0x0F), top = bytes(0x30);
      const __m256i q0 = _mm256_or_si256(_mm256_and_si256(low_a, nibble),
                                         _mm256_and_si256(_mm256_slli_epi16(high, 4), top));
      const __m256i q1 = _mm256_or_si256(_mm256_and_si256(low_b, nibble),
                                         _mm256_and_si256(_mm256_slli_epi16(high, 2), top));
      const __m256i q2 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(low_a, 4), nibble),
                                         _mm256_and_si256(high, top));
      const __m256i q3 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(low_b, 4), nibble),
                                         _mm256_and_si256(_mm256_srli_epi16(high, 2), top));
      group_pair(4 * half, q0, q1);
      group_pair(4 * half + 2, q2, q3);
    }
  }
#pragma GCC unroll 4
  for (int t = 0; t < NT; ++t)
    out[t] = sum_lanes(acc[t]);
}

// ---- float weights ----

// Rows::load8 and Rows::load_one read 8 weights and one weight as floats.
template <int NT, typename Rows>
void dot_float_rows(const std::byte* row, std::int64_t cols, const float* x, float* out) {
  __m256 acc_a[NT], acc_b[NT];
#pragma GCC unroll 4
  for (int t = 0; t < NT; ++t)
    acc_a[t] = acc_b[t] = _mm256_setzero_ps();
  std::int64_t i = 0;
  for (; i + 16 <= cols; i += 16) {
    const __m256 wa = Rows::load8(row, i);
    const __m256 wb = Rows::load8(row, i + 8);
#pragma GCC unroll 4
    for (int t = 0; t < NT; ++t) {
      acc_a[t] = _mm256_fmadd_ps(wa, _mm256_loadu_ps(x + t * cols + i), acc_a[t]);
      acc_b[t] = _mm256_fmadd_ps(wb, _mm256_loadu_ps(x + t * cols + i + 8), acc_b[t]);
    }
  }
  if (i + 8 <= cols) {
    const __m256 wa = Rows::load8(row, i);
#pragma GCC unroll 4
    for (int t = 0; t < NT; ++t) {
      acc_a[t] = _mm256_fmadd_ps(wa, _mm256_loadu_ps(x + t * cols + i), acc_a[t]);
    }
    i += 8;
  }
#pragma GCC unroll 4
  for (int t = 0; t < NT; ++t) {
    float total = sum_lanes(_mm256_add_ps(acc_a[t], acc_b[t]));
    for (std::int64_t j = i; j < cols; ++j)
      total += Rows::load_one(row, j) * x[t * cols + j];
    out[t] = total;
  }
}

inline std::uint16_t load_u16(const std::byte* p) {
  std::uint16_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

inline float bf16_to_float(std::uint16_t b) {
  return _mm_cvtss_f32(_mm_castsi128_ps(_mm_cvtsi32_si128(static_cast<int>(b) << 16)));
}

struct F32Rows {
  static __m256 load8(const std::byte* row, std::int64_t i) {
    return _mm256_loadu_ps(reinterpret_cast<const float*>(row) + i);
  }
  static float load_one(const std::byte* row, std::int64_t i) {
    float v;
    std::memcpy(&v, row + 4 * i, sizeof v);
    return v;
  }
};

struct F16Rows {
  static __m256 load8(const std::byte* row, std::int64_t i) {
    return _mm256_cvtph_ps(load128(row + 2 * i));
  }
  static float load_one(const std::byte* row, std::int64_t i) {
    return half_to_float(load_u16(row + 2 * i));
  }
};

struct Bf16Rows {
  static __m256 load8(const std::byte* row, std::int64_t i) {
    const __m256i widened = _mm256_cvtepu16_epi32(load128(row + 2 * i));
    return _mm256_castsi256_ps(_mm256_slli_epi32(widened, 16));
  }
  static float load_one(const std::byte* row, std::int64_t i) {
    return bf16_to_float(load_u16(row + 2 * i));
  }
};

// ---- entry points: n_tokens (1..kMaxDotTokens) becomes a compile-time constant ----

template <int NT>
struct Q8_0 {
  static void run(const std::byte* r, const QuantizedActivations& x, std::int64_t f, float* o) {
    dot_32_blocks<NT, DecodeQ8_0>(r, x, f, o);
  }
};
template <int NT>
struct Q4_0 {
  static void run(const std::byte* r, const QuantizedActivations& x, std::int64_t f, float* o) {
    dot_32_blocks<NT, DecodeQ4_0>(r, x, f, o);
  }
};
template <int NT>
struct Q5_0 {
  static void run(const std::byte* r, const QuantizedActivations& x, std::int64_t f, float* o) {
    dot_32_blocks<NT, DecodeQ5_0>(r, x, f, o);
  }
};
template <int NT>
struct Q4_K {
  static void run(const std::byte* r, const QuantizedActivations& x, std::int64_t f, float* o) {
    dot_k_with_mins<NT, false, BlockQ4_K>(r, x, f, o);
  }
};
template <int NT>
struct Q5_K {
  static void run(const std::byte* r, const QuantizedActivations& x, std::int64_t f, float* o) {
    dot_k_with_mins<NT, true, BlockQ5_K>(r, x, f, o);
  }
};
template <int NT>
struct Q6_K {
  static void run(const std::byte* r, const QuantizedActivations& x, std::int64_t f, float* o) {
    dot_q6_k<NT>(r, x, f, o);
  }
};

template <template <int> class Kernel>
void quantized_entry(const std::byte* row, const QuantizedActivations& x, std::int64_t first,
                     int n_tokens, float* out) {
  switch (n_tokens) {
    case 1:
      return Kernel<1>::run(row, x, first, out);
    case 2:
      return Kernel<2>::run(row, x, first, out);
    case 3:
      return Kernel<3>::run(row, x, first, out);
    default:
      return Kernel<4>::run(row, x, first, out);
  }
}

template <typename Rows>
void float_entry(const std::byte* row, std::int64_t cols, const float* x, int n_tokens,
                 float* out) {
  switch (n_tokens) {
    case 1:
      return dot_float_rows<1, Rows>(row, cols, x, out);
    case 2:
      return dot_float_rows<2, Rows>(row, cols, x, out);
    case 3:
      return dot_float_rows<3, Rows>(row, cols, x, out);
    default:
      return dot_float_rows<4, Rows>(row, cols, x, out);
  }
}

}  // namespace

void quantize_activations_avx2(const float* x, std::int64_t blocks, float* scales,
                               float* block_sums, std::int16_t* sums, std::int8_t* values) {
  const __m256 magnitude_mask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7FFFFFFF));
  const __m256 lowest = _mm256_set1_ps(-127.0f), highest = _mm256_set1_ps(127.0f);
  for (std::int64_t b = 0; b < blocks; ++b) {
    const float* in = x + b * kActivationBlock;
    __m256 v[4];
    for (int i = 0; i < 4; ++i)
      v[i] = _mm256_loadu_ps(in + 8 * i);
    __m256 amax = _mm256_max_ps(
        _mm256_max_ps(_mm256_and_ps(v[0], magnitude_mask), _mm256_and_ps(v[1], magnitude_mask)),
        _mm256_max_ps(_mm256_and_ps(v[2], magnitude_mask), _mm256_and_ps(v[3], magnitude_mask)));
    amax = _mm256_max_ps(amax, _mm256_permute2f128_ps(amax, amax, 1));
    amax = _mm256_max_ps(amax, _mm256_shuffle_ps(amax, amax, _MM_SHUFFLE(1, 0, 3, 2)));
    amax = _mm256_max_ps(amax, _mm256_shuffle_ps(amax, amax, _MM_SHUFFLE(2, 3, 0, 1)));
    const float largest = _mm256_cvtss_f32(amax);
    scales[b] = largest / 127.0f;
    const __m256 inverse = _mm256_set1_ps(largest > 0.0f ? 127.0f / largest : 0.0f);
    __m256i q[4];
    for (int i = 0; i < 4; ++i) {
      const __m256 scaled =
          _mm256_min_ps(_mm256_max_ps(_mm256_mul_ps(v[i], inverse), lowest), highest);
      q[i] = _mm256_cvtps_epi32(scaled);  // rounds half to even, as std::nearbyint does
    }
    sums[2 * b] = static_cast<std::int16_t>(sum_lanes(_mm256_add_epi32(q[0], q[1])));
    sums[2 * b + 1] = static_cast<std::int16_t>(sum_lanes(_mm256_add_epi32(q[2], q[3])));
    block_sums[b] = scales[b] * static_cast<float>(sums[2 * b] + sums[2 * b + 1]);
    // The packs interleave 128-bit lanes; the permutation puts the bytes back in order.
    const __m256i packed =
        _mm256_packs_epi16(_mm256_packs_epi32(q[0], q[1]), _mm256_packs_epi32(q[2], q[3]));
    const __m256i ordered =
        _mm256_permutevar8x32_epi32(packed, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(values + b * kActivationBlock), ordered);
  }
}

KernelTable avx2_kernel_table() {
  return KernelTable{quantize_activations_avx2, quantized_entry<Q8_0>, quantized_entry<Q4_0>,
                     quantized_entry<Q5_0>,     quantized_entry<Q4_K>, quantized_entry<Q5_K>,
                     quantized_entry<Q6_K>,     float_entry<F32Rows>,  float_entry<F16Rows>,
                     float_entry<Bf16Rows>};
}

}  // namespace codriver::llm::engine::kernels
