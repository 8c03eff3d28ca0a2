#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "llm/gguf/gguf_file.h"

// A plain double-precision forward pass of the Qwen2 and Qwen3 dense transformers held in a
// GGUF file (conventions: src/llm/README.md), used by tests to check the optimised engine's
// logits. Obviously correct rather than fast: every weight is dequantised once into doubles
// by the reference's own reader, and every call recomputes the whole prompt from scratch (no
// KV cache), so it is meant for tiny models and prompts of a few dozen tokens.
namespace codriver::llm::reference {

struct ReferenceConfig {
  std::string architecture;  // "qwen2" or "qwen3"
  std::int64_t n_vocab = 0;  // rows of token_embd.weight
  std::int64_t n_embd = 0;
  std::int64_t n_layer = 0;
  std::int64_t n_ff = 0;
  std::int64_t n_head = 0;
  std::int64_t n_head_kv = 0;
  std::int64_t head_dim = 0;  // Qwen3: A.attention.key_length; Qwen2: n_embd / n_head
  double rope_freq_base = 10000.0;
  double rms_norm_eps = 0.0;
  bool tied_output = false;  // no output.weight: the head reuses token_embd.weight
};

// A dense matrix of doubles mapping `cols` inputs to `rows` outputs (GGUF dims [cols, rows]).
struct ReferenceMatrix {
  std::int64_t rows = 0;
  std::int64_t cols = 0;
  std::vector<double> values;  // row-major: values[r * cols + c]
};

struct ReferenceLayer {
  std::vector<double> attn_norm;
  ReferenceMatrix attn_q, attn_k, attn_v, attn_output;
  std::vector<double> attn_q_bias, attn_k_bias, attn_v_bias;  // Qwen2 only
  std::vector<double> attn_q_norm, attn_k_norm;               // Qwen3 only, [head_dim]
  std::vector<double> ffn_norm;
  ReferenceMatrix ffn_gate, ffn_up, ffn_down;
};

class ReferenceModel {
 public:
  // The default refuses models over 50 M weights: the reference keeps 8 bytes per weight.
  static constexpr std::int64_t kDefaultMaxWeights = 50'000'000;

  // Reads the configuration and dequantises every weight; the file may be closed afterwards.
  // Throws std::runtime_error naming the key or tensor that is missing, of the wrong shape,
  // or of an architecture other than qwen2/qwen3, and when the model is too large.
  explicit ReferenceModel(const gguf::GgufFile& file,
                          std::int64_t max_weights = kDefaultMaxWeights);

  const ReferenceConfig& config() const { return config_; }

  // Logits (n_vocab each) for every position of the prompt; positions start at 0. Throws
  // std::invalid_argument for an empty prompt or a token outside the vocabulary.
  std::vector<std::vector<double>> logits(const std::vector<std::int32_t>& tokens) const;

  // The logits of the last position only (what generation samples from).
  std::vector<double> last_logits(const std::vector<std::int32_t>& tokens) const;

 private:
  using Activations = std::vector<std::vector<double>>;  // [position][feature]

  void attention_block(const ReferenceLayer& layer, Activations& hidden) const;
  void feed_forward_block(const ReferenceLayer& layer, Activations& hidden) const;

  ReferenceConfig config_;
  ReferenceMatrix token_embd_;
  ReferenceMatrix output_;  // empty when tied
  std::vector<double> output_norm_;
  std::vector<ReferenceLayer> layers_;
};

}  // namespace codriver::llm::reference
