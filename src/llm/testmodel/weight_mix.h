#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "llm/gguf/gguf_types.h"

// Which type each tensor of a generated model gets: one type for every matrix ("Q8_0"), or
// the per-tensor mixes of llama.cpp's Q4_K_M and Q5_K_M.
namespace codriver::llm::testmodel {

struct WeightMix {
  std::string name;             // as given to --type: "Q8_0", "Q4_K_M"
  gguf::GgmlType base;          // the type of most matrices
  bool k_mix = false;           // apply the _M per-tensor rules
  std::uint32_t file_type = 0;  // general.file_type (llama.cpp's llama_ftype number)
};

// Throws std::invalid_argument naming the known types.
const WeightMix& mix_by_name(std::string_view name);
std::vector<std::string> mix_names();

// The type of tensor `name` (e.g. "blk.3.ffn_down.weight") whose rows hold `row_length`
// weights, in a model of `n_layer` blocks; `has_output`: an output.weight exists (else the
// LM head is token_embd). Norms and biases are F32; see weight_mix.cpp for the rules.
gguf::GgmlType tensor_type(const WeightMix& mix, std::string_view name, std::uint64_t row_length,
                           std::uint32_t n_layer, bool has_output);

}  // namespace codriver::llm::testmodel
