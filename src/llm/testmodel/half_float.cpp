#include "llm/testmodel/half_float.h"

#include <bit>
#include <cmath>

namespace codriver::llm::testmodel {

std::uint16_t float_to_half(float value) {
  std::uint32_t bits = std::bit_cast<std::uint32_t>(value);
  const auto sign = static_cast<std::uint16_t>((bits >> 16) & 0x8000u);
  bits &= 0x7FFFFFFFu;
  if (bits >= 0x7F800000u) {  // infinity, or NaN kept quiet
    return sign | (bits > 0x7F800000u ? 0x7E00u : 0x7C00u);
  }
  // 65520 and above round (ties to even) past the largest half, 65504.
  if (bits >= 0x477FF000u) return sign | 0x7C00u;
  if (bits < 0x38800000u) {
    // Below the smallest normal half (2^-14): a multiple of 2^-24, rounded to nearest even
    // by the default floating-point rounding mode. The scaling is exact.
    const float scaled = std::bit_cast<float>(bits) * 16777216.0f;
    return sign | static_cast<std::uint16_t>(std::nearbyint(scaled));
  }
  // Normal: rebias the exponent (127 -> 15) and round the 13 dropped mantissa bits to
  // nearest even; a carry out of the mantissa correctly bumps the exponent.
  const std::uint32_t odd = (bits >> 13) & 1u;
  bits += 0xC8000FFFu + odd;
  return sign | static_cast<std::uint16_t>(bits >> 13);
}

float half_to_float(std::uint16_t bits) {
  const std::uint32_t sign = static_cast<std::uint32_t>(bits & 0x8000u) << 16;
  const std::uint32_t exponent = (bits >> 10) & 0x1Fu;
  const std::uint32_t mantissa = bits & 0x3FFu;
  if (exponent == 0) {
    const float magnitude = static_cast<float>(mantissa) * (1.0f / 16777216.0f);
    return sign != 0 ? -magnitude : magnitude;
  }
  if (exponent == 31) return std::bit_cast<float>(sign | 0x7F800000u | (mantissa << 13));
  return std::bit_cast<float>(sign | ((exponent + 112u) << 23) | (mantissa << 13));
}

std::uint16_t next_half_away_from_zero(std::uint16_t bits) {
  // Sign and magnitude: one more in the magnitude bits is the next value outward.
  return static_cast<std::uint16_t>(bits + 1u);
}

std::uint16_t float_to_bfloat16(float value) {
  const std::uint32_t bits = std::bit_cast<std::uint32_t>(value);
  if ((bits & 0x7FFFFFFFu) > 0x7F800000u) {
    return static_cast<std::uint16_t>((bits >> 16) | 0x40u);  // NaN stays a (quiet) NaN
  }
  const std::uint32_t odd = (bits >> 16) & 1u;
  return static_cast<std::uint16_t>((bits + 0x7FFFu + odd) >> 16);
}

float bfloat16_to_float(std::uint16_t bits) {
  return std::bit_cast<float>(static_cast<std::uint32_t>(bits) << 16);
}

}  // namespace codriver::llm::testmodel
