#pragma once

#include <cstddef>
#include <span>

#include "llm/gguf/gguf_types.h"

// The generator's own weight encoders, written from the GGUF block definitions (they share
// nothing with the engine's decoders, so a test that round-trips through both checks one
// against the other). Plain round-to-nearest; scales are rounded to half first and the
// weights quantised against the rounded scale, so the stored block is self-consistent.
namespace codriver::llm::testmodel {

// Encodes one row (`row.size()` weights, a multiple of the type's block) into `out`, which
// holds exactly gguf::row_bytes(type, row.size()) bytes. F32, F16, BF16, Q8_0, Q4_0, Q5_0,
// Q4_K, Q5_K and Q6_K; any other type throws std::invalid_argument.
void quantize_row(gguf::GgmlType type, std::span<const float> row, std::span<std::byte> out);

namespace blocks {
// One block each: 32 weights for Q8_0/Q4_0/Q5_0, 256 for the K types.
void q8_0(const float* x, std::byte* out);
void q4_0(const float* x, std::byte* out);
void q5_0(const float* x, std::byte* out);
void q4_k(const float* x, std::byte* out);
void q5_k(const float* x, std::byte* out);
void q6_k(const float* x, std::byte* out);
}  // namespace blocks

}  // namespace codriver::llm::testmodel
