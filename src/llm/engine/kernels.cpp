#include "llm/engine/kernels.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <string>
#include <vector>

#include "llm/engine/engine_error.h"
#include "llm/engine/kernels/kernel_table.h"

namespace codriver::llm::engine {
namespace {

using gguf::GgmlType;
using kernels::KernelTable;
using kernels::kMaxDotTokens;
using kernels::QuantizedActivations;

// Rows are processed in tiles of about this many weight bytes: a tile stays in the L2
// cache while every group of tokens passes over it, so prefill reads each weight from
// memory once per call.
constexpr std::size_t kTileBytes = 128 * 1024;

Isa detect_best_isa() {
#if defined(CODRIVER_LLM_X86_KERNELS)
  __builtin_cpu_init();
  const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
                    __builtin_cpu_supports("f16c");
  if (!avx2) return Isa::kScalar;
  const bool avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                      __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq");
  if (!avx512) return Isa::kAvx2;
  return __builtin_cpu_supports("avx512vnni") ? Isa::kAvx512Vnni : Isa::kAvx512;
#else
  return Isa::kScalar;
#endif
}

const std::array<KernelTable, 4>& kernel_tables() {
  static const std::array<KernelTable, 4> tables = [] {
    std::array<KernelTable, 4> t{};
    t[0] = kernels::scalar_kernel_table();
#if defined(CODRIVER_LLM_X86_KERNELS)
    t[1] = kernels::avx2_kernel_table();
    t[2] = kernels::avx512_kernel_table();
    t[3] = kernels::avx512vnni_kernel_table();
#endif
    return t;
  }();
  return tables;
}

std::atomic<Isa>& selected_isa() {
  static std::atomic<Isa> isa{best_isa()};
  return isa;
}

const KernelTable& active_kernels() {
  return kernel_tables()[static_cast<std::size_t>(selected_isa().load(std::memory_order_relaxed))];
}

kernels::QuantizedDotFn quantized_dot(const KernelTable& table, GgmlType type) {
  switch (type) {
    case GgmlType::kQ8_0:
      return table.q8_0;
    case GgmlType::kQ4_0:
      return table.q4_0;
    case GgmlType::kQ5_0:
      return table.q5_0;
    case GgmlType::kQ4_K:
      return table.q4_k;
    case GgmlType::kQ5_K:
      return table.q5_k;
    case GgmlType::kQ6_K:
      return table.q6_k;
    default:
      return nullptr;
  }
}

kernels::FloatDotFn float_dot(const KernelTable& table, GgmlType type) {
  switch (type) {
    case GgmlType::kF32:
      return table.f32;
    case GgmlType::kF16:
      return table.f16;
    case GgmlType::kBF16:
      return table.bf16;
    default:
      return nullptr;
  }
}

void check_matrix(const WeightMatrix& w) {
  if (!is_supported(w.type)) {
    throw EngineError("cannot multiply weights of type " +
                      std::string(gguf::type_traits(w.type).name));
  }
  const gguf::TypeTraits traits = gguf::type_traits(w.type);
  const bool shape_ok = w.rows >= 0 && w.cols > 0 && w.cols % traits.block_elements == 0 &&
                        w.row_bytes == static_cast<std::size_t>(w.cols / traits.block_elements) *
                                           traits.block_bytes &&
                        (w.data != nullptr || w.rows == 0);
  if (!shape_ok) {
    throw EngineError("inconsistent " + std::string(traits.name) + " weight matrix: " +
                      std::to_string(w.rows) + " rows of " + std::to_string(w.cols) +
                      " weights in " + std::to_string(w.row_bytes) + " bytes each");
  }
}

// The caller's buffer for quantised activations: it only grows, so steady-state decoding
// allocates nothing.
struct ActivationBuffer {
  std::vector<float> scales;
  std::vector<float> block_sums;
  std::vector<std::int16_t> sums;
  std::vector<std::int8_t> values;

  QuantizedActivations quantize(const KernelTable& table, const float* x, std::int64_t cols,
                                std::int64_t n_tokens) {
    const std::int64_t blocks = cols / kernels::kActivationBlock;
    const auto total = static_cast<std::size_t>(blocks * n_tokens);
    if (scales.size() < total) {
      scales.resize(total);
      block_sums.resize(total);
      sums.resize(2 * total);
      values.resize(total * kernels::kActivationBlock);
    }
    table.quantize(x, blocks * n_tokens, scales.data(), block_sums.data(), sums.data(),
                   values.data());
    return QuantizedActivations{scales.data(), block_sums.data(), sums.data(), values.data(),
                                blocks};
  }
};

// Everything one product needs, shared by reference with the worker threads (a single
// pointer, so the std::function holding the lambda does not allocate).
struct Product {
  const WeightMatrix* w;
  std::int64_t n_tokens;
  float* y;
  kernels::QuantizedDotFn quantized;
  QuantizedActivations xq;
  kernels::FloatDotFn floating;
  const float* x;

  void dot(std::int64_t r, std::int64_t first_token, int n, float* out) const {
    if (quantized != nullptr) {
      quantized(w->row(r), xq, first_token, n, out);
    } else {
      floating(w->row(r), w->cols, x + first_token * w->cols, n, out);
    }
  }

  void rows(std::int64_t begin, std::int64_t end) const {
    const std::int64_t tile_rows =
        std::max<std::int64_t>(1, static_cast<std::int64_t>(kTileBytes / w->row_bytes));
    float out[kMaxDotTokens];
    for (std::int64_t tile = begin; tile < end; tile += tile_rows) {
      const std::int64_t tile_end = std::min(end, tile + tile_rows);
      for (std::int64_t t = 0; t < n_tokens; t += kMaxDotTokens) {
        const int n = static_cast<int>(std::min<std::int64_t>(kMaxDotTokens, n_tokens - t));
        for (std::int64_t r = tile; r < tile_end; ++r) {
          dot(r, t, n, out);
          for (int k = 0; k < n; ++k)
            y[(t + k) * w->rows + r] = out[k];
        }
      }
    }
  }
};

}  // namespace

std::string_view isa_name(Isa isa) {
  switch (isa) {
    case Isa::kScalar:
      return "scalar";
    case Isa::kAvx2:
      return "avx2";
    case Isa::kAvx512:
      return "avx512";
    case Isa::kAvx512Vnni:
      return "avx512-vnni";
  }
  return "unknown";
}

Isa best_isa() {
  static const Isa best = detect_best_isa();
  return best;
}

Isa set_isa(Isa isa) {
  const Isa chosen = std::min(isa, best_isa());
  selected_isa().store(chosen, std::memory_order_relaxed);
  return chosen;
}

Isa current_isa() {
  return selected_isa().load(std::memory_order_relaxed);
}

void matmul(const WeightMatrix& w, const float* x, std::int64_t n_tokens, float* y,
            ThreadPool& pool) {
  check_matrix(w);
  if (n_tokens < 0) throw EngineError("matmul with a negative token count");
  if (n_tokens == 0 || w.rows == 0) return;
  if (x == nullptr || y == nullptr) throw EngineError("matmul without input or output");

  const KernelTable& table = active_kernels();
  Product product{&w, n_tokens, y, quantized_dot(table, w.type), {}, float_dot(table, w.type), x};
  if (product.quantized != nullptr) {
    thread_local ActivationBuffer buffer;
    product.xq = buffer.quantize(table, x, w.cols, n_tokens);
  }
  pool.parallel_for(w.rows,
                    [&product](std::int64_t begin, std::int64_t end) { product.rows(begin, end); });
}

void matvec(const WeightMatrix& w, const float* x, float* y, ThreadPool& pool) {
  matmul(w, x, 1, y, pool);
}

}  // namespace codriver::llm::engine
