#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "llm/engine/thread_pool.h"
#include "llm/engine/weights.h"
#include "llm/gguf/gguf_types.h"

// The numeric kernels: weight rows times activation vectors for every supported weight
// type, on the widest instruction set the CPU has.
//
// Quantised weights (Q8_0, Q4_0, Q5_0, Q4_K, Q5_K, Q6_K) are multiplied with the
// activations quantised to 8 bits per block of 32 (scale = max|x| / 127), in integer
// arithmetic with one float multiply per block; F32/F16/BF16 weights use float dot
// products. Every output is one dot product computed by one thread in a fixed order, so
// results are bitwise identical whatever the number of threads, and prefill (matmul) gives
// each token exactly what decode (matvec) would. Results may differ slightly between
// instruction sets (the order of the float sums differs).
namespace codriver::llm::engine {

// Instruction sets, each implying the ones before it.
enum class Isa {
  kScalar,      // portable C++
  kAvx2,        // AVX2 + FMA + F16C
  kAvx512,      // AVX-512 F/BW/VL/DQ
  kAvx512Vnni,  // the same with VNNI 8-bit dot products
};

std::string_view isa_name(Isa isa);  // "scalar", "avx2", "avx512", "avx512-vnni"
Isa best_isa();                      // the widest this CPU and OS support
// Selects the kernels for the whole process (tests and benchmarks compare them); a request
// beyond what the CPU has is clamped to best_isa(). Returns the ISA now in use.
Isa set_isa(Isa isa);
Isa current_isa();

// Decodes `cols` weights of one row (a multiple of the type's block) into floats.
void dequantize_row(gguf::GgmlType type, const std::byte* row, float* out, std::int64_t cols);

// y[r] = dot(row r of w, x) for r < w.rows; x holds w.cols floats.
void matvec(const WeightMatrix& w, const float* x, float* y, ThreadPool& pool);

// Prefill: y[t * w.rows + r] = dot(row r of w, x + t * w.cols) for t < n_tokens. Rows are
// taken in cache-sized tiles and each weight block is decoded once for several tokens, so
// the weights are read from memory about once per call rather than once per token.
void matmul(const WeightMatrix& w, const float* x, std::int64_t n_tokens, float* y,
            ThreadPool& pool);

}  // namespace codriver::llm::engine
