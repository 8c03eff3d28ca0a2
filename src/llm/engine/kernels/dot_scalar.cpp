// The portable kernels: plain C++ straight from the block definitions. They run where no
// vector unit is available and are the baseline the vector kernels are tested against.

#include <algorithm>
#include <cmath>
#include <cstring>

#include "llm/engine/kernels/block_formats.h"
#include "llm/engine/kernels/block_values.h"
#include "llm/engine/kernels/half_float.h"
#include "llm/engine/kernels/kernel_table.h"

namespace codriver::llm::engine::kernels {
namespace {

void quantize(const float* x, std::int64_t blocks, float* scales, std::int16_t* sums,
              std::int8_t* values) {
  for (std::int64_t b = 0; b < blocks; ++b) {
    const float* in = x + b * kActivationBlock;
    std::int8_t* q = values + b * kActivationBlock;
    float amax = 0.0f;
    for (int i = 0; i < kActivationBlock; ++i) amax = std::max(amax, std::fabs(in[i]));
    scales[b] = amax / 127.0f;
    const float inverse = amax > 0.0f ? 127.0f / amax : 0.0f;
    for (int i = 0; i < kActivationBlock; ++i) {
      // Clamped first so that NaN or infinity cannot make the conversion undefined.
      const float scaled = std::fmin(std::fmax(in[i] * inverse, -127.0f), 127.0f);
      q[i] = static_cast<std::int8_t>(std::nearbyint(scaled));
    }
    for (int half = 0; half < 2; ++half) {
      int sum = 0;
      for (int i = 0; i < 16; ++i) sum += q[16 * half + i];
      sums[2 * b + half] = static_cast<std::int16_t>(sum);
    }
  }
}

// One token's quantised activations.
struct Token {
  const float* scales;
  const std::int16_t* sums;
  const std::int8_t* values;

  Token(const QuantizedActivations& x, std::int64_t t)
      : scales(x.scales + t * x.blocks),
        sums(x.sums + t * x.blocks * 2),
        values(x.values + t * x.blocks * kActivationBlock) {}

  int block_sum(std::int64_t b) const { return sums[2 * b] + sums[2 * b + 1]; }
};

// The 32-value weight types: value = d * (quant - offset).
template <typename Block, int kOffset, typename QuantOf>
void dot_32_blocks(const std::byte* row, const QuantizedActivations& x, std::int64_t first_token,
                   int n_tokens, float* out, QuantOf quant_of) {
  const auto* blocks = reinterpret_cast<const Block*>(row);
  for (int k = 0; k < n_tokens; ++k) {
    const Token token(x, first_token + k);
    float acc = 0.0f;
    for (std::int64_t b = 0; b < x.blocks; ++b) {
      const std::int8_t* xq = token.values + b * kActivationBlock;
      int sum = 0;
      for (int i = 0; i < 32; ++i) sum += (quant_of(blocks[b], i) - kOffset) * xq[i];
      acc += half_to_float(blocks[b].d) * token.scales[b] * static_cast<float>(sum);
    }
    out[k] = acc;
  }
}

void dot_q8_0(const std::byte* row, const QuantizedActivations& x, std::int64_t first_token,
              int n_tokens, float* out) {
  dot_32_blocks<BlockQ8_0, 0>(row, x, first_token, n_tokens, out,
                              [](const BlockQ8_0& b, int i) { return int{b.qs[i]}; });
}

void dot_q4_0(const std::byte* row, const QuantizedActivations& x, std::int64_t first_token,
              int n_tokens, float* out) {
  dot_32_blocks<BlockQ4_0, 8>(row, x, first_token, n_tokens, out, q4_0_quant);
}

void dot_q5_0(const std::byte* row, const QuantizedActivations& x, std::int64_t first_token,
              int n_tokens, float* out) {
  dot_32_blocks<BlockQ5_0, 16>(row, x, first_token, n_tokens, out, q5_0_quant);
}

// Q4_K and Q5_K: value = d * scale_j * quant - dmin * min_j in sub-block j.
template <typename Block, typename QuantOf>
void dot_k_with_mins(const std::byte* row, const QuantizedActivations& x,
                     std::int64_t first_token, int n_tokens, float* out, QuantOf quant_of) {
  const auto* blocks = reinterpret_cast<const Block*>(row);
  const std::int64_t super_blocks = x.blocks / 8;
  for (int k = 0; k < n_tokens; ++k) {
    const Token token(x, first_token + k);
    float acc = 0.0f;
    for (std::int64_t s = 0; s < super_blocks; ++s) {
      const Block& block = blocks[s];
      const float d = half_to_float(block.d);
      const float dmin = half_to_float(block.dmin);
      for (int j = 0; j < 8; ++j) {
        const std::int64_t b = 8 * s + j;
        const std::int8_t* xq = token.values + b * kActivationBlock;
        int sum = 0;
        for (int i = 0; i < 32; ++i) sum += quant_of(block, 32 * j + i) * xq[i];
        int scale, min;
        k_quant_scale_min(block.scales, j, scale, min);
        acc += token.scales[b] * (d * static_cast<float>(scale * sum) -
                                  dmin * static_cast<float>(min * token.block_sum(b)));
      }
    }
    out[k] = acc;
  }
}

void dot_q4_k(const std::byte* row, const QuantizedActivations& x, std::int64_t first_token,
              int n_tokens, float* out) {
  dot_k_with_mins<BlockQ4_K>(row, x, first_token, n_tokens, out, q4_k_quant);
}

void dot_q5_k(const std::byte* row, const QuantizedActivations& x, std::int64_t first_token,
              int n_tokens, float* out) {
  dot_k_with_mins<BlockQ5_K>(row, x, first_token, n_tokens, out, q5_k_quant);
}

void dot_q6_k(const std::byte* row, const QuantizedActivations& x, std::int64_t first_token,
              int n_tokens, float* out) {
  const auto* blocks = reinterpret_cast<const BlockQ6_K*>(row);
  const std::int64_t super_blocks = x.blocks / 8;
  for (int k = 0; k < n_tokens; ++k) {
    const Token token(x, first_token + k);
    float acc = 0.0f;
    for (std::int64_t s = 0; s < super_blocks; ++s) {
      const BlockQ6_K& block = blocks[s];
      const float d = half_to_float(block.d);
      for (int j = 0; j < 8; ++j) {
        const std::int64_t b = 8 * s + j;
        const std::int8_t* xq = token.values + b * kActivationBlock;
        int sum = 0;
        for (int i = 0; i < 32; ++i) {
          const int e = 32 * j + i;
          sum += block.scales[e / 16] * (q6_k_quant(block, e) - 32) * xq[i];
        }
        acc += d * token.scales[b] * static_cast<float>(sum);
      }
    }
    out[k] = acc;
  }
}

template <typename ToFloat>
void dot_float_rows(const std::byte* row, std::int64_t cols, const float* x, int n_tokens,
                    float* out, std::size_t element_bytes, ToFloat to_float) {
  for (int k = 0; k < n_tokens; ++k) {
    const float* xk = x + k * cols;
    float acc = 0.0f;
    for (std::int64_t i = 0; i < cols; ++i) {
      acc += to_float(row + i * static_cast<std::int64_t>(element_bytes)) * xk[i];
    }
    out[k] = acc;
  }
}

void dot_f32(const std::byte* row, std::int64_t cols, const float* x, int n_tokens, float* out) {
  dot_float_rows(row, cols, x, n_tokens, out, 4, [](const std::byte* p) {
    float v;
    std::memcpy(&v, p, sizeof v);
    return v;
  });
}

std::uint16_t load_u16(const std::byte* p) {
  std::uint16_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

void dot_f16(const std::byte* row, std::int64_t cols, const float* x, int n_tokens, float* out) {
  dot_float_rows(row, cols, x, n_tokens, out, 2,
                 [](const std::byte* p) { return half_to_float(load_u16(p)); });
}

void dot_bf16(const std::byte* row, std::int64_t cols, const float* x, int n_tokens, float* out) {
  dot_float_rows(row, cols, x, n_tokens, out, 2,
                 [](const std::byte* p) { return bf16_to_float(load_u16(p)); });
}

}  // namespace

KernelTable scalar_kernel_table() {
  return KernelTable{quantize, dot_q8_0, dot_q4_0, dot_q5_0, dot_q4_k,
                     dot_q5_k, dot_q6_k, dot_f32,  dot_f16,  dot_bf16};
}

}  // namespace codriver::llm::engine::kernels
