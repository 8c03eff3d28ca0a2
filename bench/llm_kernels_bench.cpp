// Matrix-vector throughput of the LLM engine's kernels, per weight type, instruction set
// and thread count, beside the machine's memory bandwidth measured in the same run.
//
// Decoding one token reads every weight once, so matvec is bound by memory bandwidth:
// compare each kernel's weight_bytes/s with mem_read and mem_copy below. Shapes are
// Qwen2.5-0.5B's MLP (896 x 4864 = ffn_down, 4864 x 896 = ffn_gate/up). "hot" reuses one
// matrix (it fits in L2/L3); "stream" cycles through copies totalling 512 MiB, as a real
// model does, so the weights come from DRAM.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "llm/engine/kernels.h"
#include "llm/engine/thread_pool.h"
#include "llm/engine/weights.h"
#include "llm/gguf/gguf_types.h"

namespace codriver::llm::engine {
namespace {

using gguf::GgmlType;

constexpr std::size_t kStreamBytes = 512ull << 20;

// Random weights: random bytes, with every half float (scales, F16 weights) a moderate
// finite number so no NaN or subnormal slows anything down.
std::vector<std::byte> random_weights(GgmlType type, std::int64_t rows, std::int64_t cols,
                                      std::uint32_t seed) {
  const gguf::TypeTraits traits = gguf::type_traits(type);
  const std::size_t bytes =
      static_cast<std::size_t>(rows * (cols / traits.block_elements) * traits.block_bytes);
  std::vector<std::byte> data(bytes);
  std::mt19937 rng(seed);
  for (std::byte& b : data)
    b = static_cast<std::byte>(rng() & 0xFF);
  const auto set_half = [&](std::size_t offset) {
    data[offset] = static_cast<std::byte>(rng() & 0xFF);
    data[offset + 1] = static_cast<std::byte>(0x20 + (rng() & 0x0F));  // ~2^-7 .. 2^-4
  };
  const std::size_t blocks = bytes / traits.block_bytes;
  for (std::size_t b = 0; b < blocks; ++b) {
    const std::size_t base = b * traits.block_bytes;
    switch (type) {
      case GgmlType::kF32: {
        const float v = static_cast<float>(rng() % 2001) / 1000.0f - 1.0f;
        std::memcpy(&data[base], &v, sizeof v);
        break;
      }
      case GgmlType::kF16:
      case GgmlType::kBF16:
        data[base + 1] = static_cast<std::byte>(0x30 + (rng() & 0x0F) + (rng() & 0x80));
        break;
      case GgmlType::kQ4_K:
      case GgmlType::kQ5_K:
        set_half(base);
        set_half(base + 2);
        break;
      case GgmlType::kQ6_K:
        set_half(base + 208);
        break;
      default:
        set_half(base);
    }
  }
  return data;
}

std::vector<float> random_activations(std::int64_t n) {
  std::mt19937 rng(3);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  std::vector<float> x(static_cast<std::size_t>(n));
  for (float& v : x)
    v = normal(rng);
  return x;
}

struct Case {
  GgmlType type;
  std::int64_t rows;
  std::int64_t cols;
  Isa isa;
  int threads;
  bool stream;
  std::int64_t tokens;  // 1: matvec; more: matmul (prefill)
};

void run_case(benchmark::State& state, const Case& c) {
  if (set_isa(c.isa) != c.isa) {
    state.SkipWithError("CPU lacks this instruction set");
    return;
  }
  const std::vector<std::byte> weights = random_weights(c.type, c.rows, c.cols, 1);
  const std::size_t matrix_bytes = weights.size();
  // Copies enough to overflow every cache when streaming; one otherwise.
  const std::size_t copies = c.stream ? std::max<std::size_t>(2, kStreamBytes / matrix_bytes) : 1;
  std::vector<std::byte> all(matrix_bytes * copies);
  for (std::size_t i = 0; i < copies; ++i) {
    std::memcpy(all.data() + i * matrix_bytes, weights.data(), matrix_bytes);
  }
  std::vector<WeightMatrix> matrices;
  for (std::size_t i = 0; i < copies; ++i) {
    matrices.push_back(weight_matrix(c.type, all.data() + i * matrix_bytes, c.rows, c.cols));
  }
  const std::vector<float> x = random_activations(c.cols * c.tokens);
  std::vector<float> y(static_cast<std::size_t>(c.rows * c.tokens));
  ThreadPool pool(c.threads);
  std::size_t next = 0;
  for (auto _ : state) {
    const WeightMatrix& w = matrices[next];
    next = next + 1 == copies ? 0 : next + 1;
    if (c.tokens == 1) {
      matvec(w, x.data(), y.data(), pool);
    } else {
      matmul(w, x.data(), c.tokens, y.data(), pool);
    }
    benchmark::DoNotOptimize(y.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * matrix_bytes));
  state.counters["weight_GB/s"] = benchmark::Counter(static_cast<double>(matrix_bytes) / 1e9,
                                                     benchmark::Counter::kIsIterationInvariantRate);
  if (c.tokens > 1) {
    state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(c.tokens),
                                                    benchmark::Counter::kIsIterationInvariantRate);
  }
  set_isa(best_isa());
}

std::string case_name(const Case& c) {
  std::string name = c.tokens == 1 ? "matvec/" : "matmul" + std::to_string(c.tokens) + "/";
  name += std::string(gguf::type_traits(c.type).name) + "/" + std::to_string(c.rows) + "x" +
          std::to_string(c.cols) + "/" + std::string(isa_name(c.isa)) +
          "/threads:" + std::to_string(c.threads) + (c.stream ? "/stream" : "/hot");
  return name;
}

// Memory bandwidth over a buffer far larger than the caches: memcpy (bytes copied per
// second; the traffic is twice that) and a plain read (what matvec does with weights).
void BM_MemoryCopy(benchmark::State& state) {
  std::vector<char> from(kStreamBytes, 1), to(kStreamBytes, 2);
  for (auto _ : state) {
    std::memcpy(to.data(), from.data(), kStreamBytes);
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kStreamBytes));
  state.counters["copy_GB/s"] = benchmark::Counter(static_cast<double>(kStreamBytes) / 1e9,
                                                   benchmark::Counter::kIsIterationInvariantRate);
}

void BM_MemoryRead(benchmark::State& state) {
  std::vector<std::uint64_t> data(kStreamBytes / sizeof(std::uint64_t), 1);
  for (auto _ : state) {
    std::uint64_t sums[8] = {};
    for (std::size_t i = 0; i < data.size(); i += 8) {
      for (int k = 0; k < 8; ++k)
        sums[k] += data[i + k];
    }
    std::uint64_t total = 0;
    for (std::uint64_t s : sums)
      total += s;
    benchmark::DoNotOptimize(total);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kStreamBytes));
  state.counters["read_GB/s"] = benchmark::Counter(static_cast<double>(kStreamBytes) / 1e9,
                                                   benchmark::Counter::kIsIterationInvariantRate);
}

void register_all() {
  benchmark::RegisterBenchmark("mem_copy/512MiB", BM_MemoryCopy)->UseRealTime();
  benchmark::RegisterBenchmark("mem_read/512MiB", BM_MemoryRead)->UseRealTime();
  const GgmlType types[] = {GgmlType::kQ8_0, GgmlType::kQ4_K, GgmlType::kQ6_K,
                            GgmlType::kQ5_0, GgmlType::kQ4_0, GgmlType::kQ5_K,
                            GgmlType::kF16,  GgmlType::kBF16, GgmlType::kF32};
  const Isa isas[] = {Isa::kScalar, Isa::kAvx2, Isa::kAvx512, Isa::kAvx512Vnni};
  const std::int64_t shapes[][2] = {{896, 4864}, {4864, 896}};
  for (bool stream : {true, false}) {
    for (GgmlType type : types) {
      for (const auto& shape : shapes) {
        if (shape[1] % gguf::type_traits(type).block_elements != 0) continue;  // K-quants x 896
        for (Isa isa : isas) {
          if (isa > best_isa()) continue;
          for (int threads : {1, 2}) {
            if (isa == Isa::kScalar && (threads == 2 || !stream)) continue;
            const Case c{type, shape[0], shape[1], isa, threads, stream, 1};
            benchmark::RegisterBenchmark(case_name(c).c_str(), [c](benchmark::State& s) {
              run_case(s, c);
            })->UseRealTime();
          }
        }
      }
    }
  }
  // Prefill: 64 tokens at once, best ISA.
  for (GgmlType type : {GgmlType::kQ8_0, GgmlType::kQ4_K}) {
    for (int threads : {1, 2}) {
      const Case c{type, 896, 4864, best_isa(), threads, false, 64};
      benchmark::RegisterBenchmark(case_name(c).c_str(), [c](benchmark::State& s) {
        run_case(s, c);
      })->UseRealTime();
    }
  }
}

}  // namespace
}  // namespace codriver::llm::engine

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  codriver::llm::engine::register_all();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
