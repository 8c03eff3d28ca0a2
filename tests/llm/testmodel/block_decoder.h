#pragma once

#include <cstddef>
#include <vector>

#include "llm/gguf/gguf_types.h"

// The tests' own decoder of GGUF weight rows, written from the block definitions (not from
// the generator's encoders), so that a round trip checks the encoders against the format.
namespace codriver::llm::testmodel::testing {

std::vector<float> decode_row(gguf::GgmlType type, const std::byte* data, std::size_t weights);

// A half-precision value decoded arithmetically (sign, exponent, mantissa with ldexp).
float half_value(unsigned bits);

// The largest error each weight of `row` may have after encoding as `type`, from the
// quantiser's promise: round-to-nearest on a grid covering each (sub-)block's range, whose
// step is the ideal one rounded up by at most the next scale quantum.
std::vector<float> error_bounds(gguf::GgmlType type, const std::vector<float>& row);

}  // namespace codriver::llm::testmodel::testing
