#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "llm/gguf/gguf_types.h"
#include "llm/testmodel/model_shape.h"
#include "llm/testmodel/weight_mix.h"

// The tensors of a Qwen2/Qwen3 model (names, GGUF dims and types as in src/llm/README.md)
// and how each is initialised.
namespace codriver::llm::testmodel {

struct TensorPlan {
  std::string name;
  std::vector<std::uint64_t> dims;  // GGUF order: dims[0] is the row length
  gguf::GgmlType type = gguf::GgmlType::kF32;
  float mean = 0.0f;  // weights are mean + std * N(0, 1)
  float std = 0.0f;
};

// In file order: token_embd, output_norm, output (untied only), then each block.
std::vector<TensorPlan> plan_tensors(Arch arch, const ModelShape& shape, std::uint64_t n_vocab,
                                     const WeightMix& mix);

}  // namespace codriver::llm::testmodel
