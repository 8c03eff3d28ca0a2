#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "llm/testmodel/half_float.h"

// Small helpers shared by the generator's block encoders (internal).
namespace codriver::llm::testmodel::detail {

// Round half away from zero; the values quantised here are far inside int range.
inline int round_to_int(float value) {
  return static_cast<int>(value + (value >= 0.0f ? 0.5f : -0.5f));
}

inline int clamp_int(int value, int low, int high) {
  return std::clamp(value, low, high);
}

inline void store_u16(std::byte* at, std::uint16_t value) {
  at[0] = static_cast<std::byte>(value & 0xFF);
  at[1] = static_cast<std::byte>(value >> 8);
}

inline void store_u8(std::byte* at, unsigned value) {
  *at = static_cast<std::byte>(value & 0xFF);
}

// `scale` rounded to half, moved outward by one half step when rounding made its magnitude
// smaller than `at_least` (so that `at_least` of the scale still covers what it must).
inline std::uint16_t half_scale_at_least(float scale, float at_least) {
  std::uint16_t bits = float_to_half(scale);
  if (std::fabs(half_to_float(bits)) < at_least) bits = next_half_away_from_zero(bits);
  return bits;
}

// The value of largest magnitude, with its sign (the first one on ties).
inline float signed_max(const float* x, int count) {
  float best = 0.0f;
  for (int i = 0; i < count; ++i) {
    if (std::fabs(x[i]) > std::fabs(best)) best = x[i];
  }
  return best;
}

}  // namespace codriver::llm::testmodel::detail
