#include "llm/engine/model_config.h"

#include <string>

#include "llm/engine/engine_error.h"

namespace codriver::llm::engine {
namespace {

// A positive count read from `key`, with a bound that catches absurd or hostile values
// before they size any allocation.
std::int64_t positive(const gguf::GgufFile& file, const std::string& key, std::int64_t limit) {
  const std::uint64_t value = file.get_uint(key);
  if (value == 0 || value > static_cast<std::uint64_t>(limit)) {
    throw EngineError(key + " = " + std::to_string(value) + " is not a usable model size (1 to " +
                      std::to_string(limit) + ")");
  }
  return static_cast<std::int64_t>(value);
}

Architecture architecture_of(std::string_view name) {
  if (name == "qwen2") return Architecture::kQwen2;
  if (name == "qwen3") return Architecture::kQwen3;
  throw EngineError("the model's architecture is \"" + std::string(name) +
                    "\"; this engine runs Qwen2/Qwen2.5 (qwen2) and Qwen3 (qwen3) dense models");
}

void check_head_layout(const ModelConfig& c) {
  if (c.n_head % c.n_head_kv != 0) {
    throw EngineError("attention.head_count (" + std::to_string(c.n_head) +
                      ") is not a multiple of attention.head_count_kv (" +
                      std::to_string(c.n_head_kv) + ")");
  }
  if (c.head_dim % 2 != 0) {
    throw EngineError("the attention head size " + std::to_string(c.head_dim) +
                      " is odd; rotary embeddings need pairs");
  }
}

}  // namespace

ModelConfig read_model_config(const gguf::GgufFile& file) {
  ModelConfig c;
  c.architecture_name = std::string(file.get_string("general.architecture"));
  c.architecture = architecture_of(c.architecture_name);
  c.name = std::string(file.get_string_or("general.name", ""));
  const std::string a = c.architecture_name + ".";
  c.n_embd = positive(file, a + "embedding_length", 1 << 16);
  c.n_layer = positive(file, a + "block_count", 1 << 10);
  c.n_ff = positive(file, a + "feed_forward_length", 1 << 18);
  c.n_head = positive(file, a + "attention.head_count", 1 << 10);
  c.n_head_kv = file.contains(a + "attention.head_count_kv")
                    ? positive(file, a + "attention.head_count_kv", 1 << 10)
                    : c.n_head;
  c.context_length = positive(file, a + "context_length", 1 << 24);
  c.rope_theta = file.get_float_or(a + "rope.freq_base", 10000.0);
  c.rms_epsilon = file.get_float_or(a + "attention.layer_norm_rms_epsilon", 1e-6);
  if (!(c.rope_theta > 0) || !(c.rms_epsilon > 0)) {
    throw EngineError("rope.freq_base and attention.layer_norm_rms_epsilon must be positive");
  }
  if (c.architecture == Architecture::kQwen3 && file.contains(a + "attention.key_length")) {
    c.head_dim = positive(file, a + "attention.key_length", 1 << 12);
    if (file.contains(a + "attention.value_length") &&
        positive(file, a + "attention.value_length", 1 << 12) != c.head_dim) {
      throw EngineError("attention.value_length differs from attention.key_length: unsupported");
    }
  } else {
    if (c.n_embd % c.n_head != 0) {
      throw EngineError("embedding_length is not a multiple of attention.head_count");
    }
    c.head_dim = c.n_embd / c.n_head;
  }
  check_head_layout(c);
  c.qkv_bias = c.architecture == Architecture::kQwen2;
  c.qk_norm = c.architecture == Architecture::kQwen3;
  c.tied_output = file.find_tensor("output.weight") == nullptr;
  c.n_vocab = static_cast<std::int64_t>(file.tensor("token_embd.weight").rows());
  return c;
}

}  // namespace codriver::llm::engine
