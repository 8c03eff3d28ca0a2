#pragma once

// The weight blocks exactly as GGUF (ggml) lays them out; all multi-byte fields are
// little-endian, scales are IEEE half floats. Types only: this header is included by the
// per-instruction-set kernel files (see kernel_table.h).

#include <bit>
#include <cstdint>

namespace codriver::llm::engine::kernels {

inline constexpr int kSuperBlock = 256;  // weights per K-quant block

// Q8_0: value = d * qs[i].
struct BlockQ8_0 {
  std::uint16_t d;
  std::int8_t qs[32];
};

// Q4_0: value i (< 16) = d * ((qs[i] & 15) - 8), value i + 16 = d * ((qs[i] >> 4) - 8).
struct BlockQ4_0 {
  std::uint16_t d;
  std::uint8_t qs[16];
};

// Q5_0: as Q4_0 with a fifth bit: bit i of the little-endian 32-bit qh is value i's bit 4;
// value = d * (q - 16).
struct BlockQ5_0 {
  std::uint16_t d;
  std::uint8_t qh[4];
  std::uint8_t qs[16];
};

// Q4_K: 8 sub-blocks of 32 with 6-bit scales sc[j] and mins m[j] packed in `scales`
// (see unpack in the kernels); value = d * sc[j] * q - dmin * m[j]. qs holds 4 chunks of
// 32 bytes: chunk c's low nibbles are sub-block 2c, its high nibbles sub-block 2c + 1.
struct BlockQ4_K {
  std::uint16_t d;
  std::uint16_t dmin;
  std::uint8_t scales[12];
  std::uint8_t qs[128];
};

// Q5_K: Q4_K plus a fifth bit: bit j of qh[l] is bit 4 of value l of sub-block j.
struct BlockQ5_K {
  std::uint16_t d;
  std::uint16_t dmin;
  std::uint8_t scales[12];
  std::uint8_t qh[32];
  std::uint8_t qs[128];
};

// Q6_K: 16 sub-blocks of 16 with signed 8-bit scales; value = d * scales[j] * (q - 32),
// q six bits: four from ql, two from qh (layout in the kernels).
struct BlockQ6_K {
  std::uint8_t ql[128];
  std::uint8_t qh[64];
  std::int8_t scales[16];
  std::uint16_t d;
};

// The kernels read multi-byte fields and pack bytes into words natively.
static_assert(std::endian::native == std::endian::little, "the engine needs a little-endian CPU");

static_assert(sizeof(BlockQ8_0) == 34);
static_assert(sizeof(BlockQ4_0) == 18);
static_assert(sizeof(BlockQ5_0) == 22);
static_assert(sizeof(BlockQ4_K) == 144);
static_assert(sizeof(BlockQ5_K) == 176);
static_assert(sizeof(BlockQ6_K) == 210);

}  // namespace codriver::llm::engine::kernels
