#pragma once

#include <cstdint>

// IEEE binary16 and bfloat16 conversions for the generator's own quantisers: float to
// half with round-to-nearest-even (overflow to infinity, subnormals kept, NaN kept), and
// float to bfloat16 likewise.
namespace codriver::llm::testmodel {

std::uint16_t float_to_half(float value);
float half_to_float(std::uint16_t bits);
// The next half away from zero of a finite half: makes a rounded scale at least as large
// in magnitude as it must be.
std::uint16_t next_half_away_from_zero(std::uint16_t bits);

std::uint16_t float_to_bfloat16(float value);
float bfloat16_to_float(std::uint16_t bits);

}  // namespace codriver::llm::testmodel
