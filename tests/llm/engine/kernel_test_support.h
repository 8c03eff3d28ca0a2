#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "llm/engine/weights.h"
#include "llm/gguf/gguf_types.h"

// Test data for the kernel tests: random weight rows in every supported type, and a
// deliberately naive decoder written from the GGUF block definitions, independent of the
// engine's own.
namespace codriver::llm::engine::testing {

// A random matrix owning its bytes. Quantised blocks hold random bytes, except the half
// float scales, which are finite and of moderate size (as in real files).
struct RandomMatrix {
  std::vector<std::byte> bytes;
  WeightMatrix matrix;
};
RandomMatrix random_matrix(gguf::GgmlType type, std::int64_t rows, std::int64_t cols,
                           std::uint32_t seed);

std::vector<float> random_vector(std::size_t n, std::uint32_t seed);

// IEEE half float bits to double, from the bit layout.
double naive_half(std::uint16_t bits);

// One row decoded element by element following the format's reference loops.
std::vector<double> naive_dequantize(gguf::GgmlType type, const std::byte* row, std::int64_t cols);

// The kernels' documented activation quantisation (blocks of 32, scale = max|x| / 127,
// q = x * (127 / max|x|) rounded half to even), dequantised again.
std::vector<double> quantized_activations(const float* x, std::int64_t n);

// The types the kernels support, and a readable name for test output.
const std::vector<gguf::GgmlType>& supported_types();
const char* type_name(gguf::GgmlType type);
bool is_quantized(gguf::GgmlType type);
std::int64_t block_elements(gguf::GgmlType type);

}  // namespace codriver::llm::engine::testing
