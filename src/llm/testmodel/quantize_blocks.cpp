// Q8_0, Q4_0 and Q5_0: 32 weights, one half-precision scale d, rounded outward when
// rounding to half would shrink it (so the largest weight is never clamped).
#include "llm/testmodel/quantize.h"
#include "llm/testmodel/quantize_common.h"

namespace codriver::llm::testmodel::blocks {

using namespace detail;

// {f16 d; int8 qs[32]}: x = d * q, d = amax / 127.
void q8_0(const float* x, std::byte* out) {
  float amax = 0.0f;
  for (int i = 0; i < 32; ++i)
    amax = std::max(amax, std::fabs(x[i]));
  const std::uint16_t d_bits = half_scale_at_least(amax / 127.0f, amax / 127.0f);
  const float d = half_to_float(d_bits);
  const float inverse = d != 0.0f ? 1.0f / d : 0.0f;
  store_u16(out, d_bits);
  for (int i = 0; i < 32; ++i) {
    store_u8(out + 2 + i,
             static_cast<unsigned>(clamp_int(round_to_int(x[i] * inverse), -127, 127)));
  }
}

// {f16 d; u8 qs[16]}: 4-bit q, element j in the low nibble of qs[j], element j + 16 in the
// high nibble; x = d * (q - 8), d = max / -8 (max: the value of largest magnitude, signed,
// so it lands exactly on q = 0).
void q4_0(const float* x, std::byte* out) {
  const float max = signed_max(x, 32);
  const std::uint16_t d_bits = half_scale_at_least(max / -8.0f, std::fabs(max) / 8.0f);
  const float d = half_to_float(d_bits);
  const float inverse = d != 0.0f ? 1.0f / d : 0.0f;
  store_u16(out, d_bits);
  for (int j = 0; j < 16; ++j) {
    const int low = clamp_int(round_to_int(x[j] * inverse) + 8, 0, 15);
    const int high = clamp_int(round_to_int(x[j + 16] * inverse) + 8, 0, 15);
    store_u8(out + 2 + j, static_cast<unsigned>(low | (high << 4)));
  }
}

// {f16 d; u8 qh[4]; u8 qs[16]}: 5-bit q whose low 4 bits are packed as in Q4_0 and whose
// fifth bit is bit j (element j) or bit j + 16 (element j + 16) of the little-endian 32-bit
// qh; x = d * (q - 16), d = max / -16.
void q5_0(const float* x, std::byte* out) {
  const float max = signed_max(x, 32);
  const std::uint16_t d_bits = half_scale_at_least(max / -16.0f, std::fabs(max) / 16.0f);
  const float d = half_to_float(d_bits);
  const float inverse = d != 0.0f ? 1.0f / d : 0.0f;
  store_u16(out, d_bits);
  std::uint32_t high_bits = 0;
  for (int j = 0; j < 16; ++j) {
    const int low = clamp_int(round_to_int(x[j] * inverse) + 16, 0, 31);
    const int high = clamp_int(round_to_int(x[j + 16] * inverse) + 16, 0, 31);
    store_u8(out + 6 + j, static_cast<unsigned>((low & 0xF) | ((high & 0xF) << 4)));
    high_bits |= static_cast<std::uint32_t>(low >> 4) << j;
    high_bits |= static_cast<std::uint32_t>(high >> 4) << (j + 16);
  }
  for (int k = 0; k < 4; ++k)
    store_u8(out + 2 + k, high_bits >> (8 * k));
}

}  // namespace codriver::llm::testmodel::blocks
