#pragma once

// Helpers shared by the AVX2 and AVX-512 kernel files. Everything has internal linkage
// (anonymous namespace), so each file compiles its own copy for its own instruction set;
// needs at least AVX2 + F16C. Intrinsics only (see kernel_table.h).

#include <cstdint>

// GCC 12's AVX-512 headers trip its own -Wuninitialized (the masked forms of the
// intrinsics pass an undefined vector as "source" for lanes they never keep).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop

#include "llm/engine/kernels/kernel_table.h"

namespace codriver::llm::engine::kernels {
namespace {

inline __m256i load256(const void* p) {
  return _mm256_loadu_si256(static_cast<const __m256i*>(p));
}
inline __m128i load128(const void* p) {
  return _mm_loadu_si128(static_cast<const __m128i*>(p));
}
inline float half_to_float(std::uint16_t h) {
  return _cvtsh_ss(h);
}

inline float sum_lanes(__m256 v) {
  __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  s = _mm_add_ps(s, _mm_movehl_ps(s, s));
  s = _mm_add_ss(s, _mm_movehdup_ps(s));
  return _mm_cvtss_f32(s);
}

inline int sum_lanes(__m256i v) {
  __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
  s = _mm_add_epi32(s, _mm_unpackhi_epi64(s, s));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 1));
  return _mm_cvtsi128_si32(s);
}

// One token's quantised activations.
struct Token {
  const float* scales;
  const float* block_sums;
  const std::int16_t* sums;
  const std::int8_t* values;
};

inline Token token(const QuantizedActivations& x, std::int64_t t) {
  return Token{x.scales + t * x.blocks, x.block_sums + t * x.blocks, x.sums + t * x.blocks * 2,
               x.values + t * x.blocks * kActivationBlock};
}

// The 6-bit scales and mins of the 8 sub-blocks of a Q4_K/Q5_K block, as floats. With
// the 12 packed bytes as 32-bit words A (bytes 0-3), B (4-7), C (8-11): scales 0-3 = A &
// 0x3F.., mins 0-3 = B & 0x3F.., scales 4-7 = (C & 0x0F..) | top two bits of A's bytes,
// mins 4-7 = (C >> 4 & 0x0F..) | top two bits of B's bytes (see k_quant_scale_min in
// block_values.h). Reads 16 bytes from `packed` (the quants follow in every block).
inline void k_scales_mins(const std::uint8_t* packed, __m256& scales, __m256& mins) {
  const __m128i words = load128(packed);
  const __m128i low = _mm_shuffle_epi32(words, _MM_SHUFFLE(2, 1, 2, 0));   // A C B C
  const __m128i tops = _mm_shuffle_epi32(words, _MM_SHUFFLE(1, 1, 0, 0));  // . A . B
  const __m128i low_bits =
      _mm_and_si128(_mm_srlv_epi32(low, _mm_setr_epi32(0, 0, 0, 4)),
                    _mm_setr_epi32(0x3F3F3F3F, 0x0F0F0F0F, 0x3F3F3F3F, 0x0F0F0F0F));
  const __m128i top_bits =
      _mm_and_si128(_mm_srli_epi32(tops, 2), _mm_setr_epi32(0, 0x30303030, 0, 0x30303030));
  const __m128i bytes8 = _mm_or_si128(low_bits, top_bits);  // scales 0-7, mins 0-7
  scales = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(bytes8));
  mins = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_unpackhi_epi64(bytes8, bytes8)));
}

}  // namespace
}  // namespace codriver::llm::engine::kernels
