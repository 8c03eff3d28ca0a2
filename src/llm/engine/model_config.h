#pragma once

#include <cstdint>
#include <string>

#include "llm/gguf/gguf_file.h"

// The shape of a Qwen2 / Qwen3 dense model, read from its GGUF metadata and checked
// against its tensors (see src/llm/README.md for the keys and tensor names).
namespace codriver::llm::engine {

enum class Architecture { kQwen2, kQwen3 };

struct ModelConfig {
  Architecture architecture = Architecture::kQwen2;
  std::string architecture_name;  // "qwen2", "qwen3"
  std::string name;               // general.name, may be empty
  std::int64_t n_vocab = 0;       // rows of the embedding (may exceed the tokenizer's size)
  std::int64_t n_embd = 0;
  std::int64_t n_layer = 0;
  std::int64_t n_head = 0;
  std::int64_t n_head_kv = 0;
  std::int64_t head_dim = 0;  // Qwen3: A.attention.key_length; Qwen2: n_embd / n_head
  std::int64_t n_ff = 0;
  std::int64_t context_length = 0;
  double rope_theta = 10000.0;
  double rms_epsilon = 1e-6;
  bool tied_output = false;  // no output.weight: the LM head is token_embd
  bool qkv_bias = false;     // Qwen2
  bool qk_norm = false;      // Qwen3
};

// Throws EngineError naming the key or tensor when the file is not a Qwen2/Qwen3 model
// this engine can run (other architecture, missing key, inconsistent shapes, head counts
// that do not divide, unsupported weight type).
ModelConfig read_model_config(const gguf::GgufFile& file);

}  // namespace codriver::llm::engine
