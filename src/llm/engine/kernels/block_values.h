#pragma once

// Element-wise readers of the weight blocks, straight from the format's definition: the
// portable kernels and dequantize_row are built on them. Scalar code only (see
// kernel_table.h for why the per-instruction-set files must not include this).

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

// Unsigned quant of element i (the value before the offset is subtracted).
inline int q4_0_quant(const BlockQ4_0& b, int i) {
  return i < 16 ? b.qs[i] & 0xF : b.qs[i - 16] >> 4;
}

inline int q5_0_quant(const BlockQ5_0& b, int i) {
  std::uint32_t high;
  std::memcpy(&high, b.qh, sizeof high);
  const int low = i < 16 ? b.qs[i] & 0xF : b.qs[i - 16] >> 4;
  return low | static_cast<int>(((high >> i) & 1) << 4);
}

inline int q4_k_quant(const BlockQ4_K& b, int i) {
  const int sub = i / 32;
  const std::uint8_t byte = b.qs[32 * (sub / 2) + i % 32];
  return sub % 2 == 0 ? byte & 0xF : byte >> 4;
}

inline int q5_k_quant(const BlockQ5_K& b, int i) {
  const int sub = i / 32;
  const std::uint8_t byte = b.qs[32 * (sub / 2) + i % 32];
  const int low = sub % 2 == 0 ? byte & 0xF : byte >> 4;
  return low | (((b.qh[i % 32] >> sub) & 1) << 4);
}

// Q6_K: each half (128 values) has 64 ql bytes and 32 qh bytes; its four groups of 32 take
// the low / low / high / high nibbles of ql[l], ql[l + 32], ql[l], ql[l + 32] and bits
// 0-1 / 2-3 / 4-5 / 6-7 of qh[l]. The scale of element i is scales[i / 16].
inline int q6_k_quant(const BlockQ6_K& b, int i) {
  const int half = i / 128;
  const int group = (i % 128) / 32;
  const int l = i % 32;
  const std::uint8_t low_byte = b.ql[64 * half + 32 * (group % 2) + l];
  const int low = group < 2 ? low_byte & 0xF : low_byte >> 4;
  const int high = (b.qh[32 * half + l] >> (2 * group)) & 3;
  return low | (high << 4);
}

}  // namespace codriver::llm::engine::kernels
