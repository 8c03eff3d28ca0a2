#pragma once

// The interface between the dispatching code (kernels.cpp) and the per-instruction-set
// kernel files. Each *_avx2.cpp / *_avx512*.cpp file is compiled with its instruction set
// enabled, so this header must hold only types and constants: an inline function defined
// here and compiled into such a file could be the copy the linker keeps for everyone.

#include <cstddef>
#include <cstdint>

namespace codriver::llm::engine::kernels {

// Activations are quantised to 8 bits in blocks of 32 values, the block of the 32-wide
// weight types and the sub-block of the K-quants.
inline constexpr std::int64_t kActivationBlock = 32;

// The most activation vectors one call of a row kernel takes (prefill register blocking).
inline constexpr int kMaxDotTokens = 4;

// (The structs below are plain aggregates, without default member initialisers, so that
// no constructor is ever emitted from a file compiled for a wider instruction set.)

// One or more activation vectors quantised block-wise: value = scale * q, q in [-127, 127].
// Token t's data starts at t * blocks in `scales` and `block_sums`, t * blocks * 2 in
// `sums` and t * blocks * 32 in `values`. The sums let kernels use unsigned weight quants
// and subtract the offset afterwards: sum((q_w - offset) x) = sum(q_w x) - offset sum(x).
struct QuantizedActivations {
  const float* scales;       // one per block
  const float* block_sums;   // scale * (sum of the block's 32 q), one per block
  const std::int16_t* sums;  // sum of q over each half block (16 values)
  const std::int8_t* values;
  std::int64_t blocks;  // per token
};

// Quantises `blocks` blocks of 32 floats (all tokens at once: the layout is contiguous).
// Every implementation gives bit-identical results (round half to even of x * 127 / amax).
using QuantizeFn = void (*)(const float* x, std::int64_t blocks, float* scales, float* block_sums,
                            std::int16_t* sums, std::int8_t* values);

// Dot products of one quantised weight row with tokens first_token .. first_token +
// n_tokens - 1 of x (n_tokens in 1..kMaxDotTokens); out[k] is token first_token + k's.
// The row holds x.blocks * 32 weights. Each token's result is computed with the same
// operations in the same order whatever n_tokens is, so prefill and decode agree bitwise.
using QuantizedDotFn = void (*)(const std::byte* row, const QuantizedActivations& x,
                                std::int64_t first_token, int n_tokens, float* out);

// The same for float weight rows (F32, F16, BF16) with float activations: token k's
// vector is x + k * cols.
using FloatDotFn = void (*)(const std::byte* row, std::int64_t cols, const float* x, int n_tokens,
                            float* out);

struct KernelTable {
  QuantizeFn quantize;
  QuantizedDotFn q8_0;
  QuantizedDotFn q4_0;
  QuantizedDotFn q5_0;
  QuantizedDotFn q4_k;
  QuantizedDotFn q5_k;
  QuantizedDotFn q6_k;
  FloatDotFn f32;
  FloatDotFn f16;
  FloatDotFn bf16;
};

KernelTable scalar_kernel_table();
#if defined(CODRIVER_LLM_X86_KERNELS)
KernelTable avx2_kernel_table();
KernelTable avx512_kernel_table();      // AVX-512 F/BW/VL/DQ
KernelTable avx512vnni_kernel_table();  // the same with VNNI dot products
void quantize_activations_avx2(const float* x, std::int64_t blocks, float* scales,
                               float* block_sums, std::int16_t* sums, std::int8_t* values);
#endif

}  // namespace codriver::llm::engine::kernels
