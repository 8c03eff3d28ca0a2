#include "llm/engine/weights.h"

#include <string>

#include "llm/engine/engine_error.h"

namespace codriver::llm::engine {
namespace {

using gguf::GgmlType;

std::string type_name(GgmlType type) {
  const auto traits = gguf::type_traits(static_cast<std::uint32_t>(type));
  return traits ? std::string(traits->name)
                : "type " + std::to_string(static_cast<std::uint32_t>(type));
}

void check_supported(GgmlType type, const std::string& what) {
  if (is_supported(type)) return;
  throw EngineError(what + " has weight type " + type_name(type) +
                    ", which the engine cannot compute with (it supports F32, F16, BF16, Q8_0, "
                    "Q4_0, Q5_0, Q4_K, Q5_K and Q6_K); use a model file quantised to one of "
                    "those, e.g. Q8_0 or Q4_K_M");
}

std::size_t checked_row_bytes(GgmlType type, std::int64_t cols, const std::string& what) {
  const gguf::TypeTraits traits = gguf::type_traits(type);
  if (cols <= 0 || cols % traits.block_elements != 0) {
    throw EngineError(what + " has rows of " + std::to_string(cols) + " weights, which is not " +
                      "a positive multiple of the " + std::string(traits.name) + " block of " +
                      std::to_string(traits.block_elements));
  }
  return static_cast<std::size_t>(cols / traits.block_elements) * traits.block_bytes;
}

}  // namespace

bool is_supported(GgmlType type) {
  switch (type) {
    case GgmlType::kF32:
    case GgmlType::kF16:
    case GgmlType::kBF16:
    case GgmlType::kQ8_0:
    case GgmlType::kQ4_0:
    case GgmlType::kQ5_0:
    case GgmlType::kQ4_K:
    case GgmlType::kQ5_K:
    case GgmlType::kQ6_K:
      return true;
    default:
      return false;
  }
}

WeightMatrix weight_matrix(const gguf::TensorInfo& tensor) {
  const std::string what = "tensor '" + tensor.name + "'";
  check_supported(tensor.type, what);
  if (tensor.dims.empty()) throw EngineError(what + " has no dimensions");
  std::uint64_t rows = 1;
  for (std::size_t i = 1; i < tensor.dims.size(); ++i)
    rows *= tensor.dims[i];
  const auto cols = static_cast<std::int64_t>(tensor.dims[0]);
  WeightMatrix matrix{tensor.type, tensor.data, static_cast<std::int64_t>(rows), cols,
                      checked_row_bytes(tensor.type, cols, what)};
  if (matrix.row_bytes * rows != tensor.bytes) {
    throw EngineError(what + " holds " + std::to_string(tensor.bytes) + " bytes but its shape " +
                      "needs " + std::to_string(matrix.row_bytes * rows));
  }
  if (matrix.data == nullptr && rows != 0) throw EngineError(what + " has no data");
  return matrix;
}

WeightMatrix weight_matrix(GgmlType type, const std::byte* data, std::int64_t rows,
                           std::int64_t cols) {
  const std::string what = "a weight matrix";
  check_supported(type, what);
  if (rows < 0) throw EngineError(what + " has a negative row count");
  if (data == nullptr && rows != 0) throw EngineError(what + " has no data");
  return WeightMatrix{type, data, rows, cols, checked_row_bytes(type, cols, what)};
}

}  // namespace codriver::llm::engine
