#pragma once

// The weight blocks decoded to their integer quants, straight from the format's
// definition: the portable kernels and dequantize_row are built on these. Scalar code only
// (see kernel_table.h for why the per-instruction-set files must not include this).

#include <cstdint>
#include <cstring>

#include "llm/engine/kernels/block_formats.h"

namespace codriver::llm::engine::kernels {

// The 6-bit scale and min of Q4_K/Q5_K sub-block j (0..7) from the 12 packed bytes:
// sub-blocks 0-3 keep theirs in the low 6 bits of bytes j and j + 4; sub-blocks 4-7 take
// their low 4 bits from byte j + 4 (scale: low nibble, min: high nibble) and their top 2
// bits from the top bits of bytes j - 4 (scale) and j (min).
inline void k_quant_scale_min(const std::uint8_t* packed, int j, int& scale, int& min) {
  if (j < 4) {
    scale = packed[j] & 63;
    min = packed[j + 4] & 63;
  } else {
    scale = (packed[j + 4] & 0xF) | ((packed[j - 4] >> 6) << 4);
    min = (packed[j + 4] >> 4) | ((packed[j] >> 6) << 4);
  }
}

// Signed quants q of a Q4_0 block (value = d * q): low nibbles are elements 0-15, high
// nibbles 16-31, offset by 8.
inline void block_quants(const BlockQ4_0& b, std::int8_t* q) {
  for (int i = 0; i < 16; ++i) {
    q[i] = static_cast<std::int8_t>((b.qs[i] & 0xF) - 8);
    q[i + 16] = static_cast<std::int8_t>((b.qs[i] >> 4) - 8);
  }
}

// Eight bits to eight bytes: byte k of the result is bit k of `bits` (0 or 1). The
// multiply copies `bits` into every byte, the mask keeps bit k in byte k, and adding 0x7F
// carries any kept bit into the byte's top bit (never into the next byte).
inline std::uint64_t bits_to_bytes(std::uint8_t bits) {
  const std::uint64_t kept = (bits * 0x0101010101010101ull) & 0x8040201008040201ull;
  return ((kept + 0x7F7F7F7F7F7F7F7Full) >> 7) & 0x0101010101010101ull;
}

// Q5_0: bit i of qh (little-endian) is element i's fifth bit; offset 16. Eight elements at
// a time in a 64-bit word (an element-wise loop over the bits is several times slower);
// the offset is subtracted per byte without borrows by setting each byte's top bit first.
inline void block_quants(const BlockQ5_0& b, std::int8_t* q) {
  constexpr std::uint64_t kNibbles = 0x0F0F0F0F0F0F0F0Full, kTop = 0x8080808080808080ull,
                          kOffset = 0x1010101010101010ull;
  for (int k = 0; k < 2; ++k) {
    std::uint64_t packed;
    std::memcpy(&packed, b.qs + 8 * k, 8);
    const std::uint64_t low = (packed & kNibbles) | (bits_to_bytes(b.qh[k]) << 4);
    const std::uint64_t high = ((packed >> 4) & kNibbles) | (bits_to_bytes(b.qh[2 + k]) << 4);
    const std::uint64_t low_q = ((low | kTop) - kOffset) ^ kTop;
    const std::uint64_t high_q = ((high | kTop) - kOffset) ^ kTop;
    std::memcpy(q + 8 * k, &low_q, 8);
    std::memcpy(q + 16 + 8 * k, &high_q, 8);
  }
}

// Unsigned Q4_K quants (0..15): chunk c of qs holds sub-block 2c in its low nibbles and
// 2c + 1 in its high nibbles.
inline void block_quants(const BlockQ4_K& b, std::uint8_t* q) {
  for (int c = 0; c < 4; ++c) {
    for (int l = 0; l < 32; ++l) {
      q[64 * c + l] = b.qs[32 * c + l] & 0xF;
      q[64 * c + 32 + l] = b.qs[32 * c + l] >> 4;
    }
  }
}

// Unsigned Q5_K quants (0..31): Q4_K's nibbles plus bit j of qh[l] as bit 4 of element l of
// sub-block j.
inline void block_quants(const BlockQ5_K& b, std::uint8_t* q) {
  for (int c = 0; c < 4; ++c) {
    for (int l = 0; l < 32; ++l) {
      q[64 * c + l] =
          static_cast<std::uint8_t>((b.qs[32 * c + l] & 0xF) | (((b.qh[l] >> (2 * c)) & 1) << 4));
      q[64 * c + 32 + l] = static_cast<std::uint8_t>((b.qs[32 * c + l] >> 4) |
                                                     (((b.qh[l] >> (2 * c + 1)) & 1) << 4));
    }
  }
}

// Signed Q6_K quants (q - 32; element i's scale is scales[i / 16]). Each half of 128 has 64
// ql bytes and 32 qh bytes; its four groups of 32 take the low / low / high / high nibbles
// of ql[l], ql[l + 32], ql[l], ql[l + 32] and bits 0-1 / 2-3 / 4-5 / 6-7 of qh[l].
inline void block_quants(const BlockQ6_K& b, std::int8_t* q) {
  for (int half = 0; half < 2; ++half) {
    const std::uint8_t* ql = b.ql + 64 * half;
    const std::uint8_t* qh = b.qh + 32 * half;
    std::int8_t* out = q + 128 * half;
    for (int l = 0; l < 32; ++l) {
      out[l] = static_cast<std::int8_t>(((ql[l] & 0xF) | (((qh[l] >> 0) & 3) << 4)) - 32);
      out[l + 32] = static_cast<std::int8_t>(((ql[l + 32] & 0xF) | (((qh[l] >> 2) & 3) << 4)) - 32);
      out[l + 64] = static_cast<std::int8_t>(((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32);
      out[l + 96] = static_cast<std::int8_t>(((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32);
    }
  }
}

}  // namespace codriver::llm::engine::kernels
