#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "llm/engine/model_config.h"
#include "llm/engine/weights.h"
#include "llm/gguf/gguf_file.h"

// A Qwen2 / Qwen3 model's weights, viewed in place in the memory-mapped GGUF file.
namespace codriver::llm::engine {

struct LayerWeights {
  const float* attn_norm = nullptr;
  WeightMatrix attn_q, attn_k, attn_v, attn_output;
  const float* q_bias = nullptr;  // Qwen2
  const float* k_bias = nullptr;
  const float* v_bias = nullptr;
  const float* q_norm = nullptr;  // Qwen3, head_dim weights
  const float* k_norm = nullptr;
  const float* ffn_norm = nullptr;
  WeightMatrix ffn_gate, ffn_up, ffn_down;
};

class QwenModel {
 public:
  // Opens and validates the file (GgufError / EngineError with the reason).
  static QwenModel open(const std::filesystem::path& path);
  explicit QwenModel(gguf::GgufFile file);

  QwenModel(QwenModel&&) noexcept = default;
  QwenModel& operator=(QwenModel&&) noexcept = default;

  const ModelConfig& config() const { return config_; }
  const gguf::GgufFile& file() const { return file_; }
  const WeightMatrix& token_embedding() const { return token_embedding_; }
  const WeightMatrix& output() const { return output_; }  // token_embd when tied
  const float* output_norm() const { return output_norm_; }
  const std::vector<LayerWeights>& layers() const { return layers_; }

  // Bytes of weights one decoded token reads: every matrix once, the embedding row aside.
  std::uint64_t weight_bytes_per_token() const;

 private:
  gguf::GgufFile file_;
  ModelConfig config_;
  WeightMatrix token_embedding_, output_;
  const float* output_norm_ = nullptr;
  std::vector<LayerWeights> layers_;
};

}  // namespace codriver::llm::engine
