// The portable kernels: plain C++ straight from the block definitions. They run where no
// vector unit is available and are the baseline the vector kernels are tested against.

#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>

#include "llm/engine/kernels/block_formats.h"
#include "llm/engine/kernels/block_values.h"
#include "llm/engine/kernels/half_float.h"
#include "llm/engine/kernels/kernel_table.h"

namespace codriver::llm::engine::kernels {
namespace {

void quantize(const float* x, std::int64_t blocks, float* scales, float* block_sums,
              std::int16_t* sums, std::int8_t* values) {
  for (std::int64_t b = 0; b < blocks; ++b) {
    const float* in = x + b * kActivationBlock;
    std::int8_t* q = values + b * kActivationBlock;
    float amax = 0.0f;
    for (int i = 0; i < kActivationBlock; ++i)
      amax = std::max(amax, std::fabs(in[i]));
    scales[b] = amax / 127.0f;
    const float inverse = amax > 0.0f ? 127.0f / amax : 0.0f;
    for (int i = 0; i < kActivationBlock; ++i) {
      // Clamped first so that NaN or infinity cannot make the conversion undefined.
      const float scaled = std::fmin(std::fmax(in[i] * inverse, -127.0f), 127.0f);
      q[i] = static_cast<std::int8_t>(std::nearbyint(scaled));
    }
    for (int half = 0; half < 2; ++half) {
      int sum = 0;
      for (int i = 0; i < 16; ++i)
        sum += q[16 * half + i];
      sums[2 * b + half] = static_cast<std::int16_t>(sum);
    }
    block_sums[b] = scales[b] * static_cast<float>(sums[2 * b] + sums[2 * b + 1]);
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

int dot_32(const std::int8_t* w, const std::int8_t* x) {
  int sum = 0;
  for (int i = 0; i < 32; ++i)
    sum += w[i] * x[i];
  return sum;
}

int dot_32(const std::uint8_t* w, const std::int8_t* x) {
  int sum = 0;
  for (int i = 0; i < 32; ++i)
    sum += w[i] * x[i];
  return sum;
}

// The 32-value weight types: value = d * q. Each block is decoded once for all tokens.
template <typename Block>
void dot_32_blocks(const std::byte* row, const QuantizedActivations& x, std::int64_t first_token,
                   int n_tokens, float* out) {
  const auto* blocks = reinterpret_cast<const Block*>(row);
  float acc[kMaxDotTokens] = {};
  for (std::int64_t b = 0; b < x.blocks; ++b) {
    std::int8_t q[32];
    if constexpr (std::is_same_v<Block, BlockQ8_0>) {
      std::memcpy(q, blocks[b].qs, sizeof q);
    } else {
      block_quants(blocks[b], q);
    }
    const float d = half_to_float(blocks[b].d);
    for (int k = 0; k < n_tokens; ++k) {
      const Token token(x, first_token + k);
      const int sum = dot_32(q, token.values + b * kActivationBlock);
      acc[k] += d * token.scales[b] * static_cast<float>(sum);
    }
  }
  for (int k = 0; k < n_tokens; ++k)
    out[k] = acc[k];
}

void dot_q8_0(const std::byte* row, const QuantizedActivations& x, std::int64_t first_token,
              int n_tokens, float* out) {
  dot_32_blocks<BlockQ8_0>(row, x, first_token, n_tokens, out);
}

void dot_q4_0(const std::byte* row, const QuantizedActivations& x, std::int64_t first_token,
              int n_tokens, float* out) {
  dot_32_blocks<BlockQ4_0>(row, x, first_token, n_tokens, out);
}

void dot_q5_0(const std::byte* row, const QuantizedActivations& x, std::int64_t first_token,
              int n_tokens, float* out) {
  dot_32_blocks<BlockQ5_0>(row, x, first_token, n_tokens, out);
}

// Q4_K and Q5_K: value = d * scale_j * q - dmin * min_j in sub-block j.
template <typename Block>
void dot_k_with_mins(const std::byte* row, const QuantizedActivations& x, std::int64_t first_token,
                     int n_tokens, float* out) {
  const auto* blocks = reinterpret_cast<const Block*>(row);
  const std::int64_t super_blocks = x.blocks / 8;
  float acc[kMaxDotTokens] = {};
  for (std::int64_t s = 0; s < super_blocks; ++s) {
    const Block& block = blocks[s];
    std::uint8_t q[kSuperBlock];
    block_quants(block, q);
    const float d = half_to_float(block.d);
    const float dmin = half_to_float(block.dmin);
    for (int j = 0; j < 8; ++j) {
      int scale, min;
      k_quant_scale_min(block.scales, j, scale, min);
      const std::int64_t b = 8 * s + j;
      for (int k = 0; k < n_tokens; ++k) {
        const Token token(x, first_token + k);
        const int sum = dot_32(q + 32 * j, token.values + b * kActivationBlock);
        acc[k] += token.scales[b] * (d * static_cast<float>(scale * sum) -
                                     dmin * static_cast<float>(min * token.block_sum(b)));
      }
    }
  }
  for (int k = 0; k < n_tokens; ++k)
    out[k] = acc[k];
}

void dot_q4_k(const std::byte* row, const QuantizedActivations& x, std::int64_t first_token,
              int n_tokens, float* out) {
  dot_k_with_mins<BlockQ4_K>(row, x, first_token, n_tokens, out);
}

void dot_q5_k(const std::byte* row, const QuantizedActivations& x, std::int64_t first_token,
              int n_tokens, float* out) {
  dot_k_with_mins<BlockQ5_K>(row, x, first_token, n_tokens, out);
}

void dot_q6_k(const std::byte* row, const QuantizedActivations& x, std::int64_t first_token,
              int n_tokens, float* out) {
  const auto* blocks = reinterpret_cast<const BlockQ6_K*>(row);
  const std::int64_t super_blocks = x.blocks / 8;
  float acc[kMaxDotTokens] = {};
  for (std::int64_t s = 0; s < super_blocks; ++s) {
    const BlockQ6_K& block = blocks[s];
    std::int8_t q[kSuperBlock];
    block_quants(block, q);
    const float d = half_to_float(block.d);
    for (int j = 0; j < 8; ++j) {
      const std::int64_t b = 8 * s + j;
      for (int k = 0; k < n_tokens; ++k) {
        const Token token(x, first_token + k);
        const std::int8_t* xq = token.values + b * kActivationBlock;
        int first_half = 0, second_half = 0;
        for (int i = 0; i < 16; ++i) {
          first_half += q[32 * j + i] * xq[i];
          second_half += q[32 * j + 16 + i] * xq[16 + i];
        }
        const int sum = block.scales[2 * j] * first_half + block.scales[2 * j + 1] * second_half;
        acc[k] += d * token.scales[b] * static_cast<float>(sum);
      }
    }
  }
  for (int k = 0; k < n_tokens; ++k)
    out[k] = acc[k];
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
