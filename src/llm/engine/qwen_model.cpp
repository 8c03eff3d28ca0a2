#include "llm/engine/qwen_model.h"

#include <string>

#include "llm/engine/engine_error.h"

namespace codriver::llm::engine {
namespace {

std::string describe(const std::vector<std::uint64_t>& dims) {
  std::string text = "[";
  for (std::size_t i = 0; i < dims.size(); ++i)
    text += (i ? ", " : "") + std::to_string(dims[i]);
  return text + "]";
}

// A 2-D weight of the expected [cols, rows] shape.
WeightMatrix matrix(const gguf::GgufFile& file, const std::string& name, std::int64_t cols,
                    std::int64_t rows) {
  const gguf::TensorInfo& tensor = file.tensor(name);
  if (tensor.dims.size() != 2 || tensor.dims[0] != static_cast<std::uint64_t>(cols) ||
      tensor.dims[1] != static_cast<std::uint64_t>(rows)) {
    throw EngineError(name + " has shape " + describe(tensor.dims) + ", expected [" +
                      std::to_string(cols) + ", " + std::to_string(rows) + "]");
  }
  return weight_matrix(tensor);
}

// A 1-D F32 vector (norm weights, biases) of `length` values.
const float* vector(const gguf::GgufFile& file, const std::string& name, std::int64_t length) {
  const gguf::TensorInfo& tensor = file.tensor(name);
  if (tensor.type != gguf::GgmlType::kF32) {
    throw EngineError(name + " must be F32 (norm weights and biases are never quantised)");
  }
  if (tensor.elements() != static_cast<std::uint64_t>(length)) {
    throw EngineError(name + " has " + std::to_string(tensor.elements()) + " values, expected " +
                      std::to_string(length));
  }
  return reinterpret_cast<const float*>(tensor.data);
}

LayerWeights layer_weights(const gguf::GgufFile& file, const ModelConfig& c, std::int64_t layer) {
  const std::string p = "blk." + std::to_string(layer) + ".";
  const std::int64_t q_width = c.n_head * c.head_dim;
  const std::int64_t kv_width = c.n_head_kv * c.head_dim;
  LayerWeights w;
  w.attn_norm = vector(file, p + "attn_norm.weight", c.n_embd);
  w.attn_q = matrix(file, p + "attn_q.weight", c.n_embd, q_width);
  w.attn_k = matrix(file, p + "attn_k.weight", c.n_embd, kv_width);
  w.attn_v = matrix(file, p + "attn_v.weight", c.n_embd, kv_width);
  w.attn_output = matrix(file, p + "attn_output.weight", q_width, c.n_embd);
  if (c.qkv_bias) {
    w.q_bias = vector(file, p + "attn_q.bias", q_width);
    w.k_bias = vector(file, p + "attn_k.bias", kv_width);
    w.v_bias = vector(file, p + "attn_v.bias", kv_width);
  }
  if (c.qk_norm) {
    w.q_norm = vector(file, p + "attn_q_norm.weight", c.head_dim);
    w.k_norm = vector(file, p + "attn_k_norm.weight", c.head_dim);
  }
  w.ffn_norm = vector(file, p + "ffn_norm.weight", c.n_embd);
  w.ffn_gate = matrix(file, p + "ffn_gate.weight", c.n_embd, c.n_ff);
  w.ffn_up = matrix(file, p + "ffn_up.weight", c.n_embd, c.n_ff);
  w.ffn_down = matrix(file, p + "ffn_down.weight", c.n_ff, c.n_embd);
  return w;
}

std::uint64_t bytes_of(const WeightMatrix& w) {
  return static_cast<std::uint64_t>(w.rows) * w.row_bytes;
}

}  // namespace

QwenModel QwenModel::open(const std::filesystem::path& path) {
  return QwenModel(gguf::GgufFile::open(path));
}

QwenModel::QwenModel(gguf::GgufFile file) : file_(std::move(file)) {
  config_ = read_model_config(file_);
  token_embedding_ = matrix(file_, "token_embd.weight", config_.n_embd, config_.n_vocab);
  output_ = config_.tied_output ? token_embedding_
                                : matrix(file_, "output.weight", config_.n_embd, config_.n_vocab);
  output_norm_ = vector(file_, "output_norm.weight", config_.n_embd);
  layers_.reserve(static_cast<std::size_t>(config_.n_layer));
  for (std::int64_t layer = 0; layer < config_.n_layer; ++layer)
    layers_.push_back(layer_weights(file_, config_, layer));
}

std::uint64_t QwenModel::weight_bytes_per_token() const {
  std::uint64_t bytes = bytes_of(output_);
  for (const LayerWeights& w : layers_) {
    for (const WeightMatrix* m :
         {&w.attn_q, &w.attn_k, &w.attn_v, &w.attn_output, &w.ffn_gate, &w.ffn_up, &w.ffn_down})
      bytes += bytes_of(*m);
  }
  return bytes;
}

}  // namespace codriver::llm::engine
