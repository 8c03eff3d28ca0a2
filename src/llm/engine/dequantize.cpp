#include <cstring>
#include <string>
#include <type_traits>

#include "llm/engine/engine_error.h"
#include "llm/engine/kernels.h"
#include "llm/engine/kernels/block_formats.h"
#include "llm/engine/kernels/block_values.h"
#include "llm/engine/kernels/half_float.h"

namespace codriver::llm::engine {
namespace {

using gguf::GgmlType;
using namespace kernels;

std::uint16_t load_u16(const std::byte* p) {
  std::uint16_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

template <typename Block>
void dequantize_32_blocks(const std::byte* row, float* out, std::int64_t blocks) {
  const auto* in = reinterpret_cast<const Block*>(row);
  for (std::int64_t b = 0; b < blocks; ++b) {
    std::int8_t q[32];
    if constexpr (std::is_same_v<Block, BlockQ8_0>) {
      std::memcpy(q, in[b].qs, sizeof q);
    } else {
      block_quants(in[b], q);
    }
    const float d = half_to_float(in[b].d);
    for (int i = 0; i < 32; ++i)
      out[32 * b + i] = d * static_cast<float>(q[i]);
  }
}

template <typename Block>
void dequantize_k_with_mins(const std::byte* row, float* out, std::int64_t super_blocks) {
  const auto* in = reinterpret_cast<const Block*>(row);
  for (std::int64_t s = 0; s < super_blocks; ++s) {
    std::uint8_t q[kSuperBlock];
    block_quants(in[s], q);
    const float d = half_to_float(in[s].d);
    const float dmin = half_to_float(in[s].dmin);
    for (int j = 0; j < 8; ++j) {
      int scale, min;
      k_quant_scale_min(in[s].scales, j, scale, min);
      const float step = d * static_cast<float>(scale);
      const float offset = dmin * static_cast<float>(min);
      for (int i = 0; i < 32; ++i) {
        out[kSuperBlock * s + 32 * j + i] = step * static_cast<float>(q[32 * j + i]) - offset;
      }
    }
  }
}

void dequantize_q6_k(const std::byte* row, float* out, std::int64_t super_blocks) {
  const auto* in = reinterpret_cast<const BlockQ6_K*>(row);
  for (std::int64_t s = 0; s < super_blocks; ++s) {
    std::int8_t q[kSuperBlock];
    block_quants(in[s], q);
    const float d = half_to_float(in[s].d);
    for (int i = 0; i < kSuperBlock; ++i) {
      out[kSuperBlock * s + i] =
          d * static_cast<float>(in[s].scales[i / 16]) * static_cast<float>(q[i]);
    }
  }
}

}  // namespace

void dequantize_row(GgmlType type, const std::byte* row, float* out, std::int64_t cols) {
  const gguf::TypeTraits traits = gguf::type_traits(type);
  if (!is_supported(type)) {
    throw EngineError("cannot dequantize weights of type " + std::string(traits.name));
  }
  if (cols < 0 || cols % traits.block_elements != 0) {
    throw EngineError("cannot dequantize " + std::to_string(cols) + " " + std::string(traits.name) +
                      " weights: not a multiple of its block of " +
                      std::to_string(traits.block_elements));
  }
  const std::int64_t blocks = cols / traits.block_elements;
  switch (type) {
    case GgmlType::kF32:
      std::memcpy(out, row, static_cast<std::size_t>(cols) * sizeof(float));
      return;
    case GgmlType::kF16:
      for (std::int64_t i = 0; i < cols; ++i)
        out[i] = half_to_float(load_u16(row + 2 * i));
      return;
    case GgmlType::kBF16:
      for (std::int64_t i = 0; i < cols; ++i)
        out[i] = bf16_to_float(load_u16(row + 2 * i));
      return;
    case GgmlType::kQ8_0:
      return dequantize_32_blocks<BlockQ8_0>(row, out, blocks);
    case GgmlType::kQ4_0:
      return dequantize_32_blocks<BlockQ4_0>(row, out, blocks);
    case GgmlType::kQ5_0:
      return dequantize_32_blocks<BlockQ5_0>(row, out, blocks);
    case GgmlType::kQ4_K:
      return dequantize_k_with_mins<BlockQ4_K>(row, out, blocks);
    case GgmlType::kQ5_K:
      return dequantize_k_with_mins<BlockQ5_K>(row, out, blocks);
    case GgmlType::kQ6_K:
      return dequantize_q6_k(row, out, blocks);
    default:
      break;
  }
}

}  // namespace codriver::llm::engine
