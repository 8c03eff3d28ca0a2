#pragma once

// The AVX-512 kernels, written once over the instruction that multiplies unsigned by
// signed bytes and sums groups of four into int32 lanes (`Unit::dot`): VNNI's vpdpbusd, or
// vpmaddubsw + vpmaddwd on AVX-512BW. Included only by dot_avx512.cpp and
// dot_avx512vnni.cpp, each compiled for its instruction set; everything here has internal
// linkage, so each file gets its own copy. Intrinsics only (see kernel_table.h).
//
// Layout: one 512-bit register holds 64 weights = two blocks of 32 (or two sub-blocks of a
// K-quant), matching 64 contiguous activation bytes; the 16 int32 lanes of the dot product
// are 8 per block, so each lane is scaled by its block's factor (vpermps picks it) and
// accumulated in float, and lanes are only summed at the end of the row.

#include <cstring>

#include "llm/engine/kernels/block_formats.h"
#include "llm/engine/kernels/kernel_table.h"
#include "llm/engine/kernels/x86_helpers.h"

namespace codriver::llm::engine::kernels {
namespace {

inline __m512i load512(const void* p) {
  return _mm512_loadu_si512(p);
}
inline __m512i bytes(char v) {
  return _mm512_set1_epi8(v);
}
inline __m512i join(__m256i low, __m256i high) {
  return _mm512_inserti64x4(_mm512_castsi256_si512(low), high, 1);
}

inline float sum_lanes(__m512 v) {
  return sum_lanes(_mm256_add_ps(_mm512_castps512_ps256(v),
                                 _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(v), 1))));
}

// Lane index vectors for vpermps: lane l takes element first + l / lanes_per_element of
// the source (constant-folded where the arguments are constants).
inline __m512i lanes_from(int first, int per) {
  return _mm512_setr_epi32(first + 0 / per, first + 1 / per, first + 2 / per, first + 3 / per,
                           first + 4 / per, first + 5 / per, first + 6 / per, first + 7 / per,
                           first + 8 / per, first + 9 / per, first + 10 / per, first + 11 / per,
                           first + 12 / per, first + 13 / per, first + 14 / per, first + 15 / per);
}

// ---- 32-weight blocks, two at a time ----
//
// A decoder gives two blocks' quants (block b in the low half, b + 1 in the high half) and
// their scales in lanes 0 and 1. For a row's last, unpaired block the high half's scale
// is 0 and the activations there are not loaded. Q4_0's and Q5_0's quants are unsigned
// (0..15, 0..31); their offset (8, 16) is subtracted once per block through the
// activations' block sums. Q8_0's are signed: with VNNI (no intermediate saturation) they
// become unsigned as q + 128 with offset 128; without it, vpmaddubsw gets their
// magnitudes and their signs move onto the activations.

struct DecodedPair {
  __m512i quants;
  __m128 scales;
};

inline __m128 two_halves(std::uint16_t a, std::uint16_t b) {
  return _mm_cvtph_ps(
      _mm_cvtsi32_si128(static_cast<int>(a | (static_cast<std::uint32_t>(b) << 16))));
}

struct DecodeQ8_0 {
  static constexpr bool kSigned = true;
  static constexpr int kOffset = 0;
  static DecodedPair decode(const std::byte* row, std::int64_t b, bool single) {
    const auto* blocks = reinterpret_cast<const BlockQ8_0*>(row) + b;
    if (single) {
      return {join(load256(blocks[0].qs), _mm256_setzero_si256()), two_halves(blocks[0].d, 0)};
    }
    return {join(load256(blocks[0].qs), load256(blocks[1].qs)),
            two_halves(blocks[0].d, blocks[1].d)};
  }
};

// Nibbles of two 16-byte arrays in element order: [a low, a high, b low, b high].
inline __m512i nibbles(__m128i a, __m128i b) {
  const __m256i both = _mm256_set_m128i(b, a);
  const __m512i lanes = join(both, _mm256_srli_epi16(both, 4));  // [a, b, a >> 4, b >> 4]
  return _mm512_and_si512(_mm512_shuffle_i64x2(lanes, lanes, _MM_SHUFFLE(3, 1, 2, 0)), bytes(0x0F));
}

struct DecodeQ4_0 {
  static constexpr bool kSigned = false;
  static constexpr int kOffset = 8;
  static DecodedPair decode(const std::byte* row, std::int64_t b, bool single) {
    const auto* blocks = reinterpret_cast<const BlockQ4_0*>(row) + b;
    const __m128i second = single ? _mm_setzero_si128() : load128(blocks[1].qs);
    return {nibbles(load128(blocks[0].qs), second),
            two_halves(blocks[0].d, single ? 0 : blocks[1].d)};
  }
};

struct DecodeQ5_0 {
  static constexpr bool kSigned = false;
  static constexpr int kOffset = 16;
  static DecodedPair decode(const std::byte* row, std::int64_t b, bool single) {
    const auto* blocks = reinterpret_cast<const BlockQ5_0*>(row) + b;
    std::uint32_t high_a, high_b = 0;
    std::memcpy(&high_a, blocks[0].qh, sizeof high_a);
    if (!single) std::memcpy(&high_b, blocks[1].qh, sizeof high_b);
    const __m128i second = single ? _mm_setzero_si128() : load128(blocks[1].qs);
    const __m512i low = nibbles(load128(blocks[0].qs), second);
    const __mmask64 fifth_bit = high_a | (static_cast<std::uint64_t>(high_b) << 32);
    return {_mm512_mask_add_epi8(low, fifth_bit, low, bytes(16)),
            two_halves(blocks[0].d, single ? 0 : blocks[1].d)};
  }
};

template <class Unit, int NT, typename Decoder>
void dot_32_blocks(const std::byte* row, const QuantizedActivations& x, std::int64_t first,
                   float* out) {
  constexpr bool kFlipSigns = Decoder::kSigned && !Unit::kExact;
  constexpr int kOffset = Decoder::kSigned ? (kFlipSigns ? 0 : 128) : Decoder::kOffset;
  const __m512i block_of_lane = lanes_from(0, 8);
  Token tokens[NT];
  __m512 acc[NT];
  __m128 offsets[NT];  // sum of weight scale * x scale * sum(x), per block of the pair
#pragma GCC unroll 4
  for (int t = 0; t < NT; ++t) {
    tokens[t] = token(x, first + t);
    acc[t] = _mm512_setzero_ps();
    offsets[t] = _mm_setzero_ps();
  }
  auto accumulate = [&](std::int64_t b, bool single) __attribute__((always_inline)) {
    const DecodedPair pair = Decoder::decode(row, b, single);
    __m512i weights = pair.quants;
    __mmask64 negative = 0;
    if constexpr (kFlipSigns) {
      negative = _mm512_movepi8_mask(weights);
      weights = _mm512_abs_epi8(weights);
    } else if constexpr (Decoder::kSigned) {
      weights = _mm512_xor_si512(weights, bytes(static_cast<char>(0x80)));  // q + 128
    }
#pragma GCC unroll 4
    for (int t = 0; t < NT; ++t) {
      const std::int8_t* xp = tokens[t].values + 32 * b;
      __m512i xq = single ? _mm512_maskz_loadu_epi8(0xFFFFFFFFull, xp) : load512(xp);
      if constexpr (kFlipSigns) xq = _mm512_mask_sub_epi8(xq, negative, _mm512_setzero_si512(), xq);
      const __m512i dots = Unit::dot(weights, xq);
      const auto load_pair = [single](const float* p) {
        return single ? _mm_load_ss(p)
                      : _mm_castpd_ps(_mm_load_sd(reinterpret_cast<const double*>(p)));
      };
      const __m512 factors = _mm512_permutexvar_ps(
          block_of_lane,
          _mm512_castps128_ps512(_mm_mul_ps(pair.scales, load_pair(tokens[t].scales + b))));
      acc[t] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(dots), factors, acc[t]);
      if constexpr (kOffset != 0) {
        offsets[t] = _mm_fmadd_ps(pair.scales, load_pair(tokens[t].block_sums + b), offsets[t]);
      }
    }
  };
  std::int64_t b = 0;
  for (; b + 1 < x.blocks; b += 2)
    accumulate(b, false);
  if (b < x.blocks) accumulate(b, true);
#pragma GCC unroll 4
  for (int t = 0; t < NT; ++t) {
    const float offset_sum = _mm_cvtss_f32(offsets[t]) + _mm_cvtss_f32(_mm_movehdup_ps(offsets[t]));
    out[t] = sum_lanes(acc[t]) - static_cast<float>(kOffset) * offset_sum;
  }
}

// ---- K-quants ----

// Q4_K (kFiveBits false) and Q5_K. Chunk c of 32 bytes holds sub-blocks 2c (low nibbles)
// and 2c + 1 (high nibbles): one register, against activation bytes 64c .. 64c + 63.
template <class Unit, int NT, bool kFiveBits, typename Block>
void dot_k_with_mins(const std::byte* row, const QuantizedActivations& x, std::int64_t first,
                     float* out) {
  const auto* blocks = reinterpret_cast<const Block*>(row);
  const std::int64_t super_blocks = x.blocks / 8;
  const __m512i sub_block_of_lane[4] = {lanes_from(0, 8), lanes_from(2, 8), lanes_from(4, 8),
                                        lanes_from(6, 8)};
  Token tokens[NT];
  __m512 acc_even[NT], acc_odd[NT];
  __m256 acc_mins[NT];
#pragma GCC unroll 4
  for (int t = 0; t < NT; ++t) {
    tokens[t] = token(x, first + t);
    acc_even[t] = acc_odd[t] = _mm512_setzero_ps();
    acc_mins[t] = _mm256_setzero_ps();
  }
  for (std::int64_t s = 0; s < super_blocks; ++s) {
    const Block& block = blocks[s];
    __m256 scales, mins;
    k_scales_mins(block.scales, scales, mins);
    const __m256 steps = _mm256_mul_ps(_mm256_set1_ps(_cvtsh_ss(block.d)), scales);
    const __m256 offsets = _mm256_mul_ps(_mm256_set1_ps(_cvtsh_ss(block.dmin)), mins);
    __m512i quants[4];
#pragma GCC unroll 4
    for (int c = 0; c < 4; ++c) {
      const __m256i packed = load256(block.qs + 32 * c);
      quants[c] = _mm512_and_si512(join(packed, _mm256_srli_epi16(packed, 4)), bytes(0x0F));
      if constexpr (kFiveBits) {
        const __m256i high = load256(block.qh);
        const __m512i bit = join(_mm256_set1_epi8(static_cast<char>(1 << (2 * c))),
                                 _mm256_set1_epi8(static_cast<char>(1 << (2 * c + 1))));
        const __mmask64 fifth = _mm512_test_epi8_mask(join(high, high), bit);
        quants[c] = _mm512_mask_add_epi8(quants[c], fifth, quants[c], bytes(16));
      }
    }
#pragma GCC unroll 4
    for (int t = 0; t < NT; ++t) {
      const std::int8_t* xq = tokens[t].values + kSuperBlock * s;
      const __m256 x_scales = _mm256_loadu_ps(tokens[t].scales + 8 * s);
      const __m512 factors = _mm512_castps256_ps512(_mm256_mul_ps(steps, x_scales));
#pragma GCC unroll 4
      for (int c = 0; c < 4; ++c) {
        const __m512i dots = Unit::dot(quants[c], load512(xq + 64 * c));
        __m512& acc = c % 2 == 0 ? acc_even[t] : acc_odd[t];
        acc = _mm512_fmadd_ps(_mm512_cvtepi32_ps(dots),
                              _mm512_permutexvar_ps(sub_block_of_lane[c], factors), acc);
      }
      acc_mins[t] =
          _mm256_fmadd_ps(offsets, _mm256_loadu_ps(tokens[t].block_sums + 8 * s), acc_mins[t]);
    }
  }
#pragma GCC unroll 4
  for (int t = 0; t < NT; ++t) {
    out[t] = sum_lanes(_mm512_add_ps(acc_even[t], acc_odd[t])) - sum_lanes(acc_mins[t]);
  }
}

// Q6_K: the 6-bit quants are used unsigned (0..63) and the -32 is subtracted afterwards
// from the activations' sums of 16: d * scale_k * x_scale * (sum(q x) - 32 sum(x)).
template <class Unit, int NT>
void dot_q6_k(const std::byte* row, const QuantizedActivations& x, std::int64_t first, float* out) {
  const auto* blocks = reinterpret_cast<const BlockQ6_K*>(row);
  const std::int64_t super_blocks = x.blocks / 8;
  // Register m holds 16-value sub-blocks 4m .. 4m + 3, four lanes each.
  const __m512i sub_block_of_lane[4] = {lanes_from(0, 4), lanes_from(4, 4), lanes_from(8, 4),
                                        lanes_from(12, 4)};
  const __m512i x_scale_of_sub_block = lanes_from(0, 2);
  // Shifts bringing qh's bit pairs to bits 4-5: groups 0 and 1 of a half (first register),
  // groups 2 and 3 (second register).
  const __m512i shift_first = join(_mm256_set1_epi16(4), _mm256_set1_epi16(2));
  const __m512i shift_second = join(_mm256_setzero_si256(), _mm256_set1_epi16(2));
  Token tokens[NT];
  __m512 acc_even[NT], acc_odd[NT], acc_offsets[NT];
#pragma GCC unroll 4
  for (int t = 0; t < NT; ++t) {
    tokens[t] = token(x, first + t);
    acc_even[t] = acc_odd[t] = acc_offsets[t] = _mm512_setzero_ps();
  }
  for (std::int64_t s = 0; s < super_blocks; ++s) {
    const BlockQ6_K& block = blocks[s];
    const __m512 steps =
        _mm512_mul_ps(_mm512_set1_ps(_cvtsh_ss(block.d)),
                      _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(load128(block.scales))));
    __m512i quants[4];
#pragma GCC unroll 2
    for (int half = 0; half < 2; ++half) {
      const __m512i low = join(load256(block.ql + 64 * half), load256(block.ql + 64 * half + 32));
      const __m256i high256 = load256(block.qh + 32 * half);
      const __m512i high = join(high256, high256);
      quants[2 * half] =
          _mm512_or_si512(_mm512_and_si512(low, bytes(0x0F)),
                          _mm512_and_si512(_mm512_sllv_epi16(high, shift_first), bytes(0x30)));
      quants[2 * half + 1] =
          _mm512_or_si512(_mm512_and_si512(_mm512_srli_epi16(low, 4), bytes(0x0F)),
                          _mm512_and_si512(_mm512_srlv_epi16(high, shift_second), bytes(0x30)));
    }
#pragma GCC unroll 4
    for (int t = 0; t < NT; ++t) {
      const std::int8_t* xq = tokens[t].values + kSuperBlock * s;
      const __m512 x_scales = _mm512_permutexvar_ps(
          x_scale_of_sub_block, _mm512_castps256_ps512(_mm256_loadu_ps(tokens[t].scales + 8 * s)));
      const __m512 factors = _mm512_mul_ps(steps, x_scales);  // one per sub-block of 16
#pragma GCC unroll 4
      for (int m = 0; m < 4; ++m) {
        const __m512i dots = Unit::dot(quants[m], load512(xq + 64 * m));
        __m512& acc = m % 2 == 0 ? acc_even[t] : acc_odd[t];
        acc = _mm512_fmadd_ps(_mm512_cvtepi32_ps(dots),
                              _mm512_permutexvar_ps(sub_block_of_lane[m], factors), acc);
      }
      const __m512 x_sums =
          _mm512_cvtepi32_ps(_mm512_cvtepi16_epi32(load256(tokens[t].sums + 16 * s)));
      acc_offsets[t] = _mm512_fmadd_ps(factors, x_sums, acc_offsets[t]);
    }
  }
#pragma GCC unroll 4
  for (int t = 0; t < NT; ++t) {
    out[t] = sum_lanes(_mm512_add_ps(acc_even[t], acc_odd[t])) - 32.0f * sum_lanes(acc_offsets[t]);
  }
}

// ---- float weights: 16 per register, the row's tail through masked loads ----

// Rows::load16 reads 16 weights (those in `mask`) as floats.
template <int NT, typename Rows>
void dot_float_rows(const std::byte* row, std::int64_t cols, const float* x, float* out) {
  __m512 acc_a[NT], acc_b[NT];
#pragma GCC unroll 4
  for (int t = 0; t < NT; ++t)
    acc_a[t] = acc_b[t] = _mm512_setzero_ps();
  std::int64_t i = 0;
  for (; i + 32 <= cols; i += 32) {
    const __m512 wa = Rows::load16(row, i, 0xFFFF);
    const __m512 wb = Rows::load16(row, i + 16, 0xFFFF);
#pragma GCC unroll 4
    for (int t = 0; t < NT; ++t) {
      acc_a[t] = _mm512_fmadd_ps(wa, _mm512_loadu_ps(x + t * cols + i), acc_a[t]);
      acc_b[t] = _mm512_fmadd_ps(wb, _mm512_loadu_ps(x + t * cols + i + 16), acc_b[t]);
    }
  }
  for (; i < cols; i += 16) {
    const std::int64_t left = cols - i;
    const __mmask16 mask = left >= 16 ? 0xFFFF : static_cast<__mmask16>((1u << left) - 1);
    const __m512 w = Rows::load16(row, i, mask);
#pragma GCC unroll 4
    for (int t = 0; t < NT; ++t) {
      acc_a[t] = _mm512_fmadd_ps(w, _mm512_maskz_loadu_ps(mask, x + t * cols + i), acc_a[t]);
    }
  }
#pragma GCC unroll 4
  for (int t = 0; t < NT; ++t)
    out[t] = sum_lanes(_mm512_add_ps(acc_a[t], acc_b[t]));
}

struct F32Rows {
  static __m512 load16(const std::byte* row, std::int64_t i, __mmask16 mask) {
    return _mm512_maskz_loadu_ps(mask, reinterpret_cast<const float*>(row) + i);
  }
};

struct F16Rows {
  static __m512 load16(const std::byte* row, std::int64_t i, __mmask16 mask) {
    return _mm512_cvtph_ps(_mm256_maskz_loadu_epi16(mask, row + 2 * i));
  }
};

struct Bf16Rows {
  static __m512 load16(const std::byte* row, std::int64_t i, __mmask16 mask) {
    const __m512i widened = _mm512_cvtepu16_epi32(_mm256_maskz_loadu_epi16(mask, row + 2 * i));
    return _mm512_castsi512_ps(_mm512_slli_epi32(widened, 16));
  }
};

// ---- entry points ----

template <class Unit>
struct Kernels {
  template <int NT>
  struct Q8_0 {
    static void run(const std::byte* r, const QuantizedActivations& x, std::int64_t f, float* o) {
      dot_32_blocks<Unit, NT, DecodeQ8_0>(r, x, f, o);
    }
  };
  template <int NT>
  struct Q4_0 {
    static void run(const std::byte* r, const QuantizedActivations& x, std::int64_t f, float* o) {
      dot_32_blocks<Unit, NT, DecodeQ4_0>(r, x, f, o);
    }
  };
  template <int NT>
  struct Q5_0 {
    static void run(const std::byte* r, const QuantizedActivations& x, std::int64_t f, float* o) {
      dot_32_blocks<Unit, NT, DecodeQ5_0>(r, x, f, o);
    }
  };
  template <int NT>
  struct Q4_K {
    static void run(const std::byte* r, const QuantizedActivations& x, std::int64_t f, float* o) {
      dot_k_with_mins<Unit, NT, false, BlockQ4_K>(r, x, f, o);
    }
  };
  template <int NT>
  struct Q5_K {
    static void run(const std::byte* r, const QuantizedActivations& x, std::int64_t f, float* o) {
      dot_k_with_mins<Unit, NT, true, BlockQ5_K>(r, x, f, o);
    }
  };
  template <int NT>
  struct Q6_K {
    static void run(const std::byte* r, const QuantizedActivations& x, std::int64_t f, float* o) {
      dot_q6_k<Unit, NT>(r, x, f, o);
    }
  };
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

template <class Unit>
KernelTable avx512_table() {
  using K = Kernels<Unit>;
  return KernelTable{quantize_activations_avx2,
                     quantized_entry<K::template Q8_0>,
                     quantized_entry<K::template Q4_0>,
                     quantized_entry<K::template Q5_0>,
                     quantized_entry<K::template Q4_K>,
                     quantized_entry<K::template Q5_K>,
                     quantized_entry<K::template Q6_K>,
                     float_entry<F32Rows>,
                     float_entry<F16Rows>,
                     float_entry<Bf16Rows>};
}

}  // namespace
}  // namespace codriver::llm::engine::kernels
