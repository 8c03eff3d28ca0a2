#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "llm/gguf/gguf_file.h"
#include "llm/gguf/gguf_types.h"

// The test reference's own reading of GGUF weight types: one weight at a time, in double,
// written straight from the block definitions of the format. Deliberately slow and plain:
// it is what the engine's kernels and the generator's quantisers are checked against, so it
// shares no code with either (not even the block geometry table of gguf_types.h).
namespace codriver::llm::reference {

// Weights per block and bytes per block of a type; throws std::invalid_argument for a type
// the reference does not read (Q4_1, Q5_1, Q8_1, Q2_K, Q3_K, Q8_K).
struct BlockGeometry {
  std::int64_t elements = 0;
  std::int64_t bytes = 0;
};
BlockGeometry block_geometry(gguf::GgmlType type);

// Bytes of a row of `elements` weights; throws std::invalid_argument when `elements` is not a
// whole number of blocks.
std::int64_t reference_row_bytes(gguf::GgmlType type, std::int64_t elements);

// IEEE half and bfloat16 bit patterns as doubles (infinities, NaN and subnormals included).
double half_to_double(std::uint16_t bits);
double bfloat16_to_double(std::uint16_t bits);

// Weight `index` (0-based, may run past the first block) of a row stored as `type`.
double weight_at(gguf::GgmlType type, const std::byte* row, std::int64_t index);

// The `elements` weights of a row.
std::vector<double> dequantize_row(gguf::GgmlType type, const std::byte* row,
                                   std::int64_t elements);

// Every weight of a tensor, row after row (rows of dims[0] weights). Throws
// std::invalid_argument when the tensor's byte count does not match its type and shape.
std::vector<double> dequantize_tensor(const gguf::TensorInfo& tensor);

}  // namespace codriver::llm::reference
