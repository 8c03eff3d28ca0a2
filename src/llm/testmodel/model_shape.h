#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The architectures and model shapes the generator writes: tiny ones for tests, and the
// exact shapes of the real Qwen models for benchmarks.
namespace codriver::llm::testmodel {

enum class Arch { kQwen2, kQwen3 };

std::string_view arch_name(Arch arch);  // "qwen2", "qwen3": general.architecture
std::optional<Arch> arch_from_name(std::string_view name);

struct ModelShape {
  std::string name;
  std::optional<Arch> arch;   // the one architecture it belongs to; none: either
  std::uint32_t n_vocab = 0;  // embedding rows; 0: the vocabulary's own size
  std::uint32_t n_embd = 0;
  std::uint32_t n_layer = 0;
  std::uint32_t n_ff = 0;
  std::uint32_t n_head = 0;
  std::uint32_t n_head_kv = 0;
  std::uint32_t head_dim = 0;  // Qwen2: n_embd / n_head; Qwen3 may differ (key_length)
  std::uint32_t context_length = 0;
  float rope_theta = 1e6f;
  float rms_epsilon = 1e-6f;
  bool tied_embeddings = true;  // no output.weight: the LM head is token_embd
};

// Throws std::invalid_argument naming the known shapes.
const ModelShape& shape_by_name(std::string_view name);
std::vector<std::string> shape_names();
// Throws std::invalid_argument when the shape is for the other architecture.
void check_shape_fits(const ModelShape& shape, Arch arch);

}  // namespace codriver::llm::testmodel
