// The per-tensor types, following llama.cpp's quantizer (llama_tensor_get_type in
// src/llama-quant.cpp) for the tensors a dense Qwen model has:
//
// - Only matrices are quantised: names ending in "_norm.weight" and biases stay F32.
// - Single-type mixes ("Q8_0", "Q4_K", "F16", ...): every matrix gets that type (as
//   llama-quantize --pure), with the fall-back below when a row does not fit the block.
// - Q4_K_M / Q5_K_M (base type Q4_K / Q5_K):
//   * the LM head (output.weight, or token_embd.weight when the embeddings are tied):
//     Q8_0 when its row length is not a multiple of 256, else Q6_K;
//   * attn_v.weight and ffn_down.weight of layer i: Q6_K on "more bits" layers,
//     i < n/8 || i >= 7n/8 || (i - n/8) % 3 == 2 (integer division), else the base type
//     (llama.cpp counts these tensors in file order, sorted by layer, so the counter is i);
//   * everything else, token_embd of an untied model included: the base type.
// - Fall-back when the row length is not a multiple of the chosen type's block:
//   Q4_K -> Q5_0, Q6_K -> Q8_0, Q5_K -> Q8_0 (llama.cpp uses Q5_1 here, which the engine
//   does not support; the one deliberate difference); then, if still not a multiple (or
//   for Q8_0/Q4_0/Q5_0 rows not a multiple of 32), F16.
//
// For Qwen2.5-0.5B (24 layers, rows of 896, ffn_down rows of 4864 = 19 * 256) Q4_K_M gives
// Q8_0 for token_embd; Q5_0 for attn_q/k/output and ffn_gate/up; attn_v Q8_0 on the 12
// "more bits" layers (0-2, 5, 8, 11, 14, 17, 20, 21-23) and Q5_0 on the others; ffn_down
// Q6_K on those 12 layers and Q4_K on the others.
#include "llm/testmodel/weight_mix.h"

#include <charconv>
#include <stdexcept>

namespace codriver::llm::testmodel {
namespace {

using gguf::GgmlType;

// llama_ftype numbers; pure K types are recorded as the nearest _S/_K file type.
const std::vector<WeightMix>& mixes() {
  static const std::vector<WeightMix> all = {
      {"F32", GgmlType::kF32, false, 0},     {"F16", GgmlType::kF16, false, 1},
      {"BF16", GgmlType::kBF16, false, 32},  {"Q8_0", GgmlType::kQ8_0, false, 7},
      {"Q4_0", GgmlType::kQ4_0, false, 2},   {"Q5_0", GgmlType::kQ5_0, false, 8},
      {"Q4_K", GgmlType::kQ4_K, false, 14},  {"Q5_K", GgmlType::kQ5_K, false, 16},
      {"Q6_K", GgmlType::kQ6_K, false, 18},  {"Q4_K_M", GgmlType::kQ4_K, true, 15},
      {"Q5_K_M", GgmlType::kQ5_K, true, 17},
  };
  return all;
}

bool ends_with(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// N of "blk.N.", or -1.
int layer_of(std::string_view name) {
  if (name.substr(0, 4) != "blk.") return -1;
  int layer = -1;
  const char* begin = name.data() + 4;
  const auto [end, error] = std::from_chars(begin, name.data() + name.size(), layer);
  return error == std::errc() && end < name.data() + name.size() && *end == '.' ? layer : -1;
}

bool use_more_bits(int layer, int n_layer) {
  return layer < n_layer / 8 || layer >= 7 * n_layer / 8 || (layer - n_layer / 8) % 3 == 2;
}

GgmlType k_mix_type(const WeightMix& mix, std::string_view name, std::uint64_t row_length,
                    std::uint32_t n_layer, bool has_output) {
  const bool lm_head = name == "output.weight" || (!has_output && name == "token_embd.weight");
  if (lm_head) return row_length % 256 != 0 ? GgmlType::kQ8_0 : GgmlType::kQ6_K;
  if (contains(name, "attn_v.weight") || contains(name, "ffn_down")) {
    const int layer = layer_of(name);
    if (layer >= 0 && use_more_bits(layer, static_cast<int>(n_layer))) return GgmlType::kQ6_K;
  }
  return mix.base;
}

GgmlType fall_back(GgmlType type, std::uint64_t row_length) {
  const auto fits = [row_length](GgmlType t) {
    return row_length % gguf::type_traits(t).block_elements == 0;
  };
  if (fits(type)) return type;
  switch (type) {
    case GgmlType::kQ4_K:
      type = GgmlType::kQ5_0;
      break;
    case GgmlType::kQ5_K:
    case GgmlType::kQ6_K:
      type = GgmlType::kQ8_0;
      break;
    default:
      break;
  }
  return fits(type) ? type : GgmlType::kF16;
}

}  // namespace

const WeightMix& mix_by_name(std::string_view name) {
  for (const WeightMix& mix : mixes()) {
    if (mix.name == name) return mix;
  }
  std::string known;
  for (const std::string& mix : mix_names())
    known += (known.empty() ? "" : ", ") + mix;
  throw std::invalid_argument("unknown weight type '" + std::string(name) + "' (known: " + known +
                              ")");
}

std::vector<std::string> mix_names() {
  std::vector<std::string> names;
  for (const WeightMix& mix : mixes())
    names.push_back(mix.name);
  return names;
}

GgmlType tensor_type(const WeightMix& mix, std::string_view name, std::uint64_t row_length,
                     std::uint32_t n_layer, bool has_output) {
  if (ends_with(name, "_norm.weight") || ends_with(name, ".bias")) return GgmlType::kF32;
  const GgmlType chosen =
      mix.k_mix ? k_mix_type(mix, name, row_length, n_layer, has_output) : mix.base;
  return fall_back(chosen, row_length);
}

}  // namespace codriver::llm::testmodel
