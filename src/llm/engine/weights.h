#pragma once

#include <cstddef>
#include <cstdint>

#include "llm/gguf/gguf_file.h"
#include "llm/gguf/gguf_types.h"

namespace codriver::llm::engine {

// A weight matrix as GGUF stores it: `rows` rows of `cols` weights each (cols = dims[0],
// the input width), rows contiguous, each `row_bytes` long in the type's block encoding.
// It views memory it does not own (usually the model file's mapping).
struct WeightMatrix {
  gguf::GgmlType type = gguf::GgmlType::kF32;
  const std::byte* data = nullptr;
  std::int64_t rows = 0;
  std::int64_t cols = 0;
  std::size_t row_bytes = 0;

  const std::byte* row(std::int64_t r) const {
    return data + r * static_cast<std::int64_t>(row_bytes);
  }
};

// Whether the kernels can compute with weights of this type: F32, F16, BF16, Q8_0, Q4_0,
// Q5_0, Q4_K, Q5_K, Q6_K.
bool is_supported(gguf::GgmlType type);

// The matrix view of a tensor. Throws EngineError naming the tensor when its type is not
// supported, its row length is not a multiple of the type's block, or its size disagrees
// with its shape.
WeightMatrix weight_matrix(const gguf::TensorInfo& tensor);

// The same for weights held elsewhere (tests, benchmarks, converted tensors).
WeightMatrix weight_matrix(gguf::GgmlType type, const std::byte* data, std::int64_t rows,
                           std::int64_t cols);

}  // namespace codriver::llm::engine
